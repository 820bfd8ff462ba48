"""Streamlit dashboard: thin pages over geodata and planning. Run with `make run`."""
