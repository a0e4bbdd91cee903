"""The end of a role-play: how it ended, the score per skill, the path taken beside the
best path, the feedback (when it was kept for the end) and what to practise next.

Also the small pieces the play screen shares with it: a label that never cuts off its
last wrapped line, and the feedback card shown after a choice.
"""

from dataclasses import dataclass
from html import escape
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.quizzes.schema_common import Text
from cs_trainer.scenarios.labels import (
    CUSTOMER_TYPE_NAMES,
    ENDING_KIND_NAMES,
    SKILL_NAMES,
    label,
)
from cs_trainer.scenarios.runner import RunState
from cs_trainer.scenarios.schema import Choice, Scenario
from cs_trainer.services.roleplays import PathRow, PractiseNext
from cs_trainer.ui.roleplays.roleplay_catalogue_model import stars
from cs_trainer.ui.shared.translation import content_text

ENDING_COLOURS = {
    "resolved": "#1b7a3d",
    "callback_promised": "#00796b",
    "escalated": "#b26a00",
    "left_unhappy": "#b3261e",
    "other": "#546e7a",
}
GOOD, BAD, NEUTRAL = "#1b7a3d", "#b3261e", "#546e7a"


class WrapLabel(QLabel):
    """A word-wrapped label that pins its height to what its text needs at its real width.

    Layouts ask a wrapped label for its height at a guessed width; inside scroll areas
    and grids that guess is often too wide and the last lines get cut off.
    """

    def __init__(self, text: str = "", style: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if style:
            self.setStyleSheet(style)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.ensurePolished()
        # heightForWidth never answers less than the minimum height: release it first,
        # or a label laid out narrow once keeps blank lines when it gets wider.
        self.setMinimumHeight(0)
        self.setMinimumHeight(max(self.heightForWidth(self.width()), 0))


class WrapButton(QPushButton):
    """A large button with a round badge and a text that wraps over as many lines as needed
    (a plain push button keeps its text on one line and cuts it off)."""

    def __init__(self, badge: str, badge_colour: str = "#1f5fa8") -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the page, not a button
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            "QPushButton { text-align: left; background: white; border: 1px solid #9fb3c8;"
            " border-radius: 10px; }"
            "QPushButton:hover { background: #eaf2fb; border: 2px solid #1f5fa8; }"
            "QPushButton:pressed { background: #d6e6f7; }"
        )
        self.badge = QLabel(badge)
        self.badge.setFixedSize(32, 32)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setStyleSheet(
            f"background: {badge_colour}; color: white; border-radius: 16px;"
            " font-weight: bold; font-size: 13pt;"
        )
        self.text_label = QLabel()
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setWordWrap(True)
        self.text_label.setStyleSheet("font-size: 13pt; background: transparent; border: none;")
        for part in (self.badge, self.text_label):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        row.setSpacing(14)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text_label, 1)

    def set_text(self, text: str) -> None:
        self.text_label.setText(text)
        self.setAccessibleName(self.text_label.text())
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # Grow to the wrapped text at the real width, so no line is cut off; the label's
        # style sheet font must be applied first or the height is that of a smaller font.
        self.text_label.ensurePolished()
        width = self.width() - 14 * 2 - 32 - 14
        self.setMinimumHeight(max(52, self.text_label.heightForWidth(width) + 26))


def rich(text: Text) -> str:
    """Content for a rich-text label: a "<" written by a trainer stays a "<"."""
    return escape(content_text(text), quote=False)


AnyLabel = TypeVar("AnyLabel", bound=QLabel)


def plain_label(label_: AnyLabel) -> AnyLabel:
    """Content shown as it was written, never read as HTML."""
    label_.setTextFormat(Qt.TextFormat.PlainText)
    return label_


def signed(points: int) -> str:
    """Points with their sign, a true minus sign for losses: "+2", "−1", "0"."""
    return f"+{points}" if points > 0 else f"−{-points}" if points < 0 else "0"


def colour_of(points: int) -> str:
    return GOOD if points > 0 else BAD if points < 0 else NEUTRAL


def chip(text: str, colour: str) -> str:
    """Rich text for a small coloured tag (Qt's rich text has no border-radius)."""
    return (
        f"<span style='background:{colour}; color:white; font-weight:bold'>"
        f"&nbsp;{text}&nbsp;</span>"
    )


def skill_changes(choice: Choice) -> str:
    """ "+2 Empathy  −1 Courtesy" as coloured rich text."""
    return "&nbsp; ".join(
        chip(f"{signed(points)} {content_text(label(SKILL_NAMES, skill))}", colour_of(points))
        for skill, points in choice.scores.items()
        if points
    )


class FeedbackCard(QFrame):
    """What a choice said, how it landed, the principle behind it, and what it changed."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("feedbackCard")
        self.setStyleSheet(
            "#feedbackCard { background: #fbfcfe; border: 1px solid #d5dde8; border-radius: 10px; }"
        )
        self.verdict_label = WrapLabel(style="font-size: 15pt; font-weight: bold;")
        self.said_label = WrapLabel(style="font-size: 12pt; color: #333;")
        self.said_label.setTextFormat(Qt.TextFormat.RichText)
        self.feedback_label = plain_label(WrapLabel(style="font-size: 13pt;"))
        self.principle_label = WrapLabel(
            style="background: #eef4fb; border-left: 4px solid #1f5fa8; padding: 8px;"
            " font-size: 12pt;"
        )
        self.changes_label = WrapLabel(style="font-size: 11pt;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        for part in (
            self.verdict_label,
            self.said_label,
            self.feedback_label,
            self.principle_label,
            self.changes_label,
        ):
            layout.addWidget(part)

    def show_choice(self, choice: Choice, patience_change: int, patience: int) -> None:
        points = sum(choice.scores.values())
        verdict = {
            GOOD: self.tr("Well handled"),
            BAD: self.tr("That did not help"),
            NEUTRAL: self.tr("Neither good nor bad"),
        }[colour_of(points)]
        self.verdict_label.setText(f"<span style='color:{colour_of(points)}'>{verdict}</span>")
        self.said_label.setText(self.tr('You said: "%1"').replace("%1", rich(choice.text)))
        self.feedback_label.setText(content_text(choice.feedback))
        self.principle_label.setText(
            self.tr("<b>Principle:</b> %1").replace("%1", rich(choice.principle))
        )
        patience_text = (
            self.tr("Patience %1 (now %2)")
            .replace("%1", signed(patience_change))
            .replace("%2", str(patience))
        )
        changes = skill_changes(choice)
        self.changes_label.setText(
            (changes + "&nbsp;&nbsp; " if changes else "")
            + f"<span style='color:{colour_of(patience_change)}'>{patience_text}</span>"
        )


@dataclass(frozen=True)
class EndReview:
    """Everything the end screen shows, gathered by the page from the services."""

    scenario: Scenario
    state: RunState
    best: RunState
    rows: list[PathRow]
    next_up: PractiseNext
    suggestions: list[Scenario]
    show_feedback: bool


class RoleplayEndView(QScrollArea):
    """Read-only review of a finished attempt; ``suggestion_chosen`` carries a scenario ID."""

    suggestion_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("endingKind")
        self.title_label = plain_label(WrapLabel(style="font-size: 20pt; font-weight: bold;"))
        self.title_label.setObjectName("endingTitle")
        self.last_line_label = WrapLabel(style="font-size: 12pt; color: #444;")
        self.last_line_label.setTextFormat(Qt.TextFormat.RichText)
        self.total_label = WrapLabel(style="font-size: 15pt;")
        self.total_label.setObjectName("totalLabel")
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 16, 4)
        for part in (self.kind_label, self.title_label, self.last_line_label, self.total_label):
            layout.addWidget(part)
        layout.addLayout(self.body)
        layout.addStretch(1)
        self.setWidget(content)

    def show_review(self, review: EndReview) -> None:
        scenario, state = review.scenario, review.state
        node = scenario.node(state.node)
        assert node.ending is not None
        kind = node.ending.kind
        self.kind_label.setText(
            chip(content_text(label(ENDING_KIND_NAMES, kind)), ENDING_COLOURS.get(kind, NEUTRAL))
        )
        self.title_label.setText(content_text(node.ending.title))
        self.last_line_label.setText(
            self.tr('The customer: "%1"').replace("%1", rich(node.customer))
        )
        self.total_label.setText(self._total_text(state, review.best))
        _clear(self.body)
        self.body.addWidget(self._skills_and_next(review))
        self.body.addWidget(_heading(self.tr("Your path beside the best path")))
        self.body.addWidget(self._path_grid(review.rows))
        if review.show_feedback:
            self.body.addWidget(_heading(self.tr("Feedback on your answers")))
            self._add_feedback(review.rows)

    def _total_text(self, state: RunState, best: RunState) -> str:
        text = (
            self.tr("<b>%1</b> of %2 possible points · patience at the end %3 / 100")
            .replace("%1", signed(state.total))
            .replace("%2", str(best.total))
            .replace("%3", str(state.patience))
        )
        if state.total >= best.total:
            text += "<br>" + chip(self.tr("You found the best path!"), GOOD)
        return text

    def _skills_and_next(self, review: EndReview) -> QWidget:
        """The skills beside what to practise next, so the next step is in view at once."""
        skills, after = QVBoxLayout(), QVBoxLayout()
        for column in (skills, after):
            column.setSpacing(8)  # a nested layout would inherit the row's wide spacing
        skills.addWidget(_heading(self.tr("Your skills in this conversation")))
        skills.addWidget(self._skill_grid(review))
        skills.addStretch(1)
        after.addWidget(_heading(self.tr("What to practise next")))
        self._add_next(review, after)
        after.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(28)
        row.addLayout(skills, 1)
        row.addLayout(after, 1)
        holder = QWidget()
        holder.setLayout(row)
        return holder

    def _skill_grid(self, review: EndReview) -> QWidget:
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(14)
        skills = [s for s in SKILL_NAMES if s in review.best.scores or s in review.state.scores]
        for row, skill in enumerate(skills):
            mine, best = review.state.scores.get(skill, 0), review.best.scores.get(skill, 0)
            bar = QProgressBar()
            bar.setObjectName(f"skill_{skill}")
            bar.setRange(0, max(best, mine, 1))
            bar.setValue(max(mine, 0))
            bar.setTextVisible(False)
            bar.setMaximumHeight(16)
            points = QLabel(
                f"<b style='color:{colour_of(mine)}'>{signed(mine)}</b>"
                + self.tr(" of %1").replace("%1", str(best))
            )
            points.setObjectName(f"points_{skill}")
            grid.addWidget(QLabel(content_text(SKILL_NAMES[skill])), row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(points, row, 2)
        return _holder(grid)

    def _path_grid(self, rows: list[PathRow]) -> QWidget:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for column, text in ((1, self.tr("What you said")), (2, self.tr("The best path"))):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        for row in rows:
            mark = QLabel(f"<b>{row.number}</b>" + (" ≠" if row.differs else ""))
            mark.setToolTip(self.tr("Your answer differs here") if row.differs else "")
            mine = self._path_cell(row.taken, BAD if row.differs and row.taken else None)
            ideal = self._path_cell(row.best, GOOD if row.differs and row.best else None)
            mine.setObjectName(f"taken{row.number}")
            ideal.setObjectName(f"best{row.number}")
            grid.addWidget(mark, row.number, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(mine, row.number, 1)
            grid.addWidget(ideal, row.number, 2)
        return _holder(grid)

    def _path_cell(self, choice: Choice | None, colour: str | None) -> WrapLabel:
        text = content_text(choice.text) if choice else self.tr("(the conversation had ended)")
        tint = {GOOD: "#e8f5e9", BAD: "#fdecea"}.get(colour or "", "#f4f6f9")
        border = colour or "#d5dde8"
        return plain_label(
            WrapLabel(
                text,
                f"background: {tint}; border: 1px solid {border}; border-radius: 6px;"
                " padding: 6px;",
            )
        )

    def _add_feedback(self, rows: list[PathRow]) -> None:
        for row in rows:
            if row.taken is None:
                continue
            text = (
                f"<b>{row.number}. {rich(row.taken.text)}</b><br>"
                f"{rich(row.taken.feedback)}<br>"
                + self.tr("<i>Principle:</i> %1").replace("%1", rich(row.taken.principle))
            )
            changes = skill_changes(row.taken)
            card = WrapLabel(text + (f"<br>{changes}" if changes else ""), "padding: 2px 0 6px 0;")
            card.setTextFormat(Qt.TextFormat.RichText)
            self.body.addWidget(card)

    def _add_next(self, review: EndReview, column: QVBoxLayout) -> None:
        skills = " · ".join(content_text(SKILL_NAMES[s]) for s in review.next_up.skills)
        if skills and review.suggestions:
            advice = self.tr("You lost most points on: <b>%1</b>. These scenarios train it:")
        elif skills:
            advice = self.tr(
                "You lost most points on: <b>%1</b>. Play this one again and try another "
                "answer where your path differs."
            )
        elif review.suggestions:
            advice = self.tr("You lost no points. Ready for the next customer?")
        else:
            advice = self.tr("You lost no points. Well done!")
        column.addWidget(WrapLabel(advice.replace("%1", skills), "font-size: 12pt;"))
        for scenario in review.suggestions:
            column.addWidget(self._suggestion_button(scenario))

    def _suggestion_button(self, scenario: Scenario) -> WrapButton:
        kind = content_text(label(CUSTOMER_TYPE_NAMES, scenario.customer_type))
        button = WrapButton("▶", GOOD)
        button.set_text(
            f"<b>{rich(scenario.title)}</b><br>"
            f"<span style='color:#666; font-size:11pt'>{kind} · {stars(scenario.difficulty)}</span>"
        )
        button.setObjectName(f"suggest_{scenario.id}")
        button.clicked.connect(lambda: self.suggestion_chosen.emit(scenario.id))
        return button


def _heading(text: str) -> QLabel:
    heading = QLabel(text)
    heading.setStyleSheet(
        "font-size: 13pt; font-weight: bold; color: #1f5fa8; margin-top: 12px;"
        " border-bottom: 1px solid #d5dde8; padding-bottom: 3px;"
    )
    return heading


def _holder(layout: QGridLayout) -> QWidget:
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is not None and (widget := item.widget()) is not None:
            widget.hide()  # deleteLater alone leaves it painted until the event loop runs
            widget.deleteLater()
