"""换届 page: the change-of-term assistant, five resumable steps."""
