"""Every known problem outside the GUI reads in Chinese and in English.

A message is written where it is raised, as an English and a Chinese template with
the same ``{placeholders}``; these tests read the source to make sure every raise
does so, and that the content schemas' problems (pydantic's and our validators')
have Chinese as well.
"""

import ast
import importlib
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from cs_trainer import errors, schema_messages
from cs_trainer.content_validation import known_content
from cs_trainer.errors import ContentError, Message, UserError, message
from cs_trainer.language import Language
from cs_trainer.quizzes.content_loader import load_model
from cs_trainer.quizzes.interview_schema import QuestionBank
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.scenarios.schema import Scenario

PACKAGE = Path(__file__).resolve().parents[1] / "cs_trainer"
CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b")
"""Three English words in a row: the Chinese text of a message has none."""

USER_ERRORS = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, UserError)
}
WORDED_BY_CLASS = {
    name
    for name in USER_ERRORS
    if getattr(errors, name).__init__ is not UserError.__init__ and name != "ContentError"
}
"""The environment's and the database's problems: their __init__ words them."""


@dataclass(frozen=True)
class Site:
    """One ``raise SomeUserError(...)`` (or one ``invalid(...)``) in the package."""

    where: str
    call: ast.Call

    @property
    def name(self) -> str:
        func = self.call.func
        return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent)
        if relative.parts[1] == "ui":
            continue
        yield str(relative), ast.parse(path.read_text(encoding="utf-8"), str(relative))


def _called(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def raise_sites() -> list[Site]:
    sites = []
    for where, tree in _sources():
        for node in ast.walk(tree):
            call = node.exc if isinstance(node, ast.Raise) else None
            if isinstance(call, ast.Call) and _called(call) in USER_ERRORS:
                sites.append(Site(f"{where}:{call.lineno}", call))
    return sites


def invalid_sites() -> list[Site]:
    """Our schemas' validators' messages: ``invalid(en, zh, **params)``."""
    sites = []
    for where, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) == "invalid":
                sites.append(Site(f"{where}:{node.lineno}", node))
    return sites


RAISES = raise_sites()
INVALIDS = invalid_sites()


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def _paired(names: set[str]) -> set[str]:
    """``titles_en`` in English and ``titles_zh`` in Chinese are the same placeholder."""
    return {re.sub(r"_(en|zh)$", "", name) for name in names}


def _templates(site: Site) -> tuple[str, str] | None:
    """The English and Chinese template of a site, when both are string literals."""
    args = site.call.args
    if len(args) < 2:
        return None
    en, zh = _literal(args[0]), _literal(args[1])
    return (en, zh) if en is not None and zh is not None else None


def _is_label_pair(site: Site) -> bool:
    """``X(label.en, label.zh, ...)``: both templates of one bilingual Label."""
    args = site.call.args
    if len(args) < 2 or not all(isinstance(arg, ast.Attribute) for arg in args[:2]):
        return False
    en, zh = args[0], args[1]
    assert isinstance(en, ast.Attribute) and isinstance(zh, ast.Attribute)
    return (en.attr, zh.attr) == ("en", "zh") and ast.dump(en.value) == ast.dump(zh.value)


def _is_problem_list(site: Site) -> bool:
    """``ContentError(problems)``: each problem carries its own bilingual message."""
    args = site.call.args
    return (
        site.name == "ContentError"
        and len(args) == 1
        and not isinstance(args[0], ast.Constant | ast.JoinedStr | ast.BinOp)
    )


def test_the_walk_finds_the_raises() -> None:
    assert len(RAISES) > 80
    assert len(INVALIDS) > 20
    names = {site.name for site in RAISES}
    assert {"UserError", "NotFoundError", "InvalidAnswersError", "ContentError"} <= names


@pytest.mark.parametrize("site", RAISES, ids=lambda site: site.where)
def test_every_raise_gives_english_and_chinese(site: Site) -> None:
    if site.name in WORDED_BY_CLASS or _is_label_pair(site) or _is_problem_list(site):
        return
    templates = _templates(site)
    assert templates is not None, (
        f"{site.where}: {ast.unparse(site.call)[:120]} needs an English and a Chinese "
        "template as its first two arguments (string literals, no f-strings)"
    )
    _check_pair(site, *templates)


@pytest.mark.parametrize("site", INVALIDS, ids=lambda site: site.where)
def test_every_schema_message_gives_english_and_chinese(site: Site) -> None:
    templates = _templates(site)
    assert templates is not None, f"{site.where}: invalid() needs two string literals"
    _check_pair(site, *templates)


def _check_pair(site: Site, en: str, zh: str) -> None:
    assert CJK.search(zh), f"{site.where}: the Chinese template has no Chinese: {zh!r}"
    assert not ENGLISH_SENTENCE.search(zh), f"{site.where}: English in the Chinese: {zh!r}"
    en_names, zh_names = placeholders(en), placeholders(zh)
    assert _paired(en_names) == _paired(zh_names), (
        f"{site.where}: the templates name different placeholders: {en_names} / {zh_names}"
    )
    given_names = {keyword.arg for keyword in site.call.keywords}
    if None not in given_names:  # no **params: every placeholder is given by name
        missing = (en_names | zh_names) - given_names
        assert not missing, f"{site.where}: no value for {missing}"


def test_a_label_pair_has_the_same_placeholders_in_both_languages() -> None:
    from cs_trainer import attempt_kinds

    for kind in attempt_kinds.ALL:
        for label in (kind.not_found, kind.finished):
            assert placeholders(label.en) == placeholders(label.zh), (kind.name, label)
            assert CJK.search(label.zh), (kind.name, label)


@pytest.mark.parametrize("name", sorted(WORDED_BY_CLASS))
def test_the_environment_problems_read_in_both_languages(name: str) -> None:
    cls = getattr(errors, name)
    arguments = {
        "where": "/media/usb/a.pdf",
        "seconds": 5,
        "code": "EXDEV",
        "revision": "9999",
        "backup": Path("/media/usb/backups/a-20261204-090000.sqlite3"),
        "looked": True,
    }
    names = cls.__init__.__code__.co_varnames[1 : cls.__init__.__code__.co_argcount]
    problem = cls(*(arguments[argument] for argument in names))
    zh, en = problem.message("zh"), problem.message("en")
    assert CJK.search(zh) and not ENGLISH_SENTENCE.search(zh.replace("cs_trainer", "")), zh
    assert not CJK.search(en), en


def test_no_schema_validator_raises_english_only() -> None:
    """A ValueError in a validator would reach people in English only: use invalid()."""
    schemas = [
        path
        for path in PACKAGE.rglob("*.py")
        if path.name.endswith("schema.py") or path.name == "schema_common.py"
    ]
    assert len(schemas) >= 6
    for path in schemas:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                assert _called(node.exc) not in ("ValueError", "AssertionError"), (
                    f"{path.name}:{node.lineno}"
                )


# --- rendering ----------------------------------------------------------------------------

VALUES = st.one_of(
    st.integers(),
    st.text(max_size=30),
    st.sampled_from(["{id}", "}{", "{{", "100%", "第 1 页"]),
)


def _renderable(site: Site) -> tuple[str, str] | None:
    return _templates(site) if site.name not in WORDED_BY_CLASS else None


TEMPLATES = sorted(
    {pair for site in [*RAISES, *INVALIDS] if (pair := _renderable(site)) is not None}
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEMPLATES), st.data())
def test_any_values_fill_both_templates(pair: tuple[str, str], data: st.DataObject) -> None:
    """Whatever the values (braces included), both languages render and show them."""
    en, zh = pair
    names = placeholders(en) | placeholders(zh)
    params = {name: data.draw(VALUES, label=name) for name in sorted(names)}
    text = message(en, zh, **params)
    languages: tuple[tuple[Language, str], ...] = (("en", en), ("zh", zh))
    for lang, template in languages:
        rendered = text.render(lang)
        for name in placeholders(template):
            assert str(params[name]) in rendered


def test_a_user_error_renders_when_shown_not_when_raised() -> None:
    from cs_trainer import language

    problem = errors.NotFoundError(
        "there is no candidate with ID {id}", "没有 ID 为 {id} 的应聘者", id=7
    )
    before = language.current()
    try:
        language.set_current("zh")
        assert str(problem) == "没有 ID 为 7 的应聘者"
        language.set_current("en")
        assert str(problem) == "there is no candidate with ID 7"
    finally:
        language.set_current(before)


# --- pydantic's errors ----------------------------------------------------------------------

_NOT_SCHEMAS = {"no-info", "with-info", "general", "field"}
"""``type`` keys inside schemas that name no schema (a validator function's signature)."""

_ERRORS_OF: dict[str, tuple[str, ...]] = {
    "str": ("string_type",),
    "int": ("int_type", "int_parsing", "int_from_float"),
    "float": ("float_type", "float_parsing"),
    "bool": ("bool_type", "bool_parsing"),
    "literal": ("literal_error",),
    "enum": ("enum",),
    "list": ("list_type",),
    "tuple": ("tuple_type",),
    "set": ("set_type",),
    "dict": ("dict_type",),
    "model": ("model_type",),
    "model-fields": (),
    "model-field": (),
    "date": ("date_type", "date_parsing", "date_from_datetime_parsing"),
    "datetime": ("datetime_type", "datetime_parsing"),
    "tagged-union": ("union_tag_invalid", "union_tag_not_found"),
    "union": (),
    "nullable": (),
    "default": (),
    "definitions": (),
    "definition-ref": (),
    "function-after": (schema_messages.CUSTOM,),
    "function-before": (schema_messages.CUSTOM,),
    "function-wrap": (schema_messages.CUSTOM,),
    "function-plain": (schema_messages.CUSTOM,),
    "any": (),
}
_CONSTRAINTS = {
    "ge": "greater_than_equal",
    "gt": "greater_than",
    "le": "less_than_equal",
    "lt": "less_than",
    "multiple_of": "multiple_of",
    "pattern": "string_pattern_mismatch",
}
_LENGTHS = {
    "str": ("string_too_short", "string_too_long"),
    "list": ("too_short", "too_long"),
    "dict": ("too_short", "too_long"),
    "tuple": ("too_short", "too_long"),
    "set": ("too_short", "too_long"),
}


def content_models() -> list[type[BaseModel]]:
    models: list[type[BaseModel]] = [Scenario]
    for content in known_content():
        module, _, name = content.check.partition(":")
        target = getattr(importlib.import_module(module), name)
        if isinstance(target, type) and issubclass(target, BaseModel):
            models.append(target)
    return models


def error_types(schema: object, found: set[str]) -> set[str]:
    """Every pydantic error type a core schema can raise for some input."""
    if isinstance(schema, list | tuple):
        for part in schema:
            error_types(part, found)
    if not isinstance(schema, dict):
        return found
    kind = schema.get("type")
    if isinstance(kind, str) and kind not in _NOT_SCHEMAS:
        assert kind in _ERRORS_OF, f"a schema of type {kind!r}: list the errors it raises"
        found.update(_ERRORS_OF[kind])
        found.update(error for key, error in _CONSTRAINTS.items() if schema.get(key) is not None)
        short, long = _LENGTHS.get(kind, (None, None))
        if schema.get("min_length") and short:
            found.add(short)
        if schema.get("max_length") is not None and long:
            found.add(long)
        if kind == "model-fields":
            if any(field["schema"]["type"] != "default" for field in schema["fields"].values()):
                found.add("missing")
            found.add("extra_forbidden")  # every content model forbids unknown keys
        if kind == "model":
            assert schema.get("config", {}).get("extra_fields_behavior") == "forbid", schema["cls"]
    for value in schema.values():
        error_types(value, found)
    return found


@pytest.mark.parametrize("model", content_models(), ids=lambda model: model.__name__)
def test_every_error_our_schemas_can_raise_reads_in_chinese(model: type[BaseModel]) -> None:
    types = error_types(model.__pydantic_core_schema__, set())
    assert {"missing", "extra_forbidden", schema_messages.CUSTOM} & types
    unmapped = sorted(kind for kind in types if not schema_messages.is_mapped(kind))
    assert not unmapped, f"add Chinese for {unmapped} to schema_messages.ZH_TEMPLATES"


def _problems(tmp_path: Path, text: str, model: type[BaseModel]) -> list[errors.Problem]:
    path = tmp_path / "content.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_model(path, model)
    return list(raised.value.problems)


BROKEN_BANK = """\
kind: interview_bank
id: Not-An-Id
version: 0
title: {zh: 题库, en: Bank, fr: Banque}
questions: []
colour: red
"""


def test_a_broken_bank_reads_in_chinese_and_keeps_its_english(tmp_path: Path) -> None:
    problems = _problems(tmp_path, BROKEN_BANK, QuestionBank)
    english = [problem.render("en") for problem in problems]
    chinese = [problem.render("zh") for problem in problems]
    path = tmp_path / "content.yaml"
    assert english == [
        f"{path}:2: id: String should match pattern '^[a-z][a-z0-9_]*$'",
        f"{path}:3: version: Input should be greater than or equal to 1",
        f"{path}:4: title.fr: Extra inputs are not permitted",
        f"{path}:5: questions: List should have at least 1 item after validation, not 0",
        f"{path}:6: colour: Extra inputs are not permitted",
    ]
    assert chinese[1] == f"{path}:3: version：应大于或等于 1"
    for line in chinese:
        assert CJK.search(line) and not ENGLISH_SENTENCE.search(line), line


def test_our_validators_messages_read_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as raised:
        Text.model_validate({"zh": "你好 世界", "en": "Hello"})
    [error] = raised.value.errors()
    assert error["type"] == schema_messages.CUSTOM
    described = schema_messages.describe(error)
    assert described.render("en") == error["msg"]
    assert described.render("zh") == "中文的字与字之间有空格；请把它写在一行里"


def test_a_validator_message_with_values_fills_them_in_chinese() -> None:
    with pytest.raises(ValidationError) as raised:
        QuestionBank.model_validate(
            {
                "kind": "interview_bank",
                "id": "b",
                "version": 1,
                "title": {"zh": "题库", "en": "Bank"},
                "questions": [_question("same"), _question("same")],
            }
        )
    [error] = raised.value.errors()
    described = schema_messages.describe(error)
    assert described.render("en") == "question ids must be unique; repeated: same"
    assert described.render("zh") == "题目 id 不能重复；重复的有：same"


def _question(qid: str) -> dict[str, object]:
    text = {"zh": "文字", "en": "Text"}
    return {
        "id": qid,
        "group": "skills",
        "source": "x",
        "text": text,
        "purpose": text,
        "good_signs": [text],
        "warning_signs": [text],
        "anchors": [{"score": s, "text": text} for s in (1, 3, 5)],
    }


def test_an_unknown_error_type_falls_back_to_english_after_a_chinese_lead_in() -> None:
    error = {"type": "brand_new_kind", "loc": ("x",), "msg": "Something {odd}", "input": 1}
    described = schema_messages.describe(error)  # type: ignore[arg-type]
    assert described.render("en") == "Something {odd}"
    assert described.render("zh") == "内容有误（Something {odd}）"


def test_a_message_object_carries_its_parameters() -> None:
    text = Message("{n} of {m}", "{m} 中的 {n}", {"n": 1, "m": 2})
    assert (text.render("en"), text.render("zh")) == ("1 of 2", "2 中的 1")
