"""The Export page (district offices): each amphoe's plan files to download."""
