"""民生实事 page and its dialogs."""
