"""The ``cs-trainer`` command: the GUI by default, and scriptable sub-commands.

Known problems (bad input, unknown IDs, an unreadable database) print one line
on stderr and exit non-zero; nothing is written when input is refused. A file with
many problems prints one line for each (``FILE:ROW:COLUMN: message``), the first
:data:`MAX_PROBLEMS` of them and then how many more there are.

Everything the command says is in the language of the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``, whether or not the system has that locale installed),
or of ``--lang zh|en``, which wins: its own messages, its help, the known problems
of the layers below, and the usage mistakes argparse reports.
"""

import argparse
import re
import signal
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from shutil import get_terminal_size
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from cs_trainer import __version__, language
from cs_trainer.errors import ConsentMissingError, ContentError, UserError, message
from cs_trainer.language import LANGUAGES, Language

if TYPE_CHECKING:
    from cs_trainer.store.database import Database

PROG = "cs-trainer"
EXIT_USER_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for a Ctrl+C
BAR_WIDTH = 10
MAX_PROBLEMS = 50
"""A refused file prints this many of its problems, then how many more it has."""
LANG_OPTION = "--lang"


def _t(en: str, zh: str) -> str:
    """A text of the command itself (help, usage) in the language chosen for this run."""
    return zh if language.current() == "zh" else en


def _error_line(text: str, prog: str = PROG) -> str:
    return _t(f"{prog}: error: {text}", f"{prog}：错误：{text}")


# What argparse says (in English only: it has no Chinese catalogue), in Chinese.
_ARGPARSE_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), zh)
    for pattern, zh in (
        (r"the following arguments are required: (.+)", r"缺少必需的参数：\1"),
        (r"unrecognized arguments: (.+)", r"无法识别的参数：\1"),
        (r"invalid choice: (.+) \(choose from (.+)\)", r"无效的选择 \1（可选：\2）"),
        (r"invalid int value: (.+)", r"\1 不是整数"),
        (r"invalid (\S+) value: (.+)", r"\2 不是有效的值（\1）"),
        (r"expected one argument", "后面需要一个值"),
        (r"expected at least one argument", "后面至少需要一个值"),
        (r"expected at most one argument", "后面最多只能有一个值"),
        (r"ambiguous option: (\S+) could match (.+)", r"选项 \1 不明确，可能是：\2"),
        (r"not allowed with argument (.+)", r"不能与参数 \1 同时使用"),
        (r"one of the arguments (.+) is required", r"参数 \1 中必须给出一个"),
        (r"ignored explicit argument (.+)", r"多余的值 \1"),
    )
)
_ARGUMENT = re.compile(r"argument (\S+?): (.+)", re.S)


def _argparse_zh(text: str) -> str:
    """argparse's message in Chinese, as far as it is one of its known sentences."""
    argument = _ARGUMENT.fullmatch(text)
    if argument:
        return f"参数 {argument[1]}：{_argparse_zh(argument[2])}"
    for pattern, zh in _ARGPARSE_ZH:
        if pattern.fullmatch(text):
            return pattern.sub(zh, text)
    return text


_GROUP_TITLES = {"positional arguments": "位置参数", "options": "选项", "commands": "命令"}


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable["argparse._MutuallyExclusiveGroup"],
        prefix: str | None = None,
    ) -> None:
        # argparse passes prefix="" itself when it words a sub-command's name.
        default = _t("usage: ", "用法：")
        super().add_usage(usage, actions, groups, default if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line, like every other error, and the help
    and the mistakes read in the language chosen for this run."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)
        for action in self._actions:
            if action.dest == "help":
                action.help = _t("show this help message and exit", "显示这段帮助并退出")

    def add_argument_group(
        self, title: str | None = None, description: str | None = None, **kwargs: Any
    ) -> "argparse._ArgumentGroup":
        # argparse names its own two groups in English; a parent's groups then merge
        # with these by their (translated) titles.
        if title in _GROUP_TITLES:
            title = _t(title, _GROUP_TITLES[title])
        return super().add_argument_group(title, description, **kwargs)

    def error(self, message: str) -> NoReturn:
        text = _argparse_zh(message) if language.current() == "zh" else message
        hint = _t(f"{text} (see --help)", f"{text}（见 --help）")
        self.exit(EXIT_USAGE, _error_line(hint, self.prog) + "\n")


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
    _add_selftest_command(commands, database)
    _add_sheet_command(commands, database)
    _add_export_sheets_command(commands, database)
    _add_bank_commands(commands, database)
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
    candidate = commands.add_parser("candidate", help=_t("register candidates", "登记应聘者"))
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
    from cs_trainer.store.database import Database

    return Database.open(getattr(args, "database", None))


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


def _run_gui(args: argparse.Namespace) -> int:
    from cs_trainer.ui.app import run

    return run(getattr(args, "database", None))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``cs-trainer`` and ``python -m cs_trainer``.

    The language is settled first (``--lang``, else the locale variables), so that
    help, usage mistakes and every message read in it; it is put back on return,
    for callers that run several commands in one process (the tests).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    chosen, arguments, wrong = _take_language(arguments)
    previous = language.current()
    language.set_current(chosen or language.from_locale())
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
            return handler(args)
        except UserError as exc:
            print(_refusal(exc), file=sys.stderr)
            return EXIT_USER_ERROR
    finally:
        language.set_current(previous)


def _take_language(arguments: list[str]) -> tuple[Language | None, list[str], str | None]:
    """``--lang X`` (or ``--lang=X``) taken out of the arguments, wherever it stands.

    Returns the language, the other arguments, and a value that names no language
    (None when there is none). Anything after ``--`` is left alone.
    """
    chosen: Language | None = None
    wrong: str | None = None
    rest: list[str] = []
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        if argument == "--":
            rest += arguments[index:]
            break
        if argument == LANG_OPTION and index + 1 < len(arguments):
            value, index = arguments[index + 1], index + 2
        elif argument.startswith(LANG_OPTION + "="):
            value, index = argument.partition("=")[2], index + 1
        else:
            rest.append(argument)
            index += 1
            continue
        picked = next((lang for lang in LANGUAGES if lang == value.strip().lower()), None)
        if picked is None:
            wrong = value
        else:
            chosen = picked
    return chosen, rest, wrong


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
