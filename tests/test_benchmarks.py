"""The benchmarks run at tiny sizes, so they cannot rot between the runs that matter."""

import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import load_module

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    return load_module(f"benchmarks.{name}", BENCHMARKS / f"{name}.py")


def test_the_quick_check_benchmark_prints_its_table(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["quick_check", "--candidates", "30", "--runs", "1"])
    _load("quick_check").main()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("30 candidates")
    measured = [line for line in lines[2:] if line.rstrip().endswith("ms")]
    assert len(measured) == 4 and "quick_check" in measured[0]
