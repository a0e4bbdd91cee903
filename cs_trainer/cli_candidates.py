"""``candidate edit | export | erase`` and ``retention``: a candidate's record on the command line.

Split from :mod:`cs_trainer.cli`, which registers these sub-commands: the parsers are
built here (:func:`add_candidate_record_commands`, :func:`add_retention_command`) and
each handler calls a service and prints its result; a known problem is raised for
``main`` to print in one line. Erasing asks for ``--yes``: without it the command
says what would be erased and that copies and backups keep the data, and exits 1.
"""

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cs_trainer.cli_commands import EXIT_USER_ERROR, _open_database
from cs_trainer.cli_language import _Parser, _t
from cs_trainer.errors import UserError, message

if TYPE_CHECKING:
    from cs_trainer.services.candidate_data import ErasurePlan


def add_candidate_record_commands(
    actions: "argparse._SubParsersAction[_Parser]", database: _Parser
) -> None:
    """``candidate edit``, ``candidate export`` and ``candidate erase``."""
    edit = actions.add_parser(
        "edit",
        parents=[database],
        help=_t(
            "correct a candidate's name, phone or position (audited)",
            "更正应聘者的姓名、电话或应聘岗位（记入审计记录）",
        ),
    )
    edit.add_argument("id", type=int, metavar="ID", help=_t("the candidate's ID", "应聘者的 ID"))
    edit.add_argument("--name", default=None, help=_t("the corrected name", "更正后的姓名"))
    edit.add_argument(
        "--phone", default=None, help=_t("the corrected phone number", "更正后的电话号码")
    )
    edit.add_argument("--position", default=None, help=_t("position applied for", "应聘的职位"))
    edit.add_argument(
        "--allow-duplicate",
        action="store_true",
        help=_t(
            "accept a phone number another candidate already has",
            "即使其他应聘者已登记这个电话号码也照样保存",
        ),
    )
    edit.set_defaults(handler=_candidate_edit)
    export = actions.add_parser(
        "export",
        parents=[database],
        help=_t(
            "write everything stored about a candidate (JSON) and their sheet (PDF)",
            "导出应聘者的全部资料（JSON）及其评估表（PDF）",
        ),
    )
    export.add_argument("id", type=int, metavar="ID", help=_t("the candidate's ID", "应聘者的 ID"))
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help=_t("an existing folder", "一个已有的文件夹"),
    )
    export.set_defaults(handler=_candidate_export)
    erase = actions.add_parser(
        "erase",
        parents=[database],
        help=_t(
            "erase a candidate's personal data for good (results stay, anonymised)",
            "永久删除应聘者的个人资料（成绩匿名保留）",
        ),
    )
    erase.add_argument("id", type=int, metavar="ID", help=_t("the candidate's ID", "应聘者的 ID"))
    erase.add_argument(
        "--yes",
        action="store_true",
        help=_t(
            "confirm: without it, only say what would be erased", "确认；不加则只说明会删除什么"
        ),
    )
    erase.set_defaults(handler=_candidate_erase)


def add_retention_command(
    commands: "argparse._SubParsersAction[_Parser]", database: _Parser
) -> None:
    """``retention --list | --erase --yes``."""
    retention = commands.add_parser(
        "retention",
        parents=[database],
        help=_t(
            "list, or erase, the candidates whose retention period has run out",
            "列出或删除保存期限已满的应聘者",
        ),
    )
    what = retention.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--list",
        action="store_true",
        help=_t("list the candidates due for erasure", "列出应删除的应聘者"),
    )
    what.add_argument(
        "--erase",
        action="store_true",
        help=_t("erase them (with --yes)", "删除他们（需加 --yes）"),
    )
    retention.add_argument("--yes", action="store_true", help=_t("confirm the erasure", "确认删除"))
    retention.set_defaults(handler=_retention)


def _candidate_edit(args: argparse.Namespace) -> int:
    from cs_trainer.services.candidates import CandidateEdit, edit_candidate

    edit = CandidateEdit(args.name, args.phone, args.position)
    if edit == CandidateEdit():
        raise UserError(
            "say what to correct: --name, --phone or --position",
            "请说明要更正什么：--name、--phone 或 --position",
        )
    changed = edit_candidate(_open_database(args), args.id, edit, args.allow_duplicate)
    if changed:
        done = message(
            "candidate {id}: corrected {fields}",
            "应聘者 {id}：已更正 {fields}",
            id=args.id,
            fields=", ".join(changed),
        )
    else:
        done = message("candidate {id}: nothing changed", "应聘者 {id}：没有变化", id=args.id)
    print(done.render())
    return 0


def _candidate_export(args: argparse.Namespace) -> int:
    from cs_trainer.services.candidate_data import export_candidate

    out: Path = args.out
    exported = export_candidate(_open_database(args), args.id, out)
    for path in (exported.data, *exported.sheets):
        print(path)
    return 0


def _candidate_erase(args: argparse.Namespace) -> int:
    from cs_trainer.services.candidate_data import erase_candidate, erasure_plan

    db = _open_database(args)
    if not args.yes:
        print(_erasure_preview(erasure_plan(db, args.id)), file=sys.stderr)
        return EXIT_USER_ERROR
    erase_candidate(db, args.id)
    done = message(
        "candidate {id}: personal data erased", "应聘者 {id}：个人资料已删除", id=args.id
    )
    print(done.render())
    print(_backup_caveat())
    return 0


def _erasure_preview(plan: "ErasurePlan") -> str:
    return "\n".join(
        [
            message(
                "this would erase candidate {id}'s name and phone number, the free text of "
                "{notes} answers and notes, the reasons of {stages} stage changes and "
                "{decisions} decisions, and {values} values quoted by the audit trail; "
                "the scores of {attempts} tests and interviews stay, anonymised",
                "这将删除应聘者 {id} 的姓名和电话、{notes} 条回答和备注中的文字、"
                "{stages} 次阶段变更和 {decisions} 个决定的理由，以及审计记录引用的 "
                "{values} 项内容；{attempts} 次测评和面试的分数匿名保留",
                id=plan.candidate_id,
                notes=plan.notes,
                stages=plan.stage_changes,
                decisions=plan.decisions,
                values=plan.audit_values,
                attempts=plan.attempts,
            ).render(),
            _backup_caveat(),
            _t(
                "Nothing was erased: add --yes to erase.", "没有删除任何内容：加上 --yes 才会删除。"
            ),
        ]
    )


def _backup_caveat() -> str:
    from cs_trainer.services.retention import BACKUP_CAVEAT

    return _t(*BACKUP_CAVEAT)


def _retention(args: argparse.Namespace) -> int:
    from cs_trainer.services import retention
    from cs_trainer.services.candidates import retention_months
    from cs_trainer.services.clock import local_date

    db = _open_database(args)
    today = date.today()
    due = retention.due(db, today)
    months = retention_months(db)
    for candidate in due:
        since = message(
            "decision" if candidate.reason == "decision" else "consent withdrawn",
            "作出决定" if candidate.reason == "decision" else "撤回同意",
        ).render()
        print(
            message(
                "candidate {id} · registered {registered} · {position} · {since} on {on} · "
                "due since {due}",
                "应聘者 {id} · {registered} 登记 · {position} · {on} {since} · {due} 起到期",
                id=candidate.id,
                registered=local_date(candidate.registered_at).isoformat(),
                position=candidate.position or "—",
                since=since,
                on=candidate.since.isoformat(),
                due=candidate.due_on.isoformat(),
            ).render()
        )
    summary = message(
        "{count} candidates due for erasure (retention period: {months} months)",
        "{count} 位应聘者应予删除（保存期限：{months} 个月）",
        count=len(due),
        months=months,
    )
    if args.list or not due:
        print(summary.render())
        return 0
    if not args.yes:
        print(summary.render(), file=sys.stderr)
        print(_backup_caveat(), file=sys.stderr)
        print(
            _t(
                "Nothing was erased: add --yes to erase.", "没有删除任何内容：加上 --yes 才会删除。"
            ),
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    count = retention.erase_due(db, [candidate.id for candidate in due], today)
    print(message("erased {count} candidates", "已删除 {count} 位应聘者", count=count).render())
    print(_backup_caveat())
    return 0
