"""Load YAML content files into pydantic models, reporting ``file:line: message``.

Trainers edit these files by hand, so a mistake must point at the line to fix
instead of surfacing as a pydantic traceback.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from cs_trainer import schema_messages
from cs_trainer.errors import ContentError, Message, Problem, message
from cs_trainer.import_limits import (
    CONTROL_CHARACTERS,
    MAX_CONTENT_BYTES,
    MAX_YAML_ALIASES,
    MAX_YAML_CHARS,
    MAX_YAML_DEPTH,
    MAX_YAML_NODES,
    read_limited,
)

ModelT = TypeVar("ModelT", bound=BaseModel)

# libyaml's loader, where PyYAML was built with it, parses several times faster; the
# pure-Python one gives the same data and line marks.
YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> tuple[object, yaml.Node | None]:
    """The data of a YAML text, and its node tree (for line numbers).

    The text's events are counted first, so deep nesting and alias bombs are refused
    (as :class:`YamlLimitError`) before either tree is built."""
    check_yaml_limits(text)
    return yaml.load(text, Loader=YAML_LOADER), yaml.compose(text, Loader=YAML_LOADER)


def read_content(path: Path) -> bytes:
    """A content file's bytes, refused unread when it is larger than any content file."""
    return read_limited(path, MAX_CONTENT_BYTES)


class YamlLimitError(yaml.MarkedYAMLError):
    """A YAML text beyond :mod:`cs_trainer.import_limits`, with where it went beyond."""

    # ``Any``: the C parser's marks are yaml._yaml.Mark, which the stubs keep apart.
    def __init__(self, mark: Any, what: Message) -> None:
        super().__init__(problem=what.en, problem_mark=mark)
        self.what = what


def check_yaml_limits(text: str) -> None:
    """Walk the parser's events, counting nesting, aliases, and values and their
    characters with every alias expanded, and looking for control characters in values
    (YAML lets ``"\\0"`` write a NUL, which PostgreSQL refuses); raise YamlLimitError
    at the first event past a limit."""
    depth = aliases = 0
    expanded = _Size(0, 0)
    starts: list[tuple[_Size, str | None]] = []  # (expanded size at the start, anchor)
    sizes: dict[str, _Size] = {}  # anchor -> the values it stands for
    for event in yaml.parse(text, Loader=YAML_LOADER):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise YamlLimitError(event.start_mark, _TOO_DEEP)
            starts.append((expanded, event.anchor))
            expanded = expanded + _Size(1, 0)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            start, anchor = starts.pop()
            if anchor is not None:
                sizes[anchor] = expanded - start
        elif isinstance(event, yaml.ScalarEvent):
            if CONTROL_CHARACTERS.search(event.value):  # written as "\0", "\a", ...
                raise YamlLimitError(event.start_mark, _CONTROL_CHARACTER)
            size = _Size(1, len(event.value))
            expanded = expanded + size
            if event.anchor is not None:
                sizes[event.anchor] = size
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                raise YamlLimitError(event.start_mark, _TOO_MANY_ALIASES)
            expanded = expanded + sizes.get(event.anchor or "", _Size(1, 0))
        if expanded.values > MAX_YAML_NODES or expanded.chars > MAX_YAML_CHARS:
            raise YamlLimitError(event.start_mark, _TOO_MANY_VALUES)


@dataclass(frozen=True)
class _Size:
    """How many values, and characters in them, a part of a YAML file stands for."""

    values: int
    chars: int

    def __add__(self, other: "_Size") -> "_Size":
        return _Size(self.values + other.values, self.chars + other.chars)

    def __sub__(self, other: "_Size") -> "_Size":
        return _Size(self.values - other.values, self.chars - other.chars)


_CONTROL_CHARACTER = message(
    "a value holds a control character (such as NUL, written \\0); remove it",
    "某个值含有控制字符（如写作 \\0 的 NUL）；请删除",
)
_TOO_DEEP = message(
    f"lists and mappings nest more than {MAX_YAML_DEPTH} deep",
    f"列表和映射嵌套超过 {MAX_YAML_DEPTH} 层",
)
_TOO_MANY_ALIASES = message(
    f"more than {MAX_YAML_ALIASES} aliases (*name); write the values out",
    f"别名（*名称）超过 {MAX_YAML_ALIASES} 个；请直接写出这些值",
)
_TOO_MANY_VALUES = message(
    f"more than {MAX_YAML_NODES:,} values or {MAX_YAML_CHARS:,} characters once "
    "aliases (*name) are expanded; split the file or write fewer aliases",
    f"展开别名（*名称）后超过 {MAX_YAML_NODES:,} 个值或 {MAX_YAML_CHARS:,} 个字符；"
    "请拆分文件或少用别名",
)


def content_hash(raw: bytes) -> str:
    """The identity of one exact version of a content file (sha256, hex)."""
    return hashlib.sha256(raw).hexdigest()


def load_model(path: Path, model: type[ModelT]) -> tuple[ModelT, str]:
    """Parse and validate ``path``; return the model and the file's content hash."""
    raw = read_content(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        # e.g. saved as GBK by an editor on Chinese Windows
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError([Problem(f"{path}:{line}", NOT_UTF8)]) from exc
    try:
        data, root = parse_yaml(text)
    except yaml.YAMLError as exc:
        raise ContentError([yaml_problem(path, exc)]) from exc
    try:
        return model.model_validate(data), content_hash(raw)
    except ValidationError as exc:
        raise ContentError(describe_validation_error(path, root, exc)) from exc


NOT_UTF8 = message(
    "not UTF-8 text; save the file as UTF-8", "不是 UTF-8 编码的文本；请把文件另存为 UTF-8"
)


# What PyYAML's most common complaints mean, for the Chinese message (the English one
# quotes the parser).
_MAPPING_HERE = "这里不能有“名称: 值”：缩进没有对齐，或文字中的冒号没有加引号"
_INDENT = "缩进没有对齐"
_YAML_PROBLEMS_ZH = {  # libyaml's wording, then the pure-Python parser's
    "mapping values are not allowed in this context": _MAPPING_HERE,
    "mapping values are not allowed here": _MAPPING_HERE,
    "found character that cannot start any token": (
        "这里有不能放在开头的字符（如 Tab、@、`）：缩进请用空格，这样的文字请加引号"
    ),
    "found character '\\t' that cannot start any token": "不能用 Tab 缩进，请用空格",
    "could not find expected ':'": "缺少冒号“:”",
    "did not find expected key": _INDENT,
    "did not find expected '-' indicator": "列表项（以 - 开头）的缩进没有对齐",
    "expected <block end>, but found '<block mapping start>'": _INDENT,
    "expected <block end>, but found '<block sequence start>'": _INDENT,
    "expected <block end>, but found '<block sequence entry>'": _INDENT,
    "did not find expected ',' or ']'": "方括号 [ ] 没有配对，或缺少逗号",
    "did not find expected ',' or '}'": "花括号 { } 没有配对，或缺少逗号",
    "found unexpected end of stream": "引号没有配对",
    "found undefined alias": "用到了没有定义的别名（*）",
    "found unknown escape character": "双引号中的反斜杠 \\ 后面的字符无法识别；请改用单引号",
}


def yaml_problem(path: Path, exc: yaml.YAMLError) -> Problem:
    """Where a YAML text stops being YAML, as one line: the parser's own account in
    English, and in Chinese what its usual complaints mean."""
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else 1
    if isinstance(exc, YamlLimitError):
        return Problem(f"{path}:{line}", exc.what)
    column = mark.column + 1 if mark is not None else 1
    detail = " ".join(str(exc).split())
    problem = str(getattr(exc, "problem", "") or "")
    meaning = _YAML_PROBLEMS_ZH.get(problem)
    zh = (
        f"不是有效的 YAML（第 {{column}} 列附近）：{meaning}"
        if meaning
        else "不是有效的 YAML（{detail}）"
    )
    return Problem(
        f"{path}:{line}",
        message("not valid YAML ({detail})", zh, detail=detail, column=column),
    )


def describe_validation_error(
    path: Path, root: yaml.Node | None, exc: ValidationError
) -> list[Problem]:
    """One ``file:line: where: what`` problem per pydantic error (the CLI prints the
    first 50 and counts the rest; 49,000 of them take about a second)."""
    problems = []
    for error in exc.errors(include_url=False, include_input=False):
        where = ".".join(str(part) for part in error["loc"])
        what = schema_messages.describe(error)
        if where:
            located = message(
                "{field}: " + what.en, "{field}：" + what.zh, **what.params, field=where
            )
        else:
            located = message("(top level): " + what.en, "（顶层）：" + what.zh, **what.params)
        problems.append(Problem(f"{path}:{line_of(root, error['loc'])}", located))
    return problems


def line_of(root: yaml.Node | None, loc: Sequence[int | str]) -> int:
    """The 1-based line of the deepest YAML node along ``loc`` that exists."""
    node = root
    line = node.start_mark.line + 1 if node is not None else 1
    for key in loc:
        node = _child(node, key)
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _child(node: yaml.Node | None, key: int | str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                found: yaml.Node = value_node
                return found
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        child: yaml.Node = node.value[key]
        return child
    return None
