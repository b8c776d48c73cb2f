"""Use cases: the only code that builds queries and transactions. Each returns frozen dataclasses."""
