"""Building a candidate's evaluation sheet from the database and writing it as PDF."""

from datetime import date
from pathlib import Path
from typing import Any

from cs_trainer.errors import refuse_write
from cs_trainer.quizzes.interview_schema import ChecklistItem
from cs_trainer.quizzes.ratings import group_means
from cs_trainer.quizzes.schema_common import QUALITY_GROUP_NAMES, QUALITY_GROUPS, Text
from cs_trainer.reports.sheet_data import (
    Bilingual,
    CandidateInfo,
    DecisionInfo,
    EvaluationSheet,
    GroupScore,
    InterviewSection,
    RatedQuestion,
    RaterScore,
    SelfTestSection,
    SheetItem,
    TaskResult,
    TypingResult,
)
from cs_trainer.services import permissions
from cs_trainer.services.app_settings import organisation_name
from cs_trainer.services.candidate_record import CandidateRecord, load_candidate_record
from cs_trainer.services.clock import local_date
from cs_trainer.services.interviews import InterviewSummary, task_key
from cs_trainer.services.permissions import CANDIDATES_VIEW
from cs_trainer.services.pipeline import DECISIONS, STAGE_NAMES
from cs_trainer.services.selftests import AttemptOutcome
from cs_trainer.services.typing_tests import TypingOutcome
from cs_trainer.store.database import Database


@permissions.requires(CANDIDATES_VIEW)
def build_evaluation_sheet(
    db: Database, candidate_id: int, printed_on: date, organisation: str | None = None
) -> EvaluationSheet:
    """Everything the sheet prints, as plain data; ``organisation`` overrides the setting."""
    record = load_candidate_record(db, candidate_id)
    candidate = record.candidate
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
        self_tests=[_section(outcome) for outcome in record.selftests],
        stage=_bilingual(STAGE_NAMES[candidate.stage]),
        interviews=[_interview(summary) for summary in record.interview_summaries],
        typing=[_typing(result) for result in record.typing],
        group_summary=_group_summary(record),
        decision=_decision(record),
        interviewers=list(
            dict.fromkeys(
                rater for summary in record.interview_summaries for rater in summary.raters
            )
        ),
    )


@permissions.requires(CANDIDATES_VIEW)
def write_candidate_sheet(
    db: Database, candidate_id: int, out: Path, organisation: str | None = None
) -> EvaluationSheet:
    """Write the candidate's sheet to ``out`` (atomically) and return what was printed."""
    from cs_trainer.reports.evaluation_sheet import write_evaluation_sheet

    sheet = build_evaluation_sheet(db, candidate_id, date.today(), organisation)
    try:
        write_evaluation_sheet(sheet, out)
    except OSError as exc:  # a missing folder, no permission, a full disk
        refuse_write(out, exc)
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


def _bilingual(text: Text) -> Bilingual:
    return Bilingual(text.zh, text.en)


def _interview(summary: InterviewSummary) -> InterviewSection:
    plan = summary.plan
    by_rater = {(r.rater, r.item_id): r for r in summary.ratings}

    def scores(item_id: str) -> list[RaterScore]:
        found = [by_rater.get((rater, item_id)) for rater in summary.raters]
        return [RaterScore(r.rater, r.score, r.notes) for r in found if r is not None]

    questions = [
        RatedQuestion(
            number=number,
            text=_bilingual(question.text),
            group=_bilingual(QUALITY_GROUP_NAMES[question.group]),
            ratings=scores(question.id),
            mean=summary.item_means.get(question.id),
        )
        for number, question in enumerate(plan.questions, start=1)
    ]
    return InterviewSection(
        plan_name=plan.name,
        position=plan.position,
        interviewed_on=local_date(summary.interviewed_at),
        raters=summary.raters,
        questions=questions,
        tasks=_tasks(summary),
    )


def _tasks(summary: InterviewSummary) -> list[TaskResult]:
    results = []
    for task in summary.plan.tasks:
        for rater in summary.raters:
            observed = summary.task_data.get((rater, task_key(task.id)))
            if observed is None:
                continue
            meanings = {a.score: a.text for a in task.anchors}
            meanings.update({step.score: step.response for step in task.ladder})
            meaning = meanings.get(observed.score) if observed.score is not None else None
            results.append(
                TaskResult(
                    title=_bilingual(task.title),
                    group=_bilingual(QUALITY_GROUP_NAMES[task.group]),
                    rater=rater,
                    score=observed.score,
                    score_meaning=_bilingual(meaning) if meaning else None,
                    details=_task_details(task.checklist, task.target_count, observed.data),
                    notes=observed.notes,
                )
            )
    return results


def _task_details(
    checklist: list[ChecklistItem], target: int | None, data: dict[str, Any]
) -> list[Bilingual]:
    details = []
    if target is not None and "count" in data:
        details.append(
            Bilingual(f"完成 {data['count']} / {target}", f"done {data['count']} of {target}")
        )
    seconds = float(data.get("seconds") or 0)
    if seconds:
        minutes = f"{int(seconds) // 60}:{int(seconds) % 60:02d}"
        details.append(Bilingual(f"用时 {minutes}", f"time {minutes}"))
    signs = {sign.id: sign.text for sign in checklist}
    details += [_bilingual(signs[sign]) for sign in data.get("signs", []) if sign in signs]
    return details


def _typing(result: TypingOutcome) -> TypingResult:
    return TypingResult(
        passage=_bilingual(result.passage.title),
        language=result.passage.language,
        taken_on=local_date(result.taken_at),
        seconds=result.metrics.seconds,
        cpm=result.metrics.cpm,
        accuracy=result.metrics.accuracy,
        pass_mark=result.pass_mark,
        passed=result.passed,
    )


def _group_summary(record: CandidateRecord) -> list[GroupScore]:
    ratings = [rating for summary in record.interview_summaries for rating in summary.ratings]
    if not ratings:
        return []
    return [
        GroupScore(_bilingual(QUALITY_GROUP_NAMES[g.group]), g.mean, g.items)
        for g in group_means(ratings, QUALITY_GROUPS)
    ]


def _decision(record: CandidateRecord) -> DecisionInfo | None:
    decision = record.decision
    if decision is None:
        return None
    return DecisionInfo(
        decision=_bilingual(DECISIONS[decision.decision]),
        reason=decision.reason,
        decided_by=decision.by,
        decided_on=local_date(decision.at),
    )
