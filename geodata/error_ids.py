"""Error ids: how an unexpected error (a bug) is named to the user and found again in the server log.

The dashboard never shows a traceback or a server path. When something fails that no check foresaw, the user
sees a short message with an error id (worded in geodata.messages, `common.unexpected_error`), and the server
log gets the same id with the traceback, so the person who reports the problem and the person who reads the
log talk about the same failure. (Bad input is not an unexpected error: it gets a message that names the bad
value and the fix.)
"""

from __future__ import annotations

import secrets

from geodata.messages import text

#: "... (error id 3F9A1C2B)": eight hex digits, easy to read out on the phone and to grep for.
ERROR_ID_DIGITS = 8


def new_error_id() -> str:
    """A fresh random error id such as "3F9A1C2B"."""
    return secrets.token_hex(ERROR_ID_DIGITS // 2).upper()


def unexpected_error_message(error_id: str, lang: str) -> str:
    """What the user reads about an unexpected error, in Thai ("th") or English."""
    return text("common.unexpected_error", "th" if lang == "th" else "en", error_id=error_id)
