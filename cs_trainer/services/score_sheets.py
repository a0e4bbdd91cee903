"""The trainer's score sheets: a trainee's PDF, a cohort's summary PDF, the cohort
table as CSV and XLSX, and the batch export of all of them for one cohort.

The builders turn the progress service's results into the plain data of
:mod:`cs_trainer.reports.progress_data`; the writers never see the database.
The batch export is the one slow use case here, so it reports progress and
checks a cancel flag between files; the GUI and the command line share it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from cs_trainer import attempt_kinds
from cs_trainer.errors import Interrupted, NotFoundError, UserError, refuse_write
from cs_trainer.files import safe_file_stem
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.reports.cohort_export import write_cohort_csv, write_cohort_xlsx
from cs_trainer.reports.cohort_sheet import write_cohort_sheet
from cs_trainer.reports.progress_data import (
    AttemptRow,
    CohortCell,
    CohortSheet,
    CohortSheetRow,
    InstrumentColumn,
    Period,
    SituationResult,
    SkillPercent,
    TraineeSheet,
    TrendPoint,
)
from cs_trainer.reports.sheet_data import Bilingual
from cs_trainer.reports.trainee_sheet import write_trainee_sheet
from cs_trainer.scenarios.labels import SKILL_NAMES, label
from cs_trainer.services import cohorts, permissions
from cs_trainer.services.app_settings import organisation_name
from cs_trainer.services.clock import local_date, local_time
from cs_trainer.services.permissions import TRAINEES_VIEW
from cs_trainer.services.progress import CohortCell as ProgressCell
from cs_trainer.services.progress import (
    ProgressPoint,
    SkillScore,
    cohort_skill_profile,
    cohort_table,
    skill_profile,
    trainee_timeline,
    weakest_skills,
)
from cs_trainer.store.database import Database
from cs_trainer.store.models import Cohort, Person

Progress = Callable[[int, int, str], None]
"""progress(done, total, file name just written); called with (0, total, "") first."""

WEAKEST_LIMIT = 3


class ExportInterrupted(Interrupted):
    """The batch export was cancelled; ``written`` lists the files that are complete."""

    def __init__(self, written: list[Path], total: int) -> None:
        super().__init__(f"export cancelled after {len(written)} of {total} files")
        self.written = written
        self.total = total


# --------------------------------------------------------------------------- builders


@permissions.requires(TRAINEES_VIEW)
def build_trainee_sheet(
    db: Database,
    person_id: int,
    organisation: str | None = None,
    *,
    since: date | None = None,
    until: date | None = None,
    printed_on: date | None = None,
) -> TraineeSheet:
    """A trainee's sheet; ``since``/``until`` limit the attempts, trend and weakest
    situations (the skills always cover every role-play: the profile has no period)."""
    name, cohort = _trainee(db, person_id)
    points = trainee_timeline(db, person_id, since, until)
    profile = skill_profile(db, person_id)
    return TraineeSheet(
        organisation=_organisation(db, organisation),
        trainee=name,
        cohort=cohort,
        printed_on=printed_on or date.today(),
        attempts=[_attempt_row(point) for point in points],
        skills=_skills(profile),
        trend=[TrendPoint(local_time(p.at), p.percent, p.kind) for p in points],
        weakest_situations=_weakest_situations(points),
        weakest_skills=_weakest_skills(profile),
        period=Period(since, until),
    )


@permissions.requires(TRAINEES_VIEW)
def build_cohort_sheet(
    db: Database,
    cohort_id: int,
    since: date | None = None,
    until: date | None = None,
    *,
    organisation: str | None = None,
    printed_on: date | None = None,
) -> CohortSheet:
    """The cohort summary: each member's latest and best result per instrument in the
    period, and the cohort's skills over all role-plays."""
    name = _cohort_name(db, cohort_id)
    table = cohort_table(db, cohort_id, since, until)
    keys = [key for key, _title in table.instruments]
    return CohortSheet(
        organisation=_organisation(db, organisation),
        cohort=name,
        printed_on=printed_on or date.today(),
        period=Period(since, until),
        instruments=[
            InstrumentColumn(key, key.split(":", 1)[0], _bilingual(title))
            for key, title in table.instruments
        ],
        rows=[
            CohortSheetRow(row.name, [_cell(row.cells.get(key)) for key in keys])
            for row in table.rows
        ],
        skills=_skills(cohort_skill_profile(db, cohort_id)),
    )


def _trainee(db: Database, person_id: int) -> tuple[str, str]:
    """The trainee's name and their cohort's name (empty when in none)."""
    with db.reading() as session:
        person = session.get(Person, person_id)
        if person is None or person.kind != "trainee":
            raise NotFoundError(
                "there is no trainee with ID {id}", "没有 ID 为 {id} 的学员", id=person_id
            )
        cohort = session.get(Cohort, person.cohort_id) if person.cohort_id else None
        return person.name, cohort.name if cohort else ""


def _cohort_name(db: Database, cohort_id: int) -> str:
    with db.reading() as session:
        cohort = session.get(Cohort, cohort_id)
        if cohort is None:
            raise NotFoundError(
                "there is no cohort with ID {id}", "没有 ID 为 {id} 的班级", id=cohort_id
            )
        return cohort.name


def _organisation(db: Database, override: str | None) -> str:
    return override if override is not None else organisation_name(db)


def _bilingual(text: Text) -> Bilingual:
    return Bilingual(text.zh, text.en)


def _attempt_row(point: ProgressPoint) -> AttemptRow:
    return AttemptRow(
        local_date(point.at), _bilingual(point.title), point.kind, point.raw, point.percent
    )


def _skills(profile: Iterable[SkillScore]) -> list[SkillPercent]:
    return [SkillPercent(_bilingual(label(SKILL_NAMES, s.skill)), s.percent) for s in profile]


def _weakest_skills(profile: list[SkillScore]) -> list[Bilingual]:
    """The lowest skills, leaving out any already at 100 %: nothing to practise there."""
    below = [score for score in profile if score.percent is not None and score.percent < 100]
    return [_bilingual(label(SKILL_NAMES, skill)) for skill in weakest_skills(below)]


def _weakest_situations(points: list[ProgressPoint]) -> list[SituationResult]:
    """The role-plays whose best result among ``points`` is lowest (below 100 %).

    Computed from the points already read, rather than by the progress service's
    ``weakest_situations``, so that it respects the sheet's period.
    """
    best: dict[str, ProgressPoint] = {}
    roleplays = (point for point in points if point.kind == attempt_kinds.ROLEPLAY.name)
    for point in roleplays:
        known = best.get(point.instrument_id)
        if known is None or point.percent > known.percent:
            best[point.instrument_id] = point
    below = [point for point in best.values() if point.percent < 100]
    weakest = sorted(below, key=lambda p: (p.percent, p.instrument_id))
    return [SituationResult(_bilingual(p.title), p.percent) for p in weakest[:WEAKEST_LIMIT]]


def _cell(cell: ProgressCell | None) -> CohortCell:
    return CohortCell() if cell is None else CohortCell(cell.latest, cell.best, cell.attempts)


# --------------------------------------------------------------------------- file names


def unique_name(stem: str, suffix: str, taken: set[str]) -> str:
    """``stem + suffix``, or "stem (2)" and so on when that name is taken.

    Compared without case, as Windows and macOS file systems do, and the chosen
    name is added to ``taken``.
    """
    candidate, number = f"{stem}{suffix}", 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem} ({number}){suffix}"
    taken.add(candidate.casefold())
    return candidate


# --------------------------------------------------------------------------- batch export


@dataclass(frozen=True)
class _File:
    """One file of the batch: its name in the folder and how to write it there."""

    name: str
    write: Callable[[Path], None]


def _plan(db: Database, cohort_id: int, period: Period, organisation: str | None) -> list[_File]:
    """Every file of the export, in order: each trainee's sheet, then the summary,
    the CSV and the XLSX (which share one cohort sheet, built when first needed)."""
    today = date.today()
    org = _organisation(db, organisation)
    cohort = _cohort_name(db, cohort_id)

    @cache
    def summary() -> CohortSheet:
        return build_cohort_sheet(
            db, cohort_id, period.since, period.until, organisation=org, printed_on=today
        )

    def trainee(person_id: int) -> Callable[[Path], None]:
        def write(out: Path) -> None:
            sheet = build_trainee_sheet(
                db, person_id, org, since=period.since, until=period.until, printed_on=today
            )
            write_trainee_sheet(sheet, out)

        return write

    taken: set[str] = set()
    summaries = _summary_files(safe_file_stem(cohort, f"cohort-{cohort_id}"), summary, taken)
    sheets = [
        _File(unique_name(safe_file_stem(m.name, f"trainee-{m.id}"), ".pdf", taken), trainee(m.id))
        for m in cohorts.members(db, cohort_id)
    ]
    return [*sheets, *summaries]  # the summaries' names were taken first: no sheet gets them


def _summary_files(stem: str, summary: Callable[[], CohortSheet], taken: set[str]) -> list[_File]:
    """The cohort summary PDF, the CSV and the XLSX, named after the cohort."""
    scores = f"{stem} 成绩表 Scores"
    return [
        _File(
            unique_name(f"{stem} 班级汇总 Cohort summary", ".pdf", taken),
            lambda out: write_cohort_sheet(summary(), out),
        ),
        _File(unique_name(scores, ".csv", taken), lambda out: write_cohort_csv(summary(), out)),
        _File(unique_name(scores, ".xlsx", taken), lambda out: write_cohort_xlsx(summary(), out)),
    ]


@permissions.requires(TRAINEES_VIEW)
def export_cohort_sheets(
    db: Database,
    cohort_id: int,
    out_dir: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    since: date | None = None,
    until: date | None = None,
    organisation: str | None = None,
) -> list[Path]:
    """Write every member's score sheet, the cohort summary, the CSV and the XLSX into
    ``out_dir`` (which must exist); return the files written, in order.

    ``cancelled()`` is asked before each file; when it says yes,
    :class:`ExportInterrupted` (an :class:`~cs_trainer.errors.Interrupted`) is
    raised. Each file is written atomically, so the files already written are
    complete and nothing half-written is left. Existing files of the same name
    are replaced.
    """
    if not out_dir.is_dir():
        raise UserError(
            "the folder {folder} does not exist", "文件夹 {folder} 不存在", folder=str(out_dir)
        )
    files = _plan(db, cohort_id, Period(since, until), organisation)
    report = progress or (lambda _done, _total, _name: None)
    report(0, len(files), "")
    written: list[Path] = []
    for file in files:
        if cancelled is not None and cancelled():
            raise ExportInterrupted(written, len(files))
        out = out_dir / file.name
        _write(file, out)
        written.append(out)
        report(len(written), len(files), file.name)
    return written


def _write(file: _File, out: Path) -> None:
    """Write one file; a disk problem becomes one plain message naming the file."""
    try:
        file.write(out)
    except OSError as exc:  # the folder vanished, no permission, a full disk
        refuse_write(out, exc)
