"""The evaluation sheet with interviews, tasks, typing, group summary and decision.

Checked through what pypdf extracts, as in test_evaluation_sheet.py: the
text a reader (or a copy-paste) gets, not what the writer meant to draw.
"""

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from reportlab.graphics.shapes import Group, String
from reportlab.graphics.widgetbase import Widget
from reportlab.pdfgen.canvas import Canvas

from cs_trainer.reports.evaluation_sheet import write_evaluation_sheet
from cs_trainer.reports.fonts import register_pdf_font
from cs_trainer.reports.radar_chart import CAPTION, radar_drawing
from cs_trainer.reports.sheet_data import (
    Bilingual,
    CandidateInfo,
    DecisionInfo,
    EvaluationSheet,
    GroupScore,
    InterviewSection,
    RatedQuestion,
    RaterScore,
    SelfTestSection,
    SheetItem,
    TaskResult,
    TypingResult,
)

PSY = Bilingual("心理素质", "Psychological")
CHA = Bilingual("品格素质", "Character")
SKI = Bilingual("技能素质", "Skills")
OVE = Bilingual("综合素质", "Overall")
RATERS = ["王经理", "Li Mei"]
NOTE = "先道歉，再复述问题，语气平稳。"
REASON = "服务意识强，沟通清楚，打字达标。"
RADAR_CAPTION = re.sub(r"\s+", "", CAPTION.zh)


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


# --------------------------------------------------------------------------- builders


def self_test() -> SelfTestSection:
    """A short self-test totalling 17 / 20."""
    items = [
        SheetItem(
            1,
            Bilingual("我乐于主动帮助同事。", "I like to help."),
            Bilingual("我只做自己的事。", "Own work only."),
            9,
            10,
        ),
        SheetItem(
            2,
            Bilingual("我能保持冷静。", "I stay calm."),
            Bilingual("我容易急躁。", "I get impatient."),
            8,
            10,
        ),
    ]
    return SelfTestSection(
        title=Bilingual("服务潜能测试", "Service potential self-test"),
        instrument_version=2,
        mode=Bilingual("自评", "Self-rated"),
        conducted_by="",
        finished_on=date(2025, 3, 10),
        items=items,
        total=17,
        max_total=20,
        band=Bilingual("优秀", "Excellent"),
        band_advice=Bilingual("优秀的人才。", "An excellent talent."),
    )


def question(number: int, scores: list[int | None], notes: list[str]) -> RatedQuestion:
    """Question ``number`` rated by each of RATERS (or as many raters as scores given)."""
    raters = RATERS if len(scores) == len(RATERS) else [f"评委{k}" for k in range(len(scores))]
    given = [score for score in scores if score is not None]
    return RatedQuestion(
        number=number,
        text=Bilingual(f"面试问题第{number:02d}题：遇到投诉怎么办？", f"Question {number}"),
        group=PSY,
        ratings=[RaterScore(r, s, n) for r, s, n in zip(raters, scores, notes, strict=True)],
        mean=sum(given) / len(given) if given else None,
    )


def napkins() -> TaskResult:
    """The napkin-folding task with two signs of boredom ticked."""
    return TaskResult(
        title=Bilingual("叠餐巾纸 200 张", "Fold 200 napkins"),
        group=PSY,
        rater="王经理",
        score=4,
        score_meaning=Bilingual("基本保持耐心", "Mostly patient"),
        details=[Bilingual("速度明显变慢", "Speed drops noticeably"), Bilingual("叹气", "Sighs")],
        notes="后段变慢但没有放弃。",
    )


def interview(questions: list[RatedQuestion], raters: list[str] = RATERS) -> InterviewSection:
    """An interview with the given questions and the napkin task."""
    return InterviewSection(
        plan_name="客服专员初试",
        position="客服专员",
        interviewed_on=date(2025, 3, 18),
        raters=raters,
        questions=questions,
        tasks=[napkins()],
    )


def typing(passed: bool = True) -> TypingResult:
    """A Chinese typing test at 92.4 cpm, 97.8 % accurate."""
    return TypingResult(
        passage=Bilingual("客服常用语 A", "Service phrases A"),
        language="zh",
        taken_on=date(2025, 3, 18),
        seconds=300,
        cpm=92.4,
        accuracy=0.978,
        pass_mark=80,
        passed=passed,
    )


def groups(character: float | None = 4.5) -> list[GroupScore]:
    """The four groups in their fixed order."""
    return [
        GroupScore(PSY, 3.8, 9),
        GroupScore(CHA, character, 7 if character else 0),
        GroupScore(SKI, 4.0, 6),
        GroupScore(OVE, 4.25, 6),
    ]


def make_sheet(**fields: Any) -> EvaluationSheet:
    """A sheet for 张三丰 with one self-test and whatever else is given."""
    return EvaluationSheet(
        organisation="星辰客服中心",
        candidate=CandidateInfo(1042, "张三丰", "13800138000", "客服专员", date(2025, 3, 1)),
        printed_on=date(2025, 3, 20),
        self_tests=[self_test()],
        **fields,
    )


def full_sheet() -> EvaluationSheet:
    """Every part filled: stage, interview with notes, typing, groups, decision."""
    questions = [
        question(1, [4, 5], [NOTE, ""]),
        question(2, [5, None], ["", "Stayed calm, repeated the problem back."]),
        question(3, [3, 4], ["", ""]),
    ]
    return make_sheet(
        stage=Bilingual("面试", "Interview"),
        interviews=[interview(questions)],
        typing=[typing()],
        group_summary=groups(),
        decision=DecisionInfo(Bilingual("录用", "Hire"), REASON, "王经理", date(2025, 3, 20)),
        interviewers=RATERS,
    )


# --------------------------------------------------------------------------- content


def test_full_sheet_shows_every_part(tmp_path: Path) -> None:
    text = "".join(page_texts(written(tmp_path, full_sheet())))

    for expected in (
        "当前阶段Stage面试Interview",
        "评估概要Summary",
        RADAR_CAPTION,
        "录用决定Decision录用Hire",
        REASON,
        "决定人Decidedby王经理",
        "2025-03-20",
        "心理素质Psychological3.89",  # group, mean to one decimal, how many ratings
        "品格素质Character4.57",
        "综合素质Overall4.26",  # 4.25 prints as 4.2 (half to even), then 6 ratings
        "17/20·优秀Excellent",
        "92.4字/分cpm·准确率Accuracy97.8%·合格线Passmark80·通过Passed",
        "王经理LiMei",  # the raters head the score columns
        "面试问题第01题：遇到投诉怎么办？",
        "王经理：" + NOTE,
        "LiMei：Stayedcalm,repeatedtheproblemback.",
        "4.5",  # the mean of 4 and 5
        "叠餐巾纸200张",
        "4/5基本保持耐心",
        "速度明显变慢",
        "Speeddropsnoticeably",
        "叹气",
        "客服常用语A",
        "5:00",
        "面试官签名Interviewersignature—王经理",
        "面试官签名Interviewersignature—LiMei",
        "人事部门审核",
    ):
        assert squash(expected) in text, expected


def test_a_missing_score_or_mean_prints_a_dash(tmp_path: Path) -> None:
    sheet = make_sheet(
        interviews=[interview([question(7, [None, None], ["只写了备注", ""])])],
        group_summary=groups(character=None),
    )
    text = "".join(page_texts(written(tmp_path, sheet)))

    assert "面试问题第07题：遇到投诉怎么办？Question7心理素质Psychological———" in text
    assert "品格素质Character—0" in text


def test_questions_show_no_notes_row_without_notes(tmp_path: Path) -> None:
    sheet = make_sheet(interviews=[interview([question(1, [4, 4], ["", ""])])])
    text = "".join(page_texts(written(tmp_path, sheet)))

    assert "王经理：" not in text
    assert "LiMei：" not in text


def test_failed_typing_and_other_decisions_are_worded(tmp_path: Path) -> None:
    decision = DecisionInfo(Bilingual("不录用", "Reject"), "打字未达标。", "", date(2025, 3, 21))
    sheet = make_sheet(typing=[typing(passed=False)], decision=decision)
    text = "".join(page_texts(written(tmp_path, sheet)))

    assert "未通过Notpassed" in text
    assert "录用决定Decision不录用Reject" in text
    assert "决定人Decidedby—" in text


def test_summary_without_a_decision_says_not_decided(tmp_path: Path) -> None:
    sheet = make_sheet(interviews=[interview([question(1, [4, 5], ["", ""])])])
    text = "".join(page_texts(written(tmp_path, sheet)))

    assert "录用决定Decision尚未决定Notdecidedyet" in text


def test_markup_in_notes_and_reason_prints_literally(tmp_path: Path) -> None:
    note = "<b>答得好</b> & 清楚"
    sheet = make_sheet(
        interviews=[interview([question(1, [4, 5], [note, ""])])],
        decision=DecisionInfo(Bilingual("待定", "Hold"), "A < B & C", "HR", date(2025, 3, 21)),
    )
    text = "".join(page_texts(written(tmp_path, sheet)))

    assert squash(note) in text
    assert "A<B&C" in text


# --------------------------------------------------------------------------- radar


def test_sheet_without_interview_data_has_no_radar(tmp_path: Path) -> None:
    decision = DecisionInfo(Bilingual("待定", "Hold"), "等复试。", "HR", date(2025, 3, 21))
    for sheet in (
        make_sheet(typing=[typing()], decision=decision),
        make_sheet(
            decision=decision, group_summary=[GroupScore(g, None, 0) for g in (PSY, CHA, SKI, OVE)]
        ),
    ):
        (text,) = page_texts(written(tmp_path, sheet))

        assert "评估概要Summary" in text
        assert "待定Hold" in text
        assert RADAR_CAPTION not in text
        assert "Groupofqualities" not in text


def test_radar_sets_every_string_in_the_embedded_font() -> None:
    font = register_pdf_font()
    drawing = radar_drawing(groups(), font, 200, 160)

    strings = list(_strings(drawing))

    assert {string.text for string in strings} >= {"心理素质", "Psychological", "5", CAPTION.zh}
    assert {string.fontName for string in strings} == {font}
    assert drawing.initialFontName == font


def _strings(node: object) -> list[String]:
    """Every String in a drawing, widgets (such as the chart) expanded."""
    if isinstance(node, String):
        return [node]
    if isinstance(node, Widget):
        return _strings(node.draw())
    if isinstance(node, Group):
        return [string for child in node.getContents() for string in _strings(child)]
    return []


def test_full_sheet_embeds_every_font_even_with_the_radar(
    tmp_path: Path,
    assert_fonts_embedded: Callable[[Path], None],
    font_names: Callable[[Path], list[str]],
) -> None:
    path = written(tmp_path, full_sheet())

    assert_fonts_embedded(path)
    assert set(font_names(path)) == {"WenQuanYiMicroHei-0"}


def test_the_font_check_looks_inside_form_xobjects(
    tmp_path: Path, font_names: Callable[[Path], list[str]]
) -> None:
    path = tmp_path / "form.pdf"
    canvas = Canvas(str(path), initialFontName=register_pdf_font())
    canvas.beginForm("chart")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(10, 10, "inside a form")
    canvas.endForm()
    canvas.doForm("chart")
    canvas.save()

    assert "Helvetica" in font_names(path)


# --------------------------------------------------------------------------- paging


def long_note(number: int, rater_index: int, rater: str) -> str:
    """A one-line note, but several lines on every third question.

    The uneven heights make some page ends fall between a question and its
    notes, which the layout must then avoid.
    """
    repeat = 1 + (rater_index + 2) * (number % 3 == 0)
    return f"第{number:02d}题{rater}的记录，回答清楚。" * repeat


def long_sheet() -> EvaluationSheet:
    """36 questions rated by three interviewers, each leaving a note."""
    raters = ["王经理", "Li Mei", "赵主管"]
    questions = [
        RatedQuestion(
            number=n,
            text=Bilingual(
                f"长面试问题第{n:02d}题：请举例说明你如何安抚生气的客户？", f"Long question {n}"
            ),
            group=SKI,
            ratings=[
                RaterScore(r, (n + k) % 5 + 1, long_note(n, k, r)) for k, r in enumerate(raters)
            ],
            mean=3.0,
        )
        for n in range(1, 37)
    ]
    return make_sheet(
        interviews=[interview(questions, raters)], group_summary=groups(), interviewers=raters
    )


def test_long_interview_flows_over_pages_with_its_header_repeated(tmp_path: Path) -> None:
    texts = page_texts(written(tmp_path, long_sheet()))
    total = len(texts)

    assert total >= 4
    for number, text in enumerate(texts, start=1):
        assert f"第{number}页/共{total}页·Page{number}of{total}" in text
    pages_with_questions = [text for text in texts if re.search(r"长面试问题第\d\d题", text)]
    assert len(pages_with_questions) >= 3
    for text in pages_with_questions:
        assert "序号No.问题Question类别Group王经理LiMei赵主管平均Mean" in text
    for n in range(1, 37):
        (page,) = [text for text in texts if f"长面试问题第{n:02d}题" in text]
        assert f"赵主管：第{n:02d}题赵主管的记录" in page, f"question {n} parted from its notes"
    assert "面试官签名Interviewersignature—赵主管" in texts[-1]


# --------------------------------------------------------------------------- old sheets


def test_sheet_with_only_self_tests_has_no_summary_or_stage(tmp_path: Path) -> None:
    (text,) = page_texts(written(tmp_path, make_sheet()))

    assert "评估概要" not in text
    assert "当前阶段" not in text
    assert RADAR_CAPTION not in text
    assert text.count("面试官签名") == 1


def test_stage_alone_changes_only_the_details_box(tmp_path: Path) -> None:
    (text,) = page_texts(written(tmp_path, make_sheet(stage=Bilingual("初筛", "Screening"))))

    assert "当前阶段Stage初筛Screening" in text
    assert "评估概要" not in text
