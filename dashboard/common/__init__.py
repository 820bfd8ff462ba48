"""Shared by every page: the data set and saved work, maps and offline assets, interface text and formats."""
