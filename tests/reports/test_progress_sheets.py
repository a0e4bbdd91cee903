"""The trainee score sheet and the cohort summary PDFs, built from literals.

Checked through what pypdf extracts (whitespace removed, so line wrapping does
not matter) and through the fonts the files name.
"""

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.graphics.widgetbase import Widget

from cs_trainer.reports.cohort_sheet import write_cohort_sheet
from cs_trainer.reports.fonts import register_pdf_font
from cs_trainer.reports.progress_data import (
    AttemptRow,
    CohortCell,
    CohortSheet,
    CohortSheetRow,
    InstrumentColumn,
    Period,
    SituationResult,
    SkillPercent,
    TraineeSheet,
    TrendPoint,
)
from cs_trainer.reports.radar_chart import RadarAxis, axes_radar_drawing
from cs_trainer.reports.sheet_data import Bilingual
from cs_trainer.reports.trainee_sheet import SKILL_SCALE, trend_drawing, write_trainee_sheet
from cs_trainer.scenarios.labels import SKILL_NAMES

RATIONAL = Bilingual("理智型客户", "Rational customer")
COMPLAINT = Bilingual("完整的投诉处理", "A complete complaint")
QUIZ = Bilingual("知识测验", "Knowledge quiz")
SKILLS = [Bilingual(text.zh, text.en) for text in SKILL_NAMES.values()]
EMBEDDED = {"WenQuanYiMicroHei-0"}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_texts(path: Path) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(path).pages]


def trainee_sheet(attempts: int = 6) -> TraineeSheet:
    start = datetime(2026, 11, 2, 9, 30)
    kinds = [("roleplay", RATIONAL), ("roleplay", COMPLAINT), ("quiz", QUIZ)]
    rows, trend = [], []
    for index in range(attempts):
        at = start + timedelta(days=2 * index, hours=index)
        kind, title = kinds[index % 3]
        percent = 40.0 + 10 * index
        rows.append(AttemptRow(at.date(), title, kind, f"{index + 8} / 20", percent))
        trend.append(TrendPoint(at, percent, kind))
    return TraineeSheet(
        organisation="华南客服中心",
        trainee="小王",
        cohort="2026年11月新员工班",
        printed_on=date(2026, 11, 30),
        attempts=rows,
        skills=[SkillPercent(s, 20.0 + 10 * i if i != 4 else None) for i, s in enumerate(SKILLS)],
        trend=trend,
        weakest_situations=[SituationResult(RATIONAL, 45.0)],
        weakest_skills=[SKILLS[0]],
    )


def cohort_sheet(trainees: int = 3, instruments: int = 2) -> CohortSheet:
    titles = [RATIONAL, COMPLAINT, QUIZ] + [
        Bilingual(f"情境{n}", f"Situation {n}") for n in range(4, instruments + 1)
    ]
    columns = [
        InstrumentColumn(f"roleplay:s{n}", "roleplay", title)
        for n, title in enumerate(titles[:instruments])
    ]
    rows = [
        CohortSheetRow(
            f"学员{n:02d}",
            [CohortCell(50.0 + n % 40, 60.0 + n % 40, 2) for _ in columns[:-1]] + [CohortCell()],
        )
        for n in range(trainees)
    ]
    skills = [SkillPercent(s, 70.0) for s in SKILLS]
    return CohortSheet(
        "华南客服中心",
        "2026年11月新员工班",
        date(2026, 11, 30),
        Period(date(2026, 11, 1), date(2026, 11, 30)),
        columns,
        rows,
        skills,
    )


def _strings(node: object) -> list[String]:
    """Every String in a drawing, widgets (such as the spider chart) expanded."""
    if isinstance(node, String):
        return [node]
    if isinstance(node, Widget):
        return _strings(node.draw())
    if isinstance(node, Group):
        return [string for child in node.getContents() for string in _strings(child)]
    return []


# --------------------------------------------------------------------------- trainee sheet


def test_trainee_sheet_shows_the_person_attempts_skills_and_page_numbers(
    tmp_path: Path,
    assert_fonts_embedded: Callable[[Path], None],
    font_names: Callable[[Path], list[str]],
) -> None:
    out = tmp_path / "小王.pdf"
    write_trainee_sheet(trainee_sheet(), out)

    text = "".join(page_texts(out))
    for expected in (
        "学员成绩单",
        "Traineescoresheet",
        "小王",
        "2026年11月新员工班",
        "华南客服中心",
    ):
        assert expected in text
    for expected in ("理智型客户", "Rationalcustomer", "完整的投诉处理", "知识测验", "8/20", "90%"):
        assert expected in text
    for skill in ("倾听", "Listening", "同理心", "Empathy", "礼貌", "Courtesy"):
        assert skill in text
    assert "第1页/共" in text and "2026-11-02" in text
    assert "45%" in text  # the weakest situation's best result
    assert_fonts_embedded(out)
    assert set(font_names(out)) == EMBEDDED


def test_a_trainee_without_attempts_gets_notices_instead_of_charts(tmp_path: Path) -> None:
    out = tmp_path / "new.pdf"
    sheet = TraineeSheet(
        "", "新学员", "", date(2026, 11, 30), skills=[SkillPercent(SKILLS[0], None)]
    )
    write_trainee_sheet(sheet, out)

    (text,) = page_texts(out)
    assert "尚无完成的练习" in text and "尚无角色扮演成绩" in text
    assert "第1页/共1页" in text


def test_the_period_replaces_the_practice_dates_when_the_sheet_is_limited(tmp_path: Path) -> None:
    out = tmp_path / "limited.pdf"
    sheet = trainee_sheet()
    limited = TraineeSheet(**{**sheet.__dict__, "period": Period(date(2026, 11, 1), None)})
    write_trainee_sheet(limited, out)

    assert "2026-11-01–至今Now" in page_texts(out)[0]


def test_the_charts_set_every_string_in_the_embedded_font() -> None:
    font = register_pdf_font()
    trend = trend_drawing(trainee_sheet().trend, font, 480, 170)
    radar = axes_radar_drawing([RadarAxis(s, 50.0) for s in SKILLS], font, 280, 200, SKILL_SCALE)

    for drawing in (trend, radar):
        assert isinstance(drawing, Drawing) and drawing.initialFontName == font
        assert {string.fontName for string in _strings(drawing)} == {font}
    trend_text = {string.text for string in _strings(trend)}
    assert {"0%", "100%", "2026-11-02", "角色扮演 Role-play", "知识测验 Quiz"} <= trend_text
    assert {"倾听", "Listening", "20", "100", "技能雷达图"} <= {s.text for s in _strings(radar)}


def test_attempts_on_one_day_still_make_a_chart() -> None:
    at = datetime(2026, 11, 2, 10, 0)
    points = [TrendPoint(at, 50.0, "quiz"), TrendPoint(at + timedelta(minutes=5), 70.0, "quiz")]

    drawing = trend_drawing(points, register_pdf_font(), 480, 170)

    assert {"2026-11-02", "2026-11-03"} <= {s.text for s in _strings(drawing)}


# --------------------------------------------------------------------------- cohort sheet


def test_cohort_sheet_shows_trainees_instruments_latest_best_and_skills(
    tmp_path: Path,
    assert_fonts_embedded: Callable[[Path], None],
    font_names: Callable[[Path], list[str]],
) -> None:
    out = tmp_path / "cohort.pdf"
    write_cohort_sheet(cohort_sheet(), out)

    text = "".join(page_texts(out))
    for expected in ("班级成绩汇总", "Cohortsummary", "2026年11月新员工班", "学员00", "学员02"):
        assert expected in text
    assert "理智型客户" in text and "Acompletecomplaint" in text
    assert "50%/60%" in text  # latest / best
    assert "2026-11-01–2026-11-30" in text  # the period
    assert "班级平均" in text and "倾听" in text and "Listening" in text
    assert "第1页/共1页" in text
    assert_fonts_embedded(out)
    assert set(font_names(out)) == EMBEDDED


def test_a_long_cohort_spans_pages_and_repeats_the_heading_row(tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    write_cohort_sheet(cohort_sheet(trainees=80), out)

    pages = page_texts(out)
    table_pages = [text for text in pages if "学员" in text]
    assert len(table_pages) >= 3
    for number, text in enumerate(table_pages, start=1):
        assert "姓名Name" in text and "理智型客户" in text, f"page {number} lacks the heading"
        assert f"第{number}页/共{len(pages)}页" in text
    assert "学员79" in pages[-1] or "学员79" in pages[-2]


def test_many_instruments_are_cut_into_even_parts(tmp_path: Path) -> None:
    out = tmp_path / "wide.pdf"
    write_cohort_sheet(cohort_sheet(trainees=4, instruments=10), out)

    text = "".join(page_texts(out))
    assert "第1部分，共2部分" in text and "Scores(part2of2)" in text
    assert text.count("姓名Name") == 2 and "情境10" in text


def test_an_empty_cohort_says_so(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    sheet = CohortSheet("", "空班", date(2026, 11, 30), Period(), [], [], [])
    write_cohort_sheet(sheet, out)

    (text,) = page_texts(out)
    assert "该班级还没有学员" in text and "全部记录Allrecords" in text


def test_the_mean_is_of_the_latest_results() -> None:
    row = CohortSheetRow(
        "小王", [CohortCell(40.0, 90.0, 3), CohortCell(80.0, 80.0, 1), CohortCell()]
    )

    assert row.mean == 60.0
    assert CohortSheetRow("小李", [CohortCell()]).mean is None


def test_the_period_label_reads_in_both_languages() -> None:
    assert Period().label() == "全部记录 All records"
    assert Period(date(2026, 11, 1)).label() == "2026-11-01 – 至今 Now"
    assert Period(None, date(2026, 11, 30)).label() == "最早 Earliest – 2026-11-30"
