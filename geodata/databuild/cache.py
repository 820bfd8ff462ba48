"""Built provinces cached on disk, so a province is built once per machine, not once per process.

The cache lives in the user's cache folder: ``ROLLOUT_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/km-rollout``,
else ``~/.cache/km-rollout``. Each province is a folder in the layout of ``geodata.databuild.province.write_province``
under a key made of the shipped national files' digest and ``BUILD_VERSION``: new data or a new build gives a new
key, so a stale build is never read. A folder is written under a temporary name and renamed into place in one
step, so a reader sees a complete build or none, and two processes building the same province at once both end
up reading one complete folder (the second rename loses and its copy is discarded).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from geodata.databuild.national import input_digest
from geodata.databuild.province import BUILD_VERSION, SUMMARY_FILE, build_province, write_province

#: Environment variable naming the cache folder (tests point it at a temporary folder).
CACHE_DIR_VARIABLE = "ROLLOUT_CACHE_DIR"
_APP_FOLDER = "km-rollout"


def cache_root() -> Path:
    """The folder holding the cached builds (not created here)."""
    explicit = os.environ.get(CACHE_DIR_VARIABLE)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / _APP_FOLDER


def cache_key() -> str:
    """Digest of the build's inputs and code version: the name of the folder holding this build's provinces."""
    return hashlib.sha256(f"{input_digest()}:{BUILD_VERSION}".encode()).hexdigest()[:16]


def province_folder(code: str) -> Path:
    """The folder of a built province (the registry's 2-digit code), building and caching it on first use.

    Raises GeodataError for an unknown or empty province and OSError when the cache cannot be written.
    """
    folder = cache_root() / "provinces" / cache_key() / code
    if (folder / SUMMARY_FILE).is_file():
        return folder
    build = build_province(code)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{code}-", dir=folder.parent))
    try:
        write_province(build, staging)
        try:
            staging.rename(folder)
        except OSError:
            if not (folder / SUMMARY_FILE).is_file():  # not another process's complete build: a real failure
                raise
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return folder
