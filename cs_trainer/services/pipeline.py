"""The recruitment pipeline of 《客户服务人员的选拔与管理》 and the hiring decision.

registered → screened → first interview → second interview → approved → offer →
onboarding → probation review; a candidate can be rejected or withdraw at any
active stage, and a closed case can be reopened at the stage it was closed from.
Every move is kept with who, when and why.

Two interviewers may act on one candidate from two laptops. Each move and decision
bumps the person's ``version``; the page passes the version it showed, and a save based
on an older one is refused with what the record holds now (:class:`StaleRecordError`),
never written over it. The check and the bump run under the write lock, so two saves
from the same version cannot both pass (:mod:`cs_trainer.services.versions`).
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs_trainer import changes
from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.language import Language
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.services import acting, audit, permissions
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import CANDIDATES_VIEW
from cs_trainer.services.permissions import DECISIONS as DECIDE
from cs_trainer.services.versions import StaleRecordError as StaleRecordError  # re-exported
from cs_trainer.services.versions import is_stale
from cs_trainer.store.database import Database
from cs_trainer.store.models import Decision, Person, PipelineEvent

ACTIVE_STAGES = (
    "registered",
    "screened",
    "first_interview",
    "second_interview",
    "approved",
    "offer",
    "onboarding",
    "probation_review",
)
CLOSED_STAGES = ("rejected", "withdrawn")
STAGE_NAMES: dict[str, Text] = {
    "registered": Text(zh="已登记", en="Registered"),
    "screened": Text(zh="初步筛选", en="Screened"),
    "first_interview": Text(zh="初试", en="First interview"),
    "second_interview": Text(zh="复试", en="Second interview"),
    "approved": Text(zh="审批通过", en="Approved"),
    "offer": Text(zh="发出录用通知", en="Offer"),
    "onboarding": Text(zh="入职培训", en="Onboarding"),
    "probation_review": Text(zh="试用期考核", en="Probation review"),
    "rejected": Text(zh="未录用", en="Rejected"),
    "withdrawn": Text(zh="候选人退出", en="Withdrawn"),
}
DECISIONS: dict[str, Text] = {
    "hire": Text(zh="录用", en="Hire"),
    "hold": Text(zh="待定", en="Hold"),
    "reject": Text(zh="不录用", en="Reject"),
}
REOPEN = "reopen"


@dataclass(frozen=True)
class StageChange:
    """One recorded move between stages."""

    from_stage: str
    to_stage: str
    by: str
    reason: str
    at: datetime


@dataclass(frozen=True)
class DecisionRecord:
    decision: str
    reason: str
    by: str
    at: datetime


def allowed_moves(stage: str) -> list[str]:
    """Where a candidate at ``stage`` can go: the next stage, or close the case; or reopen."""
    if stage in CLOSED_STAGES:
        return [REOPEN]
    index = ACTIVE_STAGES.index(stage)
    following = list(ACTIVE_STAGES[index + 1 : index + 2])
    return [*following, *CLOSED_STAGES]


@permissions.requires(DECIDE)
def move_stage(
    db: Database,
    person_id: int,
    to_stage: str,
    by: str,
    reason: str,
    seen_version: int | None = None,
) -> str:
    """Move a candidate (``to_stage`` may be "reopen"); return the new stage.

    Recorded under the signed-in account; ``by`` (typed) counts only while the
    database has no accounts. ``seen_version`` is the record's version the person
    saw (None: the caller acts on the record as it is, e.g. the CLI).
    """
    with db.writing(changes.CANDIDATES) as session:
        person = _person(session, person_id)
        _check_version(session, person, seen_version)
        return _move(session, person, to_stage, by, reason)


@permissions.requires(CANDIDATES_VIEW)
def stage_history(db: Database, person_id: int) -> list[StageChange]:
    with db.reading() as session:
        _person(session, person_id)
        events = session.scalars(
            select(PipelineEvent)
            .where(PipelineEvent.person_id == person_id)
            .order_by(PipelineEvent.at, PipelineEvent.id)
        ).all()
        return [StageChange(e.from_stage, e.to_stage, e.by, e.reason, e.at) for e in events]


@permissions.requires(DECIDE)
def decide(
    db: Database,
    person_id: int,
    decision: str,
    reason: str,
    by: str,
    seen_version: int | None = None,
) -> None:
    """Record hire / hold / reject; rejecting also closes the case as "rejected".

    Every decision needs its reason; it is recorded under the signed-in account.
    ``seen_version`` as for :func:`move_stage`.
    """
    if decision not in DECISIONS:
        raise UserError(
            "the decision must be hire, hold or reject, not {decision}",
            "决定只能是录用（hire）、待定（hold）或不录用（reject），而不是 {decision}",
            decision=repr(decision),
        )
    if not reason.strip():
        raise UserError("a decision needs a reason", "做出决定需要写明理由")
    by = acting.signed_in_name(by)
    with db.writing(changes.CANDIDATES) as session:
        person = _person(session, person_id)
        _check_version(session, person, seen_version)
        previous = _latest_decision_code(session, person_id)
        person.version += 1
        session.add(
            Decision(
                person_id=person_id,
                decision=decision,
                reason=reason.strip(),
                by=by,
                account_id=acting.current().account_id,
                at=utc_now(),
            )
        )
        audit.record(
            session,
            "candidate.decide",
            f"person:{person_id}",
            before={"decision": previous},
            after={"decision": decision, "reason": reason.strip()},
            person_id=person_id,
            personal=["reason"],
        )
        if decision == "reject" and person.stage not in CLOSED_STAGES:
            _move(session, person, "rejected", by, reason)


@permissions.requires(CANDIDATES_VIEW)
def latest_decision(db: Database, person_id: int) -> DecisionRecord | None:
    with db.reading() as session:
        row = session.scalars(
            select(Decision)
            .where(Decision.person_id == person_id)
            .order_by(Decision.at.desc(), Decision.id.desc())
        ).first()
        return DecisionRecord(row.decision, row.reason, row.by, row.at) if row else None


def _move(session: Session, person: Person, to_stage: str, by: str, reason: str) -> str:
    current = person.stage
    if to_stage not in allowed_moves(current):
        possible = allowed_moves(current)
        raise UserError(
            "a candidate at stage {current_en} cannot move to {target_en}; possible: {possible_en}",
            "处于“{current_zh}”阶段的应聘者不能转到“{target_zh}”；可以转到：{possible_zh}",
            current_en=f"{current!r} ({_stage_name(current, 'en')})",
            target_en=f"{to_stage!r} ({_stage_name(to_stage, 'en')})",
            possible_en=", ".join(_stage_name(stage, "en") for stage in possible),
            current_zh=_stage_name(current, "zh"),
            target_zh=_stage_name(to_stage, "zh"),
            possible_zh="、".join(_stage_name(stage, "zh") for stage in possible),
        )
    if (to_stage in CLOSED_STAGES or to_stage == REOPEN) and not reason.strip():
        raise UserError(
            "closing or reopening a case needs a reason", "结束或重新打开应聘流程需要写明理由"
        )
    target = _reopened_stage(session, person) if to_stage == REOPEN else to_stage
    session.add(
        PipelineEvent(
            person_id=person.id,
            from_stage=current,
            to_stage=target,
            by=acting.signed_in_name(by),
            account_id=acting.current().account_id,
            reason=reason.strip(),
            at=utc_now(),
        )
    )
    audit.record(
        session,
        "stage.move",
        f"person:{person.id}",
        before={"stage": current},
        after={"stage": target, "reason": reason.strip()},
        person_id=person.id,
        personal=["reason"],
    )
    person.stage = target
    person.version += 1
    return target


def _latest_decision_code(session: Session, person_id: int) -> str | None:
    return session.scalars(
        select(Decision.decision)
        .where(Decision.person_id == person_id)
        .order_by(Decision.at.desc(), Decision.id.desc())
    ).first()


def _check_version(session: Session, person: Person, seen_version: int | None) -> None:
    """Refuse a save based on an older version of the record, naming what it holds now."""
    if not is_stale(person.version, seen_version):
        return
    latest = _latest_decision_code(session, person.id)
    decision = DECISIONS.get(latest or "", Text(zh="无", en="none"))
    raise StaleRecordError(
        "someone else changed this candidate after you opened the record: the stage is now"
        " {stage_en} and the latest decision {decision_en}. Nothing was saved; look at the"
        " record again before you act",
        "在您打开记录之后，有人修改了这位应聘者：现在的阶段是“{stage_zh}”，最新的决定是"
        "“{decision_zh}”。本次没有保存，请重新查看记录后再操作",
        stage_en=_stage_name(person.stage, "en"),
        stage_zh=_stage_name(person.stage, "zh"),
        decision_en=decision.en,
        decision_zh=decision.zh,
    )


def _reopened_stage(session: Session, person: Person) -> str:
    """The stage the case was closed from (registered if nothing was recorded)."""
    closing = session.scalars(
        select(PipelineEvent)
        .where(PipelineEvent.person_id == person.id, PipelineEvent.to_stage == person.stage)
        .order_by(PipelineEvent.at.desc(), PipelineEvent.id.desc())
    ).first()
    return closing.from_stage if closing else ACTIVE_STAGES[0]


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(
            "there is no candidate with ID {id}", "没有 ID 为 {id} 的应聘者", id=person_id
        )
    return person


_REOPEN_NAME = Text(zh="重新打开", en="Reopen")


def _stage_name(stage: str, lang: Language) -> str:
    """A stage as a message names it: its title (an unknown one by its code)."""
    name = STAGE_NAMES.get(stage) or (_REOPEN_NAME if stage == REOPEN else None)
    return getattr(name, lang) if name is not None else stage
