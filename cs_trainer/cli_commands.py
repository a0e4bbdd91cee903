"""The handlers of the command's simple sub-commands, and what they share.

Split from :mod:`cs_trainer.cli`: each handler takes the parsed arguments, calls a
service (imported when the command runs, so ``--help`` stays fast) and prints its
result; a known problem is raised as :class:`~cs_trainer.errors.UserError` for
``main`` to print. ``export-sheets``, which reports progress and can be stopped,
has :mod:`cs_trainer.cli_export`.
"""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cs_trainer.errors import ConsentMissingError, UserError, message

if TYPE_CHECKING:
    from cs_trainer.store.database import Database

EXIT_USER_ERROR = 1


def _validate_content(args: argparse.Namespace) -> int:
    from cs_trainer.content_validation import check_content_file, content_files

    files = list(content_files(args.paths))
    if not files:
        raise UserError("no content files (*.yaml) found there", "那里没有内容文件（*.yaml）")
    invalid = 0
    for path in files:
        problems = check_content_file(path)
        invalid += bool(problems)
        for problem in problems:
            print(problem.render(), file=sys.stderr)
    valid = message(
        "{valid} of {total} files valid",
        "{total} 个文件中有 {valid} 个有效",
        valid=len(files) - invalid,
        total=len(files),
    )
    print(valid.render())
    return EXIT_USER_ERROR if invalid else 0


def _open_database(args: argparse.Namespace) -> "Database":
    """The database the command names: the one its ``--user`` signed in to, if any."""
    from cs_trainer.store.database import Database

    opened: Database | None = getattr(args, "opened_database", None)
    if opened is not None:
        return opened
    database = Database.open(getattr(args, "database", None))
    for notice in database.notices:  # an empty file taken as new: said, not silent
        print(notice.render(), file=sys.stderr)
    return database


def _candidate_add(args: argparse.Namespace) -> int:
    from cs_trainer.services.candidates import NewCandidate, add_candidate

    new = NewCandidate(args.name, args.phone, args.position, args.consent)
    if not new.consent:
        # Checked before the database is even opened: nothing is written.
        raise ConsentMissingError(
            "--consent is required: the candidate must agree first",
            "必须加上 --consent：应聘者须先同意",
        )
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
    _require_folder(out.parent)
    write_candidate_sheet(_open_database(args), args.candidate, out, args.organisation)
    print(out)
    return 0


def _import_bank(args: argparse.Namespace) -> int:
    from cs_trainer.quizzes.bank_io import read_bank
    from cs_trainer.services.banks import store_bank

    file: Path = args.file
    bank = read_bank(file)  # a bad file is refused before the database is even opened
    summary = store_bank(_open_database(args), bank, file.name)
    imported = message(
        "imported {bank}: {count} questions",
        "已导入 {bank}：{count} 道题",
        bank=summary.bank_id,
        count=summary.question_count,
    )
    print(imported.render())
    return 0


def _export_bank(args: argparse.Namespace) -> int:
    from cs_trainer.services.banks import export_bank

    out: Path = args.file
    _require_folder(out.parent)
    export_bank(_open_database(args), args.bank_id, out)
    print(out)
    return 0


def _require_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise UserError(
            "the folder {folder} does not exist", "文件夹 {folder} 不存在", folder=str(folder)
        )
