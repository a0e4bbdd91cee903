"""Writing files so that nobody ever sees half of one."""

import contextlib
import os
import secrets
from pathlib import Path


def write_atomically(out: Path, data: bytes) -> None:
    """Put ``data`` at ``out`` all at once, or not at all.

    The bytes go to a new hidden file beside ``out`` (same directory, so the
    rename cannot cross file systems) which then replaces ``out``. A reader, or
    a crash, never sees a half-written file, and a failed write leaves an
    existing file untouched. Mode ``"xb"`` refuses to reuse an existing file
    and gives the usual umask permissions (unlike ``mkstemp``'s 0600).
    """
    temp = out.with_name(f".{out.name}.{secrets.token_hex(6)}.tmp")
    try:
        with temp.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
