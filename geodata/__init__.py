"""Loading, validating and converting geodata: the embedded province, provinces built from the national files
(`geodata.databuild`), the province registry (`geodata.provinces`), the whole country (`geodata.nation`, its plans
`geodata.national_plan` and map layers `geodata.national_layers`) and users' uploads.

Everything returned is in EPSG:4326 with the column names of `geodata.schema`; metric work uses the province's
UTM zone (`geodata.provinces.metric_crs`). Loaders called without a province return the default province.
"""

from geodata.adjacency import hop_distances, tambon_adjacency
from geodata.embedded import sources_markdown
from geodata.errors import GeodataError, Problem, UploadError
from geodata.province_data import dataset_name, load_amphoes, load_tambons, load_villages

__all__ = [
    "GeodataError",
    "Problem",
    "UploadError",
    "dataset_name",
    "hop_distances",
    "load_amphoes",
    "load_tambons",
    "load_villages",
    "sources_markdown",
    "tambon_adjacency",
]
