"""``cs-trainer backup``, ``restore`` and ``check``: SQLite backups from the command line.

``restore`` onto a damaged file cannot sign anyone in (the accounts are in the damaged
file), so it acts without ``--user`` then: whoever may replace the file on disk may
restore it. The damaged file is moved aside into the backup folder, never written.
Onto a sound file, ``restore`` signs in as every other command does and first backs
up the current state.
"""

import argparse
from pathlib import Path

from cs_trainer.cli_commands import EXIT_USER_ERROR, _open_database
from cs_trainer.cli_language import _Parser, _t
from cs_trainer.errors import message


def add_backup_commands(commands: "argparse._SubParsersAction[_Parser]", database: _Parser) -> None:
    backup = commands.add_parser(
        "backup",
        parents=[database],
        help=_t(
            "back up the SQLite database (to its backups folder, or --out FILE)",
            "备份 SQLite 数据库（存到其 backups 文件夹，或 --out 指定的文件）",
        ),
    )
    backup.add_argument("--out", type=Path, default=None, metavar="FILE")
    backup.set_defaults(handler=_backup)
    restore = commands.add_parser(
        "restore",
        parents=[database],
        help=_t(
            "replace the database's data by a backup (the current state is backed up first)",
            "用备份替换数据库中的数据（先备份当前状态）",
        ),
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.set_defaults(handler=_restore)
    check = commands.add_parser(
        "check",
        parents=[database],
        help=_t(
            "check the whole database file (integrity and references)",
            "全面检查数据库文件（完整性和引用）",
        ),
    )
    check.set_defaults(handler=_check)


def _backup(args: argparse.Namespace) -> int:
    from cs_trainer.services.backups import back_up

    print(back_up(_open_database(args), args.out))
    return 0


def _check(args: argparse.Namespace) -> int:
    from cs_trainer.services.backups import check

    found = check(_open_database(args))
    if found:
        print(
            message(
                "The database failed its check; problems found: {count} (in SQLite's words below):",
                "数据库未通过检查（{count} 个问题，以下为 SQLite 的原文）：",
                count=len(found),
            ).render()
        )
        for problem in found[:50]:
            print(problem)
        return EXIT_USER_ERROR
    print(message("The database passed every check.", "数据库通过了所有检查。").render())
    return 0


def _restore(args: argparse.Namespace) -> int:
    """Acts without --user only onto a damaged file (see the module)."""
    from cs_trainer.cli_accounts import acting_for
    from cs_trainer.services.backups import damaged_file, restore, restore_damaged_file
    from cs_trainer.store.database import resolve_database_url

    target = damaged_file(resolve_database_url(getattr(args, "database", None)))
    if target is None:
        with acting_for(args):
            print(restore(_open_database(args), args.file))
        return 0
    aside = restore_damaged_file(target, args.file)
    print(
        message(
            "Restored; the damaged file was kept as {aside}.",
            "已恢复；损坏的文件保留为 {aside}。",
            aside=str(aside),
        ).render()
    )
    return 0
