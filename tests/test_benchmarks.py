"""The benchmarks run at tiny sizes, so they cannot rot between the runs that matter."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    """By path: the tests run the installed package, with the checkout off sys.path."""
    spec = importlib.util.spec_from_file_location(f"benchmarks.{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_quick_check_benchmark_prints_its_table(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["quick_check", "--candidates", "30", "--runs", "1"])
    _load("quick_check").main()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("30 candidates")
    measured = [line for line in lines[2:] if line.rstrip().endswith("ms")]
    assert len(measured) == 4 and "quick_check" in measured[0]
