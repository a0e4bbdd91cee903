"""Every bounded text column is checked before it is written, the same on both dialects.

SQLite ignores ``String(200)`` and stores a 5,000-character name; PostgreSQL refuses
it with a driver error that reached people as a traceback. One check in the write
session, before the flush, holds both to the model's own lengths (so the limits
cannot drift from the schema): text a person typed or a file brought is refused with
its field's title and limit; an internal column over its length is a bug and raises
as one.
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy import Column, String, inspect
from sqlalchemy.orm import Session

from cs_trainer.errors import UserError
from cs_trainer.store.models import Base

TITLES: dict[tuple[str, str], tuple[str, str]] = {
    ("people", "name"): ("The name", "姓名"),
    ("people", "phone"): ("The phone number", "电话"),
    ("people", "position"): ("The position", "应聘岗位"),
    ("cohorts", "name"): ("The cohort's name", "班级名称"),
    ("interview_plans", "name"): ("The plan's name", "面试方案名称"),
    ("interview_plans", "position"): ("The plan's position", "面试方案的岗位"),
    ("interview_plans", "created_by"): ("The name of who made the plan", "方案制定人"),
    ("imported_banks", "bank_id"): ("The question bank's id", "题库编号"),
    ("imported_banks", "source_name"): ("The imported file's name", "导入文件名"),
    ("accounts", "name"): ("The sign-in name", "登录名"),
    ("accounts", "display_name"): ("The display name", "显示名"),
    ("attempts", "conducted_by"): ("The name of who conducted it", "主持人姓名"),
    ("decisions", "by"): ("The name of who decided", "决定人姓名"),
    ("pipeline_events", "by"): ("The name of who moved the stage", "变更阶段的人"),
    ("reception_entries", "assessor"): ("The assessor's name", "评估人姓名"),
    ("responses", "item_id"): ("The item's id", "题目编号"),
    ("audit_events", "account_name"): ("The account's name", "账户名"),
}
"""The columns people fill (by typing or through a file), by the title messages use."""

INTERNAL: frozenset[tuple[str, str]] = frozenset(
    {
        ("app_settings", "key"),
        ("change_counters", "kind"),
        ("audit_events", "role"),
        ("audit_events", "action"),
        ("audit_events", "target"),
        ("audit_events", "prev_hash"),
        ("audit_events", "hash"),
        ("audit_personal_values", "salt"),
        ("imported_banks", "content_hash"),
        ("instrument_snapshots", "content_hash"),
        ("instrument_snapshots", "instrument_id"),
        ("people", "kind"),
        ("people", "consent_version"),
        ("people", "stage"),
        ("accounts", "role"),
        ("accounts", "password_hash"),
        ("accounts", "pin_hash"),
        ("attempts", "kind"),
        ("attempts", "instrument_id"),
        ("attempts", "content_hash"),
        ("attempts", "mode"),
        ("attempts", "status"),
        ("attempts", "band"),
        ("decisions", "decision"),
        ("pipeline_events", "from_stage"),
        ("pipeline_events", "to_stage"),
        ("reception_entries", "code"),
    }
)
"""The columns the app fills itself: over its length is a bug, never the user's doing."""


class FieldTooLongError(UserError):
    """A text is longer than its column holds."""

    def __init__(self, title: tuple[str, str], limit: int, length: int) -> None:
        en, zh = title
        super().__init__(
            "{field} may be at most {limit} characters (this one has {length}).",
            "{field_zh}最多 {limit} 个字符（现在有 {length} 个）。",
            field=en,
            field_zh=zh,
            limit=limit,
            length=length,
        )


def bounded_columns() -> list[tuple[str, str, int]]:
    """Every ``String(n)`` column of the schema: table, column, n."""
    return [
        (table.name, column.name, column.type.length)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, String) and column.type.length
    ]


def check_lengths(session: Session, _context: object = None, _instances: object = None) -> None:
    """A ``before_flush`` hook: refuse the flush if a new or changed row is too long."""
    for row in (*session.new, *session.dirty):
        _check_row(row)


TextCheck = Callable[[str, str, str], None]
text_checks: list[TextCheck] = []
"""Further checks of every text column's new value (table, column, text), which raise a
:class:`UserError`; the services add the printability check (the store cannot know
the PDF font)."""


def _check_row(row: object) -> None:
    mapper = inspect(row).mapper
    for column in mapper.columns:
        limit = column.type.length if isinstance(column.type, String) else None
        value = getattr(row, mapper.get_property_by_column(column).key, None)
        if limit and isinstance(value, str) and len(value) > limit:
            _refuse(column.table.name, column.name, limit, len(value))
        if isinstance(value, str) and text_checks:
            _check_text(row, mapper.get_property_by_column(column).key, column, value)


def _check_text(row: object, key: str, column: Column[Any], value: str) -> None:
    """Only what is new: a name stored before a check existed must not block every
    later change to its row (a stage move, a decision)."""
    state = inspect(row)
    if not state.pending and not state.attrs[key].history.has_changes():
        return
    for check in text_checks:
        check(column.table.name, column.name, value)


def _refuse(table: str, column: str, limit: int, length: int) -> None:
    title = TITLES.get((table, column))
    if title is None:
        raise ValueError(f"{table}.{column} is over its {limit} characters ({length})")
    raise FieldTooLongError(title, limit, length)
