"""Loading and scoring the built-in self-test.

Scoring is deliberately plain: the total is the sum of the answers, the band is
the highest one whose minimum the total reaches (《客户服务人员岗位职责任职要求》: 80
and above excellent; 50–79 learn communication skills; below 50 not the right career).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cs_trainer.errors import InvalidAnswersError
from cs_trainer.quizzes.content_loader import load_model
from cs_trainer.quizzes.selftest_schema import Band, SelfTestInstrument
from cs_trainer.resources import package_path
from cs_trainer.schema_messages import short_title

SERVICE_POTENTIAL_FILE = "service_potential.yaml"


@dataclass(frozen=True)
class LoadedInstrument:
    """An instrument together with the hash of the exact file it came from."""

    instrument: SelfTestInstrument
    content_hash: str


@dataclass(frozen=True)
class SelfTestResult:
    """The scored outcome of a complete set of answers."""

    total: int
    max_total: int
    band: Band
    group_scores: dict[str, int]  # by QualityGroup


@cache
def service_potential() -> LoadedInstrument:
    """The built-in 服务潜能测试 (docs/sources.md), loaded and validated once per process."""
    return load_selftest(package_path("quizzes", "content", SERVICE_POTENTIAL_FILE))


def load_selftest(path: Path) -> LoadedInstrument:
    """Load a self-test content file, raising ContentError with file:line on mistakes."""
    instrument, digest = load_model(path, SelfTestInstrument)
    return LoadedInstrument(instrument, digest)


def check_answer(instrument: SelfTestInstrument, item_id: str, value: object) -> int:
    """Validate one answer and return it as an int, or raise InvalidAnswersError."""
    if item_id not in {item.id for item in instrument.items}:
        raise InvalidAnswersError(
            "unknown item {item} for {instrument_en}",
            "《{instrument_zh}》中没有题目 {item}",
            item=repr(item_id),
            instrument_en=instrument.title.en,
            instrument_zh=instrument.title.zh,
        )
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidAnswersError(
            "answer for {item_en} must be a whole number, not {value}",
            "{item_zh}的答案应为整数，而不是 {value}",
            item_en=repr(item_id),
            item_zh=_item_zh(instrument, item_id),
            value=repr(value),
        )
    low, high = instrument.scale.min, instrument.scale.max
    if not low <= value <= high:
        raise InvalidAnswersError(
            "answer for {item_en} must be between {low} and {high}, not {value}",
            "{item_zh}的答案应在 {low} 到 {high} 之间，而不是 {value}",
            item_en=repr(item_id),
            item_zh=_item_zh(instrument, item_id),
            low=low,
            high=high,
            value=value,
        )
    return value


def _item_zh(instrument: SelfTestInstrument, item_id: str) -> str:
    """An item as the Chinese messages name it: its number and its first statement."""
    for number, item in enumerate(instrument.items, start=1):
        if item.id == item_id:
            return f"第 {number} 题（{short_title(item.high.zh, 20)}）"
    return repr(item_id)


def _item_en(instrument: SelfTestInstrument, item_id: str) -> str:
    """An item as the English messages name it: its number and its first statement."""
    for number, item in enumerate(instrument.items, start=1):
        if item.id == item_id:
            return f"no. {number} ({short_title(item.high.en, 40)})"
    return repr(item_id)


def parse_answer_list(instrument: SelfTestInstrument, text: str) -> dict[str, int]:
    """Turn "9,8,10,…" (one number per pair, in order) into answers by item id."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != len(instrument.items):
        raise InvalidAnswersError(
            "expected {expected} answers separated by commas, got {got}",
            "应有 {expected} 个用逗号分隔的答案，实际有 {got} 个",
            expected=len(instrument.items),
            got=len(parts),
        )
    answers: dict[str, int] = {}
    for number, (item, part) in enumerate(zip(instrument.items, parts, strict=True), start=1):
        try:
            value = int(part)
        except ValueError:
            raise InvalidAnswersError(
                "answer {number} must be a whole number, not {value}",
                "第 {number} 个答案应为整数，而不是 {value}",
                number=number,
                value=repr(part),
            ) from None
        answers[item.id] = check_answer(instrument, item.id, value)
    return answers


def score(instrument: SelfTestInstrument, answers: Mapping[str, object]) -> SelfTestResult:
    """Score a complete set of answers; anything missing, unknown or out of range is refused."""
    checked = {
        item_id: check_answer(instrument, item_id, value) for item_id, value in answers.items()
    }
    missing = [item.id for item in instrument.items if item.id not in checked]
    if missing:
        raise InvalidAnswersError(
            "unanswered items: {items_en}",
            "还有题目没有作答：{items_zh}",
            items_en=", ".join(_item_en(instrument, item_id) for item_id in missing),
            items_zh="、".join(_item_zh(instrument, item_id) for item_id in missing),
        )
    total = sum(checked.values())
    groups: dict[str, int] = {}
    for item in instrument.items:
        groups[item.group] = groups.get(item.group, 0) + checked[item.id]
    return SelfTestResult(total, instrument.max_total, band_for(instrument, total), groups)


def band_for(instrument: SelfTestInstrument, total: int) -> Band:
    """The band a total falls in; bands are ordered from the highest minimum down."""
    for band in instrument.bands:
        if total >= band.min_total:
            return band
    return instrument.bands[-1]
