"""Passwords of local accounts: hashed with Argon2id (argon2-cffi), never stored or logged as they are.

A password must have at least `MIN_PASSWORD_CHARS` characters (long phrases beat clever symbols) and at most
`MAX_PASSWORD_CHARS` (hashing megabytes of text on every try would be a way to load the server).
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from service.errors import PasswordRejected

MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 256
_hasher = PasswordHasher()
#: Verified against when the account does not exist, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def check_new_password(password: str) -> str:
    """The password if it is long enough and not too long; PasswordRejected says the limits otherwise."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_CHARS:
        length = len(password) if isinstance(password, str) else 0
        raise PasswordRejected(f"the password has {length} characters; use at least {MIN_PASSWORD_CHARS} "
                               "(a few words make a long password that is easy to remember)",
                               "access.password_short", n=length, min=MIN_PASSWORD_CHARS)
    if len(password) > MAX_PASSWORD_CHARS:
        raise PasswordRejected(f"the password has {len(password):,} characters; use at most {MAX_PASSWORD_CHARS}",
                               "access.password_long", n=len(password), max=MAX_PASSWORD_CHARS)
    return password


def hash_password(password: str) -> str:
    """The Argon2id hash of a new password (checked with `check_new_password` first)."""
    return _hasher.hash(check_new_password(password))


def verify_password(password_hash: str | None, password: str) -> bool:
    """True if `password` matches the hash; a missing account (None) still costs one verification."""
    if not isinstance(password, str) or len(password) > MAX_PASSWORD_CHARS:
        return False
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's (then it is replaced at the next login)."""
    return _hasher.check_needs_rehash(password_hash)


def generate_password() -> str:
    """A random password for the first admin account (about 120 bits), printed once on the console."""
    return secrets.token_urlsafe(15)
