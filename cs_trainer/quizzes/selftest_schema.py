"""The schema of a bipolar self-rating instrument such as the 服务潜能测试 of
《客户服务人员岗位职责任职要求》.

Each item is a pair of opposite statements; the person places themselves on a
scale between them. Bands turn the total into the instrument's verdict.
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from cs_trainer.quizzes.schema_common import QualityGroup, Text
from cs_trainer.schema_messages import invalid


class Scale(BaseModel):
    """The integer range each pair is answered on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min: int = Field(ge=0)
    max: int

    @model_validator(mode="after")
    def _ordered(self) -> "Scale":
        if self.max <= self.min:
            raise invalid("max must be greater than min", "max 必须大于 min")
        return self


class PolarItem(BaseModel):
    """One pair: ``high`` earns the top of the scale, ``low`` the bottom."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    group: QualityGroup
    high: Text
    low: Text


class Band(BaseModel):
    """A verdict for totals from ``min_total`` up to the next band's minimum."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    min_total: int = Field(ge=0)
    label: Text
    advice: Text


class SelfTestInstrument(BaseModel):
    """A complete self-rating instrument as stored in a content file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: int = Field(ge=1)
    kind: Literal["selftest"]
    source: str
    title: Text
    instructions: Text
    modes: dict[Literal["self", "manager"], Text]
    scale: Scale
    pole_labels: dict[Literal["high", "low"], Text]
    items: list[PolarItem] = Field(min_length=1)
    bands: list[Band] = Field(min_length=1)

    # Field validators, not one model validator, so that a mistake is reported at
    # the line of `items:` or `bands:` rather than at the top of the file.
    @field_validator("items")
    @classmethod
    def _unique_ids(cls, items: list[PolarItem]) -> list[PolarItem]:
        ids = [item.id for item in items]
        if len(ids) != len(set(ids)):
            raise invalid("item ids must be unique", "题目 id 不能重复")
        return items

    @field_validator("bands")
    @classmethod
    def _bands_ordered(cls, bands: list[Band], info: ValidationInfo) -> list[Band]:
        minimums = [band.min_total for band in bands]
        if minimums != sorted(minimums, reverse=True):
            raise invalid(
                "bands must be listed from the highest min_total down",
                "等级（bands）要按 min_total 从高到低排列",
            )
        scale, items = info.data.get("scale"), info.data.get("items")
        if scale is not None and items and minimums[-1] > scale.min * len(items):
            raise invalid(
                "the lowest band must cover the lowest possible total",
                "最低的等级必须包含可能的最低总分",
            )
        return bands

    @property
    def min_total(self) -> int:
        return self.scale.min * len(self.items)

    @property
    def max_total(self) -> int:
        return self.scale.max * len(self.items)
