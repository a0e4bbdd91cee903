"""The schema of a deduction-based assessment standard such as 《客服接待岗位职责工作标准》篇3.

Unlike the rated instruments, this standard does not score answers: an assessor
records lapses (deductions) and successes (bonuses) as they happen, and a staff
member's result for a period is the base points plus every entry in it. The
standard keeps the original's clauses as written, so the printed appendix can
quote them, and lists the scored items an entry can name; a clause may have
several items (clause 4: uncivil language, a quarrel, a physical conflict) or
none (a rule that is not recorded as per-person entries).
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from cs_trainer.quizzes.schema_common import IDENTIFIER, Text
from cs_trainer.schema_messages import invalid

Category = Literal["deduction", "bonus"]


class Clause(BaseModel):
    """One numbered clause of the standard: the requirement and its points rule, verbatim."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    number: int = Field(ge=1)
    requirement: Text
    rule: Text
    # Why a clause has no scored items, when it has none; shown in the appendix.
    unscored_reason: Text | None = None


class StandardItem(BaseModel):
    """A lapse or success an assessor can record, with the points it carries.

    ``points`` is signed as it is added to the total: negative for a deduction,
    positive for a bonus, so the sign and the category can never disagree.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    clause: int = Field(ge=1)
    text: Text
    category: Category  # before points, so the points validator can see it
    points: int

    @field_validator("points")
    @classmethod
    def _sign_matches_category(cls, points: int, info: ValidationInfo) -> int:
        category = info.data.get("category")
        if points == 0:
            raise invalid(
                "points must not be 0: an item either deducts or adds",
                "分值（points）不能为 0：一项要么扣分，要么加分",
            )
        if category == "deduction" and points > 0:
            raise invalid(
                "a deduction's points must be negative, e.g. -10",
                "扣分项的分值必须是负数，例如 -10",
            )
        if category == "bonus" and points < 0:
            raise invalid(
                "a bonus's points must be positive, e.g. 100", "加分项的分值必须是正数，例如 100"
            )
        return points


class ReceptionStandard(BaseModel):
    """A complete reception assessment standard as stored in a content file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    version: int = Field(ge=1)
    kind: Literal["reception_standard"]
    source: str
    title: Text
    duties: list[Text] = Field(min_length=1)
    # Every staff member starts each assessment period with these points.
    base_points: int = Field(ge=0)
    clauses: list[Clause] = Field(min_length=1)
    items: list[StandardItem] = Field(min_length=1)

    # Field validators, not one model validator, so that a mistake is reported at
    # the line of `clauses:` or `items:` rather than at the top of the file.
    @field_validator("clauses")
    @classmethod
    def _clause_numbers_unique(cls, clauses: list[Clause]) -> list[Clause]:
        numbers = [clause.number for clause in clauses]
        if len(numbers) != len(set(numbers)):
            raise invalid("clause numbers must be unique", "条款编号不能重复")
        return clauses

    @field_validator("items")
    @classmethod
    def _items_consistent(
        cls, items: list[StandardItem], info: ValidationInfo
    ) -> list[StandardItem]:
        ids = [item.id for item in items]
        if len(ids) != len(set(ids)):
            raise invalid("item ids must be unique", "项目 id 不能重复")
        clauses = info.data.get("clauses")
        if clauses is not None:
            _check_clause_references(clauses, items)
        return items

    def item(self, code: str) -> StandardItem | None:
        """The item with id ``code``, or None when the standard has no such item."""
        return next((item for item in self.items if item.id == code), None)

    def items_of(self, clause: int) -> list[StandardItem]:
        """The scored items of one clause, in file order."""
        return [item for item in self.items if item.clause == clause]


def _check_clause_references(clauses: list[Clause], items: list[StandardItem]) -> None:
    """Every item names a clause that exists, and a clause without items says why.

    The second rule catches an item deleted by mistake: the clause would silently
    stop being assessable.
    """
    known = {clause.number for clause in clauses}
    scored = {item.clause for item in items}
    stray = sorted(scored - known)
    if stray:
        raise invalid(
            "items refer to clauses that do not exist: {clauses}",
            "有项目引用了不存在的条款：{clauses}",
            clauses=str(stray),
        )
    silent = [c.number for c in clauses if c.number not in scored and c.unscored_reason is None]
    if silent:
        raise invalid(
            "clauses {clauses} have no items and no unscored_reason",
            "条款 {clauses} 既没有项目，也没有写明不计分的原因（unscored_reason）",
            clauses=str(silent),
        )
