"""The audit trail as CSV: every row, newest first, safe to open in a spreadsheet.

A cell a spreadsheet would read as a formula gets a leading apostrophe
(:mod:`cs_trainer.reports.spreadsheet_cells`), so a value someone typed (a note, a
name) cannot run as a formula when an admin opens the file.
"""

import csv
import io
from pathlib import Path

from cs_trainer.files import write_atomically
from cs_trainer.reports.spreadsheet_cells import json_cell, neutralised
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


def record(entry: AuditEntry) -> list[str]:
    return [
        str(entry.id),
        local_time(entry.at).isoformat(sep=" ", timespec="seconds"),
        entry.account_name,
        entry.role,
        entry.action,
        entry.target,
        json_cell(entry.before),
        json_cell(entry.after),
        entry.reason,
    ]


def write_audit_csv(db: Database, out: Path) -> int:
    """Write the trail to ``out`` (UTF-8 with a BOM, for Excel); how many rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    rows = 0
    for entry in audit.every_entry(db):
        writer.writerow([neutralised(cell) for cell in record(entry)])
        rows += 1
    write_atomically(out, buffer.getvalue().encode("utf-8-sig"))
    return rows
