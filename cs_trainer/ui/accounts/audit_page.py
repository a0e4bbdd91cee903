"""The audit trail, for an admin: a page of rows at a time, newest first; Verify; Export CSV.

Verify checks the hash chain of every row (a row changed or removed behind the
application's back is named); Export writes every row as CSV through the
operation route.
"""

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.services import audit
from cs_trainer.services.audit import AuditEntry, Verified
from cs_trainer.services.clock import local_time
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts import session
from cs_trainer.ui.accounts.audit_csv import write_audit_csv
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.table_model import Column, RowTableModel

PAGE_ROWS = 100


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate; translated when shown."""
    return text


OK_STYLE = "color: #1b5e20;"
BROKEN_STYLE = "color: #b00020; font-weight: bold;"


ACTION_LABELS = {
    "account.add": QT_TRANSLATE_NOOP("AuditTableModel", "account added"),
    "account.disable": QT_TRANSLATE_NOOP("AuditTableModel", "account disabled"),
    "account.enable": QT_TRANSLATE_NOOP("AuditTableModel", "account enabled"),
    "account.reset_password": QT_TRANSLATE_NOOP("AuditTableModel", "password reset"),
    "account.set_pin": QT_TRANSLATE_NOOP("AuditTableModel", "PIN set"),
    "bank.import": QT_TRANSLATE_NOOP("AuditTableModel", "question bank imported"),
    "candidate.add": QT_TRANSLATE_NOOP("AuditTableModel", "candidate registered"),
    "candidate.decide": QT_TRANSLATE_NOOP("AuditTableModel", "decision recorded"),
    "candidate.edit": QT_TRANSLATE_NOOP("AuditTableModel", "candidate's details corrected"),
    "candidate.erase": QT_TRANSLATE_NOOP("AuditTableModel", "candidate's data erased"),
    "candidate.withdraw_consent": QT_TRANSLATE_NOOP("AuditTableModel", "consent withdrawn"),
    "database.restore": QT_TRANSLATE_NOOP("AuditTableModel", "data restored from a backup"),
    "interview.finish": QT_TRANSLATE_NOOP("AuditTableModel", "interview finished"),
    "interview.rate": QT_TRANSLATE_NOOP("AuditTableModel", "interview rating or note"),
    "performance.finish": QT_TRANSLATE_NOOP("AuditTableModel", "performance review finished"),
    "performance.rate": QT_TRANSLATE_NOOP("AuditTableModel", "performance rating or comment"),
    "plan.save": QT_TRANSLATE_NOOP("AuditTableModel", "interview plan saved"),
    "quiz.finish": QT_TRANSLATE_NOOP("AuditTableModel", "quiz finished"),
    "reception.add": QT_TRANSLATE_NOOP("AuditTableModel", "reception entry added"),
    "reception.delete": QT_TRANSLATE_NOOP("AuditTableModel", "reception entry deleted"),
    "roleplay.finish": QT_TRANSLATE_NOOP("AuditTableModel", "role-play finished"),
    "selftest.answer": QT_TRANSLATE_NOOP("AuditTableModel", "self-test answer"),
    "selftest.finish": QT_TRANSLATE_NOOP("AuditTableModel", "self-test finished"),
    "selftest.paper": QT_TRANSLATE_NOOP("AuditTableModel", "paper self-test entered"),
    "setting.change": QT_TRANSLATE_NOOP("AuditTableModel", "setting changed"),
    "stage.move": QT_TRANSLATE_NOOP("AuditTableModel", "stage changed"),
    "typing.pass_mark": QT_TRANSLATE_NOOP("AuditTableModel", "typing pass mark changed"),
    "typing.result": QT_TRANSLATE_NOOP("AuditTableModel", "typing test recorded"),
}
"""Readable names of every action the services audit (a test checks none is missing)."""

TARGET_LABELS = {
    "account": QT_TRANSLATE_NOOP("AuditTableModel", "account #%1"),
    "attempt": QT_TRANSLATE_NOOP("AuditTableModel", "attempt #%1"),
    "backup": QT_TRANSLATE_NOOP("AuditTableModel", "backup %1"),
    "bank": QT_TRANSLATE_NOOP("AuditTableModel", "bank %1"),
    "candidate": QT_TRANSLATE_NOOP("AuditTableModel", "candidate #%1"),
    "person": QT_TRANSLATE_NOOP("AuditTableModel", "person #%1"),
    "plan": QT_TRANSLATE_NOOP("AuditTableModel", "plan #%1"),
    "reception_entry": QT_TRANSLATE_NOOP("AuditTableModel", "reception entry #%1"),
    "setting": QT_TRANSLATE_NOOP("AuditTableModel", "setting %1"),
}
"""What a row's target is, by the kind before its colon."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditTableModel", text)


def action_text(entry: AuditEntry) -> str:
    label = ACTION_LABELS.get(entry.action)
    return f"{_tr(label) if label else entry.action} · {target_text(entry.target)}"


def target_text(target: str) -> str:
    """``attempt:3`` as "attempt #3" in the language shown; an unknown kind as stored."""
    kind, _, key = target.partition(":")
    label = TARGET_LABELS.get(kind)
    return _tr(label).replace("%1", key) if label else target


def _short(value: Any) -> str:
    if isinstance(value, bool):
        yes = QCoreApplication.translate("AuditTableModel", "yes")
        return yes if value else QCoreApplication.translate("AuditTableModel", "no")
    return "—" if value is None or value == "" else str(value)


def change_text(entry: AuditEntry) -> str:
    """Each field that changed as "field: before → after" (one side if only one)."""
    before, after = entry.before or {}, entry.after or {}
    parts = []
    for key in sorted({*before, *after} - {"reason"}):  # the reason has its own column
        if key in before and key in after:
            parts.append(f"{key}: {_short(before[key])} → {_short(after[key])}")
        elif key in after:
            parts.append(f"{key}: {_short(after[key])}")
        else:
            parts.append(f"{key}: {_short(before[key])} → —")
    return "; ".join(parts)


def reason_text(entry: AuditEntry) -> str:
    """Why, as asked: kept with the change (erasable with the person) or on the row."""
    quoted = (entry.after or {}).get("reason")
    return str(quoted) if quoted else entry.reason


class AuditTableModel(RowTableModel[AuditEntry]):
    def __init__(self) -> None:
        super().__init__()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.declare(
            [
                Column(self.tr("Row"), lambda e: str(e.id), sort=lambda e: e.id, alignment=right),
                Column(
                    self.tr("When"),
                    lambda e: local_time(e.at).strftime("%Y-%m-%d %H:%M:%S"),
                ),
                Column(self.tr("Who"), lambda e: e.account_name or self.tr("(setting up)")),
                Column(self.tr("Role"), self._role),
                Column(self.tr("What"), action_text, tooltip=lambda e: e.action),
                Column(self.tr("Before → after"), change_text, tooltip=change_text),
                Column(self.tr("Reason"), reason_text, tooltip=lambda e: reason_text(e) or None),
            ]
        )

    def _role(self, entry: AuditEntry) -> str:
        return "—" if entry.account_name == "" else session.role_title(entry.role)


class AuditPage(QWidget):
    """Newest rows first, ``PAGE_ROWS`` at a time."""

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._pages: list[int | None] = [None]  # the before_id of each page shown so far
        self.model = AuditTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.newer_button = QPushButton(self.tr("‹ &Newer"))
        self.older_button = QPushButton(self.tr("&Older ›"))
        self.page_label = QLabel()
        self.verify_button = QPushButton(self.tr("&Verify the trail"))
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.newer_button.clicked.connect(self.newer)
        self.older_button.clicked.connect(self.older)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        intro = QLabel(
            self.tr(
                "Every change of a rating, note, decision, stage, personal detail, account "
                "or setting, with who made it. Rows cannot be changed or deleted; Verify "
                "checks that none was."
            )
        )
        intro.setWordWrap(True)
        top = QHBoxLayout()
        for widget in (self.verify_button, self.export_button):
            top.addWidget(widget)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.newer_button)
        bottom.addWidget(self.page_label)
        bottom.addWidget(self.older_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Audit trail</h2>")))
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.result_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        bus.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, _kinds: frozenset[str]) -> None:
        if len(self._pages) == 1:
            self.refresh()  # the newest page follows new rows; an older page stays put

    def refresh(self) -> None:
        rows = audit.entries(self._db, limit=PAGE_ROWS, before_id=self._pages[-1])
        self.model.reset(rows)
        total = audit.count(self._db)
        first = (len(self._pages) - 1) * PAGE_ROWS
        shown = f"{first + 1}–{first + len(rows)}" if rows else "0"
        self.page_label.setText(
            self.tr("rows %1 of %2").replace("%1", shown).replace("%2", str(total))
        )
        self.newer_button.setEnabled(len(self._pages) > 1)
        self.older_button.setEnabled(first + len(rows) < total and len(rows) == PAGE_ROWS)

    def older(self) -> None:
        if self.model.rows:
            self._pages.append(self.model.rows[-1].id)
            self.refresh()

    def newer(self) -> None:
        if len(self._pages) > 1:
            self._pages.pop()
            self.refresh()

    def verify(self) -> None:
        self.result_label.setText(self.tr("Checking every row…"))
        self.result_label.setStyleSheet("")
        Op(self, self._db, audit.verify).success(self._verified).problem(self._broken).run()

    def _verified(self, result: Verified) -> None:
        self.result_label.setStyleSheet(OK_STYLE)
        self.result_label.setText(
            self.tr("The trail is intact: %1 rows checked.").replace("%1", str(result.rows))
        )

    def _broken(self, problem: UserError) -> None:
        self.result_label.setStyleSheet(BROKEN_STYLE)
        self.result_label.setText(self.tr("The trail is broken: %1").replace("%1", str(problem)))

    def export(self) -> None:
        out = self.ask_csv_path(self)
        if out is None:
            return
        Op(self, self._db, lambda db: write_audit_csv(db, out)).success(
            lambda rows: self._exported(rows, out)
        ).with_progress(self.tr("Exporting the audit trail…")).run()

    def _exported(self, rows: int, out: Path) -> None:
        self.result_label.setStyleSheet("")
        self.result_label.setText(
            self.tr("%1 rows exported to %2.").replace("%1", str(rows)).replace("%2", str(out))
        )

    @classmethod
    def ask_csv_path(cls, parent: QWidget) -> Path | None:
        """Where to write the CSV; tests replace this."""
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("AuditPage", "Export the audit trail"),
            str(Path.home() / "audit-trail.csv"),
            QCoreApplication.translate("AuditPage", "CSV files (*.csv)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".csv" else path.with_suffix(".csv")
