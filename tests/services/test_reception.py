"""The reception assessment service: staff, entries, period totals, refusals, deletion."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.services import reception, staff
from cs_trainer.services.app_settings import ORGANISATION, set_setting
from cs_trainer.services.candidates import NewCandidate, add_candidate
from cs_trainer.services.reception import DailyTotal
from cs_trainer.store.database import Database
from cs_trainer.store.models import ReceptionEntry

TODAY = date(2025, 3, 20)
MARCH = (date(2025, 3, 1), date(2025, 3, 31))
FEBRUARY = (date(2025, 2, 1), date(2025, 2, 28))


@pytest.fixture
def staff_id(db: Database) -> int:
    return staff.add_staff(db, "李晓梅", "前台接待")


def record(db: Database, person_id: int, day: date, code: str, note: str = "") -> int:
    return reception.add_entry(db, person_id, day, code, note, "王经理", today=TODAY)


def entry_count(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(ReceptionEntry)) or 0


@pytest.fixture
def two_months(db: Database, staff_id: int) -> int:
    """Entries on both sides of the February/March boundary (and one a year earlier)."""
    record(db, staff_id, date(2024, 3, 15), "physical_conflict")  # a year earlier: never counted
    record(db, staff_id, date(2025, 2, 3), "work_log_missing")  # -10
    record(db, staff_id, date(2025, 2, 28), "uncivil_language")  # -20, the last day of February
    record(db, staff_id, date(2025, 3, 1), "handover_not_recorded")  # -10, the first of March
    record(db, staff_id, date(2025, 3, 5), "quarrel_with_owner")  # -20
    record(db, staff_id, date(2025, 3, 5), "work_log_missing")  # -10, same day
    record(db, staff_id, date(2025, 3, 11), "quality_claim_success")  # +100
    record(db, staff_id, date(2025, 3, 18), "renovation_not_handled")  # -50
    return staff_id


# --- staff --------------------------------------------------------------------------------


def test_staff_are_people_of_kind_staff_listed_by_name(db: Database) -> None:
    second = staff.add_staff(db, "  王芳 ")
    first = staff.add_staff(db, "Emily Zhang", "前台主管")
    add_candidate(db, NewCandidate("张三丰", "13800138000", "客服专员", consent=True))
    members = reception.staff_members(db)
    assert [(m.id, m.name, m.position) for m in members] == [
        (first, "Emily Zhang", "前台主管"),
        (second, "王芳", ""),
    ]


def test_a_staff_member_needs_a_name(db: Database) -> None:
    with pytest.raises(UserError, match="needs a name"):
        staff.add_staff(db, "   ")
    assert reception.staff_members(db) == []


def test_the_builtin_standard_is_loaded_once(db: Database) -> None:
    assert reception.builtin_standard() is reception.builtin_standard()
    assert reception.builtin_standard().base_points == 100


# --- totals -------------------------------------------------------------------------------


def test_march_total_by_hand(db: Database, two_months: int) -> None:
    # 100 - 10 - 20 - 10 + 100 - 50 = 110; February's entries stay in February.
    total = reception.running_total(db, two_months, *MARCH)
    assert (total.base, total.deductions, total.bonuses, total.total) == (100, -90, 100, 110)
    assert total.entry_count == 5


def test_february_starts_again_from_the_base(db: Database, two_months: int) -> None:
    # 100 - 10 - 20 = 70; the physical conflict of 2024 is outside the period.
    total = reception.running_total(db, two_months, *FEBRUARY)
    assert (total.base, total.deductions, total.bonuses, total.total) == (100, -30, 0, 70)
    assert total.entry_count == 2


def test_a_period_across_the_boundary_adds_both_sides_once(db: Database, two_months: int) -> None:
    # 2025-02-28 .. 2025-03-05: -20, -10, -20, -10 → 40, both end days included.
    total = reception.running_total(db, two_months, date(2025, 2, 28), date(2025, 3, 5))
    assert (total.deductions, total.bonuses, total.total, total.entry_count) == (-60, 0, 40, 4)


def test_running_total_after_each_entry(db: Database, two_months: int) -> None:
    rows = reception.entries(db, two_months, *MARCH)
    assert [(row.entry_date.day, row.points, row.running_total) for row in rows] == [
        (1, -10, 90),
        (5, -20, 70),
        (5, -10, 60),
        (11, 100, 160),
        (18, -50, 110),
    ]


def test_the_daily_series_has_one_point_per_date(db: Database, two_months: int) -> None:
    series = reception.running_total(db, two_months, *MARCH).series
    assert series == (
        DailyTotal(date(2025, 3, 1), -10, 90),
        DailyTotal(date(2025, 3, 5), -30, 60),
        DailyTotal(date(2025, 3, 11), 100, 160),
        DailyTotal(date(2025, 3, 18), -50, 110),
    )


def test_an_empty_period_is_the_base(db: Database, staff_id: int) -> None:
    total = reception.running_total(db, staff_id, *MARCH)
    assert (total.base, total.deductions, total.bonuses, total.total) == (100, 0, 0, 100)
    assert (total.entry_count, total.series) == (0, ())


def test_the_total_is_not_clamped_at_zero(db: Database, staff_id: int) -> None:
    for day in (3, 4, 5):
        record(db, staff_id, date(2025, 3, day), "illegal_building_not_handled")
    assert reception.running_total(db, staff_id, *MARCH).total == -50


def test_entries_of_one_member_never_count_for_another(db: Database, two_months: int) -> None:
    other = staff.add_staff(db, "陈志强")
    record(db, other, date(2025, 3, 2), "call_not_recorded")
    assert reception.running_total(db, two_months, *MARCH).total == 110
    assert reception.running_total(db, other, *MARCH).total == 80


# --- recording ------------------------------------------------------------------------------


def test_an_entry_takes_its_points_from_the_standard(db: Database, staff_id: int) -> None:
    entry_id = record(db, staff_id, date(2025, 3, 5), "physical_conflict", "  停车纠纷 ")
    [row] = reception.entries(db, staff_id, *MARCH)
    assert (row.id, row.code, row.points, row.note, row.assessor) == (
        entry_id,
        "physical_conflict",
        -50,
        "停车纠纷",
        "王经理",
    )
    assert row.clause == 4 and "肢体冲突" in row.item_text.zh


def test_an_entry_for_today_is_accepted(db: Database, staff_id: int) -> None:
    reception.add_entry(db, staff_id, date.today(), "work_log_missing", "", "王经理")
    assert entry_count(db) == 1


def test_an_unknown_item_is_refused(db: Database, staff_id: int) -> None:
    with pytest.raises(UserError, match="no item 'late_for_work'"):
        record(db, staff_id, date(2025, 3, 5), "late_for_work")
    assert entry_count(db) == 0


def test_a_future_date_is_refused(db: Database, staff_id: int) -> None:
    with pytest.raises(UserError, match="2025-03-21 is in the future"):
        record(db, staff_id, date(2025, 3, 21), "work_log_missing")
    assert entry_count(db) == 0


def test_an_unknown_person_is_refused(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no staff member with ID 999"):
        record(db, 999, date(2025, 3, 5), "work_log_missing")


def test_a_candidate_is_not_a_staff_member(db: Database) -> None:
    candidate = add_candidate(db, NewCandidate("张三丰", "13800138000", "客服", consent=True))
    with pytest.raises(NotFoundError):
        record(db, candidate, date(2025, 3, 5), "work_log_missing")
    with pytest.raises(NotFoundError):
        reception.running_total(db, candidate, *MARCH)
    assert entry_count(db) == 0


def test_an_entry_says_who_recorded_it(db: Database, staff_id: int) -> None:
    with pytest.raises(UserError, match="assessor"):
        reception.add_entry(
            db, staff_id, date(2025, 3, 5), "work_log_missing", "", " ", today=TODAY
        )
    assert entry_count(db) == 0


def test_a_period_that_ends_before_it_starts_is_refused(db: Database, staff_id: int) -> None:
    with pytest.raises(UserError, match=r"starts \(2025-03-31\) after it ends"):
        reception.entries(db, staff_id, date(2025, 3, 31), date(2025, 3, 1))


# --- deleting -------------------------------------------------------------------------------


def test_deleting_a_mistaken_entry_restores_the_total(db: Database, two_months: int) -> None:
    mistaken = next(
        row for row in reception.entries(db, two_months, *MARCH) if row.code == "quarrel_with_owner"
    )
    reception.delete_entry(db, mistaken.id)
    total = reception.running_total(db, two_months, *MARCH)
    assert (total.deductions, total.total, total.entry_count) == (-70, 130, 4)
    assert mistaken.id not in {row.id for row in reception.entries(db, two_months, *MARCH)}


def test_deleting_an_unknown_entry_is_a_plain_message(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no reception entry with ID 42"):
        reception.delete_entry(db, 42)


# --- the sheet's data -----------------------------------------------------------------------


def test_the_sheet_data_matches_the_totals(db: Database, two_months: int) -> None:
    set_setting(db, ORGANISATION, "星辰物业服务中心")
    record(db, two_months, date(2025, 3, 19), "work_log_missing")
    reception.add_entry(
        db, two_months, date(2025, 3, 20), "work_log_missing", "", "赵主任", today=TODAY
    )
    sheet = reception.build_reception_sheet(db, two_months, *MARCH, printed_on=TODAY)
    assert sheet.organisation == "星辰物业服务中心"
    assert (sheet.staff.name, sheet.staff.position) == ("李晓梅", "前台接待")
    assert sheet.assessors == ["王经理", "赵主任"]
    assert [entry.running_total for entry in sheet.entries] == [90, 70, 60, 160, 110, 100, 90]
    totals = sheet.totals
    assert (totals.base, totals.deductions, totals.bonuses, totals.final) == (100, -110, 100, 90)
    assert [clause.number for clause in sheet.standard.clauses] == list(range(1, 14))


def test_writing_into_a_missing_folder_is_a_plain_message(
    db: Database, staff_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "gone" / "sheet.pdf"
    with pytest.raises(UserError, match="cannot write"):
        reception.write_reception_sheet(db, staff_id, *MARCH, out)
    assert not out.parent.exists()
