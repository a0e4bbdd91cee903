"""``--database`` and ``CS_TRAINER_DATABASE``: a value that names nothing openable is one line.

Each nonsense value used to end in a traceback from SQLAlchemy or pathlib; now it is
refused before any engine exists, with a bilingual line and a non-zero exit.
"""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cs_trainer import cli
from cs_trainer.errors import UserError
from cs_trainer.store.database import DATABASE_ENV, resolve_database_url
from cs_trainer.store.database_url import DatabaseOptionError, checked_url


def refusal(capsys: pytest.CaptureFixture[str], value: str, *lang: str) -> str:
    """The one line ``cs-trainer retention --list --database VALUE`` prints."""
    capsys.readouterr()
    code = cli.main([*lang, "retention", "--list", "--database", value])
    out, err = capsys.readouterr()
    assert code != 0
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(("cs-trainer: ", "cs-trainer："))
    return lines[0]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("mysql://someone@server/db", "not mysql://"),
        ("foo://", "not foo://"),
        ("http://example.org/x", "not http://"),
        ("postgresql+psycopg2://u@h/db", "not postgresql+psycopg2://"),
        ("::://", "not a valid URL"),
        ("postgresql+psycopg://", "names no database"),
        ("", "is empty"),
        ("   ", "is empty"),
        ("data\x00base.sqlite3", "control character"),
        ("line\nbreak.sqlite3", "control character"),
    ],
)
def test_a_nonsense_value_is_one_line(
    capsys: pytest.CaptureFixture[str], value: str, words: str
) -> None:
    assert words in refusal(capsys, value, "--lang", "en")


def test_a_folder_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert "names a folder" in refusal(capsys, str(tmp_path), "--lang", "en")
    assert "names a folder" in refusal(capsys, f"sqlite:///{tmp_path}", "--lang", "en")


def test_a_file_in_a_folder_that_cannot_exist_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A missing folder is created (as the default data folder is); one that cannot be,
    because a file stands where it would go, is one line."""
    (tmp_path / "a-file").write_text("")
    line = refusal(capsys, str(tmp_path / "a-file" / "sub" / "cs.sqlite3"), "--lang", "en")
    assert "cannot create the folder" in line


def test_a_file_in_a_missing_folder_is_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = tmp_path / "new" / "folder" / "cs.sqlite3"
    assert cli.main(["--lang", "en", "retention", "--list", "--database", str(file)]) == 0
    assert file.exists()
    assert "Traceback" not in capsys.readouterr().err


def test_the_line_is_in_chinese_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert "不支持 mysql://" in refusal(capsys, "mysql://u@h/db", "--lang", "zh")
    assert "文件夹" in refusal(capsys, str(tmp_path), "--lang", "zh")
    assert "为空" in refusal(capsys, "", "--lang", "zh")


def test_the_environment_variable_is_checked_the_same_way(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATABASE_ENV, "mysql://u@h/db")
    capsys.readouterr()
    assert cli.main(["--lang", "en", "retention", "--list"]) != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert "not mysql://" in err


def test_an_empty_environment_variable_means_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATABASE_ENV, "")
    assert resolve_database_url().endswith("cs_trainer.sqlite3")


def test_good_values_still_resolve(tmp_path: Path) -> None:
    file = tmp_path / "cs.sqlite3"
    assert resolve_database_url(str(file)) == f"sqlite:///{file.resolve()}"
    assert resolve_database_url(f"sqlite:///{file}") == f"sqlite:///{file}"
    url = "postgresql+psycopg://cs@127.0.0.1:5432/cs_trainer"
    assert resolve_database_url(url) == url
    assert checked_url("postgresql://cs@db.example/cs") == "postgresql://cs@db.example/cs"


def test_a_good_file_in_an_existing_folder_opens(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = tmp_path / "new.sqlite3"
    assert cli.main(["--lang", "en", "retention", "--list", "--database", str(file)]) == 0
    assert file.exists()
    assert "Traceback" not in capsys.readouterr().err


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.text(max_size=40) | st.text(max_size=20).map(lambda text: f"{text}://{text}"))
def test_any_value_is_a_url_or_a_user_error(value: str, tmp_path: Path) -> None:
    """Whatever is typed, the answer is a URL or the app's own problem, never a crash."""
    previous = os.getcwd()
    os.chdir(tmp_path)  # a relative name resolves in a folder of the test's own
    try:
        checked_url(value)
    except DatabaseOptionError as exc:
        assert isinstance(exc, UserError)
        assert "\n" not in exc.message()
    finally:
        os.chdir(previous)
