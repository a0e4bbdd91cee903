"""The admin's audit trail: its rows, Verify (intact, then tampered with), Export CSV."""

import csv
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cs_trainer.reports.spreadsheet_cells import neutralised
from cs_trainer.services import audit
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts import audit_page
from cs_trainer.ui.accounts.audit_page import AuditPage
from cs_trainer.ui.shared.changes import ChangeBus


def _page(qtbot: QtBot, db: Database) -> AuditPage:
    bus = ChangeBus()
    page = AuditPage(db, bus)
    page.bus_keeper = bus  # type: ignore[attr-defined]
    qtbot.addWidget(page)
    return page


def test_the_page_shows_the_rows_newest_first_with_who_and_role(
    qtbot: QtBot, db: Database, every_role: dict[str, Actor], sign_in_as: Callable[[Actor], Actor]
) -> None:
    sign_in_as(every_role["admin"])
    page = _page(qtbot, db)
    ids = [row.id for row in page.model.rows]
    assert ids == sorted(ids, reverse=True) and len(ids) == audit.count(db)
    newest = page.model.index(0, 0)
    assert page.model.data(newest.siblingAtColumn(2)) == "管理员甲"
    assert page.model.data(newest.siblingAtColumn(3)) == "administrator"
    assert page.model.data(newest.siblingAtColumn(4)) == "account added · account #4"
    assert page.model.data(newest.siblingAtColumn(4), Qt.ItemDataRole.ToolTipRole) == "account.add"
    assert "role: trainee" in page.model.data(newest.siblingAtColumn(5))
    assert page.page_label.text() == f"rows 1–{len(ids)} of {len(ids)}"


def test_older_and_newer_page_through_the_trail(
    qtbot: QtBot,
    db: Database,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(audit_page, "PAGE_ROWS", 2)
    sign_in_as(every_role["admin"])
    page = _page(qtbot, db)
    total = audit.count(db)
    assert [row.id for row in page.model.rows] == [total, total - 1]
    assert page.older_button.isEnabled() and not page.newer_button.isEnabled()
    page.older_button.click()
    assert [row.id for row in page.model.rows] == [total - 2, total - 3]
    page.newer_button.click()
    assert [row.id for row in page.model.rows] == [total, total - 1]


def test_verify_reports_the_rows_checked_then_names_a_tampered_row(
    qtbot: QtBot,
    db: Database,
    db_path: Path,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
    settle: Callable[[], None],
) -> None:
    sign_in_as(every_role["admin"])
    page = _page(qtbot, db)
    page.verify_button.click()
    settle()
    assert page.result_label.text() == f"The trail is intact: {audit.count(db)} rows checked."
    with closing(sqlite3.connect(db_path)) as raw:
        raw.execute("DROP TRIGGER audit_events_append_only_update")
        raw.execute("UPDATE audit_events SET reason = 'nobody' WHERE id = 2")
        raw.commit()
    page.verify_button.click()
    settle()
    assert "The trail is broken" in page.result_label.text()
    assert "audit row 2 was changed" in page.result_label.text()


def test_export_writes_every_row_with_formulas_neutralised(
    qtbot: QtBot,
    db: Database,
    tmp_path: Path,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
    settle: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cs_trainer.services import accounts

    with acting_as(every_role["admin"]):
        accounts.add_account(db, accounts.NewAccount("evil", "=HYPERLINK(1)", "hr", "x" * 8))
    sign_in_as(every_role["admin"])
    page = _page(qtbot, db)
    out = tmp_path / "trail.csv"
    monkeypatch.setattr(AuditPage, "ask_csv_path", classmethod(lambda cls, _parent: out))
    page.export_button.click()
    settle()
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 1 + audit.count(db)
    assert rows[0][0] == "编号 Row"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert "=HYPERLINK(1)" in rows[1][7]
    assert page.result_label.text() == f"{audit.count(db)} rows exported to {out}."


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1"])
def test_cells_a_spreadsheet_would_run_are_neutralised(cell: str) -> None:
    assert neutralised(cell) == "'" + cell
    assert neutralised("王丽") == "王丽"


def _audited_actions_and_target_kinds() -> tuple[set[str], set[str]]:
    """The action names and target kinds the services pass to audit.record."""
    import ast

    from cs_trainer.resources import package_path

    actions: set[str] = set()
    kinds: set[str] = set()
    for path in package_path("services").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            owner = node.func.value
            if node.func.attr == "store_setting":  # a setting written with its own action
                actions.update(
                    str(k.value.value)
                    for k in node.keywords
                    if k.arg == "action" and isinstance(k.value, ast.Constant)
                )
                continue
            if node.func.attr != "record" or not isinstance(owner, ast.Name):
                continue
            if owner.id != "audit" or len(node.args) < 3:
                continue
            action, target = node.args[1], node.args[2]
            if isinstance(action, ast.Constant):
                actions.add(str(action.value))
            if isinstance(target, ast.JoinedStr) and isinstance(target.values[0], ast.Constant):
                kinds.add(str(target.values[0].value).rstrip(":"))
    return actions, kinds


def test_every_audited_action_and_target_has_a_readable_name() -> None:
    actions, kinds = _audited_actions_and_target_kinds()
    assert len(actions) > 20 and {"attempt", "account", "setting"} <= kinds
    assert actions <= set(audit_page.ACTION_LABELS), actions - set(audit_page.ACTION_LABELS)
    assert (kinds | {"candidate"}) <= set(audit_page.TARGET_LABELS)


def test_rows_read_in_chinese_without_internal_codes(
    qtbot: QtBot, db: Database, every_role: dict[str, Actor], sign_in_as: Callable[[Actor], Actor]
) -> None:
    from cs_trainer.ui.shared.translation import LanguageSwitch

    sign_in_as(every_role["admin"])
    LanguageSwitch.apply("zh")
    try:
        page = _page(qtbot, db)
        newest = page.model.index(0, 4)
        assert page.model.data(newest) == "添加账户 · 账户 #4"
    finally:
        LanguageSwitch.apply("en")


def test_a_decisions_reason_stands_in_the_reason_column(
    qtbot: QtBot, db: Database, every_role: dict[str, Actor], sign_in_as: Callable[[Actor], Actor]
) -> None:
    from cs_trainer.services import candidates, pipeline

    with acting_as(every_role["hr"]):
        person = candidates.add_candidate(
            db, candidates.NewCandidate("张三", "13800000000", "客服专员", consent=True)
        )
        pipeline.decide(db, person, "reject", "岗位已满", "")
    sign_in_as(every_role["admin"])
    page = _page(qtbot, db)
    newest = page.model.index(0, 0)
    assert page.model.data(newest.siblingAtColumn(6)) == "岗位已满"
    change = page.model.data(newest.siblingAtColumn(5))
    assert "岗位已满" not in change and "  " not in change
