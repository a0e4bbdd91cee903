"""All interviewers' ratings of a candidate: each rater's score, the mean per question
and per quality group, and the radar of the four groups."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.services.interviews import GROUPS, InterviewSummary, task_key
from cs_trainer.ui.selftest.result_view import group_name
from cs_trainer.ui.shared.radar_chart import RadarChart
from cs_trainer.ui.shared.translation import content_text


def _cell(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _score_text(value: float | None, decimals: int = 1) -> str:
    return "—" if value is None else f"{value:.{decimals}f}"


class InterviewSummaryView(QWidget):
    """Shows one plan's summary at a time; a combo chooses among several plans."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summaries: list[InterviewSummary] = []
        self.plan_combo = QComboBox()
        self.plan_combo.currentIndexChanged.connect(self._show_index)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.groups_label = QLabel()
        self.groups_label.setWordWrap(True)
        self.radar = RadarChart()
        self.radar.setFixedHeight(250)
        self.empty_label = QLabel(self.tr("No interview yet."))
        # Table above, radar below: the candidate panel is narrow, and a question
        # text squeezed beside a chart cannot be read.
        below = QHBoxLayout()
        below.addWidget(self.radar, 1)
        below.addWidget(self.groups_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.plan_combo)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)

    def show_summaries(self, summaries: list[InterviewSummary]) -> None:
        self.summaries = summaries
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for summary in summaries:
            self.plan_combo.addItem(f"{summary.plan.name} · {', '.join(summary.raters)}")
        self.plan_combo.blockSignals(False)
        self.plan_combo.setVisible(len(summaries) > 1)
        self.empty_label.setVisible(not summaries)
        for widget in (self.table, self.radar, self.groups_label):
            widget.setVisible(bool(summaries))
        if summaries:
            self.plan_combo.setCurrentIndex(len(summaries) - 1)
            self._show_index(len(summaries) - 1)

    def _show_index(self, index: int) -> None:
        if not 0 <= index < len(self.summaries):
            return
        summary = self.summaries[index]
        self._fill_table(summary)
        means = {g.group: g for g in summary.group_means}
        self.radar.show_values([(group_name(g), means[g].mean) for g in GROUPS])
        self.groups_label.setText(
            "<br>".join(f"{group_name(g)}: <b>{_score_text(means[g].mean)}</b>" for g in GROUPS)
        )

    def _fill_table(self, summary: InterviewSummary) -> None:
        plan = summary.plan
        rows = [(q.id, content_text(q.text), q.group) for q in plan.questions]
        rows += [(task_key(t.id), content_text(t.title), t.group) for t in plan.tasks]
        headers = [self.tr("Question or task"), self.tr("Group"), *summary.raters, self.tr("Mean")]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        by_rater = {(r.rater, r.item_id): r for r in summary.ratings}
        for row, (item_id, text, group) in enumerate(rows):
            title = QTableWidgetItem(text)
            title.setToolTip(text)
            self.table.setItem(row, 0, title)
            self.table.setItem(row, 1, _cell(group_name(group)))
            for column, rater in enumerate(summary.raters, start=2):
                rating = by_rater.get((rater, item_id))
                score = "—" if rating is None or rating.score is None else str(rating.score)
                self.table.setItem(row, column, _cell(score, rating.notes if rating else ""))
            mean = summary.item_means.get(item_id)
            self.table.setItem(row, len(headers) - 1, _cell(_score_text(mean)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
