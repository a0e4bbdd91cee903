"""The audit trail as CSV: every row, newest first, safe to open in a spreadsheet.

A cell a spreadsheet would read as a formula (it starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) gets a leading apostrophe, so a value someone
typed (a note, a name) cannot run as a formula when an admin opens the file.
"""

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cs_trainer.files import write_atomically
from cs_trainer.services import audit
from cs_trainer.services.audit import AuditEntry
from cs_trainer.services.clock import local_time
from cs_trainer.store.database import Database

HEADERS = (
    "编号 Row",
    "时间（本地）When (local)",
    "账户 Who",
    "角色 Role",
    "操作 Action",
    "对象 Target",
    "之前 Before",
    "之后 After",
    "原因 Reason",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PAGE = 1000


def neutralised(cell: str) -> str:
    """``cell`` as text a spreadsheet shows, never evaluates."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def values_text(values: dict[str, Any] | None) -> str:
    if not values:
        return ""
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)


def record(entry: AuditEntry) -> list[str]:
    return [
        str(entry.id),
        local_time(entry.at).isoformat(sep=" ", timespec="seconds"),
        entry.account_name,
        entry.role,
        entry.action,
        entry.target,
        values_text(entry.before),
        values_text(entry.after),
        entry.reason,
    ]


def all_entries(db: Database) -> Iterable[AuditEntry]:
    """Every row, newest first, a page at a time."""
    before: int | None = None
    while True:
        page = audit.entries(db, limit=PAGE, before_id=before)
        yield from page
        if len(page) < PAGE:
            return
        before = page[-1].id


def write_audit_csv(db: Database, out: Path) -> int:
    """Write the trail to ``out`` (UTF-8 with a BOM, for Excel); how many rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    rows = 0
    for entry in all_entries(db):
        writer.writerow([neutralised(cell) for cell in record(entry)])
        rows += 1
    write_atomically(out, buffer.getvalue().encode("utf-8-sig"))
    return rows
