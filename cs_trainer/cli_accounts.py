"""Who the command acts as, the ``user`` commands and the ``audit`` commands.

Once the database has accounts, every sub-command that reads or changes data (all
but ``validate-content``, ``gui`` and ``--help``) acts as the account ``--user NAME``
names: its password is read from the terminal (not echoed) or, for scripts, from
:data:`PASSWORD_ENV`. :func:`acting_for` is the one place this happens, for every
sub-command, before its handler runs; the handler then runs inside
:func:`~cs_trainer.services.acting.acting_as`, and the services decide what that
account may do (docs/roles.md). Without ``--user`` the command is refused with one
line and :data:`~cs_trainer.cli_language.EXIT_USAGE`, before anything is written.
A database without accounts is being set up: the commands act as nobody, and the
first account (``user add NAME --role admin``) needs no ``--user``.

A password is never taken from the command line (it would sit in the shell's
history and in every process listing). A new account's password (``user add``,
``user reset-password``) is asked twice on the terminal, or taken from
:data:`NEW_PASSWORD_ENV`; for the very first account, when nobody acts yet,
:data:`PASSWORD_ENV` serves too, so that a script can go on signing in with it.
"""

import argparse
import csv
import getpass
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from cs_trainer.cli_commands import _open_database, _require_folder
from cs_trainer.cli_export import _columns
from cs_trainer.cli_language import _Parser, _t
from cs_trainer.errors import SignInRequiredError, UserError, message

if TYPE_CHECKING:
    from cs_trainer.services.audit import AuditEntry
    from cs_trainer.store.database import Database

PASSWORD_ENV = "CS_TRAINER_PASSWORD"
"""The acting account's password, for scripts (else it is asked on the terminal)."""
NEW_PASSWORD_ENV = "CS_TRAINER_NEW_PASSWORD"
"""The password of the account ``user add`` creates or ``user reset-password`` resets."""
USER_OPTION = "--user"
ROLES = ("admin", "hr", "trainer", "trainee")  # services.permissions.ROLES, without importing it


def add_user_option(parser: _Parser) -> None:
    """``--user NAME``, on the same parsers as ``--database`` (before or after the command)."""
    parser.add_argument(
        USER_OPTION,
        metavar="NAME",
        default=argparse.SUPPRESS,
        help=_t(
            f"the account to act as, once the database has accounts; its password is asked "
            f"on the terminal, or read from ${PASSWORD_ENV}",
            f"数据库有账户后，以哪个账户执行；其密码在终端输入，或取自 ${PASSWORD_ENV}",
        ),
    )


@contextmanager
def acting_for(args: argparse.Namespace) -> Iterator[None]:
    """Run the command as the ``--user`` account, once the database has accounts.

    Refused without ``--user`` (SignInRequiredError, before any password is asked or
    anything written), with a wrong password or while sign-ins are slowed down
    (SignInRefusedError), and with ``--user`` on a database that has no accounts
    yet (it was probably meant for another database). A database file that does
    not exist yet has no accounts and is not created here: the handler decides,
    after checking its input, whether to create it.
    """
    from cs_trainer.services import accounts, acting

    name: str | None = getattr(args, "user", None)
    database = _existing_database(args)
    if database is not None:
        args.opened_database = database  # the handler's _open_database uses it
    if database is None or not accounts.accounts_exist(database):
        if name is not None:
            raise SignInRequiredError(
                "this database has no accounts yet: create the first administrator with "
                "'user add NAME --role admin', without --user",
                "此数据库还没有账户：请先用 'user add 登录名 --role admin' 创建第一个管理员"
                "（不带 --user）",
            )
        yield
        return
    if name is None:
        raise SignInRequiredError(
            "this database has accounts: sign in with --user NAME (the password is asked, "
            "or read from ${variable})",
            "此数据库已有账户：请用 --user 登录名 登录（密码在终端输入，或取自 ${variable}）",
            variable=PASSWORD_ENV,
        )
    secret = _secret((PASSWORD_ENV,), _t("Password: ", "密码："))
    actor = accounts.sign_in(database, name, secret)
    with acting.acting_as(actor):
        yield


def _existing_database(args: argparse.Namespace) -> "Database | None":
    """The database the command names, opened, or None if it is an SQLite file that does
    not exist yet (or an in-memory one): then it has no accounts."""
    from sqlalchemy.engine import make_url

    from cs_trainer.store.database import resolve_database_url

    url = make_url(resolve_database_url(getattr(args, "database", None)))
    if url.get_backend_name() == "sqlite":
        path = (url.database or "").removeprefix("file:")
        if path in ("", ":memory:") or not Path(path).exists():
            return None
    return _open_database(args)


def _secret(variables: tuple[str, ...], prompt: str) -> str:
    """A password from the first of ``variables`` that is set, else from the terminal."""
    from_environment = _from_environment(variables)
    return from_environment if from_environment is not None else _typed(prompt, variables[0])


def _new_password() -> str:
    """The password of an account being made or reset: from the variable, or typed twice."""
    from cs_trainer.services import accounts, acting

    first = acting.current().account_id is None  # nobody acts: the first account
    variables = (NEW_PASSWORD_ENV, PASSWORD_ENV) if first else (NEW_PASSWORD_ENV,)
    password = _from_environment(variables)
    if password is None:
        password = _typed(_t("New password: ", "新密码："), NEW_PASSWORD_ENV)
        again = _typed(_t("The new password again: ", "再次输入新密码："), NEW_PASSWORD_ENV)
        if again != password:
            raise UserError(
                "the two passwords differ: nothing was changed",
                "两次输入的密码不一致，未做任何改动",
            )
    accounts.check_password(password)
    return password


def _from_environment(variables: tuple[str, ...]) -> str | None:
    for variable in variables:
        value = os.environ.get(variable)
        if value:
            return value
    return None


def _typed(prompt: str, variable: str) -> str:
    """A password typed on the terminal, not echoed; refused where there is no terminal."""
    if not sys.stdin.isatty():
        raise SignInRequiredError(
            "no password: run the command in a terminal, or set ${variable}",
            "没有密码：请在终端中运行此命令，或设置 ${variable}",
            variable=variable,
        )
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        raise UserError("no password was given", "未输入密码") from None


def add_account_commands(
    commands: "argparse._SubParsersAction[_Parser]", database: _Parser
) -> None:
    """The ``user`` and ``audit`` commands, with ``database``'s options on each."""
    _add_user_commands(commands, database)
    _add_audit_commands(commands, database)


def _add_user_commands(commands: "argparse._SubParsersAction[_Parser]", database: _Parser) -> None:
    user = commands.add_parser(
        "user",
        help=_t(
            "manage the accounts that sign in (admin; a trainer adds trainees)",
            "管理登录账户（管理员；培训师可添加学员）",
        ),
    )
    actions = user.add_subparsers(dest="action", metavar="ACTION", required=True)
    adding = _t(
        f"create an account and print its ID; its password is asked twice, or read from "
        f"${NEW_PASSWORD_ENV} (for the first account, which must be an admin and needs "
        f"no --user, also ${PASSWORD_ENV})",
        f"创建账户并显示其 ID；密码在终端输入两次，或取自 ${NEW_PASSWORD_ENV}"
        f"（第一个账户必须是管理员，无需 --user，也可取自 ${PASSWORD_ENV}）",
    )
    add = actions.add_parser("add", parents=[database], help=adding, description=adding)
    add.add_argument("name", metavar="NAME", help=_t("the sign-in name", "登录名"))
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument(
        "--display-name",
        default="",
        metavar="TEXT",
        help=_t("the name shown and recorded (default: NAME)", "显示和记录的姓名（默认：登录名）"),
    )
    add.add_argument(
        "--trainee",
        type=int,
        default=None,
        metavar="ID",
        help=_t(
            "a trainee account's existing trainee record (default: a new one)",
            "学员账户对应的已有学员记录（默认：新建一条）",
        ),
    )
    add.set_defaults(handler=_user_add)
    listing = actions.add_parser(
        "list", parents=[database], help=_t("list the accounts", "列出账户")
    )
    listing.set_defaults(handler=_user_list)
    for action, handler, en, zh in (
        ("disable", _user_disable, "disable an account: it can no longer sign in", "停用账户"),
        ("enable", _user_enable, "enable a disabled account again", "重新启用已停用的账户"),
        (
            "reset-password",
            _user_reset_password,
            f"give an account a new password (asked twice, or read from ${NEW_PASSWORD_ENV})",
            f"为账户设置新密码（在终端输入两次，或取自 ${NEW_PASSWORD_ENV}）",
        ),
    ):
        command = actions.add_parser(
            action, parents=[database], help=_t(en, zh), description=_t(en, zh)
        )
        command.add_argument("name", metavar="NAME", help=_t("the sign-in name", "登录名"))
        command.set_defaults(handler=handler)


def _add_audit_commands(commands: "argparse._SubParsersAction[_Parser]", database: _Parser) -> None:
    audit = commands.add_parser(
        "audit", help=_t("check or export the audit trail (admin)", "检查或导出审计记录（管理员）")
    )
    actions = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        parents=[database],
        help=_t(
            "check the hash chain: print the rows checked and the newest row's hash, or name "
            "the row changed or missing (and exit non-zero)",
            "校验哈希链：显示已检查的行数和最新一行的哈希，或指出被修改或缺失的行（并以非零状态退出）",
        ),
    )
    verify.set_defaults(handler=_audit_verify)
    export = actions.add_parser(
        "export",
        parents=[database],
        help=_t("write every row of the trail to a CSV file", "把审计记录的每一行写入 CSV 文件"),
    )
    export.add_argument("--out", type=Path, required=True, metavar="FILE.csv")
    export.set_defaults(handler=_audit_export)


def _user_add(args: argparse.Namespace) -> int:
    from cs_trainer.services.accounts import NewAccount, add_account

    database = _open_database(args)
    password = _new_password()
    new = NewAccount(
        name=args.name,
        display_name=args.display_name,
        role=args.role,
        password=password,
        person_id=args.trainee,
    )
    print(add_account(database, new))
    return 0


def _user_list(args: argparse.Namespace) -> int:
    from cs_trainer.services.accounts import list_accounts

    rows = [
        [
            row.name,
            row.role,
            _t("disabled", "已停用") if row.disabled else _t("active", "启用"),
            row.display_name,
        ]
        for row in list_accounts(_open_database(args))
    ]
    header = [
        _t("NAME", "登录名"),
        _t("ROLE", "角色"),
        _t("STATUS", "状态"),
        _t("SHOWN AS", "显示为"),
    ]
    widths = [max(_columns(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [
            cell + " " * (width - _columns(cell)) for cell, width in zip(row, widths, strict=True)
        ]
        print("  ".join(cells).rstrip())
    return 0


def _user_disable(args: argparse.Namespace) -> int:
    return _set_disabled(args, True)


def _user_enable(args: argparse.Namespace) -> int:
    return _set_disabled(args, False)


def _set_disabled(args: argparse.Namespace, disabled: bool) -> int:
    from cs_trainer.services.accounts import find_account, set_disabled

    database = _open_database(args)
    account = find_account(database, args.name)
    set_disabled(database, account.id, disabled)
    done = (
        message("{name} is disabled", "{name} 已停用", name=account.name)
        if disabled
        else message("{name} is enabled", "{name} 已启用", name=account.name)
    )
    print(done.render())
    return 0


def _user_reset_password(args: argparse.Namespace) -> int:
    from cs_trainer.services.accounts import find_account, reset_password

    database = _open_database(args)
    account = find_account(database, args.name)  # an unknown name is refused before asking
    reset_password(database, account.id, _new_password())
    print(message("{name} has a new password", "{name} 的密码已更新", name=account.name).render())
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    from cs_trainer.services.audit import verify

    verified = verify(_open_database(args))
    intact = message(
        "the audit trail is intact: {rows} rows checked; newest row's hash {head}",
        "审计记录完好：已检查 {rows} 行；最新一行的哈希为 {head}",
        rows=verified.rows,
        head=verified.head,
    )
    print(intact.render())
    return 0


def _audit_export(args: argparse.Namespace) -> int:
    from cs_trainer.files import write_atomically
    from cs_trainer.services.audit import every_entry

    out: Path = args.out
    _require_folder(out.parent)
    rows = list(every_entry(_open_database(args)))
    write_atomically(out, audit_csv(reversed(rows)).encode("utf-8-sig"))
    print(out)
    return 0


AUDIT_COLUMNS = ("id", "at_utc", "account", "role", "action", "target", "before", "after", "reason")


def audit_csv(rows: "Iterator[AuditEntry] | list[AuditEntry]") -> str:
    """The trail as CSV (oldest row first), each cell safe to open in a spreadsheet.

    Personal values read as the trail's views show them (erased ones as
    :data:`~cs_trainer.services.audit.ERASED`); "before" and "after" are JSON.
    UTF-8 with a byte-order mark is the caller's, as for the cohort's CSV.
    """
    from cs_trainer.reports.spreadsheet_cells import json_cell, neutralised

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(AUDIT_COLUMNS)
    for row in rows:
        cells = [
            str(row.id),
            row.at.isoformat(),
            row.account_name,
            row.role,
            row.action,
            row.target,
            json_cell(row.before),
            json_cell(row.after),
            row.reason,
        ]
        writer.writerow([neutralised(cell) for cell in cells])
    return buffer.getvalue()
