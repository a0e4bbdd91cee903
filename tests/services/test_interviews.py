"""Interview plans and interviews: the same plan for every candidate, attributed ratings
from several interviewers, autosave and resume, and summaries that survive plan edits."""

import pytest

from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.quizzes.interview_content import builtin_bank, builtin_typing
from cs_trainer.quizzes.interview_schema import PlanItemRef
from cs_trainer.services import candidates, interviews, plans
from cs_trainer.store.database import Database


def _refs(count: int = 3) -> list[PlanItemRef]:
    bank = builtin_bank().content
    refs = [PlanItemRef(kind="question", bank=bank.id, id=q.id) for q in bank.questions[:count]]
    refs.append(PlanItemRef(kind="task", id="stranger_game"))
    refs.append(PlanItemRef(kind="typing", id=builtin_typing().content.passages[0].id))
    return refs


@pytest.fixture
def person(db: Database) -> int:
    return candidates.add_candidate(
        db, candidates.NewCandidate("张三丰", "13800138000", "客服专员", consent=True)
    )


@pytest.fixture
def plan_id(db: Database) -> int:
    return plans.save_plan(db, "客服专员初试", "客服专员", _refs(), "王经理")


def _rate_all(db: Database, attempt: int, scores: list[int]) -> list[str]:
    state = interviews.load_interview(db, attempt)
    items = [q.id for q in state.plan.questions] + [
        interviews.task_key(t.id) for t in state.plan.tasks
    ]
    for item, score in zip(items, scores, strict=True):
        interviews.rate(db, attempt, item, score, f"note {score}")
    return items


def test_a_saved_plan_resolves_to_full_questions_tasks_and_passage(
    db: Database, plan_id: int
) -> None:
    plan = plans.resolve_plan(db, plan_id)
    bank = builtin_bank().content
    assert [q.text for q in plan.questions] == [q.text for q in bank.questions[:3]]
    assert [t.id for t in plan.tasks] == ["stranger_game"]
    assert plan.typing is not None and plan.typing.language in ("zh", "en")
    assert [p.name for p in plans.list_plans(db, "客服专员")] == ["客服专员初试"]


@pytest.mark.parametrize(
    ("name", "refs", "message"),
    [
        ("", _refs(), "needs a name"),
        ("x", [PlanItemRef(kind="task", id="stranger_game")], "at least one question"),
        ("x", [PlanItemRef(kind="question", bank="service_interview", id="nope")], "no question"),
        ("x", [*_refs(1), PlanItemRef(kind="task", id="juggling")], "no observed task"),
        ("x", [*_refs(1), *_refs(1)[:1]], "same id"),
    ],
)
def test_bad_plans_are_refused_and_not_stored(
    db: Database, name: str, refs: list[PlanItemRef], message: str
) -> None:
    with pytest.raises(UserError, match=message):
        plans.save_plan(db, name, "客服专员", refs, "王经理")
    assert plans.list_plans(db) == []


def test_several_interviewers_each_rate_and_the_summary_attributes_and_averages(
    db: Database, person: int, plan_id: int
) -> None:
    scores = {"王经理": [4, 5, 3, 5], "Li Mei": [5, 3, 3, 4], "赵主管": [3, 4, 3, 3]}
    for rater, values in scores.items():
        attempt = interviews.start_interview(db, person, plan_id, rater)
        items = _rate_all(db, attempt, values)
        interviews.finish_interview(db, attempt)
    [summary] = interviews.summarise(db, person)
    assert summary.raters == list(scores)
    assert summary.item_means[items[0]] == 4.0
    assert summary.item_means[items[1]] == 4.0
    assert summary.item_means["task:stranger_game"] == 4.0
    by_rater = {(r.rater, r.item_id): r for r in summary.ratings}
    assert by_rater[("Li Mei", items[1])].score == 3
    assert by_rater[("Li Mei", items[1])].notes == "note 3"
    groups = {g.group: g for g in summary.group_means}
    assert sum(g.items for g in groups.values()) == 4


def test_ratings_are_committed_and_the_same_interviewer_resumes(
    db: Database, person: int, plan_id: int
) -> None:
    attempt = interviews.start_interview(db, person, plan_id, "王经理")
    first = interviews.load_interview(db, attempt).plan.questions[0].id
    interviews.rate(db, attempt, first, None, "还在想")
    interviews.rate(db, attempt, first, 4, "举了具体例子")
    other = Database(db.url)
    try:
        state = interviews.load_interview(other, attempt)
    finally:
        other.dispose()
    assert (state.ratings[first].score, state.ratings[first].notes) == (4, "举了具体例子")
    assert interviews.start_interview(db, person, plan_id, " 王经理 ") == attempt
    assert interviews.start_interview(db, person, plan_id, "Li Mei") != attempt


def test_bad_ratings_and_early_finish_are_refused(db: Database, person: int, plan_id: int) -> None:
    attempt = interviews.start_interview(db, person, plan_id, "王经理")
    first = interviews.load_interview(db, attempt).plan.questions[0].id
    with pytest.raises(UserError, match="from 1 to 5"):
        interviews.rate(db, attempt, first, 6, "")
    with pytest.raises(UserError, match="not part of this interview plan"):
        interviews.rate(db, attempt, "made_up", 3, "")
    with pytest.raises(UserError, match="not rated yet"):
        interviews.finish_interview(db, attempt)
    _rate_all(db, attempt, [3, 3, 3, 3])
    interviews.finish_interview(db, attempt)
    with pytest.raises(UserError, match="finished"):
        interviews.rate(db, attempt, first, 5, "")
    with pytest.raises(UserError, match="interviewer's name"):
        interviews.start_interview(db, person, plan_id, "  ")
    with pytest.raises(NotFoundError):
        interviews.start_interview(db, 404, plan_id, "王经理")


def test_an_interview_keeps_its_plan_when_the_plan_is_edited_later(
    db: Database, person: int, plan_id: int
) -> None:
    attempt = interviews.start_interview(db, person, plan_id, "王经理")
    before = interviews.load_interview(db, attempt).plan
    plans.save_plan(db, "客服专员初试（新版）", "客服专员", _refs(1), "王经理", plan_id)
    after = interviews.load_interview(db, attempt).plan
    assert after == before and len(after.questions) == 3
    assert len(plans.resolve_plan(db, plan_id).questions) == 1
