"""Plain data for the performance evaluation form (工作绩效测评表), blank or filled in.

The services layer fills these from the database; the PDF writer reads only
these, never ORM rows, pydantic content models or widgets, so a form can be
built in a test from literals. A blank form is a :class:`PerformanceFormData`;
a filled one adds who, when and the ratings in :class:`PerformanceSheetData`.
"""

from dataclasses import dataclass, field
from datetime import date

from cs_trainer.reports.sheet_data import Bilingual


@dataclass(frozen=True)
class ScaleLabel:
    """One score of the rating scale with its meaning, e.g. 4 良好 Good."""

    score: int
    label: Bilingual


@dataclass(frozen=True)
class FormItem:
    """One statement to rate; ``item_id`` keys its rating, ``number`` is printed."""

    item_id: str
    number: int
    text: Bilingual


@dataclass(frozen=True)
class FormSection:
    """A heading of the form (受命准备, 业务活动, 成果) with its items."""

    title: Bilingual
    items: list[FormItem]


@dataclass(frozen=True)
class PerformanceFormData:
    """Everything a blank form prints: the organisation, the form and its scale."""

    organisation: str
    form_title: Bilingual
    version: int
    instructions: Bilingual
    scale: list[ScaleLabel]
    sections: list[FormSection]

    @property
    def max_score(self) -> int:
        return max(point.score for point in self.scale)


@dataclass(frozen=True)
class ItemRating:
    """A reviewer's score for one item (None when only a comment was written)."""

    score: int | None
    comment: str = ""


@dataclass(frozen=True)
class SectionResult:
    """What a section's subtotal row prints: points, the most possible, and the mean."""

    total: int
    possible: int
    rated: int
    mean: float | None


@dataclass(frozen=True)
class PerformanceSheetData:
    """A filled-in form: the person reviewed, the reviewer, the dates and the ratings."""

    form: PerformanceFormData
    staff_name: str
    position: str
    reviewer: str
    review_date: date
    period_from: date
    period_to: date
    ratings: dict[str, ItemRating] = field(default_factory=dict)
    overall_comment: str = ""

    def rating(self, item_id: str) -> ItemRating:
        """The item's rating, or an empty one when it was not rated."""
        return self.ratings.get(item_id, ItemRating(None))

    def result(self, items: list[FormItem]) -> SectionResult:
        """Subtotal and mean of ``items`` (a section, or every item of the form)."""
        scores = [s for item in items if (s := self.rating(item.item_id).score) is not None]
        mean = sum(scores) / len(scores) if scores else None
        possible = self.form.max_score * len(items)
        return SectionResult(sum(scores), possible, len(scores), mean)

    def overall(self) -> SectionResult:
        """The whole form's total and mean."""
        return self.result([item for section in self.form.sections for item in section.items])
