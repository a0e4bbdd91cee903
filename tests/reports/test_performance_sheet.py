"""The performance evaluation form PDF, filled in and blank.

Built from literals (the plain dataclasses of performance_data) and read back
with pypdf, so the tests check what a reader actually gets, including where
each tick landed.
"""

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from cs_trainer.reports.fonts import register_pdf_font
from cs_trainer.reports.form_marks import TICK, has_glyph
from cs_trainer.reports.pdf_style import CONTENT_WIDTH, MARGIN_X
from cs_trainer.reports.performance_data import (
    FormItem,
    FormSection,
    ItemRating,
    PerformanceFormData,
    PerformanceSheetData,
    ScaleLabel,
)
from cs_trainer.reports.performance_sections import COMMENT_W, TICK_W
from cs_trainer.reports.performance_sheet import (
    write_blank_performance_form,
    write_performance_sheet,
)
from cs_trainer.reports.sheet_data import Bilingual

SCALE = [
    ScaleLabel(1, Bilingual("不合格", "Unsatisfactory")),
    ScaleLabel(2, Bilingual("待改进", "Needs improvement")),
    ScaleLabel(3, Bilingual("合格", "Satisfactory")),
    ScaleLabel(4, Bilingual("良好", "Good")),
    ScaleLabel(5, Bilingual("优秀", "Excellent")),
]
PREPARATION = [
    ("正确掌握客户服务的内容，并制定相应的工作计划。", "Grasps the service and plans it."),
    ("保持良好的态度并积极为客户服务。", "Keeps a good attitude."),
    ("注意自身形象并在与客户沟通时维护公司和产品形象。", "Upholds the company's image."),
]
RESULTS = [
    ("投诉处理及时率达到考核要求。", "Complaint-handling timeliness meets the target."),
    ("回访客户满意率达到考核要求。", "Call-back satisfaction meets the target."),
]
SCORES = {"p1": 5, "p2": 4, "p3": 2, "r1": 3, "r2": 1}
COMMENTS = {"p1": "每周提交工作计划", "r1": "Timeliness 91% & <rising>", "r2": "回访满意率仅 70%"}


def make_form(organisation: str = "星辰客服中心") -> PerformanceFormData:
    def items(prefix: str, texts: list[tuple[str, str]]) -> list[FormItem]:
        return [
            FormItem(f"{prefix}{n}", n, Bilingual(zh, en)) for n, (zh, en) in enumerate(texts, 1)
        ]

    return PerformanceFormData(
        organisation=organisation,
        form_title=Bilingual("客户服务人员工作绩效测评标准", "Performance evaluation standard"),
        version=2,
        instructions=Bilingual("请逐项评分。", "Rate each item."),
        scale=SCALE,
        sections=[
            FormSection(Bilingual("受命准备", "Preparation"), items("p", PREPARATION)),
            FormSection(Bilingual("成果", "Results"), items("r", RESULTS)),
        ],
    )


def make_sheet(**changes: Any) -> PerformanceSheetData:
    values: dict[str, Any] = {
        "form": make_form(),
        "staff_name": "李小梅",
        "position": "客服专员",
        "reviewer": "王经理",
        "review_date": date(2024, 7, 5),
        "period_from": date(2024, 1, 1),
        "period_to": date(2024, 6, 30),
        "ratings": {k: ItemRating(v, COMMENTS.get(k, "")) for k, v in SCORES.items()},
        "overall_comment": "工作认真负责。\nShould lead the call-back project.",
    }
    values.update(changes)
    return PerformanceSheetData(**values)


def text_of(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def tick_columns(pdf: Path) -> list[int]:
    """The score column (1 = leftmost) of every drawn tick, top to bottom, page by page."""
    first_tick_x = MARGIN_X + CONTENT_WIDTH - COMMENT_W - len(SCALE) * TICK_W
    found: list[tuple[int, float, int]] = []
    for number, page in enumerate(PdfReader(pdf).pages):

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            if text.strip() == TICK:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((number, -y, int((x - first_tick_x) // TICK_W) + 1))  # noqa: B023

        page.extract_text(visitor_text=visit)
    return [column for _page, _y, column in sorted(found)]


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    out = tmp_path / "review.pdf"
    write_performance_sheet(make_sheet(), out)
    return out


@pytest.fixture
def blank(tmp_path: Path) -> Path:
    out = tmp_path / "blank.pdf"
    write_blank_performance_form(make_form(), out)
    return out


def test_the_shipped_font_has_the_tick() -> None:
    assert has_glyph(register_pdf_font(), TICK)


def test_filled_form_names_people_dates_and_period(filled: Path) -> None:
    text = text_of(filled)
    for expected in (
        "星辰客服中心",
        "工作绩效测评表",
        "Performance evaluation",
        "被测评人",
        "李小梅",
        "客服专员",
        "测评人",
        "王经理",
        "测评日期",
        "2024-07-05",
        "测评时段",
        "2024-01-01 至 2024-06-30",
        "第 2 版",
    ):
        assert expected in text, expected


def test_filled_form_has_items_scale_comments_and_subtotals(filled: Path) -> None:
    text = text_of(filled)
    for zh, en in PREPARATION + RESULTS:
        assert zh in text and en in text
    flat = " ".join(text.split())  # an English label may wrap inside its cell
    for point in SCALE:
        assert point.label.zh in text and point.label.en in flat
    for comment in ("每周提交工作计划", "Timeliness 91% & <rising>", "回访满意率仅 70%"):
        assert comment in text
    assert "工作认真负责。" in text and "Should lead the call-back project." in text
    assert "11 / 15" in text and "3.7" in text  # 受命准备: 5 + 4 + 2
    assert "4 / 10" in text and "2.0" in text  # 成果: 3 + 1
    assert "15 / 25" in text and "3.0" in text  # the whole form


def test_each_tick_is_in_the_chosen_score_column(filled: Path) -> None:
    assert tick_columns(filled) == list(SCORES.values())


def test_signature_lines_and_page_numbers(filled: Path) -> None:
    text = text_of(filled)
    for caption in ("测评人签名", "被测评人签名", "部门负责人签名", "Head of department", "日期"):
        assert caption in text
    pages = len(PdfReader(filled).pages)
    assert "第 1 页" in text and f"共 {pages} 页" in text


def test_blank_form_has_the_items_and_no_ratings(blank: Path) -> None:
    text = text_of(blank)
    for zh, en in PREPARATION + RESULTS:
        assert zh in text and en in text
    for caption in ("被测评人", "测评人", "测评日期", "测评时段", "部门负责人签名", "第 1 页"):
        assert caption in text
    assert tick_columns(blank) == []
    assert "李小梅" not in text and "王经理" not in text
    assert not re.search(r"20\d\d-\d\d-\d\d", text), "no date is filled in"
    assert "/ 15" in text and "/ 25" in text, "the most possible, to write the total against"
    assert "空白表 Blank form" in text


def test_an_unrated_item_has_no_tick_and_the_subtotal_counts_what_was_rated(
    tmp_path: Path,
) -> None:
    ratings = {"p1": ItemRating(5), "p2": ItemRating(None, "还没评分")}
    out = tmp_path / "partial.pdf"
    write_performance_sheet(make_sheet(ratings=ratings, overall_comment=""), out)
    assert tick_columns(out) == [5]
    assert "还没评分" in text_of(out)


def test_fonts_are_embedded(
    filled: Path, blank: Path, assert_fonts_embedded: Callable[[Path], None]
) -> None:
    assert_fonts_embedded(filled)
    assert_fonts_embedded(blank)


def test_very_long_comments_run_onto_further_pages(tmp_path: Path) -> None:
    ratings = {"p1": ItemRating(3, "很长的评语。" * 700)}
    out = tmp_path / "long.pdf"
    write_performance_sheet(make_sheet(ratings=ratings, overall_comment="总体。" * 2000), out)
    assert len(PdfReader(out).pages) > 3
    assert tick_columns(out) == [3]


def test_writing_is_atomic(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "review.pdf"
    with pytest.raises(FileNotFoundError):
        write_performance_sheet(make_sheet(), out)
    existing = tmp_path / "review.pdf"
    existing.write_bytes(b"old")
    write_blank_performance_form(make_form(), existing)
    assert existing.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["review.pdf"], "no temporary file is left"


def test_markup_in_names_is_printed_as_written(tmp_path: Path) -> None:
    out = tmp_path / "markup.pdf"
    write_performance_sheet(make_sheet(staff_name="A & <B>", reviewer="C<br/>D"), out)
    text = text_of(out)
    assert "A & <B>" in text and "C<br/>D" in text
