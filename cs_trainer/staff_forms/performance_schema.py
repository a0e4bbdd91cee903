"""The schema of a performance evaluation form such as the 工作绩效测评标准 of
《客户服务人员岗位职责任职要求》.

A manager rates each item of the form on one stated scale (e.g. 1 不合格 to
5 优秀) and writes a comment; items are grouped in sections (受命准备, 业务活动,
成果). The form promises what a stored review relies on: scores are distinct
and ascending, and item ids are unique across the whole form and never the
reserved id of the overall comment.
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from cs_trainer.quizzes.schema_common import IDENTIFIER, Text
from cs_trainer.schema_messages import invalid

OVERALL_ITEM_ID = "overall"
"""The response id of a review's overall comment; no item may use it."""


class ScalePoint(BaseModel):
    """One score of the rating scale and what it means, e.g. 3 合格 Satisfactory."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    score: int = Field(ge=0, le=10)
    label: Text


class PerformanceItem(BaseModel):
    """One statement the reviewer rates, e.g. 持续提高服务质量。"""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    text: Text

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value == OVERALL_ITEM_ID:
            raise invalid(
                "{id} is reserved for the overall comment",
                "{id} 留给总体评语使用，不能作为题目 id",
                id=repr(OVERALL_ITEM_ID),
            )
        return value


class PerformanceSection(BaseModel):
    """A heading of the form with its items, e.g. 业务活动 with six items."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    title: Text
    items: list[PerformanceItem] = Field(min_length=1)


class PerformanceForm(BaseModel):
    """A complete performance evaluation form as stored in a content file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    version: int = Field(ge=1)
    kind: Literal["performance_form"]
    source: str = ""
    title: Text
    instructions: Text
    scale: list[ScalePoint] = Field(min_length=2)
    sections: list[PerformanceSection] = Field(min_length=1)

    # Field validators, not one model validator, so that a mistake is reported at
    # the line of `scale:` or `sections:` rather than at the top of the file.
    @field_validator("scale")
    @classmethod
    def _scale_ascending(cls, scale: list[ScalePoint]) -> list[ScalePoint]:
        scores = [point.score for point in scale]
        if scores != sorted(set(scores)):
            raise invalid(
                "scale scores must be distinct and listed from the lowest up",
                "评分等级（scale）的分数要各不相同，并从低到高排列",
            )
        return scale

    @field_validator("sections")
    @classmethod
    def _unique_ids(cls, sections: list[PerformanceSection]) -> list[PerformanceSection]:
        section_ids = [section.id for section in sections]
        if len(section_ids) != len(set(section_ids)):
            raise invalid("section ids must be unique", "部分（section）的 id 不能重复")
        item_ids = [item.id for section in sections for item in section.items]
        if len(item_ids) != len(set(item_ids)):
            raise invalid(
                "item ids must be unique across all sections", "所有部分的题目 id 都不能重复"
            )
        return sections

    @property
    def items(self) -> list[PerformanceItem]:
        """Every item, section by section, in the order the form shows them."""
        return [item for section in self.sections for item in section.items]

    @property
    def scores(self) -> list[int]:
        """The scores a rating may take, lowest first."""
        return [point.score for point in self.scale]
