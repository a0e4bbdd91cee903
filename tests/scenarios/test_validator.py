"""The scenario checker on broken files of each kind: every problem is `file:line: message`."""

import re
from pathlib import Path

import pytest

from cs_trainer.errors import ContentError
from cs_trainer.scenarios.validator import load_library, load_scenario, validate_file

DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


def example_yaml() -> str:
    """The complete example scenario of docs/authoring.md."""
    match = re.search(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert match, "docs/authoring.md must contain a ```yaml example"
    return match.group(1)


def write(tmp_path: Path, text: str, name: str = "scenario.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


def test_the_authoring_example_is_valid(tmp_path: Path) -> None:
    """A scenario written only from docs/authoring.md loads (it plays in test_runner)."""
    assert validate_file(write(tmp_path, example_yaml())) == []


def test_a_choice_pointing_nowhere(tmp_path: Path) -> None:
    text = example_yaml().replace("next: escalated", "next: escalatd")
    path = write(tmp_path, text)
    problems = validate_file(path)
    line = line_of(text, "next: escalatd")
    assert f"{path}:{line}: choice 2 of 'checked' points to 'escalatd', which does not exist" in (
        problems
    )


def test_an_unreachable_node(tmp_path: Path) -> None:
    text = example_yaml() + (
        "  - id: orphan\n    customer: {zh: 还有人吗, en: Anyone there}\n    mood: calm\n"
        "    ending: {kind: other, title: {zh: 无人, en: Nobody}}\n"
    )
    path = write(tmp_path, text)
    assert validate_file(path) == [
        f"{path}:{line_of(text, 'id: orphan')}: node 'orphan' cannot be reached from the start"
    ]


def test_a_dead_end_that_never_ends(tmp_path: Path) -> None:
    text = example_yaml().replace(
        "    mood: pleased\n    ending:\n      kind: resolved\n      title:\n"
        "        zh: 问题解决，客户满意\n        en: Resolved, the customer is satisfied\n",
        "    mood: pleased\n",
    )
    path = write(tmp_path, text)
    problems = validate_file(path)
    assert (
        f"{path}:{line_of(text, 'id: resolved')}: node 'resolved' has no choices and is no "
        "ending: the conversation never ends here"
    ) in problems


def test_a_loop_with_no_way_out(tmp_path: Path) -> None:
    loop = (
        "  - id: loop_a\n    customer: {zh: 你说什么, en: Sorry}\n    mood: annoyed\n"
        "    choices:\n      - text: {zh: 我再说一遍。, en: I'll say it again.}\n"
        "        next: loop_b\n        feedback: {zh: 绕圈子。, en: Going round.}\n"
        "        principle: {zh: 说清楚。, en: Be clear.}\n"
        "  - id: loop_b\n    customer: {zh: 还是不懂。, en: Still don't get it.}\n"
        "    mood: annoyed\n    choices:\n      - text: {zh: 我再说一遍。, en: Again.}\n"
        "        next: loop_a\n        feedback: {zh: 绕圈子。, en: Going round.}\n"
        "        principle: {zh: 说清楚。, en: Be clear.}\n"
    )
    text = (
        example_yaml().replace(
            "        next: walked_out\n        patience: -50",
            "        next: loop_a\n        patience: -5",
        )
        + loop
    )
    path = write(tmp_path, text)
    problems = validate_file(path)
    assert problems == [
        f"{path}:{line_of(text, 'id: loop_a')}: no path from 'loop_a' reaches an ending "
        "(a loop with no way out)",
        f"{path}:{line_of(text, 'id: loop_b')}: no path from 'loop_b' reaches an ending "
        "(a loop with no way out)",
    ]


def test_a_missing_translation(tmp_path: Path) -> None:
    text = example_yaml().replace("  en: A customer whose parcel is late\n", "")
    path = write(tmp_path, text)
    line = line_of(text, "zh: 快递迟到的客户")
    assert validate_file(path) == [f"{path}:{line}: title.en: Field required"]


def test_a_blank_translation(tmp_path: Path) -> None:
    text = example_yaml().replace(
        "en: Please don't worry, I understand. May I see the tracking number?", "en: '   '"
    )
    path = write(tmp_path, text)
    line = line_of(text, "en: '   '")
    assert validate_file(path) == [f"{path}:{line}: missing en translation"]


def test_scores_and_patience_out_of_range(tmp_path: Path) -> None:
    text = example_yaml().replace(
        "scores: {listening: 1, empathy: 2}", "scores: {listening: 1, empathy: 5}"
    )
    text = text.replace("patience: -50", "patience: -80")
    path = write(tmp_path, text)
    problems = validate_file(path)
    assert any(
        p.startswith(f"{path}:{line_of(text, 'empathy: 5')}:") and "less than or equal to 3" in p
        for p in problems
    )
    assert any(p.startswith(f"{path}:{line_of(text, 'patience: -80')}:") for p in problems)


def test_an_unknown_skill_and_broken_yaml(tmp_path: Path) -> None:
    text = example_yaml().replace("{listening: 1, empathy: 2}", "{listening: 1, charm: 2}")
    path = write(tmp_path, text)
    assert any(p.startswith(f"{path}:{line_of(text, 'charm: 2')}:") for p in validate_file(path))
    broken = write(tmp_path, "id: x\nnodes: [\n", "broken.yaml")
    [problem] = validate_file(broken)
    assert problem.startswith(f"{broken}:") and "not valid YAML" in problem


def test_load_scenario_raises_with_every_problem(tmp_path: Path) -> None:
    text = (
        example_yaml()
        .replace("next: escalated", "next: nowhere")
        .replace("next: resolved", "next: nowhere_either")
    )
    with pytest.raises(ContentError) as caught:
        load_scenario(write(tmp_path, text))
    assert len(str(caught.value).splitlines()) == 2


def test_the_library_skips_an_invalid_file_and_loads_the_rest(tmp_path: Path) -> None:
    write(tmp_path, example_yaml(), "good.yaml")
    bad = write(
        tmp_path,
        example_yaml()
        .replace("id: example_late_parcel", "id: other")
        .replace("next: escalated", "next: gone"),
        "bad.yaml",
    )
    scenarios, problems = load_library([tmp_path])
    assert [s.scenario.id for s in scenarios] == ["example_late_parcel"]
    assert len(problems) == 1 and problems[0].startswith(f"{bad}:")
