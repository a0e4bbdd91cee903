"""Interview plans: the same chosen questions, tasks and passage for every candidate
of a position, which is what makes an interview structured."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from cs_trainer import changes
from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.quizzes.interview_content import builtin_tasks, builtin_typing
from cs_trainer.quizzes.interview_schema import (
    InterviewQuestion,
    PlanItemRef,
    QuestionBank,
    ResolvedPlan,
)
from cs_trainer.schema_messages import short_title
from cs_trainer.services import acting, audit, permissions
from cs_trainer.services.banks import get_bank
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import CONTENT_VIEW, INTERVIEWS
from cs_trainer.store.database import Database
from cs_trainer.store.models import InterviewPlan


@dataclass(frozen=True)
class PlanSummary:
    """One saved plan, as listed."""

    id: int
    name: str
    position: str
    items: list[PlanItemRef]
    updated_at: datetime


@permissions.requires(INTERVIEWS)
def save_plan(
    db: Database,
    name: str,
    position: str,
    items: Sequence[PlanItemRef],
    by: str,
    plan_id: int | None = None,
) -> int:
    """Create a plan, or replace the contents of ``plan_id``; return its ID."""
    if not name.strip():
        raise UserError("the plan needs a name", "面试方案需要一个名称")
    if not any(item.kind == "question" for item in items):
        raise UserError("a plan needs at least one question", "面试方案至少要有一道题")
    _resolve(db, 0, name, position, items)  # every reference must exist
    body = [item.model_dump(exclude_none=True) for item in items]
    now = utc_now()
    with db.writing(changes.PLANS) as session:
        if plan_id is None:
            plan = InterviewPlan(created_at=now, created_by=acting.signed_in_name(by), items=body)
            session.add(plan)
            before = None
        else:
            found = session.get(InterviewPlan, plan_id)
            if found is None:
                raise NotFoundError(
                    "there is no interview plan with ID {id}",
                    "没有 ID 为 {id} 的面试方案",
                    id=plan_id,
                )
            plan = found
            before = {"name": plan.name, "position": plan.position, "items": plan.items}
        plan.name, plan.position, plan.items, plan.updated_at = (
            name.strip(),
            position.strip(),
            body,
            now,
        )
        session.flush()
        audit.record(
            session,
            "plan.save",
            f"plan:{plan.id}",
            before=before,
            after={"name": plan.name, "position": plan.position, "items": body},
        )
        return plan.id


@permissions.requires(CONTENT_VIEW)
def list_plans(db: Database, position: str | None = None) -> list[PlanSummary]:
    """Saved plans by name; for a position, its own plans first."""
    with db.reading() as session:
        plans = session.scalars(select(InterviewPlan).order_by(InterviewPlan.name)).all()
        summaries = [_summary(plan) for plan in plans]
    if position:
        summaries.sort(key=lambda plan: plan.position.strip() != position.strip())
    return summaries


@permissions.requires(CONTENT_VIEW)
def get_plan(db: Database, plan_id: int) -> PlanSummary:
    with db.reading() as session:
        plan = session.get(InterviewPlan, plan_id)
        if plan is None:
            raise NotFoundError(
                "there is no interview plan with ID {id}", "没有 ID 为 {id} 的面试方案", id=plan_id
            )
        return _summary(plan)


@permissions.requires(CONTENT_VIEW)
def resolve_plan(db: Database, plan_id: int) -> ResolvedPlan:
    """The plan with every referenced question, task and passage copied in."""
    plan = get_plan(db, plan_id)
    return _resolve(db, plan.id, plan.name, plan.position, plan.items)


def _summary(plan: InterviewPlan) -> PlanSummary:
    items = [PlanItemRef.model_validate(item) for item in plan.items]
    return PlanSummary(plan.id, plan.name, plan.position, items, plan.updated_at)


def _resolve(
    db: Database, plan_id: int, name: str, position: str, items: Sequence[PlanItemRef]
) -> ResolvedPlan:
    tasks = {task.id: task for task in builtin_tasks().content.tasks}
    passages = {passage.id: passage for passage in builtin_typing().content.passages}
    banks: dict[str, QuestionBank] = {}
    questions: list[InterviewQuestion] = []
    chosen_tasks, typing = [], None
    for item in items:
        if item.kind == "question":
            assert item.bank is not None
            if item.bank not in banks:
                banks[item.bank] = get_bank(db, item.bank)
            questions.append(_question(banks[item.bank], item))
        elif item.kind == "task":
            if item.id not in tasks:
                raise UserError(
                    "there is no observed task {id}", "没有 id 为 {id} 的观察任务", id=repr(item.id)
                )
            chosen_tasks.append(tasks[item.id])
        else:
            if item.id not in passages:
                raise UserError(
                    "there is no typing passage {id}",
                    "没有 id 为 {id} 的打字文章",
                    id=repr(item.id),
                )
            typing = passages[item.id]
    ids = [question.id for question in questions]
    twice = [q for index, q in enumerate(questions) if q.id in ids[:index]]
    if twice:
        raise UserError(
            "a plan cannot hold two questions with the same id: {titles_en}",
            "面试方案中不能有两道 id 相同的题：{titles_zh}",
            titles_en="; ".join(short_title(q.text.en) for q in twice),
            titles_zh="；".join(short_title(q.text.zh) for q in twice),
        )
    return ResolvedPlan(
        plan_id=plan_id,
        name=name,
        position=position,
        questions=questions,
        tasks=chosen_tasks,
        typing=typing,
    )


def _question(bank: QuestionBank, item: PlanItemRef) -> InterviewQuestion:
    for question in bank.questions:
        if question.id == item.id:
            return question
    raise UserError(
        "the bank {bank_en} has no question {id}",
        "题库《{bank_zh}》中没有 id 为 {id} 的题",
        bank_en=repr(bank.title.en),
        bank_zh=bank.title.zh,
        id=repr(item.id),
    )
