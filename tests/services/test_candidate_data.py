"""A candidate's record: correcting it, duplicates, consent withdrawal, export and erasure."""

import json
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from cs_trainer.errors import NotFoundError, PermissionDeniedError, UserError
from cs_trainer.quizzes.interview_content import builtin_bank, builtin_typing
from cs_trainer.quizzes.interview_schema import PlanItemRef
from cs_trainer.services import (
    audit,
    candidate_data,
    candidates,
    interviews,
    pipeline,
    plans,
    retention,
    typing_tests,
)
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.services.candidates import (
    CandidateEdit,
    DuplicatePhoneError,
    ErasedCandidateError,
    NewCandidate,
)
from cs_trainer.store.database import Database
from cs_trainer.store.models import AuditEvent, AuditPersonalValue, Decision, Person, Response

NAME, PHONE = "Quillonbury 张甲乙", "139 7771 2345"
NEW_NAME, NEW_PHONE = "Zephyrinette 李丙丁", "13655598761"
NOTE = "Marmaduke-note: asked about Zephyrinette's schedule"
TYPED = "Xylophonist typed this passage"
REASON = "Vorticella reason for the decision"


def register(db: Database, name: str = NAME, phone: str = PHONE, **kw: bool) -> int:
    return candidates.add_candidate(db, NewCandidate(name, phone, "客服专员", True, **kw))


def test_an_edit_is_validated_and_audited_with_before_and_after(db: Database) -> None:
    person = register(db)
    with pytest.raises(UserError, match="name is required"):
        candidates.edit_candidate(db, person, CandidateEdit(name="  "))
    with pytest.raises(UserError, match="is not a phone number"):
        candidates.edit_candidate(db, person, CandidateEdit(phone="abc"))
    changed = candidates.edit_candidate(
        db, person, CandidateEdit(name=f" {NEW_NAME} ", phone=NEW_PHONE, position="客服专员")
    )
    assert changed == ["name", "phone"]  # the position was the same
    summary = candidates.get_candidate(db, person)
    assert (summary.name, summary.phone) == (NEW_NAME, NEW_PHONE)
    with db.reading() as session:
        row = session.scalars(select(AuditEvent).where(AuditEvent.action == "candidate.edit")).one()
        assert row.target == f"candidate:{person}"
        assert NEW_NAME not in json.dumps(row.after, ensure_ascii=False), "quoted by reference"
        quoted = {v.value for v in session.scalars(select(AuditPersonalValue))}
    assert {NAME, PHONE.strip(), NEW_NAME, NEW_PHONE} <= quoted
    assert candidates.edit_candidate(db, person, CandidateEdit(name=NEW_NAME)) == []


def test_a_phone_registered_already_is_refused_naming_the_existing_record(db: Database) -> None:
    first = register(db)
    with pytest.raises(DuplicatePhoneError) as refused:
        register(db, "Someone Else", "+86 139-7771-2345")
    assert refused.value.existing_id == first
    text = refused.value.message("en")
    assert f"ID {first}" in text and "客服专员" in text
    assert "7771" not in text and "Quillonbury" not in text, "neither the phone nor the name"
    assert "已经登记过" in refused.value.message("zh")
    second = register(db, "Someone Else", "+86 139-7771-2345", allow_duplicate=True)
    assert second != first
    other = register(db, "Third", "13800000000")
    with pytest.raises(DuplicatePhoneError):
        candidates.edit_candidate(db, other, CandidateEdit(phone=PHONE))
    assert candidates.edit_candidate(db, other, CandidateEdit(phone=PHONE), allow_duplicate=True)


def test_consent_can_be_withdrawn_once_and_is_audited(db: Database) -> None:
    person = register(db)
    when = candidates.withdraw_consent(db, person)
    summary = candidates.get_candidate(db, person)
    assert summary.consent_withdrawn_at == when
    assert summary.consent_version == candidates.CONSENT_VERSION
    with pytest.raises(UserError, match="already withdrawn"):
        candidates.withdraw_consent(db, person)
    with db.reading() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "candidate.withdraw_consent" in actions


def test_the_consent_text_and_its_version_name_the_retention_setting(db: Database) -> None:
    assert candidates.consent_text(db) == candidates.CONSENT_TEXT
    retention.set_retention_months(db, 24)
    text = candidates.consent_text(db)
    assert "24 months" in text.en and "保存24个月" in text.zh
    person = register(db)
    version = candidates.get_candidate(db, person).consent_version
    assert version is not None and version != candidates.CONSENT_VERSION
    assert candidates.months_of_version(version) == 24
    with pytest.raises(UserError, match="1 to 120 months"):
        retention.set_retention_months(db, 0)


def _plan(db: Database) -> int:
    bank = builtin_bank().content
    refs = [PlanItemRef(kind="question", bank=bank.id, id=q.id) for q in bank.questions[:2]]
    return plans.save_plan(db, "初试", "客服专员", refs, "王经理")


def _full_record(db: Database) -> int:
    """A candidate with an edit, an interview note, a typing test and a decision."""
    person = register(db)
    candidates.edit_candidate(db, person, CandidateEdit(name=NEW_NAME, phone=NEW_PHONE))
    attempt = interviews.start_interview(db, person, _plan(db), "王经理")
    for item in [q.id for q in interviews.load_interview(db, attempt).plan.questions]:
        interviews.rate(db, attempt, item, 4, NOTE)
    interviews.finish_interview(db, attempt)
    passage = builtin_typing().content.passages[0]
    typing_tests.record_typing_test(db, person, passage.id, TYPED, 60.0, "王经理")
    pipeline.decide(db, person, "reject", REASON, "王经理")
    return person


SECRETS = [NAME, NEW_NAME, PHONE, NEW_PHONE, NOTE, TYPED, REASON, "Quillonbury", "Zephyrinette"]


def _raw_bytes(db_path: Path) -> bytes:
    files = [db_path, db_path.with_name(db_path.name + "-wal")]
    return b"".join(path.read_bytes() for path in files if path.exists())


def test_export_writes_everything_owner_only(db: Database, tmp_path: Path) -> None:
    person = _full_record(db)
    out = tmp_path / "out"
    out.mkdir()
    exported = candidate_data.export_candidate(db, person, out)
    data = json.loads(exported.data.read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    for secret in (NAME, NEW_NAME, NEW_PHONE, NOTE, TYPED, REASON):
        assert secret in text, secret
    assert data["person"]["name"] == NEW_NAME
    assert data["consent"]["version"] == candidates.CONSENT_VERSION
    assert "12 months" in data["consent"]["text"]["en"]
    assert {a["kind"] for a in data["attempts"]} == {"interview", "typing"}
    assert [d["decision"] for d in data["decisions"]] == ["reject"]
    assert data["stage_history"], "the decision moved the stage"
    assert {"candidate.add", "candidate.edit"} <= {row["action"] for row in data["audit"]}
    [sheet] = exported.sheets
    assert sheet.read_bytes().startswith(b"%PDF")
    for path in (exported.data, sheet):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert person != 0 and NAME not in path.name


@pytest.mark.sqlite_only
def test_erasure_removes_the_values_from_the_database_file_and_its_wal(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    person = _full_record(db)
    before = _raw_bytes(db_path)
    assert any(secret.encode() in before for secret in SECRETS), "planted in the file"
    candidate_data.erase_candidate(db, person)
    raw = _raw_bytes(db_path)
    for secret in SECRETS:
        assert secret.encode() not in raw, f"{secret!r} is still in the database file"
    summary = candidates.get_candidate(db, person)
    assert (summary.name, summary.phone) == (f"已删除 #{person}", "")
    assert summary.erased_at is not None and summary.position == "客服专员"
    with db.reading() as session:
        responses = session.scalars(select(Response)).all()
        assert responses and all(r.notes == "" for r in responses)
        assert [r.value for r in responses][:2] == [4, 4], "the interview scores stay"
        assert all("typed" not in (r.data or {}) for r in responses)
        assert session.scalars(select(Decision.reason)).all() == [""]
        assert session.scalars(select(Decision.decision)).all() == ["reject"]
        erase_row = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "candidate.erase")
        ).one()
        person_row = session.get(Person, person)
        assert person_row is not None and person_row.erased_at is not None
    assert erase_row.target == f"candidate:{person}"
    assert audit.verify(db).rows >= 3, "the chain still verifies after the erasure"
    with pytest.raises(ErasedCandidateError, match="erased"):
        candidates.edit_candidate(db, person, CandidateEdit(name="x"))
    with pytest.raises(ErasedCandidateError):
        candidate_data.export_candidate(db, person, tmp_path)
    with pytest.raises(ErasedCandidateError):
        candidate_data.erase_candidate(db, person)
    # the erased number is free again
    register(db, "Another", NEW_PHONE)


def test_the_erasure_plan_counts_what_goes(db: Database) -> None:
    person = _full_record(db)
    plan = candidate_data.erasure_plan(db, person)
    assert (plan.attempts, plan.notes, plan.decisions) == (2, 3, 1)
    assert plan.audit_values >= 4
    with pytest.raises(NotFoundError):
        candidate_data.erasure_plan(db, 999)


def test_retention_lists_candidates_past_the_period_after_decision_or_withdrawal(
    db: Database,
) -> None:
    decided, withdrew, undecided = (
        register(db),
        register(db, "B", "13800000001"),
        register(db, "C", "13800000002"),
    )
    pipeline.decide(db, decided, "hire", "good", "王经理")
    candidates.withdraw_consent(db, withdrew)
    today = date.today()
    assert retention.due(db, today) == []
    later = retention.add_months(today, 12)
    found = retention.due(db, later)
    assert [(c.id, c.reason) for c in found] == [(decided, "decision"), (withdrew, "withdrawal")]
    assert undecided not in [c.id for c in found]
    assert retention.due(db, later - timedelta(days=1)) == []
    with pytest.raises(UserError, match="not due"):
        retention.erase_due(db, [undecided], later)
    assert retention.erase_due(db, [decided, withdrew], later) == 2
    assert retention.due(db, later) == []
    assert candidates.get_candidate(db, decided).erased_at is not None


def test_add_months_keeps_the_day_or_takes_the_months_last() -> None:
    assert retention.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert retention.add_months(date(2026, 11, 15), 12) == date(2027, 11, 15)
    assert retention.add_months(date(2026, 12, 1), 2) == date(2027, 2, 1)


def test_roles_edit_export_erase_and_retention(
    db: Database, every_role: dict[str, Actor], tmp_path: Path
) -> None:
    with acting_as(every_role["hr"]):
        person = register(db)
        candidates.edit_candidate(db, person, CandidateEdit(position="前台"))
        candidate_data.export_candidate(db, person, tmp_path)
        with pytest.raises(PermissionDeniedError):
            retention.due(db, date.today())
    for role in ("trainer", "trainee"):
        with acting_as(every_role[role]):
            with pytest.raises(PermissionDeniedError):
                candidates.edit_candidate(db, person, CandidateEdit(position="x"))
            with pytest.raises(PermissionDeniedError):
                candidates.withdraw_consent(db, person)
            with pytest.raises(PermissionDeniedError):
                candidate_data.export_candidate(db, person, tmp_path)
            with pytest.raises(PermissionDeniedError):
                candidate_data.erase_candidate(db, person)
    with acting_as(every_role["admin"]):
        assert retention.due(db, date.today()) == []
        candidate_data.erase_candidate(db, person)
