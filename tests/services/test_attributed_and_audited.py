"""What is recorded is recorded under the signed-in account, never a typed name, and
every change of a rating, score, note, decision, stage or setting writes its audit row
in the same transaction (docs/roles.md, "Who is recorded")."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import func, select

from cs_trainer.errors import UserError
from cs_trainer.quizzes.interview_content import builtin_bank, builtin_typing
from cs_trainer.quizzes.interview_schema import PlanItemRef
from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.scenarios import runner
from cs_trainer.services import (
    app_settings,
    audit,
    banks,
    candidates,
    interviews,
    performance,
    pipeline,
    plans,
    quizzes,
    reception,
    roleplays,
    selftests,
    staff,
    typing_tests,
)
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.store.database import Database
from cs_trainer.store.models import (
    Attempt,
    AuditEvent,
    AuditPersonalValue,
    Decision,
    InterviewPlan,
    PipelineEvent,
    ReceptionEntry,
)

TYPED = "冒名顶替"  # what a typed name field might still say
DAY = date(2024, 3, 4)
PASSAGE = builtin_typing().content.passages[0]
SELFTEST_ITEMS = [item.id for item in service_potential().instrument.items]


def _plan_items() -> list[PlanItemRef]:
    bank = builtin_bank().content
    return [PlanItemRef(kind="question", bank=bank.id, id=bank.questions[0].id)]


@dataclass(frozen=True)
class World:
    candidate: int
    trainee: int
    staff: int
    plan: int
    interview: int
    selftest: int
    review: int
    entry: int
    quiz: int
    roleplay: int


@pytest.fixture
def world(db: Database, every_role: dict[str, Actor]) -> World:
    """Everything the audited actions act on, made by the admin."""
    trainee = every_role["trainee"].person_id
    assert trainee is not None
    with acting_as(every_role["admin"]):
        candidate = candidates.add_candidate(
            db, candidates.NewCandidate("张三", "13800000000", "客服专员", consent=True)
        )
        member = staff.add_staff(db, "前台小王", "前台")
        plan = plans.save_plan(db, "初试", "客服专员", _plan_items(), "")
        quiz = quizzes.start_quiz(db, trainee, ["qualities"], 1, seed=3)
        for item in quizzes.load_quiz(db, quiz).paper.items:
            quizzes.answer(db, quiz, item.id, [item.options[0].id])
        return World(
            candidate=candidate,
            trainee=trainee,
            staff=member,
            plan=plan,
            interview=interviews.start_interview(db, candidate, plan, ""),
            selftest=selftests.start_selftest(db, candidate, "self", ""),
            review=performance.start_review(db, member, "", DAY, date(2024, 1, 1), DAY),
            entry=reception.add_entry(db, member, DAY, "work_log_missing", "迟到", ""),
            quiz=quiz,
            roleplay=roleplays.start_roleplay(
                db, trainee, roleplays.load_scenarios().scenarios[0].scenario
            ),
        )


# --------------------------------------------------------------------------- attribution


def test_what_hr_records_is_under_their_account_whatever_name_was_typed(
    db: Database, every_role: dict[str, Actor], world: World
) -> None:
    hr = every_role["hr"]
    with acting_as(hr):
        attempts = [
            selftests.start_selftest(db, world.candidate, "self", TYPED),
            interviews.start_interview(db, world.candidate, world.plan, TYPED),
            typing_tests.record_typing_test(
                db, world.candidate, PASSAGE.id, PASSAGE.text, 60, TYPED
            ).attempt_id,
            performance.start_review(db, world.staff, TYPED, DAY, date(2024, 1, 1), DAY),
        ]
        pipeline.move_stage(db, world.candidate, "screened", TYPED, "")
        pipeline.decide(db, world.candidate, "hold", "等待复试", TYPED)
        entry = reception.add_entry(db, world.staff, DAY, "work_log_missing", "", TYPED)
        plan = plans.save_plan(db, "复试", "客服专员", _plan_items(), TYPED)
    expected = (hr.name, hr.account_id)
    with db.reading() as session:
        for attempt_id in attempts:
            attempt = session.get(Attempt, attempt_id)
            assert attempt is not None
            assert (attempt.conducted_by, attempt.account_id) == expected
        event = session.scalars(select(PipelineEvent).order_by(PipelineEvent.id.desc())).first()
        decision = session.scalars(select(Decision)).one()
        row = session.get(ReceptionEntry, entry)
        saved = session.get(InterviewPlan, plan)
        assert event is not None and row is not None and saved is not None
        assert (event.by, event.account_id) == expected
        assert (decision.by, decision.account_id) == expected
        assert (row.assessor, row.account_id) == expected
        assert saved.created_by == hr.name


def test_an_interviewer_reopens_their_own_interview_not_anothers(
    db: Database, every_role: dict[str, Actor], world: World
) -> None:
    with acting_as(every_role["hr"]):
        mine = interviews.start_interview(db, world.candidate, world.plan, "")
        assert interviews.start_interview(db, world.candidate, world.plan, TYPED) == mine
    with acting_as(every_role["admin"]):
        other = interviews.start_interview(db, world.candidate, world.plan, "")
    assert other != mine


def test_practice_is_recorded_under_the_trainees_account(
    db: Database, every_role: dict[str, Actor], world: World
) -> None:
    trainee = every_role["trainee"]
    scenario = roleplays.load_scenarios().scenarios[0].scenario
    with acting_as(trainee):
        played = roleplays.start_roleplay(db, world.trainee, scenario)
        quiz = quizzes.start_quiz(db, world.trainee, ["qualities"], 2, seed=9)
    with db.reading() as session:
        for attempt_id in (played, quiz):
            attempt = session.get(Attempt, attempt_id)
            assert attempt is not None
            assert (attempt.account_id, attempt.conducted_by) == (trainee.account_id, trainee.name)


def test_without_accounts_the_typed_name_is_kept(db: Database) -> None:
    candidate = candidates.add_candidate(
        db, candidates.NewCandidate("李四", "13800000001", "客服专员", consent=True)
    )
    pipeline.move_stage(db, candidate, "screened", " 王经理 ", "")
    [change] = pipeline.stage_history(db, candidate)
    assert change.by == "王经理"


# --------------------------------------------------------------------------- audit rows


@dataclass(frozen=True)
class Audited:
    action: str
    role: str
    change: Callable[[Database, World], object]
    target: Callable[[World], str]
    personal: tuple[str, ...] = ()  # keys of ``after`` that quote a person


def _finish_roleplay(db: Database, world: World) -> None:
    progress = roleplays.load_roleplay(db, world.roleplay)
    while not progress.finished:
        progress = roleplays.record_choice(db, world.roleplay, 0)


def _first_question(world: World) -> str:
    return _plan_items()[0].id


AUDITED = [
    Audited(
        "interview.rate",
        "hr",
        lambda db, w: interviews.rate(db, w.interview, _first_question(w), 4, "答得清楚"),
        lambda w: f"attempt:{w.interview}",
        ("notes",),
    ),
    Audited(
        "interview.finish",
        "hr",
        lambda db, w: (
            interviews.rate(db, w.interview, _first_question(w), 4, ""),
            interviews.finish_interview(db, w.interview),
        ),
        lambda w: f"attempt:{w.interview}",
    ),
    Audited(
        "selftest.answer",
        "hr",
        lambda db, w: selftests.record_answer(db, w.selftest, SELFTEST_ITEMS[0], 7),
        lambda w: f"attempt:{w.selftest}",
    ),
    Audited(
        "selftest.finish",
        "hr",
        lambda db, w: (
            [selftests.record_answer(db, w.selftest, item, 8) for item in SELFTEST_ITEMS],
            selftests.finish_selftest(db, w.selftest),
        ),
        lambda w: f"attempt:{w.selftest}",
    ),
    Audited(
        "selftest.paper",
        "hr",
        lambda db, w: selftests.record_paper_selftest(
            db, w.candidate, dict.fromkeys(SELFTEST_ITEMS, 8), "self", ""
        ),
        lambda w: "attempt:",
    ),
    Audited(
        "typing.result",
        "hr",
        lambda db, w: typing_tests.record_typing_test(
            db, w.candidate, PASSAGE.id, PASSAGE.text, 60, ""
        ),
        lambda w: "attempt:",
    ),
    Audited(
        "candidate.decide",
        "hr",
        lambda db, w: pipeline.decide(db, w.candidate, "hire", "沟通能力强", ""),
        lambda w: f"person:{w.candidate}",
        ("reason",),
    ),
    Audited(
        "stage.move",
        "hr",
        lambda db, w: pipeline.move_stage(db, w.candidate, "withdrawn", "", "本人放弃"),
        lambda w: f"person:{w.candidate}",
        ("reason",),
    ),
    Audited(
        "reception.add",
        "hr",
        lambda db, w: reception.add_entry(db, w.staff, DAY, "work_log_missing", "忘记登记", ""),
        lambda w: "reception_entry:",
        ("note",),
    ),
    Audited(
        "reception.delete",
        "hr",
        lambda db, w: reception.delete_entry(db, w.entry),
        lambda w: f"reception_entry:{w.entry}",
    ),
    Audited(
        "performance.rate",
        "hr",
        lambda db, w: performance.set_overall_comment(db, w.review, "工作认真"),
        lambda w: f"attempt:{w.review}",
        ("comment",),
    ),
    Audited(
        "performance.finish",
        "hr",
        lambda db, w: (
            [
                performance.rate_item(db, w.review, item.id, 3)
                for item in performance.builtin_form().form.items
            ],
            performance.finish_review(db, w.review),
        ),
        lambda w: f"attempt:{w.review}",
    ),
    Audited(
        "quiz.finish",
        "trainee",
        lambda db, w: quizzes.finish_quiz(db, w.quiz),
        lambda w: f"attempt:{w.quiz}",
    ),
    Audited(
        "roleplay.finish",
        "trainee",
        _finish_roleplay,
        lambda w: f"attempt:{w.roleplay}",
    ),
    Audited(
        "setting.change",
        "admin",
        lambda db, w: app_settings.set_setting(db, app_settings.ORGANISATION, "星辰客服中心"),
        lambda w: f"setting:{app_settings.ORGANISATION}",
    ),
    Audited(
        "typing.pass_mark",
        "trainer",
        lambda db, w: typing_tests.set_typing_pass_mark(db, 90),
        lambda w: f"setting:{typing_tests.TYPING_PASS_MARK}",
    ),
    Audited(
        "plan.save",
        "hr",
        lambda db, w: plans.save_plan(db, "初试（改）", "客服专员", _plan_items(), "", w.plan),
        lambda w: f"plan:{w.plan}",
    ),
    Audited(
        "bank.import",
        "trainer",
        lambda db, w: banks.store_bank(
            db, builtin_bank().content.model_copy(update={"id": "our_bank"}), "our_bank.yaml"
        ),
        lambda w: "bank:our_bank",
    ),
]


def _newest(db: Database, admin: Actor) -> audit.AuditEntry:
    with acting_as(admin):
        return audit.entries(db, limit=1)[0]


@pytest.mark.parametrize("case", AUDITED, ids=lambda case: case.action)
def test_each_audited_change_writes_its_row(
    db: Database, every_role: dict[str, Actor], world: World, case: Audited
) -> None:
    actor = every_role[case.role]
    with acting_as(actor):
        case.change(db, world)
    with acting_as(every_role["admin"]):
        rows = [e for e in audit.entries(db, limit=50) if e.action == case.action]
        audit.verify(db)
    assert rows, f"no audit row {case.action}"
    newest = rows[0]
    assert newest.target.startswith(case.target(world))
    assert (newest.account_name, newest.role) == (actor.name, case.role)
    with db.reading() as session:
        event = session.get(AuditEvent, newest.id)
        assert event is not None
        for key in case.personal:  # quoted as a reference, the value kept apart
            assert isinstance((event.after or {})[key], dict), key
            assert (newest.after or {})[key] != audit.ERASED


def test_a_setting_change_keeps_before_and_after(
    db: Database, every_role: dict[str, Actor]
) -> None:
    with acting_as(every_role["admin"]):
        app_settings.set_setting(db, app_settings.ORGANISATION, "旧名称")
        app_settings.set_setting(db, app_settings.ORGANISATION, "新名称")
    newest = _newest(db, every_role["admin"])
    assert (newest.before, newest.after) == (
        {app_settings.ORGANISATION: "旧名称"},
        {app_settings.ORGANISATION: "新名称"},
    )


def test_saving_a_setting_unchanged_writes_no_row(
    db: Database, every_role: dict[str, Actor]
) -> None:
    with acting_as(every_role["admin"]):
        app_settings.set_setting(db, app_settings.ORGANISATION, "同一名称")
        rows = audit.count(db)
        app_settings.set_setting(db, app_settings.ORGANISATION, "同一名称")
        assert audit.count(db) == rows


def test_a_changed_rating_keeps_what_it_was(
    db: Database, every_role: dict[str, Actor], world: World
) -> None:
    question = _plan_items()[0].id
    with acting_as(every_role["hr"]):
        interviews.rate(db, world.interview, question, 2, "第一印象")
        interviews.rate(db, world.interview, question, 4, "改正")
    newest = _newest(db, every_role["admin"])
    assert newest.before is not None and newest.after is not None
    assert (newest.before["score"], newest.before["notes"]) == (2, "第一印象")
    assert (newest.after["score"], newest.after["notes"]) == (4, "改正")


def test_erasing_a_person_removes_the_notes_and_reasons_quoted_about_them(
    db: Database, every_role: dict[str, Actor], world: World
) -> None:
    with acting_as(every_role["hr"]):
        interviews.rate(db, world.interview, _plan_items()[0].id, 3, "说话声音小")
        pipeline.decide(db, world.candidate, "reject", "不适合夜班", "")
    with db.writing() as session:
        assert audit.erase_person(session, world.candidate) >= 3  # the note, two reasons
    with acting_as(every_role["admin"]):
        quoted = [
            value
            for entry in audit.entries(db, limit=20)
            for value in (*(entry.before or {}).values(), *(entry.after or {}).values())
        ]
        audit.verify(db)
    assert "说话声音小" not in quoted and "不适合夜班" not in quoted
    assert audit.ERASED in quoted


def test_a_decision_without_a_reason_is_refused_and_writes_nothing(
    db: Database, every_role: dict[str, Actor], world: World
) -> None:
    def counts() -> tuple[int | None, ...]:
        with db.reading() as session:
            return tuple(
                session.scalar(select(func.count()).select_from(model))
                for model in (AuditEvent, AuditPersonalValue, Decision)
            )

    before = counts()
    with acting_as(every_role["hr"]), pytest.raises(UserError) as refused:
        pipeline.decide(db, world.candidate, "hire", "  ", "")
    assert refused.value.message("en") == "a decision needs a reason"
    assert refused.value.message("zh") == "做出决定需要写明理由"
    assert counts() == before


def test_the_roleplay_runner_reaches_an_ending_choosing_the_first_choice() -> None:
    """The audit case above plays through with choice 0; it must end."""
    scenario = roleplays.load_scenarios().scenarios[0].scenario
    state = runner.replay(scenario, [])
    for _ in range(100):
        if runner.is_finished(scenario, state):
            break
        state = runner.choose(scenario, state, 0)
    assert runner.is_finished(scenario, state)
