"""The command line speaks the user's language: the locale's, or ``--lang``'s.

``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` are read in that order, from the variables
themselves (a machine without the zh_CN locale installed still gets Chinese);
``--lang`` wins over all of them. A file with many problems prints the first 50
and then how many more there are.
"""

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cs_trainer import cli, language
from cs_trainer.errors import ContentError
from cs_trainer.quizzes.bank_io import read_bank, write_bank
from cs_trainer.quizzes.interview_content import builtin_bank
from cs_trainer.quizzes.interview_schema import QuestionBank

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b")
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Chinese desktop: LANG only, as most set it."""
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


def is_chinese(text: str) -> bool:
    return bool(CJK.search(text)) and not ENGLISH_SENTENCE.search(text)


def is_english(text: str) -> bool:
    return not CJK.search(text) and bool(ENGLISH_SENTENCE.search(text))


def refusal(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[str]:
    """The lines a refused command prints; it exits 1 and prints no traceback."""
    assert cli.main(argv) == cli.EXIT_USER_ERROR
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    return err.splitlines()


def usage_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == cli.EXIT_USAGE
    [line] = capsys.readouterr().err.splitlines()
    return line


# --- which language --------------------------------------------------------------------------


@pytest.mark.usefixtures("chinese")
def test_under_a_chinese_locale_errors_are_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [line] = refusal(capsys, ["validate-content", str(tmp_path)])
    assert line == "cs-trainer：错误：那里没有内容文件（*.yaml）"
    [line] = refusal(capsys, ["export-bank", "some_bank", str(tmp_path / "缺少" / "out.csv")])
    assert is_chinese(line), line
    assert "不存在" in line


@pytest.mark.usefixtures("english")
def test_under_an_english_locale_errors_are_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [line] = refusal(capsys, ["validate-content", str(tmp_path)])
    assert line == "cs-trainer: error: no content files (*.yaml) found there"


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "en", "validate-content", "{dir}"],
        ["validate-content", "{dir}", "--lang", "en"],
        ["validate-content", "--lang=en", "{dir}"],
    ],
)
def test_lang_en_wins_over_a_chinese_locale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    [line] = refusal(capsys, [arg.replace("{dir}", str(tmp_path)) for arg in argv])
    assert line == "cs-trainer: error: no content files (*.yaml) found there"


@pytest.mark.usefixtures("english")
def test_lang_zh_wins_over_an_english_locale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [line] = refusal(capsys, ["validate-content", str(tmp_path), "--lang", "zh"])
    assert is_chinese(line), line


@pytest.mark.parametrize(
    ("variables", "chinese"),
    [
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, False),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, True),
        ({"LC_MESSAGES": "zh_CN.GB18030", "LANG": "en_GB.UTF-8"}, True),
        ({"LC_MESSAGES": "C", "LANG": "zh_CN.UTF-8"}, False),
        ({"LANG": "zh_SG"}, True),
        ({}, False),
    ],
)
def test_the_locale_variables_are_read_in_posix_order(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    variables: dict[str, str],
    chinese: bool,
) -> None:
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    [line] = refusal(capsys, ["validate-content", str(tmp_path)])
    assert (is_chinese if chinese else is_english)(line), line


@pytest.mark.usefixtures("chinese")
def test_the_language_of_the_process_is_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = language.current()
    refusal(capsys, ["validate-content", str(tmp_path)])
    assert language.current() == before


@pytest.mark.usefixtures("english")
def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    line = usage_error(capsys, ["--lang", "fr", "validate-content", "x"])
    assert line == (
        "cs-trainer: error: argument --lang: invalid choice: 'fr' (choose from 'zh', 'en') "
        "(see --help)"
    )


# --- what is said in Chinese -------------------------------------------------------------


@pytest.mark.usefixtures("chinese")
def test_usage_mistakes_are_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    line = usage_error(capsys, ["selftest", "--candidate", "x", "--answers", "1"])
    assert line == "cs-trainer selftest：错误：参数 --candidate：'x' 不是整数（见 --help）"
    line = usage_error(capsys, ["export-sheets", "--out", "."])
    assert line.startswith("cs-trainer export-sheets：错误：缺少必需的参数：--cohort")
    line = usage_error(capsys, ["export-sheets", "--cohort", "A", "--out", ".", "--since", "x"])
    assert is_chinese(line) and "YYYY-MM-DD" in line, line


@pytest.mark.usefixtures("chinese")
def test_help_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("用法：cs-trainer")
    assert "显示这段帮助并退出" in text and "导入面试题库" in text
    with pytest.raises(SystemExit):
        cli.main(["import-bank", "--help"])
    assert "要导入的文件" in capsys.readouterr().out


@pytest.mark.usefixtures("chinese")
def test_the_summary_of_validate_content_is_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bank.yaml").write_text("kind: interview_bank\nid: x\nversion: 1\n", "utf-8")
    assert cli.main(["validate-content", str(tmp_path)]) == cli.EXIT_USER_ERROR
    out, err = capsys.readouterr()
    assert out == "1 个文件中有 0 个有效\n"
    lines = err.splitlines()
    assert lines and all(line.startswith(f"{tmp_path / 'bank.yaml'}:") for line in lines)
    assert all(is_chinese(line.split(": ", 1)[1]) for line in lines), lines


@pytest.mark.usefixtures("chinese")
def test_a_broken_bank_is_reported_in_chinese_row_by_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bank_with_bad_rows(tmp_path, 3)
    lines = refusal(capsys, ["import-bank", "--database", str(tmp_path / "db.sqlite3"), str(path)])
    assert lines[0].startswith(f"cs-trainer：错误：{path}:2:group: 未知的素质组 'bogus'")
    assert [line.removeprefix("cs-trainer：错误：").split(": ")[0] for line in lines] == [
        f"{path}:{row}:group" for row in (2, 3, 4)
    ]
    assert all(is_chinese(line.split(": ", 1)[1]) for line in lines), lines
    assert not (tmp_path / "db.sqlite3").exists()


@pytest.mark.usefixtures("chinese")
def test_no_error_repeats_a_persons_name_or_phone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = str(tmp_path / "db.sqlite3")
    argv = ["candidate", "add", "--database", database, "--name", "王小明", "--consent"]
    [line] = refusal(capsys, [*argv, "--phone", "1380013800x"])
    assert is_chinese(line), line
    assert "王小明" not in line and "1380013800" not in line


# --- many problems ------------------------------------------------------------------------


def bank_with_bad_rows(tmp_path: Path, count: int) -> Path:
    """A CSV bank of ``count`` questions, each with one mistake: an unknown group."""
    bank = builtin_bank().content
    one = QuestionBank.model_validate({**bank.model_dump(), "questions": bank.questions[:1]})
    template = tmp_path / "one.csv"
    write_bank(one, template)
    header, row = list(csv.reader(io.StringIO(template.read_text(encoding="utf-8-sig"))))
    rows = []
    for number in range(count):
        cells = dict(zip(header, row, strict=True))
        cells.update(id=f"question_{number}", group="bogus")
        rows.append([cells[name] for name in header])
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


@pytest.mark.parametrize(
    ("lang", "prefix", "rest"),
    [
        ("en", "cs-trainer: error: ", "… and 250 more problems"),
        ("zh", "cs-trainer：错误：", "……另有 250 处问题"),
    ],
)
def test_300_problems_print_the_first_50_and_count_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, prefix: str, rest: str
) -> None:
    path = bank_with_bad_rows(tmp_path, 300)
    with pytest.raises(ContentError) as raised:
        read_bank(path)
    assert len(raised.value.problems) == 300
    lines = refusal(capsys, ["import-bank", "--lang", lang, str(path)])
    assert len(lines) == 51
    assert lines[0].startswith(f"{prefix}{path}:2:group: ")
    assert [line.removeprefix(prefix).split(": ")[0] for line in lines[:50]] == [
        f"{path}:{row}:group" for row in range(2, 52)
    ]
    assert lines[50] == rest


def test_exactly_50_problems_need_no_count_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = refusal(capsys, ["import-bank", str(bank_with_bad_rows(tmp_path, 50))])
    assert len(lines) == 50 and "more problem" not in lines[-1]
    lines = refusal(capsys, ["import-bank", str(bank_with_bad_rows(tmp_path, 51))])
    assert lines[-1] == "… and 1 more problem"


# --- a real process ---------------------------------------------------------------------------


@pytest.mark.slow
def test_a_real_process_follows_lang_and_lang_option(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env["LANG"] = "zh_CN.UTF-8"  # need not be installed: the variable itself is read
    env["PYTHONIOENCODING"] = "utf-8"
    command = [sys.executable, "-m", "cs_trainer", "validate-content", str(tmp_path)]
    chinese = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert (chinese.returncode, chinese.stdout) == (cli.EXIT_USER_ERROR, "")
    assert chinese.stderr == "cs-trainer：错误：那里没有内容文件（*.yaml）\n"
    english = subprocess.run(
        [*command, "--lang", "en"], env=env, capture_output=True, text=True, timeout=120
    )
    assert english.stderr == "cs-trainer: error: no content files (*.yaml) found there\n"
