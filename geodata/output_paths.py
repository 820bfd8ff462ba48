"""The command line's output files, all or nothing: every path checked before any work, files renamed into place
only when everything is written.

``rollout plan --out plan.csv --metrics missing/metrics.json`` used to write plan.csv and then fail on the
metrics: a half-finished result that looks finished. Now each output path is checked first (its folder exists
and can be written, it is not a folder itself), the files are written under temporary names beside their
targets, and renamed into place together at the end; a failure on the way removes the temporary files and leaves
whatever was there before untouched. A folder of exports is built in a temporary folder the same way.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from geodata.errors import GeodataError

_TEMP_PREFIX = ".rollout-"


def check_output_file(path: Path, option: str) -> Path:
    """`path` if a file can be written there; GeodataError (naming `option` and the fix) if not."""
    path = Path(path)
    if path.is_dir():
        raise GeodataError(f"{option} {path} is a folder; give a file name such as {path / 'rollout_plan.csv'}")
    folder = path.parent
    if not folder.is_dir():
        raise GeodataError(f"{option} {path}: the folder {folder} does not exist; create it first or choose "
                           "another path")
    _check_writable(folder, option, path)
    return path


def check_output_folder(path: Path, option: str) -> Path:
    """`path` if it is a folder that can be written, or can be created; GeodataError if not."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise GeodataError(f"{option} {path} is a file, not a folder; choose a folder")
    existing = path
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise GeodataError(f"{option} {path}: {existing} is a file, so the folder cannot be created there; "
                           "choose another folder")
    _check_writable(existing, option, path)
    return path


def write_files(contents: Mapping[Path, str | bytes]) -> None:
    """Write every file or none: each to a temporary name beside its target, then all renamed into place.

    Text is written as UTF-8. Raises OSError (the temporary files removed) if any write fails.
    """
    written: dict[Path, Path] = {}
    try:
        for target, content in contents.items():
            handle, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=Path(target).parent)
            written[Path(target)] = Path(name)
            with os.fdopen(handle, "wb") as file:
                file.write(content.encode("utf-8") if isinstance(content, str) else content)
    except BaseException:
        for temporary in written.values():
            temporary.unlink(missing_ok=True)
        raise
    for target, temporary in written.items():
        os.replace(temporary, target)


@contextmanager
def staged_folder(out: Path) -> Iterator[Path]:
    """A temporary folder to build into; on success its content is moved into `out` (created if missing), on
    failure it is removed and `out` is as it was."""
    out = Path(out)
    existing = out
    while not existing.exists():
        existing = existing.parent
    stage = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX, dir=existing))
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    try:
        if not out.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage, out)
            return
        _merge(stage, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _merge(source: Path, target: Path) -> None:
    for item in source.iterdir():
        destination = target / item.name
        if item.is_dir() and destination.is_dir():
            _merge(item, destination)
        else:
            if destination.is_dir():
                shutil.rmtree(destination)
            os.replace(item, destination)


def _check_writable(folder: Path, option: str, path: Path) -> None:
    try:
        with tempfile.NamedTemporaryFile(prefix=_TEMP_PREFIX, dir=folder):
            pass
    except OSError as error:
        raise GeodataError(f"{option} {path}: cannot write in {folder} ({error.strerror}); choose a writable "
                           "folder") from error
