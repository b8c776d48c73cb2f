"""Small widgets and helpers shared by every page."""
