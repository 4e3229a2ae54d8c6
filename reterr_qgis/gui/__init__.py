"""Dock panel and dialogs of the QGIS interface."""
