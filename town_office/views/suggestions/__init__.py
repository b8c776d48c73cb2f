"""代表建议 page and its step dialogs."""
