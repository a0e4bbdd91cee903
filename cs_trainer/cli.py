"""The ``cs-trainer`` command: the GUI by default, and scriptable sub-commands.

Known problems (bad input, unknown IDs, an unreadable database) print one line
on stderr and exit non-zero; nothing is written when input is refused. A file with
many problems prints one line for each (``FILE:ROW:COLUMN: message``), the first
:data:`MAX_PROBLEMS` of them and then how many more there are.

Everything the command says is in the language of the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``, whether or not the system has that locale installed),
or of ``--lang zh|en``, which wins: its own messages, its help, the known problems
of the layers below, and the usage mistakes argparse reports.

This module is the front door (the parser, :func:`main`, :func:`gui_main`); the
sub-commands' handlers are in :mod:`cs_trainer.cli_commands` and
:mod:`cs_trainer.cli_export`, the bilingual argparse in :mod:`cs_trainer.cli_language`.

Once the database has accounts, every sub-command but ``validate-content`` and
``gui`` acts as the account ``--user NAME`` names (its password from the terminal
or ``$CS_TRAINER_PASSWORD``), and is refused without it with exit code
:data:`EXIT_USAGE`: :func:`cs_trainer.cli_accounts.acting_for`, around every
handler in :func:`main`. The ``user`` and ``audit`` commands are in
:mod:`cs_trainer.cli_accounts`.

What the command writes (the database, its log, sheets, exports) is readable by
its owner only on POSIX: :func:`main` runs with the umask 077, on top of each
writer creating its files 0600 (:mod:`cs_trainer.files`).
"""

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from cs_trainer import __version__, language
from cs_trainer.cli_accounts import NEW_PASSWORD_ENV as NEW_PASSWORD_ENV
from cs_trainer.cli_accounts import PASSWORD_ENV as PASSWORD_ENV
from cs_trainer.cli_accounts import acting_for, add_account_commands, add_user_option
from cs_trainer.cli_backup import _restore, add_backup_commands
from cs_trainer.cli_candidates import add_candidate_record_commands, add_retention_command
from cs_trainer.cli_commands import EXIT_USER_ERROR as EXIT_USER_ERROR
from cs_trainer.cli_commands import (
    _candidate_add,
    _export_bank,
    _import_bank,
    _selftest,
    _sheet,
    _validate_content,
)
from cs_trainer.cli_export import BAR_WIDTH as BAR_WIDTH
from cs_trainer.cli_export import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from cs_trainer.cli_export import _export_sheets
from cs_trainer.cli_export import _TextProgress as _TextProgress
from cs_trainer.cli_language import EXIT_USAGE as EXIT_USAGE
from cs_trainer.cli_language import LANG_OPTION as LANG_OPTION
from cs_trainer.cli_language import PROG as PROG
from cs_trainer.cli_language import _error_line, _Parser, _t, _take_language
from cs_trainer.errors import ContentError, SignInRequiredError, UserError, message
from cs_trainer.files import OWNER_ONLY_UMASK
from cs_trainer.language import LANGUAGES

MAX_PROBLEMS = 50
"""A refused file prints this many of its problems, then how many more it has."""


def build_parser() -> argparse.ArgumentParser:
    database = _Parser(add_help=False)
    database.add_argument(
        "--database",
        metavar="PATH-or-URL",
        default=argparse.SUPPRESS,
        help=_t(
            "SQLite file or SQLAlchemy URL (default: $CS_TRAINER_DATABASE, "
            "else cs_trainer.sqlite3 in the user data folder)",
            "SQLite 文件或 SQLAlchemy URL（默认：$CS_TRAINER_DATABASE，"
            "否则为用户数据文件夹中的 cs_trainer.sqlite3）",
        ),
    )
    add_user_option(database)
    parser = _Parser(
        prog=PROG,
        description=_t(
            "Recruitment, training and evaluation for customer-service teams. "
            "Without a command, the desktop app starts.",
            "客服团队的招聘、培训与测评。不带命令时启动桌面程序。",
        ),
        parents=[database],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_t("show the version and exit", "显示版本号并退出"),
    )
    parser.add_argument(
        LANG_OPTION,
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=_t(
            "the language of messages (default: from LC_ALL, LC_MESSAGES or LANG); "
            "may stand anywhere on the command line",
            "消息所用的语言（默认按 LC_ALL、LC_MESSAGES 或 LANG）；可以写在命令行的任何位置",
        ),
    )
    commands = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", parser_class=_Parser
    )
    _add_candidate_commands(commands, database)
    add_retention_command(commands, database)
    _add_selftest_command(commands, database)
    _add_sheet_command(commands, database)
    _add_export_sheets_command(commands, database)
    _add_bank_commands(commands, database)
    add_account_commands(commands, database)
    add_backup_commands(commands, database)
    _add_validate_command(commands)
    gui = commands.add_parser(
        "gui",
        parents=[database],
        help=_t("start the desktop app (the default)", "启动桌面程序（默认）"),
    )
    gui.set_defaults(handler=_run_gui)
    parser.set_defaults(handler=_run_gui)
    return parser


def _add_candidate_commands(
    commands: "argparse._SubParsersAction[_Parser]", database: _Parser
) -> None:
    candidate = commands.add_parser(
        "candidate",
        help=_t("register, correct, export or erase candidates", "登记、更正、导出或删除应聘者"),
    )
    actions = candidate.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        parents=[database],
        help=_t("register a candidate and print the new ID", "登记一位应聘者并显示其新 ID"),
    )
    add.add_argument("--name", required=True)
    add.add_argument("--phone", required=True)
    add.add_argument("--position", default="", help=_t("position applied for", "应聘的职位"))
    add.add_argument(
        "--consent",
        action="store_true",
        help=_t(
            "the candidate agreed to the storage of their data (required)",
            "应聘者已同意保存其个人信息（必需）",
        ),
    )
    add.set_defaults(handler=_candidate_add)
    add_candidate_record_commands(actions, database)


def _add_selftest_command(
    commands: "argparse._SubParsersAction[_Parser]", database: _Parser
) -> None:
    selftest = commands.add_parser(
        "selftest",
        parents=[database],
        help=_t(
            "record a completed service-potential self-test (e.g. from a paper form)",
            "录入一份已完成的服务潜能自测（例如纸质问卷）",
        ),
    )
    selftest.add_argument("--candidate", type=int, required=True, metavar="ID")
    selftest.add_argument(
        "--answers",
        required=True,
        metavar="N,N,…",
        help=_t("ten scores from 1 to 10, in item order", "十个 1 到 10 的分数，按题目顺序"),
    )
    selftest.add_argument("--mode", choices=("self", "manager"), default="self")
    selftest.add_argument("--conducted-by", default="", metavar="NAME")
    selftest.set_defaults(handler=_selftest)


def _add_sheet_command(commands: "argparse._SubParsersAction[_Parser]", database: _Parser) -> None:
    sheet = commands.add_parser(
        "sheet",
        parents=[database],
        help=_t("write a candidate's evaluation sheet as PDF", "把应聘者的测评表写成 PDF"),
    )
    sheet.add_argument("--candidate", type=int, required=True, metavar="ID")
    sheet.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    sheet.add_argument(
        "--organisation",
        default=None,
        help=_t("override the organisation setting", "代替设置中的机构名称"),
    )
    sheet.set_defaults(handler=_sheet)


def _add_export_sheets_command(
    commands: "argparse._SubParsersAction[_Parser]", database: _Parser
) -> None:
    export = commands.add_parser(
        "export-sheets",
        parents=[database],
        help=_t(
            "write every trainee's score sheet of a cohort, its summary, CSV and XLSX",
            "导出一个班级每位学员的成绩单、汇总表、CSV 和 XLSX",
        ),
    )
    export.add_argument(
        "--cohort", required=True, metavar="NAME", help=_t("the cohort's name", "班级名称")
    )
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help=_t("an existing folder", "一个已有的文件夹"),
    )
    export.add_argument("--since", type=_iso_date, default=None, metavar="YYYY-MM-DD")
    export.add_argument("--until", type=_iso_date, default=None, metavar="YYYY-MM-DD")
    export.set_defaults(handler=_export_sheets)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _t(f"not a date (YYYY-MM-DD): {text!r}", f"{text!r} 不是日期（YYYY-MM-DD）")
        ) from None


def _add_bank_commands(commands: "argparse._SubParsersAction[_Parser]", database: _Parser) -> None:
    import_bank = commands.add_parser(
        "import-bank",
        parents=[database],
        help=_t(
            "import an interview question bank (.yaml, .csv or .xlsx; see docs/banks.md)",
            "导入面试题库（.yaml、.csv 或 .xlsx；见 docs/banks.md）",
        ),
    )
    import_bank.add_argument(
        "file", type=Path, metavar="FILE", help=_t("the file to import", "要导入的文件")
    )
    import_bank.set_defaults(handler=_import_bank)
    export_bank = commands.add_parser(
        "export-bank",
        parents=[database],
        help=_t(
            "write a question bank to a .yaml, .csv or .xlsx file",
            "把题库写成 .yaml、.csv 或 .xlsx 文件",
        ),
    )
    export_bank.add_argument(
        "bank_id", metavar="ID", help=_t("the bank's id (its bank_id)", "题库的 id（bank_id）")
    )
    export_bank.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=_t("where to write; the suffix picks the format", "写到哪里；后缀名决定格式"),
    )
    export_bank.set_defaults(handler=_export_bank)


def _add_validate_command(commands: "argparse._SubParsersAction[_Parser]") -> None:
    validate = commands.add_parser(
        "validate-content",
        help=_t(
            "check content files (role-plays, banks, tasks, passages) and list every problem",
            "检查内容文件（角色扮演、题库、任务、打字文章）并列出每一处问题",
        ),
    )
    validate.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help=_t("files or folders", "文件或文件夹"),
    )
    validate.set_defaults(handler=_validate_content)


def _run_gui(args: argparse.Namespace) -> int:
    from cs_trainer.ui.app import run

    return run(getattr(args, "database", None))


ACTING_AS_NOBODY: frozenset[Callable[[argparse.Namespace], int]] = frozenset(
    {_validate_content, _run_gui, _restore}
)
"""The handlers that need no ``--user``: checking content files reads no data, and the
desktop app signs in on its own screen; ``restore`` signs in itself unless the file
is damaged (:mod:`cs_trainer.cli_backup`). Every other one acts as ``--user``."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``cs-trainer`` and ``python -m cs_trainer``.

    The language is settled first (``--lang``, else the locale variables), so that
    help, usage mistakes and every message read in it; it is put back on return,
    for callers that run several commands in one process (the tests). So is the
    umask, which is 077 while the command runs: what it creates is its owner's only.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    chosen, arguments, wrong = _take_language(arguments)
    previous = language.current()
    language.set_current(chosen or language.from_locale())
    previous_umask = os.umask(OWNER_ONLY_UMASK)
    try:
        parser = build_parser()
        if wrong is not None:
            parser.error(
                _t(
                    f"argument --lang: invalid choice: {wrong!r} (choose from 'zh', 'en')",
                    f"参数 --lang：无效的选择 {wrong!r}（可选：'zh'、'en'）",
                )
            )
        args = parser.parse_args(arguments)
        handler: Callable[[argparse.Namespace], int] = args.handler
        try:
            if handler in ACTING_AS_NOBODY:
                return handler(args)
            with acting_for(args):
                return handler(args)
        except UserError as exc:
            print(_refusal(exc), file=sys.stderr)
            return EXIT_USAGE if isinstance(exc, SignInRequiredError) else EXIT_USER_ERROR
    finally:
        os.umask(previous_umask)
        language.set_current(previous)


def _refusal(exc: UserError) -> str:
    """What a known problem prints: one line, or one line for each problem of a file
    (the first :data:`MAX_PROBLEMS`, then how many more there are)."""
    if not isinstance(exc, ContentError) or not exc.problems:
        return _error_line(exc.message())
    lines = [problem.render() for problem in exc.problems[:MAX_PROBLEMS]]
    lines[0] = _error_line(lines[0])
    more = len(exc.problems) - MAX_PROBLEMS
    if more > 0:
        lines.append(
            message(
                "… and {count} more problem" if more == 1 else "… and {count} more problems",
                "……另有 {count} 处问题",
                count=more,
            ).render()
        )
    return "\n".join(lines)


def gui_main() -> int:
    """Entry point of ``cs-trainer-gui`` (no console window on Windows)."""
    return main(["gui", *sys.argv[1:]])
