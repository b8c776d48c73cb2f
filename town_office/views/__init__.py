"""PySide6 widgets. Views ask services for dataclasses and never touch the database directly."""
