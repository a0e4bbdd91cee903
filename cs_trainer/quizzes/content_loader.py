"""Load YAML content files into pydantic models, reporting ``file:line: message``.

Trainers edit these files by hand, so a mistake must point at the line to fix
instead of surfacing as a pydantic traceback.
"""

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from cs_trainer import schema_messages
from cs_trainer.errors import ContentError, Problem, message

ModelT = TypeVar("ModelT", bound=BaseModel)

# libyaml's loader, where PyYAML was built with it, parses several times faster; the
# pure-Python one gives the same data and line marks.
YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> tuple[object, yaml.Node | None]:
    """The data of a YAML text, and its node tree (for line numbers)."""
    return yaml.load(text, Loader=YAML_LOADER), yaml.compose(text, Loader=YAML_LOADER)


def content_hash(raw: bytes) -> str:
    """The identity of one exact version of a content file (sha256, hex)."""
    return hashlib.sha256(raw).hexdigest()


def load_model(path: Path, model: type[ModelT]) -> tuple[ModelT, str]:
    """Parse and validate ``path``; return the model and the file's content hash."""
    raw = path.read_bytes()
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
    """One ``file:line: where: what`` problem per pydantic error."""
    problems = []
    for error in exc.errors():
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
