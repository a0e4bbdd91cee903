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

from cs_trainer.errors import ContentError

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
        raise ContentError(f"{path}:{line}: not UTF-8 text; save the file as UTF-8") from exc
    try:
        data, root = parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise ContentError(f"{path}:{line}: not valid YAML ({exc})") from exc
    try:
        return model.model_validate(data), content_hash(raw)
    except ValidationError as exc:
        raise ContentError(describe_validation_error(path, root, exc)) from exc


def describe_validation_error(path: Path, root: yaml.Node | None, exc: ValidationError) -> str:
    """One ``file:line: where: what`` line per pydantic error."""
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        line = line_of(root, error["loc"])
        lines.append(f"{path}:{line}: {where}: {error['msg']}")
    return "\n".join(lines)


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
