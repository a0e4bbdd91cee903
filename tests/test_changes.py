"""Every service that writes says what it changed, and only what the change bus knows."""

import ast
from pathlib import Path

import pytest

from cs_trainer import changes
from cs_trainer.resources import package_path
from cs_trainer.services import candidates
from cs_trainer.store.database import Database


def _writing_calls() -> list[tuple[Path, ast.Call]]:
    calls = []
    for path in sorted(package_path("services").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "writing"
            ):
                calls.append((path, node))
    return calls


def test_every_write_session_of_the_services_names_what_it_changes() -> None:
    calls = _writing_calls()
    assert len(calls) > 20
    for path, call in calls:
        assert call.args, f"{path.name}:{call.lineno}: db.writing() names no change kind"
        for arg in call.args:
            if isinstance(arg, ast.Starred):  # a restore replaces everything: *changes.ALL
                assert ast.unparse(arg.value) == "changes.ALL", f"{path.name}:{call.lineno}"
                continue
            assert isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name)
            assert arg.value.id == "changes" and getattr(changes, arg.attr) in changes.ALL


def test_kinds_are_recorded_only_after_the_commit(db: Database) -> None:
    with changes.recording() as seen:
        candidates.add_candidate(
            db, candidates.NewCandidate("王五", "13800000001", "客服专员", consent=True)
        )
    assert seen == {changes.CANDIDATES}
    with (
        changes.recording() as refused,
        pytest.raises(ZeroDivisionError),
        db.writing(changes.ATTEMPTS),
    ):
        raise ZeroDivisionError
    assert refused == set()


def test_an_unknown_kind_is_a_bug() -> None:
    with pytest.raises(ValueError, match="unknown change kinds"):
        changes.record(["candidate"])
