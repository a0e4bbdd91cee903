"""The cohort table as CSV and XLSX, for trainers who keep their own spreadsheets.

One header row and one row per trainee, the same columns in both formats:
the name, then each instrument's latest and best percentage, then the mean of
the latest. Headers are bilingual. Both files are built in memory and written
with :func:`cs_trainer.files.write_atomically`, so a reader never opens half
a file.
"""

import csv
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cs_trainer.files import write_atomically
from cs_trainer.reports.progress_data import CohortSheet, SkillPercent
from cs_trainer.reports.spreadsheet_cells import neutralised, text_cell, xlsx_text

NAME_HEADER = "姓名 Name"
MEAN_HEADER = "平均（最近）Mean of latest (%)"
PERCENT_FORMAT = "0.0%"
HEADER_HEIGHT = 45  # points: three wrapped lines of a bilingual heading
SCORES_TITLE = "成绩 Scores"
SKILLS_TITLE = "技能 Skills"

Value = str | float | None


def cohort_headers(sheet: CohortSheet) -> list[str]:
    """The column headings, e.g. "理智型客户 Rational customer · 最近 Latest (%)"."""
    headers = [NAME_HEADER]
    for column in sheet.instruments:
        title = f"{column.title.zh} {column.title.en}"
        headers += [f"{title} · 最近 Latest (%)", f"{title} · 最高 Best (%)"]
    return [*headers, MEAN_HEADER]


def cohort_records(sheet: CohortSheet) -> list[list[Value]]:
    """One list per trainee under :func:`cohort_headers`; percentages 0–100, None if none."""
    records: list[list[Value]] = []
    for row in sheet.rows:
        values: list[Value] = [row.name]
        for cell in row.cells:
            values += [cell.latest, cell.best]
        records.append([*values, row.mean])
    return records


def _csv_value(value: Value) -> str:
    """Percentages with one decimal, so a spreadsheet reads them as numbers; text
    (names, titles) never as a formula."""
    if value is None:
        return ""
    return neutralised(value) if isinstance(value, str) else f"{value:.1f}"


def write_cohort_csv(sheet: CohortSheet, out: Path) -> None:
    """The cohort table as CSV, UTF-8 with a byte-order mark.

    Without the BOM, Excel on a Chinese or English Windows guesses the local
    code page and shows the names and headers as mojibake.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # "\r\n" line ends, as Excel expects
    writer.writerow([neutralised(header) for header in cohort_headers(sheet)])
    writer.writerows([_csv_value(v) for v in record] for record in cohort_records(sheet))
    write_atomically(out, buffer.getvalue().encode("utf-8-sig"))


def _excel_value(value: Value) -> str | float | None:
    """Percentages as fractions (0.85), which the "0.0%" format shows as 85.0%; text
    without what a workbook cannot hold."""
    if isinstance(value, str):
        return xlsx_text(value)
    return value / 100 if isinstance(value, float | int) else value


def _fill_table(
    worksheet: Worksheet, headers: list[str], records: list[list[Value]], widths: list[float]
) -> None:
    """A bold, frozen, wrapped header row over the records, percentages formatted;
    every text (a name, a title) a string cell."""
    worksheet.append([xlsx_text(header) for header in headers])
    for record in records:
        worksheet.append([_excel_value(value) for value in record])
    for row in worksheet.iter_rows():
        for cell in row:
            text_cell(cell)
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in worksheet.iter_rows(min_row=2, min_col=2):
        for cell in row:
            cell.number_format = PERCENT_FORMAT
    for index, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    worksheet.row_dimensions[1].height = HEADER_HEIGHT  # Excel does not grow it to fit
    worksheet.freeze_panes = "B2"  # the header row and the names stay in view


def _skill_records(skills: list[SkillPercent]) -> list[list[Value]]:
    return [[f"{s.skill.zh} {s.skill.en}", s.percent] for s in skills]


def cohort_workbook_bytes(sheet: CohortSheet) -> bytes:
    """The XLSX file: the scores sheet, and the cohort's skills on a second sheet."""
    workbook = Workbook()
    scores = workbook.active
    scores.title = SCORES_TITLE
    headers = cohort_headers(sheet)
    _fill_table(scores, headers, cohort_records(sheet), [18.0] + [16.0] * (len(headers) - 1))
    skills = workbook.create_sheet(SKILLS_TITLE)
    _fill_table(skills, ["技能 Skill", "得分率 Score (%)"], _skill_records(sheet.skills), [26, 14])
    workbook.properties.title = xlsx_text(f"{sheet.cohort} — {sheet.period.label()}")
    workbook.properties.creator = "cs_trainer"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_cohort_xlsx(sheet: CohortSheet, out: Path) -> None:
    """The cohort table as an Excel workbook, written atomically."""
    write_atomically(out, cohort_workbook_bytes(sheet))
