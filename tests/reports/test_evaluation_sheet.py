"""The candidate evaluation sheet PDF: content, fonts, paging and safe writing.

The PDF is read back with pypdf, so these tests check what a reader (or a
copy-paste from the PDF) actually gets, not what the writer meant to draw.
"""

import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from cs_trainer.reports.evaluation_sheet import write_evaluation_sheet
from cs_trainer.reports.fonts import register_pdf_font
from cs_trainer.reports.sheet_data import (
    Bilingual,
    CandidateInfo,
    EvaluationSheet,
    SelfTestSection,
    SheetItem,
)

POLES = [
    (
        "遇到客户投诉时，我能保持冷静并耐心倾听。",
        "I stay calm and listen when a customer complains.",
    ),
    ("遇到客户投诉时，我容易急躁。", "I get impatient when a customer complains."),
    ("我乐于主动帮助同事。", "I like to help colleagues."),
    ("我只做好自己的事情。", "I only mind my own work."),
    ("重复性的工作不影响我的态度。", "Repetitive work does not affect my attitude."),
    ("重复性的工作让我失去耐心。", "Repetitive work wears out my patience."),
    ("我能用简单的语言解释复杂的规则。", "I can explain complicated rules simply."),
    ("我说不清楚复杂的问题。", "I struggle to explain complicated matters."),
    ("我会先安抚客户情绪再处理问题。", "I calm the customer first, then handle the issue."),
    ("我会直接和客户讲道理。", "I go straight to arguing the facts."),
    ("我根据客户反馈改进工作。", "I improve my work from customer feedback."),
    ("客户的反馈没有参考价值。", "Customer feedback is not worth considering."),
    ("下班前我会把问题交接清楚。", "I hand over open issues before my shift ends."),
    ("下班时间一到我就离开。", "I leave the moment my shift ends."),
    ("我能同时处理多个咨询而不出错。", "I handle several enquiries at once without mistakes."),
    ("同时处理多件事情时我容易出错。", "I make mistakes when juggling several things."),
    ("被误解时我仍能耐心帮助客户。", "When misunderstood I keep helping patiently."),
    ("被误解时我会感到委屈。", "When misunderstood I feel wronged."),
    ("良好的服务能带来长期价值。", "Good service brings long-term value."),
    ("服务只是完成任务而已。", "Service is just getting tasks done."),
]
SCORES = [9, 8, 9, 10, 8, 9, 7, 9, 9, 9]  # adds up to 87

ORGANISATION = "星辰客服中心 Star Service Centre"
BAND = Bilingual("优秀：具备很强的服务潜能", "Excellent: strong service potential")
ADVICE = Bilingual("对客户服务工作来说你是一个优秀的人才。", "An excellent talent for service.")


def make_items() -> list[SheetItem]:
    """Ten statement pairs with their scores."""
    return [
        SheetItem(
            number=index + 1,
            high_pole=Bilingual(*POLES[2 * index]),
            low_pole=Bilingual(*POLES[2 * index + 1]),
            score=score,
            max_score=10,
        )
        for index, score in enumerate(SCORES)
    ]


def make_section(
    conducted_by: str = "李经理", finished_on: date = date(2025, 3, 10)
) -> SelfTestSection:
    """One finished self-test totalling 87 / 100."""
    items = make_items()
    return SelfTestSection(
        title=Bilingual("服务潜能测试", "Service potential self-test"),
        instrument_version=2,
        mode=Bilingual("经理评分", "Rated by a manager"),
        conducted_by=conducted_by,
        finished_on=finished_on,
        items=items,
        total=sum(item.score for item in items),
        max_total=100,
        band=BAND,
        band_advice=ADVICE,
    )


def make_sheet(
    self_tests: list[SelfTestSection] | None = None, organisation: str = ORGANISATION
) -> EvaluationSheet:
    """A sheet for 张三丰; one self-test unless told otherwise."""
    return EvaluationSheet(
        organisation=organisation,
        candidate=CandidateInfo(
            candidate_id=1042,
            name="张三丰",
            phone="13800138000",
            position="客服专员 Customer service agent",
            registered_on=date(2025, 3, 1),
        ),
        printed_on=date(2025, 3, 20),
        self_tests=[make_section()] if self_tests is None else self_tests,
    )


def squash(text: str) -> str:
    """Drop all whitespace, so checks do not depend on how lines were wrapped."""
    return re.sub(r"\s+", "", text)


def page_texts(path: Path) -> list[str]:
    """The extracted text of each page, whitespace removed."""
    return [squash(page.extract_text()) for page in PdfReader(path).pages]


def written(tmp_path: Path, sheet: EvaluationSheet, name: str = "sheet.pdf") -> Path:
    """Write ``sheet`` into ``tmp_path`` and return the file."""
    out = tmp_path / name
    write_evaluation_sheet(sheet, out)
    return out


# --------------------------------------------------------------------------- content


def test_sheet_shows_candidate_result_and_page_footer(tmp_path: Path) -> None:
    (text,) = page_texts(written(tmp_path, make_sheet()))

    for expected in (
        "张三丰",
        "13800138000",
        "1042",
        ORGANISATION,
        "候选人评估表",
        "Candidate evaluation sheet",
        "服务潜能测试",
        BAND.zh,
        BAND.en,
        ADVICE.zh,
        "87/100",
        "8/10",
        "李经理",
        "遇到客户投诉时，我能保持冷静并耐心倾听。",
        "I get impatient when a customer complains.",
        "面试官签名",
        "人事部门审核",
        "第1页",
        "共1页",
        "Page1of1",
    ):
        assert squash(expected) in text, expected


def test_empty_conducted_by_prints_a_dash(tmp_path: Path) -> None:
    (text,) = page_texts(written(tmp_path, make_sheet([make_section(conducted_by="")])))

    assert "测评人Conductedby—" in text


def test_empty_organisation_is_left_out(tmp_path: Path) -> None:
    (text,) = page_texts(written(tmp_path, make_sheet(organisation="")))

    assert text.startswith("候选人评估表")


def test_markup_characters_in_data_print_literally(tmp_path: Path) -> None:
    organisation = "<Acme> 客服 & 呼叫中心"
    (text,) = page_texts(written(tmp_path, make_sheet(organisation=organisation)))

    assert squash(organisation) in text


def test_sheet_without_self_test_says_so(tmp_path: Path) -> None:
    (text,) = page_texts(written(tmp_path, make_sheet(self_tests=[])))

    assert squash("尚无已完成的服务潜能测试 / No completed self-test yet") in text
    assert "Statementscored10" not in text
    assert "面试官签名" in text


# --------------------------------------------------------------------------- fonts


def test_every_font_is_embedded_and_none_is_standard_14(
    tmp_path: Path, assert_fonts_embedded: Callable[[Path], None]
) -> None:
    sections = [make_section(), make_section(conducted_by="")]

    assert_fonts_embedded(written(tmp_path, make_sheet(sections)))


def test_register_pdf_font_is_idempotent() -> None:
    assert register_pdf_font() == register_pdf_font()


# --------------------------------------------------------------------------- paging


def test_many_sections_span_pages_each_with_the_total(tmp_path: Path) -> None:
    sections = [make_section(finished_on=date(2025, 3, day)) for day in range(10, 15)]
    texts = page_texts(written(tmp_path, make_sheet(sections)))

    total = len(texts)
    assert total >= 3
    for number, text in enumerate(texts, start=1):
        assert f"第{number}页" in text
        assert f"共{total}页" in text
        assert f"Page{number}of{total}" in text
    assert all("张三丰" in text for text in texts), "every footer names the candidate"
    assert "面试官签名" in texts[-1]


# --------------------------------------------------------------------------- writing


def test_missing_directory_raises_and_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "sheet.pdf"

    with pytest.raises(FileNotFoundError):
        write_evaluation_sheet(make_sheet(), out)

    assert list(tmp_path.iterdir()) == []


def test_existing_file_is_replaced_without_leftovers(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    out.write_bytes(b"old sheet")

    write_evaluation_sheet(make_sheet(), out)

    assert out.read_bytes().startswith(b"%PDF-")
    assert [path.name for path in tmp_path.iterdir()] == ["sheet.pdf"]


def test_failed_write_keeps_the_old_file_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "sheet.pdf"
    out.write_bytes(b"old sheet")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError("file is open in a PDF viewer")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_evaluation_sheet(make_sheet(), out)
    monkeypatch.undo()

    assert out.read_bytes() == b"old sheet"
    assert os.listdir(tmp_path) == ["sheet.pdf"]
