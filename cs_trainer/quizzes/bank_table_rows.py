"""One row of a question-bank table read as an interview question.

Split from :mod:`cs_trainer.quizzes.bank_table_reader`: this is where a row's cells
become the fields :class:`InterviewQuestion` validates, and where a validation
error is put back into words a trainer can act on, at the cell it concerns.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from cs_trainer import schema_messages
from cs_trainer.errors import Message, message
from cs_trainer.quizzes.bank_columns import (
    _FALSE,
    _SHOWN_LENGTH,
    _TRUE,
    COLUMNS,
    GROUP_NAMES_ZH,
    LANGUAGES,
    REQUIRED_COLUMNS,
    SCORES,
    SIGN_SEPARATORS,
)
from cs_trainer.quizzes.bank_table_cells import _REQUIRED, _Layout, _Problems
from cs_trainer.quizzes.interview_schema import RATING_MIN, REQUIRED_ANCHORS, InterviewQuestion

# --- reading tables: one question per row -----------------------------------------------


@dataclass
class _RowReader:
    """Turns one row into the dict InterviewQuestion validates, noting cell problems."""

    layout: _Layout
    problems: _Problems
    number: int
    cells: Sequence[str]

    def text(self, name: str, required: bool = True) -> str:
        value = self.layout.cell(self.cells, name)
        if required and not value and name in self.layout.present:
            self.problems.add(self.number, self.layout.columns[name], _REQUIRED)
        return value

    def pair(self, prefix: str) -> dict[str, str]:
        return {lang: value for lang in LANGUAGES if (value := self.text(f"{prefix}_{lang}"))}

    def fields(self) -> tuple[dict[str, Any], list[int]]:
        """The question's fields, and the score of each anchor in the order given."""
        fields: dict[str, Any] = {
            "id": self.text("id"),
            "group": self.group(),
            "source": self.text("source"),
            "verbatim": self.verbatim(),
            "text": self.pair("text"),
            "purpose": self.pair("purpose"),
            "good_signs": self.signs("good_signs"),
            "warning_signs": self.signs("warning_signs"),
        }
        if role := self.text("role_requirement", required=False):
            fields["role_requirement"] = role
        anchors, scores = self.anchors()
        fields["anchors"] = anchors
        return {key: value for key, value in fields.items() if value != ""}, scores

    def problem(self, name: str, what: Message) -> None:
        self.problems.add(self.number, self.layout.columns[name], what)

    def group(self) -> str:
        value = self.text("group")
        key = _group_key(value)
        if value and key is None:
            choices = ", ".join(f"{k} / {zh}" for k, zh in GROUP_NAMES_ZH.items())
            unknown = message(
                "unknown group {value}; write one of {choices}",
                "未知的素质组 {value}；请写以下之一：{choices}",
                value=_shown(value),
                choices=choices,
            )
            self.problem("group", unknown)
        return key or ""

    def verbatim(self) -> bool:
        value = self.text("verbatim", required=False).lower()
        if value not in _TRUE | _FALSE:
            yes_or_no = message(
                "write yes or no (or leave it empty), not {value}",
                "请写“是”或“否”（yes / no，也可以留空），而不是 {value}",
                value=_shown(value),
            )
            self.problem("verbatim", yes_or_no)
        return value in _TRUE

    def signs(self, prefix: str) -> list[dict[str, str]]:
        zh, en = (self.sign_list(f"{prefix}_{lang}") for lang in LANGUAGES)
        if zh and en and len(zh) != len(en):
            self.problem(f"{prefix}_en", _uneven_signs(prefix, len(en), len(zh)))
        return [{"zh": z, "en": e} for z, e in zip(zh, en, strict=False)]

    def sign_list(self, name: str) -> list[str]:
        self.text(name)  # reports an empty cell
        return _split_signs(self.layout.raw(self.cells, name))

    def anchors(self) -> tuple[list[dict[str, Any]], list[int]]:
        anchors: list[dict[str, Any]] = []
        scores: list[int] = []
        for score in SCORES:
            names = [f"anchor_{score}_{lang}" for lang in LANGUAGES]
            given = [self.layout.cell(self.cells, name) for name in names]
            if score in REQUIRED_ANCHORS or any(given):
                anchors.append({"score": score, "text": self.pair(f"anchor_{score}")})
                scores.append(score)
        return anchors, scores


def _group_key(value: str) -> str | None:
    for key, zh in GROUP_NAMES_ZH.items():
        if value.lower() == key or value in (zh, zh.removesuffix("素质")):
            return key
    return None


def _split_signs(cell: str) -> list[str]:
    if "\n" in cell or "\r" in cell:
        parts = cell.splitlines()
    else:
        for separator in SIGN_SEPARATORS[1:]:
            cell = cell.replace(separator, SIGN_SEPARATORS[0])
        parts = cell.split(SIGN_SEPARATORS[0])
    return [part.strip() for part in parts if part.strip()]


def _uneven_signs(prefix: str, en_count: int, zh_count: int) -> Message:
    """The English column lists another number of signs than the Chinese one."""
    return message(
        ("{en_count} sign" if en_count == 1 else "{en_count} signs")
        + " but {prefix}_zh has {zh_count} (signs go one per line, or are separated by"
        " ； or ; in a one-line cell)",
        "这里有 {en_count} 条，但 {prefix}_zh 有 {zh_count} 条（每条占一行，"
        "或在同一行里用 ； 或 ; 分隔）",
        prefix=prefix,
        en_count=en_count,
        zh_count=zh_count,
    )


def _shown(value: str) -> str:
    """A cell's value quoted on one line, shortened: a message stays one line."""
    if len(value) > _SHOWN_LENGTH:
        value = value[:_SHOWN_LENGTH] + "…"
    return repr(value)


def _read_question(
    layout: _Layout, problems: _Problems, number: int, cells: Sequence[str]
) -> InterviewQuestion | None:
    fields, scores = _RowReader(layout, problems, number, cells).fields()
    try:
        return InterviewQuestion.model_validate(fields)
    except ValidationError as exc:
        for error in exc.errors():
            name = _question_column(error["loc"], scores)
            _add_validation_problem(layout, problems, number, name, error)
        return None


def _question_column(loc: tuple[int | str, ...], scores: list[int]) -> str:
    """The column a pydantic error location points at, e.g. ("anchors", 1, "text", "zh")."""
    head = str(loc[0]) if loc else "id"
    lang = next((part for part in loc[1:] if part in LANGUAGES), "zh")
    if head in ("text", "purpose", "good_signs", "warning_signs"):
        return f"{head}_{lang}"
    if head == "anchors":
        index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
        score = scores[index] if index is not None and index < len(scores) else RATING_MIN
        return f"anchor_{score}_{lang}"
    return head if head in COLUMNS else "id"


def _add_validation_problem(
    layout: _Layout, problems: _Problems, row: int, name: str, error: ErrorDetails
) -> None:
    column = layout.columns[name]
    # A cell already reported (say as "required") or a missing column needs no second line.
    if problems.has(row, column) or (name not in layout.present and name in REQUIRED_COLUMNS):
        return
    problems.add(row, column, _friendly(error))


def _friendly(error: ErrorDetails) -> Message:
    """Pydantic's message in words a trainer can act on."""
    kind = error["type"]
    if kind in ("missing", "string_too_short", "too_short"):
        return _REQUIRED
    if kind == "string_pattern_mismatch":
        return message(
            "use lower-case letters, digits and _ , starting with a letter (e.g. calm_under_fire)",
            "只能用小写字母、数字和 _，并以字母开头（例如 calm_under_fire）",
        )
    if kind in ("int_parsing", "int_from_float"):
        return message(
            "a whole number, not {value}",
            "应为整数，而不是 {value}",
            value=_shown(str(error.get("input", ""))),
        )
    what = schema_messages.describe(error)
    return Message(what.en.removeprefix("Value error, "), what.zh, what.params)
