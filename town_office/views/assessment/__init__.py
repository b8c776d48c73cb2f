"""年度履职考核 page and its dialogs: the scheme of a year and manual adjustments."""
