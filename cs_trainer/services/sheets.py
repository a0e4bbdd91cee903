"""Building a candidate's evaluation sheet from the database and writing it as PDF."""

from datetime import date
from pathlib import Path

from cs_trainer.errors import UserError
from cs_trainer.reports.sheet_data import (
    Bilingual,
    CandidateInfo,
    EvaluationSheet,
    SelfTestSection,
    SheetItem,
)
from cs_trainer.services.app_settings import organisation_name
from cs_trainer.services.candidates import get_candidate
from cs_trainer.services.clock import local_date
from cs_trainer.services.selftests import AttemptOutcome, finished_selftests
from cs_trainer.store.database import Database


def build_evaluation_sheet(
    db: Database, candidate_id: int, printed_on: date, organisation: str | None = None
) -> EvaluationSheet:
    """Everything the sheet prints, as plain data; ``organisation`` overrides the setting."""
    candidate = get_candidate(db, candidate_id)
    return EvaluationSheet(
        organisation=organisation if organisation is not None else organisation_name(db),
        candidate=CandidateInfo(
            candidate_id=candidate.id,
            name=candidate.name,
            phone=candidate.phone,
            position=candidate.position,
            registered_on=local_date(candidate.created_at),
        ),
        printed_on=printed_on,
        self_tests=[_section(outcome) for outcome in finished_selftests(db, candidate_id)],
    )


def write_candidate_sheet(
    db: Database, candidate_id: int, out: Path, organisation: str | None = None
) -> EvaluationSheet:
    """Write the candidate's sheet to ``out`` (atomically) and return what was printed."""
    from cs_trainer.reports.evaluation_sheet import write_evaluation_sheet

    sheet = build_evaluation_sheet(db, candidate_id, date.today(), organisation)
    try:
        write_evaluation_sheet(sheet, out)
    except OSError as exc:  # a missing folder, no permission, a full disk
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return sheet


def _section(outcome: AttemptOutcome) -> SelfTestSection:
    instrument = outcome.instrument
    mode = instrument.modes[outcome.mode]
    return SelfTestSection(
        title=Bilingual(instrument.title.zh, instrument.title.en),
        instrument_version=instrument.version,
        mode=Bilingual(mode.zh, mode.en),
        conducted_by=outcome.conducted_by,
        finished_on=local_date(outcome.finished_at),
        items=[
            SheetItem(
                number=number,
                high_pole=Bilingual(item.high.zh, item.high.en),
                low_pole=Bilingual(item.low.zh, item.low.en),
                score=outcome.answers[item.id],
                max_score=instrument.scale.max,
            )
            for number, item in enumerate(instrument.items, start=1)
        ],
        total=outcome.total,
        max_total=instrument.max_total,
        band=Bilingual(outcome.band.label.zh, outcome.band.label.en),
        band_advice=Bilingual(outcome.band.advice.zh, outcome.band.advice.en),
    )
