"""Schemas of the structured-interview content: question banks, observed tasks and games,
and typing passages (《客户服务人员的选拔与管理》, 《客服专员职位说明书》).

Every question and every task is rated on the same 1–5 scale with written anchors
(at least for 1, 3 and 5), and belongs to one of the four groups of qualities of
《客户服务人员岗位职责任职要求》, so ratings from questions, tasks and games add up per group.
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from cs_trainer.quizzes.schema_common import IDENTIFIER, Anchor, QualityGroup, Text
from cs_trainer.schema_messages import invalid

RATING_MIN, RATING_MAX = 1, 5
REQUIRED_ANCHORS = frozenset({1, 3, 5})

RoleRequirement = Literal[
    "communication",
    "pressure",
    "teamwork",
    "customer_orientation",
    "problem_solving",
    "responsibility",
    "office_skills",
    "mandarin",
]
"""The role requirements of the 客服专员 job description (《客服专员职位说明书》)."""


def _check_anchors(anchors: list[Anchor]) -> list[Anchor]:
    scores = [anchor.score for anchor in anchors]
    if len(scores) != len(set(scores)):
        raise invalid("each score may have only one anchor", "每个分数只能有一条评分标准")
    missing = sorted(REQUIRED_ANCHORS - set(scores))
    if missing:
        raise invalid(
            "anchors are required at least for 1, 3 and 5; missing {missing}",
            "至少要有 1、3、5 分的评分标准；缺少 {missing}",
            missing=str(missing),
        )
    return sorted(anchors, key=lambda anchor: anchor.score)


class InterviewQuestion(BaseModel):
    """One interview question with the guidance an interviewer needs to rate the answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    group: QualityGroup
    role_requirement: RoleRequirement | None = None
    source: str = Field(min_length=1)
    verbatim: bool = False  # True when the question is the source's own words
    text: Text
    purpose: Text
    good_signs: list[Text] = Field(min_length=1)
    warning_signs: list[Text] = Field(min_length=1)
    anchors: list[Anchor]

    _anchors = field_validator("anchors")(_check_anchors)


class QuestionBank(BaseModel):
    """A named set of interview questions; the built-in one ships, others are imported."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    version: int = Field(ge=1)
    kind: Literal["interview_bank"]
    title: Text
    description: Text | None = None
    questions: list[InterviewQuestion] = Field(min_length=1)

    @field_validator("questions")
    @classmethod
    def _unique(cls, questions: list[InterviewQuestion]) -> list[InterviewQuestion]:
        ids = [question.id for question in questions]
        duplicates = sorted({qid for qid in ids if ids.count(qid) > 1})
        if duplicates:
            raise invalid(
                "question ids must be unique; repeated: {ids}",
                "题目 id 不能重复；重复的有：{ids}",
                ids=", ".join(duplicates),
            )
        return questions


class ChecklistItem(BaseModel):
    """A sign the interviewer ticks when seen (e.g. a sign of boredom while folding)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    text: Text


class LadderStep(BaseModel):
    """One rung of a ladder of responses, from worst (score 1) to best (score 5)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    score: int = Field(ge=RATING_MIN, le=RATING_MAX)
    response: Text  # what the candidate says or does
    meaning: Text  # what it shows


class ObservedTask(BaseModel):
    """An observed task or test game of 《客户服务人员的选拔与管理》, with how to stage and rate it.

    ``measure`` says how the rating is reached: interviewer's 1–5 ``scale`` with
    anchors, or the rung of a ``ladder`` of responses. A ``checklist`` of signs and
    a ``target_count`` (with a counter and a timer) may come on top.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    kind: Literal["task", "game"]
    group: QualityGroup
    source: str = Field(min_length=1)
    title: Text
    purpose: Text
    staging: list[Text] = Field(min_length=1)  # the interviewer's steps, in order
    measure: Literal["scale", "ladder"]
    target_count: int | None = Field(default=None, ge=1)  # e.g. 200 napkins
    time_limit_minutes: int | None = Field(default=None, ge=1)
    checklist: list[ChecklistItem] = Field(default_factory=list)
    ladder: list[LadderStep] = Field(default_factory=list)
    anchors: list[Anchor] = Field(default_factory=list)

    @model_validator(mode="after")
    def _measured(self) -> "ObservedTask":
        if self.measure == "ladder":
            scores = [step.score for step in self.ladder]
            if scores != sorted(set(scores)) or len(scores) < 3:
                raise invalid(
                    "a ladder needs at least 3 steps with rising, distinct scores",
                    "阶梯评分至少要有 3 级，分数由低到高且各不相同",
                )
        else:
            _check_anchors(list(self.anchors))
        return self


class TaskSet(BaseModel):
    """The observed tasks and test games that can be put in an interview plan."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    version: int = Field(ge=1)
    kind: Literal["observed_tasks"]
    tasks: list[ObservedTask] = Field(min_length=1)


class TypingPassage(BaseModel):
    """A passage the candidate copies through the system's input method."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    language: Literal["zh", "en"]
    title: Text
    source: str = Field(min_length=1)
    text: str = Field(min_length=50)


class TypingSet(BaseModel):
    """The typing passages that ship with cs_trainer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    version: int = Field(ge=1)
    kind: Literal["typing"]
    passages: list[TypingPassage] = Field(min_length=1)


class PlanItemRef(BaseModel):
    """A reference from an interview plan to a question (of a bank), a task or a passage."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["question", "task", "typing"]
    id: str = Field(pattern=IDENTIFIER)
    bank: str | None = None  # for questions: the bank they come from

    @model_validator(mode="after")
    def _bank_for_questions(self) -> "PlanItemRef":
        if (self.kind == "question") != (self.bank is not None):
            raise invalid(
                "a question reference names its bank; tasks and passages do not",
                "引用题目时要写明题库（bank）；任务和打字文章不写",
            )
        return self


class ResolvedPlan(BaseModel):
    """An interview plan with its questions, tasks and passage copied in full.

    This is what an interview attempt snapshots, so the interview renders the same
    after a bank is edited or re-imported.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["interview_plan"] = "interview_plan"
    plan_id: int
    name: str
    position: str
    questions: list[InterviewQuestion]
    tasks: list[ObservedTask]
    typing: TypingPassage | None = None
