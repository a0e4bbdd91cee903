"""The ``export-sheets`` sub-command: a cohort's files, with progress and Ctrl+C.

Split from :mod:`cs_trainer.cli_commands` because this handler alone draws a
progress bar on the terminal (or a line per file into a pipe) and turns a first
Ctrl+C into "stop after the current file", exiting with :data:`EXIT_INTERRUPTED`.
"""

import argparse
import signal
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from shutil import get_terminal_size
from types import FrameType
from typing import TextIO

from cs_trainer.cli_commands import _open_database, _require_folder
from cs_trainer.cli_language import PROG
from cs_trainer.errors import UserError, message

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for a Ctrl+C
BAR_WIDTH = 10


class _TextProgress:
    """The export's progress on stderr, e.g. ``[####------] 4/10 小王.pdf``.

    On a terminal the line is redrawn in place with ``\r``; into a pipe or a log
    each file gets its own line, since a ``\r`` there would only garble the text.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._live = stream.isatty()
        self._drawn = 0  # terminal columns the live line takes
        self.done = 0

    def update(self, done: int, total: int, name: str) -> None:
        self.done = done
        if done == 0 and not self._live:
            return
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        line = f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {done}/{total} {name}".rstrip()
        if self._live:
            # One terminal row at most: a wrapped line cannot be redrawn with \r.
            line = _fit(line, get_terminal_size().columns - 1)
            width = _columns(line)
            self._stream.write(f"\r{line}{' ' * max(self._drawn - width, 0)}")
            self._drawn = width
        else:
            self._stream.write(line + "\n")
        self._stream.flush()

    def finish(self) -> None:
        """End the live line, so what is printed next starts on a line of its own."""
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()
            self._drawn = 0


def _columns(text: str) -> int:
    """Terminal columns ``text`` takes: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, columns: int) -> str:
    while _columns(text) > columns and text:
        text = text[:-1]
    return text


@contextmanager
def _stop_on_ctrl_c() -> Iterator[Callable[[], bool]]:
    """Yield "was Ctrl+C pressed?": the first press lets the current file finish and
    then stops the export; a second press raises KeyboardInterrupt at once."""
    pressed = threading.Event()

    def first_press(_signum: int, _frame: FrameType | None) -> None:
        pressed.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    try:
        previous = signal.signal(signal.SIGINT, first_press)
    except ValueError:  # not the main thread (main() called from a thread): no handler
        yield pressed.is_set
        return
    try:
        yield pressed.is_set
    finally:
        signal.signal(signal.SIGINT, previous)


def _export_sheets(args: argparse.Namespace) -> int:
    from cs_trainer.errors import Interrupted
    from cs_trainer.services.cohorts import cohort_by_name
    from cs_trainer.services.score_sheets import export_cohort_sheets

    out: Path = args.out
    _require_folder(out)
    if args.since and args.until and args.since > args.until:
        raise UserError("--since is after --until", "--since 的日期晚于 --until")
    db = _open_database(args)
    cohort = cohort_by_name(db, args.cohort)
    bar = _TextProgress(sys.stderr)
    try:
        with _stop_on_ctrl_c() as stop_requested:
            export_cohort_sheets(
                db, cohort.id, out, bar.update, stop_requested, since=args.since, until=args.until
            )
    except (Interrupted, KeyboardInterrupt):
        bar.finish()
        stopped = message(
            "{prog}: stopped; the {done} files written to {out} are complete",
            "{prog}：已停止；已写入 {out} 的 {done} 个文件是完整的",
            prog=PROG,
            done=bar.done,
            out=out,
        )
        print(stopped.render(), file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        bar.finish()
    print(out)
    return 0
