"""Dates on the two staff pages, kept in one place so both edit them the same way.

The forms print dates as ISO ``yyyy-MM-dd``: it reads the same in Chinese and English,
so the editors show that format whatever the language, and convert to and from the
plain :class:`datetime.date` the services take.
"""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date) -> QDateEdit:
    """A date editor with a calendar popup, showing ``value`` as on the printed sheet."""
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit
