"""Per-computer preferences (QSettings) and the settings page."""
