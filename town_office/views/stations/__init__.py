"""代表联络站 page and its dialogs."""
