"""Writing files so that nobody ever sees half of one, and nobody else reads them, under
names that cannot leave the folder they were meant for.

Everything cs_trainer writes (sheets, exports, banks, the database, its log) holds
or may hold people's personal data, so it is readable by its owner only on POSIX:
files 0600, folders 0700 (issue 9; see :func:`owner_only`). A file named after a
person goes through :func:`safe_file_stem` / :func:`file_in_folder` (issue 10): a name
such as ``../../etc/x`` once made the GUI's suggested path leave the chosen folder.
"""

import contextlib
import os
import re
import secrets
import stat
import unicodedata
from pathlib import Path

MAX_STEM = 80
"""Characters of a file name made from a person's text, before the extension."""
MAX_STEM_BYTES = 200
"""Its UTF-8 bytes: file systems hold 255 bytes per name, and 80 Chinese characters
are 240; the rest is room for " (2)", a sheet's own words and the extension."""
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
"""Controls, invisible format characters (a right-to-left override can disguise
"exe.pdf"), lone surrogates (no file system can store them), unassigned ones and
line breaks."""
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10))}
_RESERVED |= {f"LPT{n}" for n in range(1, 10)}

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


def safe_file_stem(name: str, fallback: str) -> str:
    """``name`` as a file name that every system accepts (Windows is the strictest).

    Path separators, characters Windows forbids, controls and invisible characters
    become "_", so the result is one name, never a path (``..`` cannot climb); leading
    and trailing dots and spaces go (a leading dot hides a file; Windows drops trailing
    ones); it is cut to :data:`MAX_STEM` characters and :data:`MAX_STEM_BYTES` bytes;
    reserved device names get a "_", and an empty result becomes ``fallback``.
    """
    stem = "".join(_safe_character(character) for character in unicodedata.normalize("NFC", name))
    stem = _cut(stem.strip(" ."), MAX_STEM, MAX_STEM_BYTES).rstrip(" .") or fallback
    return f"{stem}_" if stem.split(".")[0].upper() in _RESERVED else stem


def file_in_folder(folder: Path, name: str, suffix: str, fallback: str) -> Path:
    """The file ``name + suffix`` in ``folder``, cleaned by :func:`safe_file_stem`, so it
    is always directly inside ``folder`` (used for every suggested save path)."""
    return folder / f"{safe_file_stem(name, fallback)}{suffix}"


def _safe_character(character: str) -> str:
    if _UNSAFE.match(character) or unicodedata.category(character) in _UNSAFE_CATEGORIES:
        return "_"
    return character


def _cut(text: str, characters: int, size: int) -> str:
    text = text[:characters]
    while len(text.encode("utf-8")) > size:
        text = text[:-1]
    return text
