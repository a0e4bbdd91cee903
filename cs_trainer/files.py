"""Writing files so that nobody ever sees half of one, and nobody else reads them.

Everything cs_trainer writes (sheets, exports, banks, the database, its log) holds
or may hold people's personal data, so it is readable by its owner only on POSIX:
files 0600, folders 0700 (issue 9; see :func:`owner_only`).
"""

import contextlib
import os
import secrets
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
OWNER_ONLY_UMASK = 0o077
"""The process's umask while cs_trainer runs: what it creates is its owner's only."""


def write_atomically(out: Path, data: bytes) -> None:
    """Put ``data`` at ``out`` all at once, or not at all, readable by its owner only.

    The bytes go to a new hidden file beside ``out`` (same directory, so the
    rename cannot cross file systems) which then replaces ``out``. A reader, or
    a crash, never sees a half-written file, and a failed write leaves an
    existing file untouched. The new file is created 0600 whatever the umask
    (``O_EXCL``: an existing file is never reused), so replacing an older,
    wider-open export also narrows it.
    """
    temp = out.with_name(f".{out.name}.{secrets.token_hex(6)}.tmp")
    try:
        with open(temp, "xb", opener=owner_only_opener) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def owner_only_opener(path: str, flags: int) -> int:
    """An ``opener`` for :func:`open`: a file it creates is 0600 whatever the umask."""
    return os.open(path, flags, FILE_MODE)


def owner_only(path: Path, mode: int = FILE_MODE) -> None:
    """Narrow ``path`` to ``mode`` if others may read it and it is ours.

    Only a path this process's user owns is changed (never someone else's file that
    we may merely read), and only when it is wider than ``mode``; a failure (a
    read-only medium, a file system without modes) is not an error: the file is
    used as it is. Nothing is done on Windows, whose permissions are not modes.
    """
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        status = path.stat()
        if status.st_uid == os.getuid() and stat.S_IMODE(status.st_mode) & ~mode:
            path.chmod(stat.S_IMODE(status.st_mode) & mode)
