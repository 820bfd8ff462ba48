"""Loading, validating and converting the province's geodata: the embedded data set and users' uploads.

Everything returned is in EPSG:4326 with the column names of `geodata.schema`; metric work uses EPSG:32647.
"""

from geodata.adjacency import hop_distances, tambon_adjacency
from geodata.embedded import load_amphoes, load_tambons, load_villages, sources_markdown
from geodata.errors import GeodataError, Problem, UploadError

__all__ = [
    "GeodataError",
    "Problem",
    "UploadError",
    "hop_distances",
    "load_amphoes",
    "load_tambons",
    "load_villages",
    "sources_markdown",
    "tambon_adjacency",
]
