"""Files only their owner may read: keys, the audit log and its salt, the server record.

Each is created with mode 0600 from the start (never written first and narrowed after, which
leaves a moment when another user could open it), whatever the process's umask. A file that
already exists with a wider mode is narrowed to 0600 when carenet next writes it. A folder
created for one (the data folder) is mode 0700.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

MODE = 0o600


def write(path: Path, data: str | bytes) -> Path:
    """Replace ``path`` with ``data`` (text as UTF-8), mode 0600; a reader sees the old or the new file whole."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, MODE)
    try:
        os.fchmod(fd, MODE)  # the tmp name may have been left behind, wider, by a crash
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def create(path: Path, data: str | bytes) -> bool:
    """Write ``path`` (mode 0600) only if it does not exist; False when it did (left as it is)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, MODE)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return True


def append(path: Path) -> IO[str]:
    """``path`` opened to append text, created with mode 0600 (an existing file is narrowed to 0600)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, MODE)
    if os.fstat(fd).st_mode & 0o777 != MODE:
        os.fchmod(fd, MODE)
    return os.fdopen(fd, "a", encoding="utf-8")
