"""The ``cs-trainer`` command: the GUI by default, and scriptable sub-commands.

Known problems (bad input, unknown IDs, an unreadable database) print one line
on stderr and exit non-zero; nothing is written when input is refused.
"""

import argparse
import signal
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from shutil import get_terminal_size
from types import FrameType
from typing import TYPE_CHECKING, NoReturn, TextIO

from cs_trainer import __version__
from cs_trainer.errors import ConsentMissingError, UserError

if TYPE_CHECKING:
    from cs_trainer.store.database import Database

PROG = "cs-trainer"
EXIT_USER_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for a Ctrl+C
BAR_WIDTH = 10


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    database = _Parser(add_help=False)
    database.add_argument(
        "--database",
        metavar="PATH-or-URL",
        default=argparse.SUPPRESS,
        help="SQLite file or SQLAlchemy URL (default: $CS_TRAINER_DATABASE, "
        "else cs_trainer.sqlite3 in the user data folder)",
    )
    parser = _Parser(
        prog=PROG,
        description="Recruitment, training and evaluation for customer-service teams. "
        "Without a command, the desktop app starts.",
        parents=[database],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_candidate_commands(commands, database)
    _add_selftest_command(commands, database)
    _add_sheet_command(commands, database)
    _add_export_sheets_command(commands, database)
    _add_bank_commands(commands, database)
    _add_validate_command(commands)
    gui = commands.add_parser("gui", parents=[database], help="start the desktop app (the default)")
    gui.set_defaults(handler=_run_gui)
    parser.set_defaults(handler=_run_gui)
    return parser


def _add_candidate_commands(
    commands: "argparse._SubParsersAction[_Parser]", database: _Parser
) -> None:
    candidate = commands.add_parser("candidate", help="register candidates")
    actions = candidate.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", parents=[database], help="register a candidate and print the new ID"
    )
    add.add_argument("--name", required=True)
    add.add_argument("--phone", required=True)
    add.add_argument("--position", default="", help="position applied for")
    add.add_argument(
        "--consent",
        action="store_true",
        help="the candidate agreed to the storage of their data (required)",
    )
    add.set_defaults(handler=_candidate_add)


def _add_selftest_command(
    commands: "argparse._SubParsersAction[_Parser]", database: _Parser
) -> None:
    selftest = commands.add_parser(
        "selftest",
        parents=[database],
        help="record a completed service-potential self-test (e.g. from a paper form)",
    )
    selftest.add_argument("--candidate", type=int, required=True, metavar="ID")
    selftest.add_argument(
        "--answers", required=True, metavar="N,N,…", help="ten scores from 1 to 10, in item order"
    )
    selftest.add_argument("--mode", choices=("self", "manager"), default="self")
    selftest.add_argument("--conducted-by", default="", metavar="NAME")
    selftest.set_defaults(handler=_selftest)


def _add_sheet_command(commands: "argparse._SubParsersAction[_Parser]", database: _Parser) -> None:
    sheet = commands.add_parser(
        "sheet", parents=[database], help="write a candidate's evaluation sheet as PDF"
    )
    sheet.add_argument("--candidate", type=int, required=True, metavar="ID")
    sheet.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    sheet.add_argument("--organisation", default=None, help="override the organisation setting")
    sheet.set_defaults(handler=_sheet)


def _add_export_sheets_command(
    commands: "argparse._SubParsersAction[_Parser]", database: _Parser
) -> None:
    export = commands.add_parser(
        "export-sheets",
        parents=[database],
        help="write every trainee's score sheet of a cohort, its summary, CSV and XLSX",
    )
    export.add_argument("--cohort", required=True, metavar="NAME", help="the cohort's name")
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="an existing folder")
    export.add_argument("--since", type=_iso_date, default=None, metavar="YYYY-MM-DD")
    export.add_argument("--until", type=_iso_date, default=None, metavar="YYYY-MM-DD")
    export.set_defaults(handler=_export_sheets)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _add_bank_commands(commands: "argparse._SubParsersAction[_Parser]", database: _Parser) -> None:
    import_bank = commands.add_parser(
        "import-bank",
        parents=[database],
        help="import an interview question bank (.yaml, .csv or .xlsx; see docs/banks.md)",
    )
    import_bank.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    import_bank.set_defaults(handler=_import_bank)
    export_bank = commands.add_parser(
        "export-bank",
        parents=[database],
        help="write a question bank to a .yaml, .csv or .xlsx file",
    )
    export_bank.add_argument("bank_id", metavar="ID", help="the bank's id (its bank_id)")
    export_bank.add_argument(
        "file", type=Path, metavar="FILE", help="where to write; the suffix picks the format"
    )
    export_bank.set_defaults(handler=_export_bank)


def _add_validate_command(commands: "argparse._SubParsersAction[_Parser]") -> None:
    validate = commands.add_parser(
        "validate-content",
        help="check content files (role-plays, banks, tasks, passages) and list every problem",
    )
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    validate.set_defaults(handler=_validate_content)


def _validate_content(args: argparse.Namespace) -> int:
    from cs_trainer.content_validation import check_content_file, content_files

    files = list(content_files(args.paths))
    if not files:
        raise UserError("no content files (*.yaml) found there")
    invalid = 0
    for path in files:
        problems = check_content_file(path)
        invalid += bool(problems)
        for problem in problems:
            print(problem, file=sys.stderr)
    print(f"{len(files) - invalid} of {len(files)} files valid")
    return EXIT_USER_ERROR if invalid else 0


def _open_database(args: argparse.Namespace) -> "Database":
    from cs_trainer.store.database import Database

    return Database.open(getattr(args, "database", None))


def _candidate_add(args: argparse.Namespace) -> int:
    from cs_trainer.services.candidates import NewCandidate, add_candidate

    new = NewCandidate(args.name, args.phone, args.position, args.consent)
    if not new.consent:
        # Checked before the database is even opened: nothing is written.
        raise ConsentMissingError("--consent is required: the candidate must agree first")
    print(add_candidate(_open_database(args), new))
    return 0


def _selftest(args: argparse.Namespace) -> int:
    from cs_trainer.quizzes.selftest import parse_answer_list, service_potential
    from cs_trainer.services.selftests import record_paper_selftest

    answers = parse_answer_list(service_potential().instrument, args.answers)
    outcome = record_paper_selftest(
        _open_database(args), args.candidate, answers, args.mode, args.conducted_by
    )
    band = outcome.band.label
    print(f"{outcome.total}/{outcome.instrument.max_total} {band.zh} ({band.en})")
    return 0


def _sheet(args: argparse.Namespace) -> int:
    from cs_trainer.services.sheets import write_candidate_sheet

    out: Path = args.out
    if not out.parent.is_dir():
        raise UserError(f"the folder {out.parent} does not exist")
    write_candidate_sheet(_open_database(args), args.candidate, out, args.organisation)
    print(out)
    return 0


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
    if not out.is_dir():
        raise UserError(f"the folder {out} does not exist")
    if args.since and args.until and args.since > args.until:
        raise UserError("--since is after --until")
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
        print(
            f"{PROG}: stopped; the {bar.done} files written to {out} are complete", file=sys.stderr
        )
        return EXIT_INTERRUPTED
    finally:
        bar.finish()
    print(out)
    return 0


def _import_bank(args: argparse.Namespace) -> int:
    from cs_trainer.quizzes.bank_io import read_bank
    from cs_trainer.services.banks import store_bank

    file: Path = args.file
    bank = read_bank(file)  # a bad file is refused before the database is even opened
    summary = store_bank(_open_database(args), bank, file.name)
    print(f"imported {summary.bank_id}: {summary.question_count} questions")
    return 0


def _export_bank(args: argparse.Namespace) -> int:
    from cs_trainer.services.banks import export_bank

    out: Path = args.file
    if not out.parent.is_dir():
        raise UserError(f"the folder {out.parent} does not exist")
    export_bank(_open_database(args), args.bank_id, out)
    print(out)
    return 0


def _run_gui(args: argparse.Namespace) -> int:
    from cs_trainer.ui.app import run

    return run(getattr(args, "database", None))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``cs-trainer`` and ``python -m cs_trainer``."""
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except UserError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR


def gui_main() -> int:
    """Entry point of ``cs-trainer-gui`` (no console window on Windows)."""
    return main(["gui", *sys.argv[1:]])
