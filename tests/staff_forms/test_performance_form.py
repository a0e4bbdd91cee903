"""The shipped performance evaluation form (《客户服务人员岗位职责任职要求》·工作绩效测评标准)
and its schema."""

import re
from pathlib import Path

import pytest

from cs_trainer.errors import ContentError
from cs_trainer.quizzes.content_loader import load_model
from cs_trainer.resources import package_path
from cs_trainer.staff_forms.performance_schema import PerformanceForm

FORM_PATH = package_path("staff_forms", "content", "performance_form.yaml")
CJK = re.compile(r"[\u4e00-\u9fff]")

# 《客户服务人员岗位职责任职要求》篇2, converted to Simplified Chinese with full-width
# punctuation.
QUOTED_PREPARATION = [
    "正确掌握客户服务的内容，并制定相应的工作计划。",
    "正确安排客户咨询的工作步骤，快速准备工作。",
    "迅速、恰当的处理客户服务中遇到的困难，以客户为工作的中心。",
    "正确理解工作会议精神与目的，为达到工作目的有效地运用各种方法。",
    "当接到客户服务请求任务后，能很快的分析其整体情况与结构，制定切实可行的计划。",
    "能在进行客户服务之前拟定阶段性进展报告，联络、协商重点。",
    "着重考虑达到客户服务目标的手段、方法，然后再行动。",
    "进行客户服务前检查和确认工作内容和方法是否对路。",
    "保持良好的态度并积极为客户服务。",
    "注意自身形象并在与客户沟通时维护公司和产品形象。",
]
QUOTED_ACTIVITIES = [
    "建立客户服务系统。",
    "制定并实施客户服务政策及规范。",
    "建立完善服务项目和方法。",
    "持续提高服务质量。",
    "倾听客户对公司的产品意见并反馈到高层。",
    "跟踪、分析、总结不合格产品，并进行纠正活动。",
]
# The key indicators (考核重点) and criteria of 《客服专员职位说明书》 the results are
# written from.
JOB_DESCRIPTION_INDICATORS = [
    "投诉处理及时率",
    "回访客户满意率",
    "接听率",
    "解决率",
    "客户满意度",
    "客户信息档案",
]


@pytest.fixture(scope="module")
def form() -> PerformanceForm:
    model, _ = load_model(FORM_PATH, PerformanceForm)
    return model


def _texts(form: PerformanceForm, section_id: str) -> list[str]:
    [section] = [section for section in form.sections if section.id == section_id]
    return [item.text.zh for item in section.items]


def test_three_sections_of_ten_six_and_six_items(form: PerformanceForm) -> None:
    assert [(s.title.zh, len(s.items)) for s in form.sections] == [
        ("受命准备", 10),
        ("业务活动", 6),
        ("成果", 6),
    ]
    assert len(form.items) == 22


def test_preparation_and_activities_are_the_documents_own_words(form: PerformanceForm) -> None:
    assert _texts(form, "preparation") == QUOTED_PREPARATION
    assert _texts(form, "activities") == QUOTED_ACTIVITIES


def test_results_are_service_results_from_the_job_descriptions(form: PerformanceForm) -> None:
    results = "".join(_texts(form, "results"))
    for indicator in JOB_DESCRIPTION_INDICATORS:
        assert indicator in results, indicator
    english = " ".join(item.text.en for item in form.sections[2].items)
    assert "complaint-handling timeliness" in english
    assert "call-back satisfaction" in english


def test_the_purchasing_items_the_document_copied_by_mistake_are_gone() -> None:
    body = FORM_PATH.read_text(encoding="utf-8")
    data_lines = [line for line in body.splitlines() if not line.lstrip().startswith("#")]
    for purchasing in ("采购", "谈判价格", "索赔", "purchas"):
        assert purchasing not in "\n".join(data_lines)
    assert "copied the six results of a purchasing job" in body, "the header says why"


def test_scale_is_one_to_five_from_unsatisfactory_to_excellent(form: PerformanceForm) -> None:
    assert [(p.score, p.label.zh, p.label.en) for p in form.scale] == [
        (1, "不合格", "Unsatisfactory"),
        (2, "待改进", "Needs improvement"),
        (3, "合格", "Satisfactory"),
        (4, "良好", "Good"),
        (5, "优秀", "Excellent"),
    ]
    assert form.scores == [1, 2, 3, 4, 5]


def test_every_text_has_both_languages(form: PerformanceForm) -> None:
    texts = [form.title, form.instructions, *(p.label for p in form.scale)]
    texts += [s.title for s in form.sections] + [i.text for i in form.items]
    for text in texts:
        assert CJK.search(text.zh), text
        assert not CJK.search(text.en), text


# --------------------------------------------------------------------------- schema


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "form.yaml"
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """\
id: small_form
version: 1
kind: performance_form
title: {zh: 测评, en: Review}
instructions: {zh: 请评分, en: Rate}
scale:
  - score: 1
    label: {zh: 差, en: Poor}
  - score: 2
    label: {zh: 好, en: Good}
sections:
  - id: first
    title: {zh: 第一部分, en: Part one}
    items:
      - id: a
        text: {zh: 甲, en: A}
      - id: b
        text: {zh: 乙, en: B}
"""


def test_a_minimal_form_loads(tmp_path: Path) -> None:
    form, digest = load_model(_write(tmp_path, MINIMAL), PerformanceForm)
    assert [item.id for item in form.items] == ["a", "b"]
    assert len(digest) == 64


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("- id: b", "- id: a"), 12, "item ids must be unique"),
        (("- id: b", "- id: overall"), 17, "reserved for the overall comment"),
        (("score: 2", "score: 1"), 7, "distinct and listed from the lowest up"),
        (("kind: performance_form", "kind: review"), 3, "kind"),
    ],
)
def test_mistakes_are_reported_at_their_line(
    tmp_path: Path, change: tuple[str, str], line: int, message: str
) -> None:
    path = _write(tmp_path, MINIMAL.replace(*change))
    with pytest.raises(ContentError) as error:
        load_model(path, PerformanceForm)
    assert f"{path}:{line}:" in str(error.value)
    assert message in str(error.value)
