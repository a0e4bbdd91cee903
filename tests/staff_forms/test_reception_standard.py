"""The property front-desk standard of 《客服接待岗位职责工作标准》篇3: the shipped file and
its schema."""

import re
from pathlib import Path

import pytest

from cs_trainer.errors import ContentError
from cs_trainer.quizzes.content_loader import load_model
from cs_trainer.resources import package_path
from cs_trainer.staff_forms.reception_schema import ReceptionStandard

SHIPPED = package_path("staff_forms", "content", "reception_standard.yaml")

QUOTED_DUTIES = [
    "热情接待业主，微笑回答业主所提出的问题。",
    "了解业主需求动态，主动为业主提供服务。",
    "及时告知业主有关物业管理与服务事项。",
    "落实业主需要的维修、保洁绿化、安全等方面的服务。",
    "记录、修改业主信息，保证与业主联系方式的畅通。",
    "联系开发商，协调解决开发商遗留问题。",
    "为业主缴纳物业费做好服务。",
    "做好业主装修装饰管理与服务。",
]

# The points of each clause's items, as the document's rules set them (clause 10's fee
# rule and clause 13 carry none; the document's second "13" is clause 12 here).
POINTS_BY_CLAUSE = {
    1: [-10],
    2: [-10],
    3: [-10],
    4: [-20, -20, -50],
    5: [-20, -20, -20],
    6: [-20],
    7: [-50],
    8: [-50],
    9: [-50],
    11: [100],
    12: [-20],
}


@pytest.fixture(scope="module")
def standard() -> ReceptionStandard:
    loaded, _digest = load_model(SHIPPED, ReceptionStandard)
    return loaded


# --- the shipped standard -----------------------------------------------------------------


def test_shipped_standard_validates(standard: ReceptionStandard) -> None:
    assert standard.kind == "reception_standard"
    assert standard.version >= 1
    assert standard.base_points == 100
    assert "篇3" in standard.source


def test_the_documents_duties_are_quoted_in_order(standard: ReceptionStandard) -> None:
    assert [duty.zh for duty in standard.duties] == QUOTED_DUTIES
    assert all(duty.en for duty in standard.duties)


def test_clauses_are_numbered_one_to_thirteen_with_the_documents_slip_mended(
    standard: ReceptionStandard,
) -> None:
    assert [clause.number for clause in standard.clauses] == list(range(1, 14))
    by_number = {clause.number: clause for clause in standard.clauses}
    assert "为救护车带路" in by_number[12].requirement.zh
    assert "有偿特约服务" in by_number[13].requirement.zh


def test_deductions_of_ten_twenty_and_fifty_are_all_present(standard: ReceptionStandard) -> None:
    deductions = {-item.points for item in standard.items if item.category == "deduction"}
    assert deductions == {10, 20, 50}


def test_bonuses_are_positive_and_deductions_negative(standard: ReceptionStandard) -> None:
    bonuses = [item for item in standard.items if item.category == "bonus"]
    assert [(item.clause, item.points) for item in bonuses] == [(11, 100)]
    assert all(item.points < 0 for item in standard.items if item.category == "deduction")


def test_every_scored_lapse_of_the_document_is_an_item(standard: ReceptionStandard) -> None:
    found = {number: [item.points for item in standard.items_of(number)] for number in range(1, 14)}
    assert {number: points for number, points in found.items() if points} == POINTS_BY_CLAUSE


def test_each_items_points_are_the_ones_its_clause_states(standard: ReceptionStandard) -> None:
    rules = {clause.number: clause.rule.zh for clause in standard.clauses}
    for item in standard.items:
        assert f"{abs(item.points)}分" in rules[item.clause], item.id


def test_faithful_wording_of_the_harshest_rules(standard: ReceptionStandard) -> None:
    clause_4 = next(clause for clause in standard.clauses if clause.number == 4)
    assert "与业主发生肢体冲突者，扣服务质量标准分值50分，恶劣者应除名" in clause_4.rule.zh
    physical = standard.item("physical_conflict")
    assert physical is not None and physical.points == -50
    assert "恶劣者应除名" in physical.text.zh


def test_the_fee_rule_is_quoted_but_not_an_item(standard: ReceptionStandard) -> None:
    fee = next(clause for clause in standard.clauses if clause.number == 10)
    assert "以欠缴费业主率25%为基准" in fee.rule.zh and "1000分" in fee.rule.zh
    assert standard.items_of(10) == []
    assert fee.unscored_reason is not None
    assert all(abs(item.points) < 1000 for item in standard.items)


def test_the_file_explains_the_numbering_slip_and_the_fee_rule() -> None:
    header = SHIPPED.read_text(encoding="utf-8").split("\nid:", 1)[0]
    assert "two clauses 13" in header and "clause 12" in header
    assert "Fee rule (clause 10)" in header
    assert "Base points" in header


def test_item_ids_and_texts_are_unique(standard: ReceptionStandard) -> None:
    assert len({item.id for item in standard.items}) == len(standard.items)
    assert len({item.text.zh for item in standard.items}) == len(standard.items)
    assert len({item.text.en for item in standard.items}) == len(standard.items)


# --- the schema refuses what would mis-score -------------------------------------------------


def _write(tmp_path: Path, replace: tuple[str, str]) -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    assert replace[0] in text
    path = tmp_path / "standard.yaml"
    path.write_text(text.replace(replace[0], replace[1], 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_a_deduction_with_positive_points_is_reported_at_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, ("points: -50", "points: 50"))
    with pytest.raises(ContentError) as caught:
        load_model(path, ReceptionStandard)
    message = str(caught.value)
    assert re.search(rf"standard\.yaml:{_line_of(path, 'points: 50')}: items\.5\.points", message)
    assert "must be negative" in message


def test_a_bonus_with_negative_points_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, ("    points: 100\n", "    points: -100\n"))
    with pytest.raises(ContentError, match="must be positive"):
        load_model(path, ReceptionStandard)


def test_zero_points_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, ("points: -10", "points: 0"))
    with pytest.raises(ContentError, match="must not be 0"):
        load_model(path, ReceptionStandard)


def test_duplicate_item_ids_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, ("id: work_log_missing", "id: handover_not_recorded"))
    with pytest.raises(ContentError, match="item ids must be unique"):
        load_model(path, ReceptionStandard)


def test_an_item_of_a_missing_clause_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, ("    clause: 12\n", "    clause: 14\n"))
    with pytest.raises(ContentError, match=r"clauses that do not exist: \[14\]"):
        load_model(path, ReceptionStandard)


def test_a_clause_left_without_items_must_say_why(tmp_path: Path) -> None:
    path = _write(tmp_path, ("    clause: 12\n", "    clause: 6\n"))
    with pytest.raises(ContentError, match=r"clauses \[12\] have no items and no unscored_reason"):
        load_model(path, ReceptionStandard)


def test_duplicate_clause_numbers_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, ("  - number: 13\n", "  - number: 12\n"))
    with pytest.raises(ContentError, match="clause numbers must be unique"):
        load_model(path, ReceptionStandard)
