"""The bilingual labels that several sheets print, each written once.

A label is a ``(Chinese, English)`` pair, so it unpacks straight into the
style helpers that take both halves (``column_head(*DATE, style)``,
``caption_over_value(*PERIOD, value, styles)``), and a column or caption
reads the same on every sheet. Wording that belongs to one sheet only stays
in that sheet's module.
"""

from typing import Final

Label = tuple[str, str]
"""Chinese first, then its English translation."""

DATE: Final[Label] = ("日期", "Date")
NUMBER: Final[Label] = ("序号", "No.")
MEAN: Final[Label] = ("平均", "Mean")
SCORE: Final[Label] = ("得分", "Score")
TOTAL: Final[Label] = ("总分", "Total")
NAME: Final[Label] = ("姓名", "Name")
COHORT: Final[Label] = ("班级", "Cohort")
PERIOD: Final[Label] = ("时间范围", "Period")
PRINTED_ON: Final[Label] = ("打印日期", "Printed on")
STANDARD: Final[Label] = ("测评标准", "Standard")
SIGNATURES: Final[Label] = ("签字确认", "Signatures")
