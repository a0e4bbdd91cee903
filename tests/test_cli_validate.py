"""`cs-trainer validate-content PATH…`: every problem as file:line, non-zero when invalid."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from cs_trainer import cli
from cs_trainer.resources import package_path

DOC = Path(__file__).resolve().parents[1] / "docs" / "authoring.md"


def _example() -> str:
    match = re.search(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert match
    return match.group(1)


def test_valid_files_and_folders_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "example.yaml").write_text(_example(), encoding="utf-8")
    code = cli.main(
        [
            "validate-content",
            str(tmp_path),
            str(package_path("quizzes", "content")),
            str(package_path("staff_forms", "content")),
        ]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert re.fullmatch(r"(\d+) of \1 files valid\n", out)


def test_an_invalid_file_is_listed_with_its_line_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.yaml").write_text(_example(), encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(_example().replace("next: escalated", "next: nowhere"), encoding="utf-8")
    bank = tmp_path / "bank.yaml"
    bank.write_text("kind: interview_bank\nid: x\nversion: 1\n", encoding="utf-8")
    code = cli.main(["validate-content", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == "1 of 3 files valid\n"
    lines = err.splitlines()
    assert any(
        re.match(rf"{re.escape(str(bad))}:\d+: choice 2 of 'checked' points to", line)
        for line in lines
    )
    assert any(line.startswith(f"{bank}:") and "title" in line for line in lines)
    assert "Traceback" not in err


def test_no_content_at_all_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate-content", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "cs-trainer: error: no content files (*.yaml) found there\n"


@pytest.mark.slow
def test_the_real_command_checks_the_shipped_content() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cs_trainer",
            "validate-content",
            str(package_path("scenarios", "content")),
            str(package_path("quizzes", "content")),
            str(package_path("staff_forms", "content")),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("files valid")
