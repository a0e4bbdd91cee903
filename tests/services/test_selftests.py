"""Taking the self-test through the services: autosave, finish, resume, paper forms, snapshots,
and the evaluation sheet built from them."""

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from cs_trainer.errors import InvalidAnswersError, NotFoundError, UserError
from cs_trainer.quizzes.selftest import LoadedInstrument, service_potential
from cs_trainer.quizzes.selftest_schema import SelfTestInstrument
from cs_trainer.services import selftests
from cs_trainer.services.app_settings import ORGANISATION, get_setting, set_setting
from cs_trainer.services.candidates import NewCandidate, add_candidate
from cs_trainer.services.selftests import (
    finish_selftest,
    finished_selftests,
    load_outcome,
    load_progress,
    record_answer,
    record_paper_selftest,
    start_selftest,
    unfinished_selftests,
)
from cs_trainer.services.sheets import build_evaluation_sheet
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, InstrumentSnapshot, Response

ITEM_IDS = [item.id for item in service_potential().instrument.items]
PAPER_84 = dict(zip(ITEM_IDS, [9, 8, 10, 7, 6, 9, 8, 10, 9, 8], strict=True))


@pytest.fixture
def candidate_id(db: Database) -> int:
    return add_candidate(db, NewCandidate("张三", "13800138000", "客服专员", consent=True))


@pytest.fixture
def fresh_view(db: Database) -> Iterator[Callable[[], Database]]:
    """A new Database object on the same file, like another process would open."""
    opened: list[Database] = []

    def open_view() -> Database:
        view = Database(db.url)
        opened.append(view)
        return view

    yield open_view
    for view in opened:
        view.dispose()


def stored_answers(view: Database, attempt_id: int) -> dict[str, int | None]:
    with view.reading() as session:
        rows = session.scalars(select(Response).where(Response.attempt_id == attempt_id)).all()
        return {row.item_id: row.value for row in rows}


def counts(db: Database) -> tuple[int, int, int]:
    with db.reading() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Attempt, Response, InstrumentSnapshot)
        )


# --- start, answer, finish ----------------------------------------------------------------


def test_start_opens_an_attempt_with_a_snapshot(
    db: Database, candidate_id: int, fresh_view: Callable[[], Database]
) -> None:
    attempt_id = start_selftest(db, candidate_id, "manager", "  李主管 ")
    with fresh_view().reading() as session:
        attempt = session.get(Attempt, attempt_id)
        assert attempt is not None
        assert (attempt.person_id, attempt.mode, attempt.conducted_by, attempt.status) == (
            candidate_id,
            "manager",
            "李主管",
            "in_progress",
        )
        assert attempt.content_hash == service_potential().content_hash
        assert attempt.snapshot.body == service_potential().instrument.model_dump(mode="json")
        assert (attempt.total, attempt.band, attempt.finished_at) == (None, None, None)


def test_start_refuses_an_unknown_person_or_mode(db: Database, candidate_id: int) -> None:
    with pytest.raises(NotFoundError, match="no candidate with ID 777"):
        start_selftest(db, 777, "self", "")
    with pytest.raises(UserError, match="mode must be"):
        start_selftest(db, candidate_id, "peer", "")
    assert counts(db) == (0, 0, 0)


def test_every_answer_is_committed_when_given(
    db: Database, candidate_id: int, fresh_view: Callable[[], Database]
) -> None:
    attempt_id = start_selftest(db, candidate_id, "self", "")
    expected: dict[str, int] = {}
    for item_id, value in PAPER_84.items():
        record_answer(db, attempt_id, item_id, value)
        expected[item_id] = value
        assert stored_answers(fresh_view(), attempt_id) == expected


def test_answering_again_replaces_the_answer(
    db: Database, candidate_id: int, fresh_view: Callable[[], Database]
) -> None:
    attempt_id = start_selftest(db, candidate_id, "self", "")
    record_answer(db, attempt_id, "smiling", 3)
    record_answer(db, attempt_id, "smiling", 9)
    assert stored_answers(fresh_view(), attempt_id) == {"smiling": 9}
    assert counts(db)[1] == 1


@pytest.mark.parametrize(
    ("item_id", "value"),
    [
        ("smiling", 0),
        ("smiling", 11),
        ("smiling", "7"),
        ("smiling", 7.5),
        ("smiling", True),
        ("smiling", None),
        ("punctuality", 5),
    ],
)
def test_a_bad_answer_is_refused_and_not_stored(
    db: Database, candidate_id: int, item_id: str, value: object
) -> None:
    attempt_id = start_selftest(db, candidate_id, "self", "")
    record_answer(db, attempt_id, "smiling", 6)
    with pytest.raises(InvalidAnswersError):
        record_answer(db, attempt_id, item_id, value)  # type: ignore[arg-type]
    assert stored_answers(db, attempt_id) == {"smiling": 6}


def test_answering_an_unknown_attempt_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no self-test attempt with ID 31"):
        record_answer(db, 31, "smiling", 5)
    with pytest.raises(NotFoundError):
        finish_selftest(db, 31)
    with pytest.raises(NotFoundError):
        load_outcome(db, 31)
    with pytest.raises(NotFoundError):
        load_progress(db, 31)


def test_finish_refuses_while_items_are_unanswered(db: Database, candidate_id: int) -> None:
    attempt_id = start_selftest(db, candidate_id, "self", "")
    for item_id in ITEM_IDS[:-1]:
        record_answer(db, attempt_id, item_id, 7)
    with pytest.raises(
        InvalidAnswersError, match=rf"unanswered items: no\. {len(ITEM_IDS)} \([^,]+\)$"
    ):
        finish_selftest(db, attempt_id)
    with db.reading() as session:
        attempt = session.get(Attempt, attempt_id)
        assert attempt is not None
        assert (attempt.status, attempt.total, attempt.finished_at) == ("in_progress", None, None)
    with pytest.raises(UserError, match="not finished"):
        load_outcome(db, attempt_id)


def test_finish_scores_and_stores_the_result(
    db: Database, candidate_id: int, fresh_view: Callable[[], Database]
) -> None:
    attempt_id = start_selftest(db, candidate_id, "self", "")
    for item_id, value in PAPER_84.items():
        record_answer(db, attempt_id, item_id, value)
    outcome = finish_selftest(db, attempt_id)
    assert outcome.attempt_id == attempt_id
    assert outcome.total == 84
    assert outcome.band.code == "excellent"
    assert outcome.answers == PAPER_84
    assert outcome.group_scores == {
        "psychological": 26,
        "character": 16,
        "overall": 7,
        "skills": 35,
    }
    assert outcome.finished_at >= outcome.started_at
    with fresh_view().reading() as session:
        attempt = session.get(Attempt, attempt_id)
        assert attempt is not None
        assert attempt.status == "finished"
        assert attempt.finished_at is not None
        assert (attempt.total, attempt.band) == (84, "excellent")
        assert attempt.group_scores == outcome.group_scores
    assert load_outcome(db, attempt_id) == outcome


def test_a_finished_attempt_cannot_be_changed(db: Database, candidate_id: int) -> None:
    attempt_id = start_selftest(db, candidate_id, "self", "")
    for item_id, value in PAPER_84.items():
        record_answer(db, attempt_id, item_id, value)
    finish_selftest(db, attempt_id)
    with pytest.raises(UserError, match="already finished"):
        record_answer(db, attempt_id, "smiling", 1)
    with pytest.raises(UserError, match="already finished"):
        finish_selftest(db, attempt_id)
    assert stored_answers(db, attempt_id) == PAPER_84
    assert load_outcome(db, attempt_id).total == 84


# --- resuming ---------------------------------------------------------------------------


def test_unfinished_selftests_are_found_with_their_answers(
    db: Database, candidate_id: int, fresh_view: Callable[[], Database]
) -> None:
    other_id = add_candidate(db, NewCandidate("李四", "13900139000", "", consent=True))
    done = start_selftest(db, candidate_id, "self", "")
    for item_id, value in PAPER_84.items():
        record_answer(db, done, item_id, value)
    finish_selftest(db, done)
    open_one = start_selftest(db, candidate_id, "manager", "王主管")
    record_answer(db, open_one, "emotions", 4)
    record_answer(db, open_one, "grooming", 10)
    open_two = start_selftest(db, other_id, "self", "")

    view = fresh_view()  # as after a crash: a new process opens the file
    everything = unfinished_selftests(view)
    assert [p.attempt_id for p in everything] == [open_one, open_two]
    [progress] = unfinished_selftests(view, candidate_id)
    assert progress.attempt_id == open_one
    assert progress.person_id == candidate_id
    assert progress.person_name == "张三"
    assert (progress.mode, progress.conducted_by) == ("manager", "王主管")
    assert progress.answers == {"emotions": 4, "grooming": 10}
    assert progress.instrument == service_potential().instrument
    assert load_progress(view, open_one) == progress
    assert [p.attempt_id for p in unfinished_selftests(view, other_id)] == [open_two]

    for item_id, value in PAPER_84.items():
        record_answer(view, open_one, item_id, value)
    assert finish_selftest(view, open_one).total == 84
    assert [p.attempt_id for p in unfinished_selftests(db)] == [open_two]


# --- paper forms ------------------------------------------------------------------------


def test_record_paper_selftest_stores_a_finished_attempt(
    db: Database, candidate_id: int, fresh_view: Callable[[], Database]
) -> None:
    outcome = record_paper_selftest(db, candidate_id, PAPER_84, "manager", "王主管")
    assert (outcome.total, outcome.band.code, outcome.mode) == (84, "excellent", "manager")
    assert outcome.conducted_by == "王主管"
    view = fresh_view()
    assert stored_answers(view, outcome.attempt_id) == PAPER_84
    assert load_outcome(view, outcome.attempt_id) == outcome
    assert unfinished_selftests(view) == []
    assert counts(view) == (1, 10, 1)


@pytest.mark.parametrize(
    "change",
    [
        {"grooming": 0},
        {"grooming": 11},
        {"grooming": "7"},
        {"grooming": 7.5},
        {"grooming": True},
        {"punctuality": 5},
    ],
)
def test_record_paper_selftest_is_all_or_nothing(
    db: Database, candidate_id: int, change: dict[str, object]
) -> None:
    answers: dict[str, object] = {**PAPER_84, **change}
    with pytest.raises(InvalidAnswersError):
        record_paper_selftest(db, candidate_id, answers, "self", "")
    assert counts(db) == (0, 0, 0)


def test_record_paper_selftest_refuses_missing_answers_and_unknown_people(
    db: Database, candidate_id: int
) -> None:
    missing = {k: v for k, v in PAPER_84.items() if k != "emotions"}
    with pytest.raises(InvalidAnswersError, match=r"unanswered items: no\. 1 \("):
        record_paper_selftest(db, candidate_id, missing, "self", "")
    with pytest.raises(NotFoundError):
        record_paper_selftest(db, candidate_id + 100, PAPER_84, "self", "")
    with pytest.raises(UserError, match="mode"):
        record_paper_selftest(db, candidate_id, PAPER_84, "boss", "")
    assert counts(db) == (0, 0, 0)


def test_attempts_share_one_snapshot_per_content_version(db: Database, candidate_id: int) -> None:
    record_paper_selftest(db, candidate_id, PAPER_84, "self", "")
    start_selftest(db, candidate_id, "self", "")
    assert counts(db) == (2, 10, 1)


# --- old attempts keep their instrument ---------------------------------------------------


def edited_instrument() -> SelfTestInstrument:
    """The shipped instrument after a trainer edited the first pair and raised the top band."""
    body = service_potential().instrument.model_dump(mode="json")
    body["version"] = 2
    body["items"][0]["high"]["zh"] = "无论发生什么，我都能保持平静"
    body["items"][0]["high"]["en"] = "Whatever happens, I stay calm"
    body["bands"][0]["min_total"] = 90
    return SelfTestInstrument.model_validate(body)


def test_an_old_attempt_renders_and_scores_from_its_snapshot(
    db: Database, candidate_id: int
) -> None:
    instrument = edited_instrument()
    with db.writing() as session:
        session.add(
            InstrumentSnapshot(
                content_hash="0" * 64,
                instrument_id=instrument.id,
                version=instrument.version,
                body=instrument.model_dump(mode="json"),
            )
        )
        attempt = Attempt(
            person_id=candidate_id,
            instrument_id=instrument.id,
            content_hash="0" * 64,
            mode="self",
            conducted_by="",
            started_at=datetime(2026, 1, 5, 9, 0),
            finished_at=datetime(2026, 1, 5, 9, 10),
            status="finished",
            total=84,
            band="learn_communication",
            group_scores={},
        )
        session.add(attempt)
        session.flush()
        for item_id, value in PAPER_84.items():
            session.add(
                Response(
                    attempt_id=attempt.id,
                    item_id=item_id,
                    value=value,
                    answered_at=datetime(2026, 1, 5, 9, 5),
                )
            )
        attempt_id = attempt.id

    outcome = load_outcome(db, attempt_id)
    assert outcome.instrument.version == 2
    assert outcome.instrument.items[0].high.zh == "无论发生什么，我都能保持平静"
    assert outcome.instrument.items[0].high.en == "Whatever happens, I stay calm"
    assert outcome.total == 84
    assert outcome.band.code == "learn_communication"  # 84 < 90 under that version's bands
    assert finished_selftests(db, candidate_id) == [outcome]

    sheet = build_evaluation_sheet(db, candidate_id, date(2026, 2, 1))
    [section] = sheet.self_tests
    assert section.instrument_version == 2
    assert section.items[0].high_pole.zh == "无论发生什么，我都能保持平静"
    assert section.band.en == "Should learn interpersonal communication skills"


def test_a_snapshot_from_an_earlier_release_still_loads(
    db: Database, candidate_id: int, fresh_view: Callable[[], Database]
) -> None:
    """Release 0.1.0 folded the Chinese instructions (a space after each sentence); content
    files are now refused for that, but attempts stored with that text must still load."""
    body = service_potential().instrument.model_dump(mode="json")
    folded = body["instructions"]["zh"].replace("。", "。 ", 1)
    assert folded != body["instructions"]["zh"]
    body["instructions"]["zh"] = folded
    with db.writing() as session:
        session.add(
            InstrumentSnapshot(
                content_hash="1" * 64, instrument_id=body["id"], version=1, body=body
            )
        )
        for status in ("finished", "in_progress"):
            attempt = Attempt(
                person_id=candidate_id,
                instrument_id=body["id"],
                content_hash="1" * 64,
                mode="self",
                conducted_by="",
                started_at=datetime(2026, 1, 5, 9, 0),
                finished_at=datetime(2026, 1, 5, 9, 10) if status == "finished" else None,
                status=status,
            )
            session.add(attempt)
            session.flush()
            for item_id, value in PAPER_84.items():
                session.add(
                    Response(
                        attempt_id=attempt.id,
                        item_id=item_id,
                        value=value,
                        answered_at=datetime(2026, 1, 5, 9, 5),
                    )
                )
    view = fresh_view()
    [outcome] = finished_selftests(view, candidate_id)
    assert outcome.instrument.instructions.zh == folded
    assert outcome.total == 84
    [progress] = unfinished_selftests(view, candidate_id)
    assert progress.instrument.instructions.zh == folded
    assert finish_selftest(view, progress.attempt_id).total == 84
    sheet = build_evaluation_sheet(view, candidate_id, date.today())
    assert [section.total for section in sheet.self_tests] == [84, 84]


def test_an_open_attempt_finishes_with_the_instrument_it_started_with(
    db: Database, candidate_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = service_potential()
    attempt_id = start_selftest(db, candidate_id, "self", "")
    # The shipped bank is edited (e.g. the app is updated) while the attempt is open.
    edited = LoadedInstrument(edited_instrument(), "f" * 64)
    monkeypatch.setattr(selftests, "service_potential", lambda: edited)
    for item_id, value in PAPER_84.items():
        record_answer(db, attempt_id, item_id, value)
    outcome = finish_selftest(db, attempt_id)
    assert outcome.instrument == shipped.instrument
    assert outcome.band.code == "excellent"  # 84 ≥ 80 under the version it started with
    newer = record_paper_selftest(db, candidate_id, PAPER_84, "self", "")
    assert newer.instrument.version == 2
    assert newer.band.code == "learn_communication"
    with db.reading() as session:
        hashes = set(session.scalars(select(InstrumentSnapshot.content_hash)).all())
    assert hashes == {shipped.content_hash, "f" * 64}


# --- the evaluation sheet -----------------------------------------------------------------


def test_evaluation_sheet_has_details_finished_tests_and_organisation(
    db: Database, candidate_id: int
) -> None:
    set_setting(db, ORGANISATION, "某某客服中心")
    assert get_setting(db, ORGANISATION) == "某某客服中心"
    first = record_paper_selftest(db, candidate_id, PAPER_84, "self", "")
    low = dict.fromkeys(ITEM_IDS, 5)  # total 50
    second = record_paper_selftest(db, candidate_id, low, "manager", "王主管")
    start_selftest(db, candidate_id, "self", "")  # unfinished: not on the sheet

    sheet = build_evaluation_sheet(db, candidate_id, date(2026, 12, 1))
    assert sheet.organisation == "某某客服中心"
    assert sheet.printed_on == date(2026, 12, 1)
    assert sheet.candidate.candidate_id == candidate_id
    assert (sheet.candidate.name, sheet.candidate.phone, sheet.candidate.position) == (
        "张三",
        "13800138000",
        "客服专员",
    )
    assert [s.total for s in sheet.self_tests] == [first.total, second.total] == [84, 50]
    one, two = sheet.self_tests
    assert one.max_total == 100
    assert (one.band.zh, one.band.en) == ("优秀", "Excellent")
    assert one.mode.zh == "本人自评"
    assert (two.mode.en, two.conducted_by) == ("Rated by a manager", "王主管")
    assert two.band.en == "Should learn interpersonal communication skills"
    assert [item.score for item in one.items] == list(PAPER_84.values())
    assert [item.number for item in one.items] == list(range(1, 11))
    assert one.items[0].high_pole.zh == "我多数情况下能够控制自己的情绪"
    assert all(item.max_score == 10 for item in one.items)

    override = build_evaluation_sheet(db, candidate_id, date(2026, 12, 1), "总部人力资源部")
    assert override.organisation == "总部人力资源部"
    assert replace(override, organisation="某某客服中心") == sheet


def test_evaluation_sheet_without_setting_or_tests(db: Database, candidate_id: int) -> None:
    sheet = build_evaluation_sheet(db, candidate_id, date(2026, 12, 1))
    assert sheet.organisation == ""
    assert sheet.self_tests == []
    assert build_evaluation_sheet(db, candidate_id, date(2026, 12, 1), "").organisation == ""


def test_evaluation_sheet_for_an_unknown_candidate_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no candidate with ID 5"):
        build_evaluation_sheet(db, 5, date(2026, 12, 1))
