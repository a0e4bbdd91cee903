"""The recruitment pipeline of 《客户服务人员的选拔与管理》: allowed moves, history with
who/when/why, decisions."""

import pytest

from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.services import candidates, pipeline
from cs_trainer.store.database import Database


@pytest.fixture
def person(db: Database) -> int:
    return candidates.add_candidate(
        db, candidates.NewCandidate("张三丰", "13800138000", "客服专员", consent=True)
    )


def test_a_candidate_walks_every_stage_in_order(db: Database, person: int) -> None:
    for stage in pipeline.ACTIVE_STAGES[1:]:
        assert pipeline.move_stage(db, person, stage, "王经理", "") == stage
    assert candidates.get_candidate(db, person).stage == "probation_review"
    history = pipeline.stage_history(db, person)
    assert [(c.from_stage, c.to_stage) for c in history] == list(
        zip(pipeline.ACTIVE_STAGES, pipeline.ACTIVE_STAGES[1:], strict=False)
    )
    assert {c.by for c in history} == {"王经理"}


def test_stages_cannot_be_skipped_or_unknown(db: Database, person: int) -> None:
    with pytest.raises(UserError, match="cannot move to 'offer'"):
        pipeline.move_stage(db, person, "offer", "王经理", "")
    with pytest.raises(UserError, match="cannot move"):
        pipeline.move_stage(db, person, "hired_yesterday", "王经理", "")
    assert pipeline.stage_history(db, person) == []


def test_rejecting_needs_a_reason_and_reopening_returns_to_the_same_stage(
    db: Database, person: int
) -> None:
    pipeline.move_stage(db, person, "screened", "王经理", "")
    pipeline.move_stage(db, person, "first_interview", "王经理", "")
    with pytest.raises(UserError, match="needs a reason"):
        pipeline.move_stage(db, person, "rejected", "王经理", "  ")
    pipeline.move_stage(db, person, "rejected", "王经理", "打字速度不达标")
    assert pipeline.allowed_moves("rejected") == [pipeline.REOPEN]
    assert pipeline.move_stage(db, person, pipeline.REOPEN, "李主管", "复核后重新考虑") == (
        "first_interview"
    )
    last = pipeline.stage_history(db, person)[-1]
    assert (last.from_stage, last.to_stage, last.by, last.reason) == (
        "rejected",
        "first_interview",
        "李主管",
        "复核后重新考虑",
    )


def test_decisions_are_recorded_and_reject_closes_the_case(db: Database, person: int) -> None:
    assert pipeline.latest_decision(db, person) is None
    pipeline.decide(db, person, "hold", "等复试结果", "王经理")
    assert pipeline.latest_decision(db, person).decision == "hold"  # type: ignore[union-attr]
    assert candidates.get_candidate(db, person).stage == "registered"
    pipeline.decide(db, person, "reject", "不愿意做重复性工作", "王经理")
    decision = pipeline.latest_decision(db, person)
    assert decision is not None and (decision.decision, decision.reason) == (
        "reject",
        "不愿意做重复性工作",
    )
    assert candidates.get_candidate(db, person).stage == "rejected"
    assert pipeline.stage_history(db, person)[-1].reason == "不愿意做重复性工作"


def test_bad_decisions_are_refused(db: Database, person: int) -> None:
    with pytest.raises(UserError, match="hire, hold or reject"):
        pipeline.decide(db, person, "maybe", "x", "王经理")
    with pytest.raises(UserError, match="needs a reason"):
        pipeline.decide(db, person, "hire", "", "王经理")
    with pytest.raises(NotFoundError):
        pipeline.decide(db, 999, "hire", "好", "王经理")
    assert pipeline.latest_decision(db, person) is None


def test_a_decision_from_a_stale_view_is_refused_with_the_current_values(
    db: Database, person: int
) -> None:
    seen = candidates.get_candidate(db, person).version  # both interviewers open the record
    pipeline.decide(db, person, "reject", "岗位已满", "王经理", seen_version=seen)
    with pytest.raises(pipeline.StaleRecordError) as refused:
        pipeline.decide(db, person, "hire", "沟通能力强", "李主管", seen_version=seen)

    assert "stage is now Rejected and the latest decision Reject" in refused.value.message("en")
    assert "现在的阶段是“未录用”，最新的决定是“不录用”" in refused.value.message("zh")
    latest = pipeline.latest_decision(db, person)
    assert latest is not None and (latest.decision, latest.by) == ("reject", "王经理")
    assert candidates.get_candidate(db, person).stage == "rejected"


def test_a_stage_move_from_a_stale_view_is_refused_and_a_fresh_one_saves(
    db: Database, person: int
) -> None:
    seen = candidates.get_candidate(db, person).version
    pipeline.move_stage(db, person, "screened", "王经理", "", seen_version=seen)
    with pytest.raises(pipeline.StaleRecordError, match="stage is now Screened"):
        pipeline.move_stage(db, person, "withdrawn", "李主管", "本人放弃", seen_version=seen)
    assert [c.to_stage for c in pipeline.stage_history(db, person)] == ["screened"]

    fresh = candidates.get_candidate(db, person).version
    assert fresh == seen + 1
    assert pipeline.move_stage(db, person, "withdrawn", "李主管", "本人放弃", fresh) == "withdrawn"
