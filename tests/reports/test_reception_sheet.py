"""The reception assessment sheet PDF: content, totals, appendix, fonts, paging, writing.

Read back with pypdf, so the checks are on what a reader of the PDF gets.
"""

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from cs_trainer.reports.reception_data import (
    ReceptionSheet,
    ScoredItem,
    SheetClause,
    SheetEntry,
    SheetStandard,
    SheetTotals,
    StaffInfo,
)
from cs_trainer.reports.reception_sheet import write_sheet
from cs_trainer.reports.sheet_data import Bilingual
from cs_trainer.services import reception, staff
from cs_trainer.store.database import Database

ORGANISATION = "星辰物业服务中心"
CONFLICT = Bilingual("与业主发生肢体冲突（恶劣者应除名）", "Physical conflict with an owner")
LOG = Bilingual("没有上班日志（每发现一处）", "Daily work log missing (each one found)")
CLAIM = Bilingual("成功协助业主进行一次房屋质量维权", "Helped an owner with a quality claim")


def squash(text: str) -> str:
    """Drop all whitespace, so checks do not depend on how lines were wrapped."""
    return re.sub(r"\s+", "", text)


def page_texts(path: Path) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(path).pages]


def make_standard() -> SheetStandard:
    return SheetStandard(
        title=Bilingual("前台考核标准", "Front desk standard"),
        version=2,
        base_points=100,
        duties=[Bilingual("热情接待业主，微笑回答业主所提出的问题。", "Receive owners warmly.")],
        clauses=[
            SheetClause(
                number=4,
                requirement=Bilingual("使用礼貌用语，服务态度和蔼。", "Use polite language."),
                rule=Bilingual("与业主发生肢体冲突者，扣50分。", "A physical conflict costs 50."),
                items=[ScoredItem(CONFLICT, -50)],
                unscored_reason=None,
            ),
            SheetClause(
                number=10,
                requirement=Bilingual("按时为业主缴纳物业费提供服务。", "Help owners pay fees."),
                rule=Bilingual("以欠缴费业主率25%为基准。", "Against a 25% baseline."),
                items=[],
                unscored_reason=Bilingual("不作为个人记录。", "Not a personal entry."),
            ),
        ],
    )


def entry(day: int, item: Bilingual, points: int, running: int, note: str = "") -> SheetEntry:
    return SheetEntry(date(2025, 3, day), item, 4, points, note, "王经理", running)


def make_sheet(**changes: object) -> ReceptionSheet:
    sheet = ReceptionSheet(
        organisation=ORGANISATION,
        staff=StaffInfo(7, "李晓梅", "前台接待"),
        period_from=date(2025, 3, 1),
        period_to=date(2025, 3, 31),
        printed_on=date(2025, 4, 1),
        assessors=["王经理", "赵主任"],
        entries=[
            entry(2, LOG, -10, 90, "夜班交接本缺记录"),
            entry(11, CLAIM, 100, 190, "监督委员会已确认"),
            entry(18, CONFLICT, -50, 140, "停车纠纷"),
        ],
        totals=SheetTotals(base=100, deductions=-60, bonuses=100, final=140, entry_count=3),
        standard=make_standard(),
    )
    return replace(sheet, **changes)  # type: ignore[arg-type]


def written(tmp_path: Path, sheet: ReceptionSheet) -> Path:
    out = tmp_path / "reception.pdf"
    write_sheet(sheet, out)
    return out


# --------------------------------------------------------------------------- content


def test_the_first_page_has_header_entries_totals_and_signatures(tmp_path: Path) -> None:
    first = page_texts(written(tmp_path, make_sheet()))[0]
    for expected in (
        ORGANISATION,
        "前台接待考核表",
        "Reception assessment",
        "李晓梅",
        "ID 7",
        "2025-03-01 – 2025-03-31",
        "王经理、赵主任",
        "2025-03-02",
        LOG.zh,
        "夜班交接本缺记录",
        "-10",
        "+100",
        "-50",
        "监督委员会已确认",
        "期初基础分",
        "扣分合计 Deductions -60",
        "奖分合计 Bonuses +100",
        "最终得分 Final score 140",
        "考核人 Assessor",
        "被考核人 Staff member — 李晓梅",
        "部门负责人 Head of department",
        "第 1 页",
    ):
        assert squash(expected) in first, expected


def test_the_running_total_column_follows_the_entries(tmp_path: Path) -> None:
    first = page_texts(written(tmp_path, make_sheet()))[0]
    # the base row, then each entry's points, note, assessor and the total after it
    assert re.search(r"期初基础分.*100100", first)
    assert re.search(r"-10夜班交接本缺记录—王经理90", first)
    assert re.search(r"\+100监督委员会已确认—王经理190", first)
    assert re.search(r"-50停车纠纷—王经理140", first)


def test_the_appendix_quotes_duties_and_every_clause(tmp_path: Path) -> None:
    pages = page_texts(written(tmp_path, make_sheet()))
    assert len(pages) == 2
    appendix = pages[1]
    for expected in (
        "附录考核标准",
        "热情接待业主，微笑回答业主所提出的问题。",
        "使用礼貌用语，服务态度和蔼。",
        "-50" + CONFLICT.zh,
        "以欠缴费业主率25%为基准。",
        "不作为个人记录。",
        "基础分 Base 100",
        "第 2 页 / 共 2 页",
    ):
        assert squash(expected) in appendix, expected


def test_an_empty_period_says_so_and_keeps_the_base(tmp_path: Path) -> None:
    totals = SheetTotals(base=100, deductions=0, bonuses=0, final=100, entry_count=0)
    sheet = make_sheet(entries=[], assessors=[], totals=totals)
    first = page_texts(written(tmp_path, sheet))[0]
    assert squash("本期没有扣分或奖分记录") in first
    assert squash("最终得分 Final score 100") in first
    assert squash("考核人 Assessor —") in first


def test_markup_characters_in_data_print_literally(tmp_path: Path) -> None:
    note = "<b>业主 & 物业</b>"
    sheet = make_sheet(
        staff=StaffInfo(7, "A&B <李>", ""),
        entries=[entry(2, LOG, -10, 90, note)],
    )
    first = page_texts(written(tmp_path, sheet))[0]
    assert squash(note) in first and squash("A&B <李>") in first


def test_many_entries_run_onto_more_pages_with_the_heading_repeated(tmp_path: Path) -> None:
    rows = [
        SheetEntry(
            entry_date=date(2025, 3, 1) + timedelta(days=n // 3),
            item=LOG,
            clause=2,
            points=-10,
            note="记录",
            assessor="王经理",
            running_total=90 - 10 * n,
        )
        for n in range(60)
    ]
    pages = page_texts(written(tmp_path, make_sheet(entries=rows)))
    assert len(pages) >= 4
    entry_pages = [text for text in pages if LOG.zh in text and not text.startswith("附录")]
    assert len(entry_pages) >= 2
    for text in entry_pages:
        assert "累计Runningtotal" in text, text[:200]
    total = len(pages)
    for number, text in enumerate(pages, 1):
        assert f"第{number}页/共{total}页" in text


# --------------------------------------------------------------------------- the real standard


def test_the_shipped_standard_prints_in_full(
    tmp_path: Path, db: Database, assert_fonts_embedded: Callable[[Path], None]
) -> None:
    person = staff.add_staff(db, "陈志强")
    today = date(2025, 3, 20)
    reception.add_entry(
        db, person, date(2025, 3, 3), "call_not_recorded", "", "王经理", today=today
    )
    out = tmp_path / "real.pdf"
    reception.write_reception_sheet(db, person, date(2025, 3, 1), date(2025, 3, 31), out, "物业")
    text = "".join(page_texts(out))
    assert squash("最终得分 Final score 80") in text
    for clause in reception.builtin_standard().clauses:
        assert squash(clause.requirement.zh)[:12] in text, clause.number
    for item in reception.builtin_standard().items:
        assert squash(item.text.zh)[:10] in text, item.id
    assert_fonts_embedded(out)


# --------------------------------------------------------------------------- fonts and files


def test_every_font_is_embedded_and_none_is_standard_14(
    tmp_path: Path,
    assert_fonts_embedded: Callable[[Path], None],
    font_names: Callable[[Path], list[str]],
) -> None:
    out = written(tmp_path, make_sheet())
    assert_fonts_embedded(out)
    assert {name.split("-")[0] for name in font_names(out)} == {"WenQuanYiMicroHei"}


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "reception.pdf"
    with pytest.raises(FileNotFoundError):
        write_sheet(make_sheet(), out)
    assert not out.parent.exists()


def test_rewriting_replaces_the_file_whole(tmp_path: Path) -> None:
    out = written(tmp_path, make_sheet())
    write_sheet(make_sheet(staff=StaffInfo(8, "王芳", "")), out)
    assert "王芳" in page_texts(out)[0]
    assert [p.name for p in tmp_path.iterdir()] == ["reception.pdf"]
