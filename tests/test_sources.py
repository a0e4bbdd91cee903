"""The source documents are named by their titles, never by a file number (docs/sources.md).

"Seed" also means a random seed here (a quiz paper is drawn from one, ``seed=``
arguments), so only the forms that cite a document are refused: a number after
"seed", 资料/第…号 with a number, the originals' file names, and "the seeds",
"seed's", "seeds'", "seed document/material".
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCES_MD = ROOT / "docs" / "sources.md"

TITLES = (
    "《客户服务人员岗位职责任职要求》",
    "《客服专员职位说明书》",
    "《客户服务需求表》",
    "《客户服务人员的选拔与管理》",
    "《客服接待岗位职责工作标准》",
)

CITATION_BY_NUMBER = re.compile(
    "|".join(
        (
            r"\bseeds?[\s#]*0\d{2}\b",  # seed 003, seeds 000, seed #004
            r"\b(?:doc(?:ument)?|file|source)s?[\s#]*00[0-4]\b",  # document 002
            r"(?:资料|文件|材料|种子)\s*0\d{2}",  # 资料003
            r"第\s*0\d{2}\s*号",  # 见第003号资料
            r"\b\d{3}_[0-9a-f]{16}\b",  # the originals' file names
            r"\bseed's\b|\bseeds'",  # the seed's own words
            r"\bthe seeds\b",
            r"\bseed (?:documents?|material|texts?|files?)\b",
        )
    ),
    re.IGNORECASE,
)


def _checked_files() -> Iterator[Path]:
    for suffix in ("py", "yaml", "yml", "ts"):
        yield from sorted((ROOT / "cs_trainer").rglob(f"*.{suffix}"))
    yield from sorted((ROOT / "docs").rglob("*.md"))
    yield ROOT / "README.md"


def test_no_file_cites_a_source_document_by_number() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {match.group(0)!r}"
        for path in _checked_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for match in CITATION_BY_NUMBER.finditer(line)
    ]
    assert found == [], "cite the document by its title (docs/sources.md):\n" + "\n".join(found)


@pytest.mark.parametrize(
    "text",
    [
        'source: "seed 003 面试的问题"',
        "The typing test (seed 001): at least 80 characters a minute.",
        "in the six categories of seeds 000, 002, 003 and 004",
        "（资料002·处理顾客投诉）",
        "秘诀是给他们问题和任务（见第003号资料）",
        "Seed 000's four groups of qualities",
        "the seed's own words",
        "written in the seeds' spirit",
        "The seeds give no number of rings",
        "see 003_ab86cd711371a57a.txt",
    ],
)
def test_a_citation_by_number_is_caught(text: str) -> None:
    assert CITATION_BY_NUMBER.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "A paper is drawn with ``random.Random(seed)`` and nothing else",
        "can hand two classes the same paper by giving its number (the seed) again.",
        "quizzes.start_quiz(db, trainee, CATEGORIES, 6, seed=42)",
        'details={"seed": paper.seed, "categories": list(paper.categories)}',
        "PAPER_NUMBERS = range(1, 1_000_000)  # seeds drawn for the trainer",
        "《客户服务人员的选拔与管理》·面试的问题",
    ],
)
def test_a_random_seed_is_not_a_citation(text: str) -> None:
    assert not CITATION_BY_NUMBER.search(text)


def test_sources_md_names_all_five_documents() -> None:
    text = SOURCES_MD.read_text(encoding="utf-8")
    for title in TITLES:
        assert f"## {title}" in text, title


def _sources(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "source":
                yield str(value)
            else:
                yield from _sources(value)
    elif isinstance(node, list):
        for value in node:
            yield from _sources(value)


def test_every_built_in_source_names_its_document() -> None:
    files = sorted((ROOT / "cs_trainer").glob("*/content/*.yaml"))
    sources = [
        (path.name, source)
        for path in files
        for source in _sources(yaml.safe_load(path.read_text(encoding="utf-8")))
    ]
    assert len(sources) > 100
    unnamed = [(name, source) for name, source in sources if not any(t in source for t in TITLES)]
    assert unnamed == []
