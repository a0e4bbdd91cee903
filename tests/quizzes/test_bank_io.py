"""Question banks as YAML, CSV and XLSX: round trips, and bad tables reported as FILE:ROW:COLUMN.

A bad table is written the way HR would leave it (by editing a good export), and the
test checks the exact line a trainer reads to find the cell to fix.
"""

import csv
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from cs_trainer.errors import ContentError, UserError
from cs_trainer.quizzes.bank_columns import COLUMNS
from cs_trainer.quizzes.bank_io import read_bank, write_bank
from cs_trainer.quizzes.interview_schema import QuestionBank

DOCS = Path(__file__).resolve().parents[2] / "docs" / "banks.md"
BOM = b"\xef\xbb\xbf"

Row = dict[str, str]


def text(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


def question(qid: str, group: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": qid,
        "group": group,
        "source": "本店培训组",
        "text": text(f"关于{qid}的问题？", f"A question about {qid}?"),
        "purpose": text("考察应聘者的素质。", "What the question measures."),
        "good_signs": [text("语气平和", "Calm tone"), text("先道歉", "Apologises first")],
        "warning_signs": [text("推卸责任", "Blames others")],
        "anchors": [
            {"score": 1, "text": text("很差。", "Poor.")},
            {"score": 3, "text": text("一般。", "Average.")},
            {"score": 5, "text": text("很好。", "Excellent.")},
        ],
        **extra,
    }


def sample_bank() -> QuestionBank:
    """Three questions with Chinese everywhere, optional fields set and left out."""
    return QuestionBank.model_validate(
        {
            "id": "hotel_front_desk",
            "version": 2,
            "kind": "interview_bank",
            "title": text("酒店前台面试题", "Hotel front-desk questions"),
            "description": text("前台岗位的补充题目。", "Extra questions, front desk."),
            "questions": [
                question("angry_customer", "psychological", role_requirement="pressure"),
                question(
                    "busy_colleague",
                    "character",
                    verbatim=True,
                    # one sign that itself holds the separator must stay one sign
                    warning_signs=[text("认为不是自己的事；不帮忙", "Not my job; will not help")],
                    anchors=[
                        {"score": score, "text": text(f"{score}分的回答。", f"Worth {score}.")}
                        for score in range(1, 6)
                    ],
                ),
                question("typing_speed", "skills", source="=seed 001"),  # looks like a formula
            ],
        }
    )


@pytest.fixture
def bank() -> QuestionBank:
    return sample_bank()


# --- writing tables the way HR leaves them ------------------------------------------------


def good_rows(tmp_path: Path) -> tuple[list[str], list[Row]]:
    """The header and rows of the sample bank, as an export gives them to HR."""
    exported = tmp_path / "export.csv"
    write_bank(sample_bank(), exported)
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_table(path: Path, header: list[str], rows: list[Row], bom: bool = True) -> Path:
    cells = [header, *[[row.get(name, "") for name in header] for row in rows]]
    if path.suffix == ".xlsx":
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        for line in cells:
            sheet.append([cell or None for cell in line])
        for row_cells in sheet.iter_rows():
            for cell in row_cells:
                cell.data_type = "s" if cell.value is not None else cell.data_type  # no formulas
        workbook.save(path)
    else:
        with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
            csv.writer(handle).writerows(cells)
    return path


def where(path: Path, header: list[str], row: int, column: str) -> str:
    """The FILE:ROW:COLUMN a problem must name; XLSX adds the column letter."""
    if path.suffix == ".xlsx":
        column = f"{column} ({get_column_letter(header.index(column) + 1)})"
    return f"{path}:{row}:{column}:"


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        read_bank(path)
    return str(raised.value).splitlines()


SUFFIXES = pytest.mark.parametrize("suffix", [".csv", ".xlsx"])


# --- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_yaml_to_table_and_back_gives_the_same_bank(
    tmp_path: Path, bank: QuestionBank, suffix: str
) -> None:
    yaml_file = tmp_path / "bank.yaml"
    write_bank(bank, yaml_file)
    from_yaml = read_bank(yaml_file)
    assert from_yaml == bank
    table = tmp_path / f"bank{suffix}"
    write_bank(from_yaml, table)
    assert read_bank(table) == bank


def test_the_yaml_written_keeps_chinese_readable(tmp_path: Path, bank: QuestionBank) -> None:
    out = tmp_path / "bank.yml"
    write_bank(bank, out)
    assert "酒店前台面试题" in out.read_text(encoding="utf-8")
    assert read_bank(out) == bank


def test_the_built_in_bank_survives_a_round_trip_through_excel(tmp_path: Path) -> None:
    from cs_trainer.quizzes.interview_content import builtin_bank

    shipped = builtin_bank().content
    out = tmp_path / "builtin.xlsx"
    write_bank(shipped, out)
    assert read_bank(out) == shipped


def test_csv_is_written_with_a_bom_and_read_with_or_without_it(
    tmp_path: Path, bank: QuestionBank
) -> None:
    with_bom = tmp_path / "bank.csv"
    write_bank(bank, with_bom)
    raw = with_bom.read_bytes()
    assert raw.startswith(BOM)  # Excel opens the Chinese correctly only with it
    without_bom = tmp_path / "plain.csv"
    without_bom.write_bytes(raw[len(BOM) :])
    assert read_bank(with_bom) == read_bank(without_bom) == bank


def test_signs_go_one_per_line_in_a_cell(tmp_path: Path, bank: QuestionBank) -> None:
    out = tmp_path / "bank.xlsx"
    write_bank(bank, out)
    sheet = load_workbook(out).worksheets[0]
    column = COLUMNS.index("good_signs_zh") + 1
    assert sheet.cell(row=2, column=column).value == "语气平和\n先道歉"
    assert sheet.cell(row=1, column=column).value == "good_signs_zh"
    assert sheet.cell(row=2, column=COLUMNS.index("bank_version") + 1).value == 2


def test_a_group_in_chinese_and_signs_separated_by_semicolons(tmp_path: Path) -> None:
    header, rows = good_rows(tmp_path)
    rows[0]["group"] = "心理素质"
    rows[1]["group"] = "品格"
    rows[2]["group"] = "Skills"
    rows[0]["good_signs_zh"] = "语气平和；先道歉"
    rows[0]["good_signs_en"] = "Calm tone; Apologises first"
    bank = read_bank(write_table(tmp_path / "bank.csv", header, rows))
    assert [q.group for q in bank.questions] == ["psychological", "character", "skills"]
    assert bank.questions[0] == sample_bank().questions[0]


def test_bank_columns_may_be_left_empty_after_the_first_row(tmp_path: Path) -> None:
    header, rows = good_rows(tmp_path)
    for row in rows[1:]:
        for name in ("bank_id", "bank_version", "bank_title_zh", "bank_title_en"):
            row[name] = ""
    assert read_bank(write_table(tmp_path / "bank.xlsx", header, rows)) == sample_bank()


def test_columns_in_any_order_and_blank_rows_are_skipped(tmp_path: Path) -> None:
    header, rows = good_rows(tmp_path)
    header = list(reversed(header))
    header.remove("anchor_2_zh")  # an optional column may be left out …
    header.remove("anchor_2_en")
    header.remove("anchor_4_zh")
    header.remove("anchor_4_en")
    rows.insert(1, {})
    rows[2]["source"] = ""  # … and a problem after a blank row names the row HR sees
    lines = problems_of(write_table(tmp_path / "bank.csv", header, rows))
    assert lines == [f"{tmp_path / 'bank.csv'}:4:source: required"]


def test_excel_numbers_and_booleans_are_read_as_typed(tmp_path: Path) -> None:
    header, rows = good_rows(tmp_path)
    path = write_table(tmp_path / "bank.xlsx", header, rows)
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    for row in (2, 3, 4):
        sheet.cell(row=row, column=header.index("bank_version") + 1).value = 2.0
    sheet.cell(row=3, column=header.index("verbatim") + 1).value = True
    workbook.save(path)
    assert read_bank(path) == sample_bank()


def test_the_documented_example_imports(tmp_path: Path) -> None:
    block = re.search(r"```csv\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None
    example = tmp_path / "example.csv"
    example.write_text(block.group(1), encoding="utf-8")
    bank = read_bank(example)
    assert [q.id for q in bank.questions] == ["angry_customer", "busy_colleague"]
    assert [q.group for q in bank.questions] == ["psychological", "character"]
    assert len(bank.questions[0].good_signs) == 3
    assert len(bank.questions[0].warning_signs) == 2
    assert [a.score for a in bank.questions[1].anchors] == [1, 2, 3, 4, 5]
    documented = set(re.findall(r"^\| `([a-z0-9_]+)`", DOCS.read_text("utf-8"), re.MULTILINE))
    assert documented <= set(COLUMNS)


# --- bad tables: one problem each ----------------------------------------------------------


@SUFFIXES
def test_a_missing_required_anchor(tmp_path: Path, suffix: str) -> None:
    header, rows = good_rows(tmp_path)
    rows[1]["anchor_3_zh"] = ""
    path = write_table(tmp_path / f"bank{suffix}", header, rows)
    assert problems_of(path) == [f"{where(path, header, 3, 'anchor_3_zh')} required"]


@SUFFIXES
def test_a_missing_anchor_column(tmp_path: Path, suffix: str) -> None:
    header, rows = good_rows(tmp_path)
    header.remove("anchor_3_en")
    path = write_table(tmp_path / f"bank{suffix}", header, rows)
    assert problems_of(path) == [f"{path}:1:anchor_3_en: required column is missing"]


@SUFFIXES
def test_an_optional_anchor_needs_both_languages(tmp_path: Path, suffix: str) -> None:
    header, rows = good_rows(tmp_path)
    rows[0]["anchor_4_zh"] = "较好。"
    path = write_table(tmp_path / f"bank{suffix}", header, rows)
    assert problems_of(path) == [f"{where(path, header, 2, 'anchor_4_en')} required"]


@SUFFIXES
def test_an_unknown_group(tmp_path: Path, suffix: str) -> None:
    header, rows = good_rows(tmp_path)
    rows[2]["group"] = "心态"
    path = write_table(tmp_path / f"bank{suffix}", header, rows)
    [line] = problems_of(path)
    assert line.startswith(f"{where(path, header, 4, 'group')} unknown group '心态'; write one of")
    assert "psychological / 心理素质" in line


@SUFFIXES
def test_sign_counts_differ_between_languages(tmp_path: Path, suffix: str) -> None:
    header, rows = good_rows(tmp_path)
    rows[0]["good_signs_en"] = "Calm tone"
    path = write_table(tmp_path / f"bank{suffix}", header, rows)
    [line] = problems_of(path)
    assert line.startswith(
        f"{where(path, header, 2, 'good_signs_en')} 1 sign but good_signs_zh has 2"
    )


@SUFFIXES
def test_a_duplicate_id_names_both_rows(tmp_path: Path, suffix: str) -> None:
    header, rows = good_rows(tmp_path)
    rows[2]["id"] = rows[0]["id"]
    path = write_table(tmp_path / f"bank{suffix}", header, rows)
    assert problems_of(path) == [
        f"{where(path, header, 4, 'id')} 'angry_customer' is already the id of row 2; "
        "ids must differ"
    ]


@SUFFIXES
def test_an_unknown_header(tmp_path: Path, suffix: str) -> None:
    header, rows = good_rows(tmp_path)
    header.append("anchr_5_en")
    path = write_table(tmp_path / f"bank{suffix}", header, rows)
    assert problems_of(path) == [
        f"{where(path, header, 1, 'anchr_5_en')} unknown column; did you mean anchor_5_en?"
    ]


@SUFFIXES
def test_an_empty_required_cell(tmp_path: Path, suffix: str) -> None:
    header, rows = good_rows(tmp_path)
    rows[1]["purpose_en"] = "   "
    path = write_table(tmp_path / f"bank{suffix}", header, rows)
    assert problems_of(path) == [f"{where(path, header, 3, 'purpose_en')} required"]


@SUFFIXES
def test_bank_columns_that_disagree(tmp_path: Path, suffix: str) -> None:
    header, rows = good_rows(tmp_path)
    rows[1]["bank_title_en"] = "Front desk"
    path = write_table(tmp_path / f"bank{suffix}", header, rows)
    [line] = problems_of(path)
    assert line.startswith(
        f"{where(path, header, 3, 'bank_title_en')} 'Front desk' differs from "
        "'Hotel front-desk questions' on row 2;"
    )


def test_a_bank_column_given_on_no_row(tmp_path: Path) -> None:
    header, rows = good_rows(tmp_path)
    for row in rows:
        row["bank_title_zh"] = ""
    path = write_table(tmp_path / "bank.csv", header, rows)
    assert problems_of(path) == [f"{path}:2:bank_title_zh: required on at least one row"]


@SUFFIXES
def test_schema_rules_point_at_their_cell(tmp_path: Path, suffix: str) -> None:
    header, rows = good_rows(tmp_path)
    rows[0]["id"] = "Angry Customer"
    rows[1]["anchor_4_zh"] = "较 好。"  # a space between Chinese characters
    rows[2]["role_requirement"] = "patience"
    rows[0]["bank_version"] = rows[1]["bank_version"] = rows[2]["bank_version"] = "0"
    path = write_table(tmp_path / f"bank{suffix}", header, rows)
    lines = problems_of(path)
    assert lines[0].startswith(f"{where(path, header, 2, 'bank_version')} Input should be")
    assert lines[1].startswith(f"{where(path, header, 2, 'id')} use lower-case letters")
    assert lines[2] == (
        f"{where(path, header, 3, 'anchor_4_zh')} "
        "Chinese text has a space between characters; keep it on one line"
    )
    assert lines[3].startswith(f"{where(path, header, 4, 'role_requirement')} Input should be")
    assert len(lines) == 4


# --- bad tables: everything at once --------------------------------------------------------


@SUFFIXES
def test_every_problem_of_a_file_is_listed_together(tmp_path: Path, suffix: str) -> None:
    header, rows = good_rows(tmp_path)
    header.append("notes")
    rows[0]["anchor_3_zh"] = ""
    rows[0]["group"] = "bogus"
    rows[1]["warning_signs_en"] = "Not my job\nWill not help\nSulks"
    rows[1]["bank_version"] = "3"
    rows[2]["id"] = rows[1]["id"]
    rows[2]["text_zh"] = ""
    path = write_table(tmp_path / f"bank{suffix}", header, rows)
    lines = problems_of(path)
    expected = [
        (1, "notes", "unknown column"),
        (2, "group", "unknown group 'bogus'"),
        (2, "anchor_3_zh", "required"),
        (3, "bank_version", "'3' differs from '2' on row 2"),
        (3, "warning_signs_en", "3 signs but warning_signs_zh has 1"),
        (4, "id", "'busy_colleague' is already the id of row 3"),
        (4, "text_zh", "required"),
    ]
    assert len(lines) == len(expected), lines
    for line, (row, column, message) in zip(lines, expected, strict=True):
        assert line.startswith(f"{where(path, header, row, column)} {message}")


def test_a_header_only_file_has_no_questions(tmp_path: Path) -> None:
    header, _ = good_rows(tmp_path)
    path = write_table(tmp_path / "bank.csv", header, [])
    assert problems_of(path) == [f"{path}:2:id: no questions below the header"]


def test_an_empty_first_row(tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("\n\nbank_id\nx\n", encoding="utf-8")
    assert problems_of(path) == [f"{path}:1:(header): row 1 must name the columns"]


def test_a_cell_under_no_column_name(tmp_path: Path) -> None:
    header, rows = good_rows(tmp_path)
    path = write_table(tmp_path / "bank.xlsx", header, rows)
    workbook = load_workbook(path)
    workbook.worksheets[0].cell(row=3, column=len(header) + 2).value = "a note"
    workbook.save(path)
    letter = get_column_letter(len(header) + 2)
    assert problems_of(path) == [
        f"{path}:3:column {letter}: a cell in a column without a name in row 1"
    ]


# --- files that are not tables --------------------------------------------------------------


def test_a_csv_saved_as_gbk_is_refused_with_advice(tmp_path: Path) -> None:
    header, rows = good_rows(tmp_path)
    path = tmp_path / "gbk.csv"
    with path.open("w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows([header, [rows[0][name] for name in header]])
    [line] = problems_of(path)
    assert line.startswith(f"{path}:2: not UTF-8 text")
    assert "CSV UTF-8" in line


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "bank.xlsx"
    path.write_text("bank_id,id\n", encoding="utf-8")
    [line] = problems_of(path)
    assert line.startswith(f"{path}:1: not an Excel .xlsx workbook")


def test_an_unknown_kind_of_file(tmp_path: Path, bank: QuestionBank) -> None:
    with pytest.raises(ContentError, match=r"bank\.xls: unknown kind of file \(save it"):
        read_bank(tmp_path / "bank.xls")
    with pytest.raises(ContentError, match=r"use \.yaml, \.yml, \.csv, \.xlsx"):
        write_bank(bank, tmp_path / "bank.txt")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"cannot read .*missing\.csv"):
        read_bank(tmp_path / "missing.csv")


def test_a_broken_yaml_file_names_its_line(tmp_path: Path, bank: QuestionBank) -> None:
    path = tmp_path / "bank.yaml"
    write_bank(bank, path)
    path.write_text(path.read_text("utf-8").replace("version: 2", "version: two"), "utf-8")
    [line] = problems_of(path)
    assert line.startswith(f"{path}:2: version:")


# --- writing --------------------------------------------------------------------------------


def test_writing_replaces_a_file_whole_and_leaves_no_temporary_file(
    tmp_path: Path, bank: QuestionBank
) -> None:
    out = tmp_path / "bank.xlsx"
    out.write_bytes(b"old")
    write_bank(bank, out)
    assert read_bank(out) == bank
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.xlsx"]


def test_writing_into_a_missing_folder_leaves_nothing(tmp_path: Path, bank: QuestionBank) -> None:
    with pytest.raises(FileNotFoundError):
        write_bank(bank, tmp_path / "missing" / "bank.csv")
    assert list(tmp_path.iterdir()) == []
