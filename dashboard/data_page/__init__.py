"""The Data page: what the data set holds, its sources, and checking a planner's own files."""
