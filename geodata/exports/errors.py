"""The error of the export builders: a plan or a request that cannot be exported, saying how to fix it.

Errors a page can meet are raised with a catalogue message (geodata.messages.Message), so the Export page words
them in its reader's language; the command line's own (an --out that cannot be written) are English strings.
"""

from __future__ import annotations

from geodata.errors import GeodataError


class ExportError(GeodataError):
    """An export that cannot be built (unknown amphoe or format, no Thai font, plan without villages...)."""
