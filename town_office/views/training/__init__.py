"""代表培训: the sessions list, the session dialog with quick attendance marking, and the year's
statistics page."""
