"""Schema pieces every kind of content shares: bilingual text and the quality groups."""

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from cs_trainer.schema_messages import invalid

QualityGroup = Literal["psychological", "character", "skills", "overall"]
"""The four groups of qualities of 《客户服务人员岗位职责任职要求》: 心理 / 品格 / 技能 /
综合素质."""


STORED_SNAPSHOT = "stored_snapshot"
"""Validation context key: the body comes from an attempt's snapshot, not a content file."""

_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACE_BETWEEN_CJK = re.compile(f"[{_CJK}]\\s+[{_CJK}]")


class Text(BaseModel):
    """A text in Simplified Chinese and English; both are required."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    @field_validator("zh")
    @classmethod
    def _no_folded_chinese(cls, value: str, info: ValidationInfo) -> str:
        # YAML's folded blocks (">") join lines with a space, which Chinese never has.
        # A rule for authors only: snapshots stored before it existed must still load.
        if (info.context or {}).get(STORED_SNAPSHOT):
            return value
        if _SPACE_BETWEEN_CJK.search(value):
            raise invalid(
                "Chinese text has a space between characters; keep it on one line",
                "中文的字与字之间有空格；请把它写在一行里",
            )
        return value


IDENTIFIER = r"^[a-z][a-z0-9_]*$"
"""Ids of items, tasks and banks: lower-case ASCII, stable across translations."""


class Anchor(BaseModel):
    """A behavioural anchor: what a rating means, so two interviewers rate alike."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    score: int = Field(ge=1, le=5)
    text: Text


QUALITY_GROUPS: tuple[QualityGroup, ...] = ("psychological", "character", "skills", "overall")
QUALITY_GROUP_NAMES: dict[str, Text] = {
    "psychological": Text(zh="心理素质", en="Psychological qualities"),
    "character": Text(zh="品格素质", en="Character"),
    "skills": Text(zh="技能素质", en="Skills"),
    "overall": Text(zh="综合素质", en="Overall qualities"),
}
"""The four groups of qualities, in the order every summary shows them."""
