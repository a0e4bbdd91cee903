"""PDF sheets and exports, built from the plain data objects in :mod:`.sheet_data`."""
