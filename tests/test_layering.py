"""The one rule: only cs_trainer.ui imports Qt. And the shipped font is where it should be."""

import json
import subprocess
import sys
import textwrap

from cs_trainer import resources

# Imports every cs_trainer module outside cs_trainer.ui (without even importing the ui
# package to look inside it), then reports what was imported and which Qt modules got loaded.
IMPORT_ALL_BUT_UI = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys

    SKIP = {
        "cs_trainer.ui",  # the only place Qt is allowed
        "cs_trainer.__main__",  # runs the app when imported
        "cs_trainer.store.migrations.env",  # an Alembic script, run only by Alembic
    }

    def walk(package):
        imported = []
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            if info.name in SKIP:
                continue
            module = importlib.import_module(info.name)
            imported.append(info.name)
            if info.ispkg:
                imported.extend(walk(module))
        return imported

    import cs_trainer
    imported = walk(cs_trainer)
    qt = sorted(
        name for name in sys.modules
        if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
    )
    print(json.dumps({"imported": imported, "qt": qt}))
    """
)


def run_python(code: str) -> dict[str, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, list[str]] = json.loads(result.stdout.splitlines()[-1])
    return report


def test_nothing_outside_ui_imports_qt() -> None:
    report = run_python(IMPORT_ALL_BUT_UI)
    imported = set(report["imported"])
    # the walk really reached every layer
    for module in (
        "cs_trainer.cli",
        "cs_trainer.errors",
        "cs_trainer.resources",
        "cs_trainer.quizzes.selftest",
        "cs_trainer.quizzes.content_loader",
        "cs_trainer.store.database",
        "cs_trainer.store.models",
        "cs_trainer.store.migrate",
        "cs_trainer.store.migrations.versions.0001_initial",
        "cs_trainer.services.selftests",
        "cs_trainer.services.sheets",
        "cs_trainer.reports.evaluation_sheet",
        "cs_trainer.reports.rasterize",
        "cs_trainer.i18n",
        "cs_trainer.scenarios",
    ):
        assert module in imported
    assert not any(name.startswith("cs_trainer.ui") for name in imported)
    assert report["qt"] == []


def test_the_check_above_would_see_qt_coming_in() -> None:
    code = IMPORT_ALL_BUT_UI.replace(
        "imported = walk(cs_trainer)",
        "imported = walk(cs_trainer)\nimport cs_trainer.ui.app",
    )
    report = run_python(code)
    assert "PySide6" in report["qt"]


def test_the_shipped_font_is_a_truetype_collection() -> None:
    path = resources.font_path()
    assert path.is_file()
    assert path.name == "wqy-microhei.ttc"
    with path.open("rb") as font:
        assert font.read(4) == b"ttcf"
    assert path.stat().st_size > 1_000_000  # the real font, not a placeholder or an LFS pointer
