"""查找 (Ctrl+K): the search dialog over every kind of record."""
