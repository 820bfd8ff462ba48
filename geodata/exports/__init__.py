"""District plan exports: the files each amphoe office receives (XLSX, PDF, CSV, GeoPackage, GeoJSON).

`geodata.exports.packet.province_packet` computes a plan's content for every amphoe once; every format writer
(`xlsx`, `pdf` with `pdf_map`, `vector`) reads it, so the formats never disagree. `geodata.exports.packets.
export_plan` writes the files for one amphoe or for all of them (plus the province files) into a folder and, if
asked, a zip; the command line (`rollout export`, `geodata.exports.cli`) and the dashboard's Export page both
call it. This package module stays light (the writers load matplotlib, fpdf2 and openpyxl): import them from
their modules.
"""

from geodata.exports.errors import ExportError
from geodata.exports.formats import ALL_AMPHOES, FORMATS, parse_formats

__all__ = ["ALL_AMPHOES", "FORMATS", "ExportError", "parse_formats"]
