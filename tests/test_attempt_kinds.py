"""The attempt kinds' registry: every kind the code stores is declared once, completely,
and progress, charts, sheets and validation read the declaration instead of a list."""

import ast
import importlib
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from sqlalchemy import String

from cs_trainer import attempt_kinds, content_validation
from cs_trainer.attempt_kinds import AttemptKind, Whole
from cs_trainer.reports.progress_data import kind_name
from cs_trainer.services import progress, roleplays
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt
from cs_trainer.store.snapshots import canonical_hash, keep_snapshot

PACKAGE = Path(attempt_kinds.__file__).parent
NAMES = {kind.name for kind in attempt_kinds.ALL}
CJK = re.compile(r"[\u4e00-\u9fff]")

# Modules that used to spell kinds out; each now reads the registry.
READERS = [
    "services/progress.py",
    "services/score_sheets.py",
    "services/attempts.py",
    "reports/progress_data.py",
    "reports/trainee_sheet.py",
    "content_validation.py",
    "ui/trainer/trend_chart.py",
    "ui/trainer/progress_page.py",
    "services/selftests.py",
    "services/interviews.py",
    "services/typing_tests.py",
    "services/roleplays.py",
    "services/quizzes.py",
    "services/performance.py",
    "services/candidates.py",
    "services/statistics.py",
]


def _stored_kinds() -> Iterator[tuple[str, str]]:
    """(module, kind) for every ``Attempt(kind=...)`` outside the UI and the migrations,
    the kind evaluated in its module the way the code computes it."""
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent)
        if relative.parts[1] in {"ui", "store"}:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "Attempt"
        ]
        if not calls:
            continue
        module_name = ".".join(relative.with_suffix("").parts)
        namespace = vars(importlib.import_module(module_name))
        for call in calls:
            for keyword in call.keywords:
                if keyword.arg == "kind":
                    yield module_name, eval(ast.unparse(keyword.value), dict(namespace))


def test_every_kind_the_code_stores_is_declared_and_owned_by_its_service() -> None:
    stored = list(_stored_kinds())
    assert {kind for _module, kind in stored} == NAMES
    for module, kind in stored:
        owner = attempt_kinds.find(kind)
        assert owner is not None and owner.service == module, (module, kind)
    default = Attempt.__table__.c.kind.default
    assert default is not None and getattr(default, "arg", None) in NAMES


def test_names_are_unique_and_fit_the_column() -> None:
    names = [kind.name for kind in attempt_kinds.ALL]
    assert len(names) == len(set(names))
    column = Attempt.__table__.c.kind.type
    assert isinstance(column, String) and column.length is not None
    assert all(re.fullmatch(r"[a-z_]+", name) and len(name) <= column.length for name in names)


def test_every_label_is_in_chinese_and_english() -> None:
    for kind in attempt_kinds.ALL:
        labels = [kind.label, kind.series]
        if kind.progress is not None and kind.progress.title is not None:
            labels.append(kind.progress.title)
        for label in labels:
            assert CJK.search(label.zh), (kind.name, label)
            assert label.en.strip() and not CJK.search(label.en), (kind.name, label)


def test_colours_are_distinct_hex_strings() -> None:
    colours = [kind.colour for kind in attempt_kinds.ALL]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", colour) for colour in colours)
    assert len(set(colours)) == len(colours)


def test_messages_name_the_attempt_id_or_need_none() -> None:
    for kind in attempt_kinds.ALL:
        for lang in ("zh", "en"):
            assert "{id}" in getattr(kind.not_found, lang), kind.name
            assert getattr(kind.finished, lang).format(id=7).strip(), kind.name


@pytest.mark.parametrize("kind", attempt_kinds.ALL, ids=lambda kind: kind.name)
def test_the_owning_service_and_content_checks_resolve(kind: AttemptKind) -> None:
    assert kind.service.startswith("cs_trainer.services.")
    importlib.import_module(kind.service)
    assert kind.content, f"{kind.name}: which content files are its instruments made from?"
    for content in kind.content:
        assert callable(content_validation.checker(content.check))


def test_progress_rules_are_complete() -> None:
    assert attempt_kinds.ON_PROGRESS, "progress shows nothing"
    for kind in attempt_kinds.ON_PROGRESS:
        assert kind.progress is not None
        assert (kind.progress.maximum > 0) == (kind.progress.whole is Whole.FIXED), kind.name


def test_progress_and_its_chart_show_exactly_the_registrys_kinds() -> None:
    on_scale = tuple(kind.name for kind in attempt_kinds.ON_PROGRESS)
    assert on_scale == progress.TRACKED_KINDS
    assert attempt_kinds.ROLEPLAY.name == progress.ROLEPLAY


def test_the_timeline_holds_every_kind_on_the_scale_and_no_other(db: Database) -> None:
    """One finished attempt of every declared kind and of a kind from a newer app:
    only the kinds the registry puts on the progress scale come back."""
    person = roleplays.add_trainee(db, "小张")
    scenario = roleplays.load_scenarios().get("complete_complaint")
    body = scenario.model_dump(mode="json")
    digest = canonical_hash(body)
    with db.writing() as session:
        keep_snapshot(session, digest, scenario.id, scenario.version, body)
        for name in [*NAMES, "from_newer_app"]:
            session.add(
                Attempt(
                    person_id=person,
                    kind=name,
                    instrument_id=scenario.id,
                    content_hash=digest,
                    mode="practice",
                    started_at=datetime(2026, 1, 5, 9),
                    finished_at=datetime(2026, 1, 5, 10),
                    status="finished",
                    total=1,
                )
            )
    shown = [point.kind for point in progress.trainee_timeline(db, person)]
    assert sorted(shown) == sorted(progress.TRACKED_KINDS)


def test_sheets_name_each_kind_by_its_label_and_an_unknown_one_by_its_code() -> None:
    for kind in attempt_kinds.ALL:
        name = kind_name(kind.name)
        assert (name.zh, name.en) == (kind.label.zh, kind.label.en)
    unknown = kind_name("from_newer_app")
    assert (unknown.zh, unknown.en) == ("from_newer_app", "from_newer_app")


def test_validation_knows_every_shipped_content_file() -> None:
    known = [content.kind for content in content_validation.known_content()]
    assert len(known) == len(set(known))
    shipped = sorted(PACKAGE.glob("*/content/*.yaml"))
    assert shipped
    for path in shipped:
        kind = yaml.safe_load(path.read_text(encoding="utf-8")).get("kind")
        assert kind in known, path


@pytest.mark.parametrize("relative", READERS)
def test_no_reader_spells_a_kind_out(relative: str) -> None:
    """A string equal to a kind's name in one of these modules is a list or an ``if``
    that the registry should answer instead."""
    tree = ast.parse((PACKAGE / relative).read_text(encoding="utf-8"))
    literals = [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in NAMES
    ]
    assert literals == []
