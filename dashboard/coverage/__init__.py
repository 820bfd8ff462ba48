"""The Coverage page (executives): coverage by year, load, district ranking, and six-step progress."""
