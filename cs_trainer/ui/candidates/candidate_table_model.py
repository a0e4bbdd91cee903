"""The candidate list as a Qt table model over plain summaries."""

from PySide6.QtCore import Qt

from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.services.candidates import CandidateSummary
from cs_trainer.services.clock import local_date
from cs_trainer.services.pipeline import STAGE_NAMES
from cs_trainer.ui.shared import table_model
from cs_trainer.ui.shared.table_model import Column, RowTableModel
from cs_trainer.ui.shared.translation import content_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = table_model.SORT_ROLE
STAGE_ROLE = Qt.ItemDataRole.UserRole + 3  # the stage code, for filtering
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4  # name and phone, case-folded, for searching
NAME_COLUMN, POSITION_COLUMN, STAGE_COLUMN, SELFTEST_COLUMN = 1, 3, 4, 6


class CandidateTableModel(RowTableModel[CandidateSummary]):
    """Rows of :class:`CandidateSummary`; ``ID_ROLE`` gives a row's candidate ID."""

    def __init__(self) -> None:
        super().__init__()
        self.declare(
            [
                Column(self.tr("ID"), lambda row: str(row.id), sort=lambda row: row.id),
                Column(self.tr("Name"), lambda row: row.name),
                Column(self.tr("Phone"), lambda row: row.phone),
                Column(self.tr("Position"), lambda row: row.position),
                Column(self.tr("Stage"), _stage_name, sort=_stage_order),
                Column(
                    self.tr("Registered"),
                    lambda row: str(local_date(row.created_at)),
                    sort=lambda row: row.created_at,
                ),
                Column(self.tr("Self-test"), self._selftest_text, sort=_selftest_order),
            ],
            {
                ID_ROLE: lambda row: row.id,
                STAGE_ROLE: lambda row: row.stage,
                SEARCH_ROLE: _search_text,
            },
        )

    def set_rows(self, rows: list[CandidateSummary]) -> None:
        self.reset(rows)

    def row_of(self, candidate_id: int) -> int | None:
        return self.find(lambda row: row.id == candidate_id)

    def _selftest_text(self, row: CandidateSummary) -> str:
        if row.latest_total is None:
            return self.tr("in progress") if row.has_unfinished else "—"
        bands = {band.code: band for band in service_potential().instrument.bands}
        band = bands.get(row.latest_band or "")
        label = content_text(band.label) if band else ""
        return f"{row.latest_total} · {label}"


def _stage_name(row: CandidateSummary) -> str:
    return content_text(STAGE_NAMES[row.stage])


def _stage_order(row: CandidateSummary) -> int:
    """Stages sort in the order a candidate passes them, not alphabetically."""
    return list(STAGE_NAMES).index(row.stage)


def _selftest_order(row: CandidateSummary) -> int:
    return row.latest_total if row.latest_total is not None else -1


def _search_text(row: CandidateSummary) -> str:
    return f"{row.name} {row.phone} {row.phone.replace(' ', '')}".casefold()
