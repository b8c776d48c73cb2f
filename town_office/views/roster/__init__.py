"""The roster area (代表名册): the page, its table model, and its dialogs."""
