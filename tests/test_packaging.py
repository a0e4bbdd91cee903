"""A non-editable ``pip install .`` carries every asset and runs from anywhere.

The wheel is built from the checkout and installed into a private folder; the
installed copy then writes an evaluation sheet, which needs the font, the
content file, the migrations and (for the GUI) the translations.
"""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

CHECKOUT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_with_all_assets_and_runs(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--wheel-dir",
            str(wheels),
            str(CHECKOUT),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    [wheel] = wheels.glob("cs_trainer-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "cs_trainer/assets/fonts/wqy-microhei.ttc",
        "cs_trainer/assets/fonts/LICENSE-wqy-microhei.txt",
        "cs_trainer/quizzes/content/service_potential.yaml",
        "cs_trainer/i18n/cs_trainer_zh_CN.ts",
        "cs_trainer/store/migrations/env.py",
        "cs_trainer/store/migrations/versions/0001_initial.py",
    ):
        assert needed in names, f"{needed} is missing from the wheel"
    scenarios = [n for n in names if n.startswith("cs_trainer/scenarios/content/")]
    assert len(scenarios) >= 18, "the role-play library ships inside the wheel"

    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(site),
        "CS_TRAINER_DATABASE": str(tmp_path / "db.sqlite3"),
    }

    def cli(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "cs_trainer", *args],
            env=env,
            cwd=elsewhere,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    where = subprocess.run(
        [sys.executable, "-c", "import cs_trainer.resources as r; print(r.font_path())"],
        env=env,
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(site), "the installed copy must use its own font"

    candidate = cli("candidate", "add", "--name", "张三", "--phone", "13800138000", "--consent")
    cli("selftest", "--candidate", candidate, "--answers", "9,8,10,7,6,9,8,10,9,8")
    cli("sheet", "--candidate", candidate, "--out", str(tmp_path / "sheet.pdf"))
    text = PdfReader(tmp_path / "sheet.pdf").pages[0].extract_text()
    assert "张三" in text and "84" in text
