"""The Plan page (planners): the map, the selection, edits pending and applied, tallies, scenarios, roster."""
