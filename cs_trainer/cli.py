"""The ``cs-trainer`` command: the GUI by default, and scriptable sub-commands.

Known problems (bad input, unknown IDs, an unreadable database) print one line
on stderr and exit non-zero; nothing is written when input is refused.
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from cs_trainer import __version__
from cs_trainer.errors import ConsentMissingError, UserError

if TYPE_CHECKING:
    from cs_trainer.store.database import Database

PROG = "cs-trainer"
EXIT_USER_ERROR = 1
EXIT_USAGE = 2


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
