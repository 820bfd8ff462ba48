"""The error of the export builders: a plan or a request that cannot be exported, saying how to fix it."""

from __future__ import annotations

from geodata.errors import GeodataError


class ExportError(GeodataError):
    """An export that cannot be built (unknown amphoe or format, no Thai font, plan without villages...)."""
