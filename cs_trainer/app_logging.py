"""Where cs_trainer writes down what happened: a rotating log and a native-crash file.

Both live in the user log folder that platformdirs names for this platform
(``~/.local/state/cs_trainer/log`` on Linux). The log is for whoever looks after
the laptop; it never holds a person's name, phone or notes: messages name records
by ID and SQLAlchemy never prints statement parameters. ``faulthandler`` writes a
native crash (a segfault in Qt) to its own file, which the next start offers to
show and then sets aside.

The folder is 0700 and the files 0600 (POSIX), whatever the umask: a log made wider
by an older version is narrowed when it is opened, and a file the rotation starts
is created 0600.
"""

import faulthandler
import io
import logging
import logging.handlers
import os
from pathlib import Path
from typing import IO

import platformdirs

from cs_trainer.files import FOLDER_MODE, owner_only, owner_only_opener

APP_NAME = "cs_trainer"
LOG_FILE = "cs_trainer.log"
CRASH_FILE = "native-crash.txt"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3

_crash_stream: IO[str] | None = None


class _OwnerOnlyFileHandler(logging.handlers.RotatingFileHandler):
    """The rotating log, each of its files created 0600 whatever the umask."""

    def _open(self) -> io.TextIOWrapper:
        owner_only(Path(self.baseFilename))  # one an older version left readable
        stream = open(  # noqa: SIM115 (the handler keeps it open)
            self.baseFilename,
            self.mode,
            encoding=self.encoding,
            errors=self.errors,
            opener=owner_only_opener,
        )
        assert isinstance(stream, io.TextIOWrapper)  # a text mode ("a")
        return stream


def log_folder() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_path() -> Path:
    return log_folder() / LOG_FILE


def crash_path() -> Path:
    return log_folder() / CRASH_FILE


def start_logging(level: int = logging.INFO) -> Path | None:
    """Log to the rotating file; returns its path, or None if the folder cannot be used
    (a read-only home must not stop the app from starting)."""
    try:
        folder = log_folder()
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        os.chmod(folder, FOLDER_MODE)
        handler = _OwnerOnlyFileHandler(
            log_path(), maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        logging.getLogger(__name__).warning("cannot write the log file", exc_info=True)
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return log_path()


def enable_crash_file() -> Path | None:
    """Let faulthandler write native crashes (and fatal signals) to the crash file.

    Opened once in append mode and kept open: faulthandler writes to the raw file
    descriptor at crash time, when nothing else can run.
    """
    global _crash_stream
    try:
        crash_path().parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        owner_only(crash_path())
        _crash_stream = open(  # noqa: SIM115 (kept open for faulthandler)
            crash_path(), "a", encoding="utf-8", opener=owner_only_opener
        )
    except OSError:
        return None
    faulthandler.enable(_crash_stream, all_threads=True)
    return crash_path()


def take_previous_crash() -> str | None:
    """The native crash report a previous run left, moved aside so it is offered once.

    Called before :func:`enable_crash_file` opens the file for this run.
    """
    path = crash_path()
    try:
        report = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None
    if not report:
        return None
    try:
        path.replace(path.with_name("native-crash-previous.txt"))
    except OSError:
        return None
    return report
