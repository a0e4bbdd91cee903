"""Content-schema problems in both languages: pydantic's errors, and our own validators'.

Pydantic words its errors in English only. :func:`describe` turns one error into a
:class:`~cs_trainer.errors.Message`: its English stays pydantic's own text (tests and
trainers' notes quote it), its Chinese comes from the table below, filled from the
error's ``ctx``. Our schemas' validators raise :func:`invalid`, a
``PydanticCustomError`` of the type :data:`CUSTOM` whose ``ctx`` carries the Chinese
template next to the parameters, so their messages read in both languages as well.
An error type missing from the table still shows: its English text after a Chinese
lead-in (``tests/test_messages.py`` checks that every type our schemas can raise is
in the table). :func:`short_title` is how any message quotes a content text to name
the thing (an interview question by its wording).
"""

from collections.abc import Mapping

from pydantic_core import ErrorDetails, PydanticCustomError

from cs_trainer.errors import Message, message

CUSTOM = "cs_trainer"
"""The pydantic error type of our own validators' messages."""
_ZH = "zh"

ZH_TEMPLATES: Mapping[str, str] = {
    "missing": "必须填写",
    "extra_forbidden": "这里不能有这一项（名称拼错了吗？）",
    "string_type": "应为文字",
    "string_too_short": "至少要有 {min_length} 个字",
    "string_too_long": "最多只能有 {max_length} 个字",
    "string_pattern_mismatch": "写法不符合要求（{pattern}）",
    "int_type": "应为整数",
    "int_parsing": "应为整数，这里写的不是数字",
    "int_from_float": "应为整数，不能带小数",
    "float_type": "应为数字",
    "float_parsing": "应为数字，这里写的不是数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false（是或否）",
    "literal_error": "应为以下之一：{expected}",
    "enum": "应为以下之一：{expected}",
    "too_short": "至少要有 {min_length} 项，现在有 {actual_length} 项",
    "too_long": "最多只能有 {max_length} 项，现在有 {actual_length} 项",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应大于或等于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应小于或等于 {le}",
    "multiple_of": "应为 {multiple_of} 的倍数",
    "list_type": "应为列表（每项以“- ”开头）",
    "tuple_type": "应为列表（每项以“- ”开头）",
    "set_type": "应为列表（每项以“- ”开头）",
    "dict_type": "应为由“名称: 值”组成的一组内容",
    "model_type": "应为由“名称: 值”组成的一组内容",
    "model_attributes_type": "应为由“名称: 值”组成的一组内容",
    "none_required": "这里应留空",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为 YYYY-MM-DD 格式的日期",
    "date_from_datetime_parsing": "应为 YYYY-MM-DD 格式的日期",
    "datetime_type": "应为日期和时间",
    "datetime_parsing": "应为日期和时间（YYYY-MM-DD HH:MM）",
    "union_tag_invalid": "{discriminator} 的值 {tag} 不在可选范围内：{expected_tags}",
    "union_tag_not_found": "缺少用来区分种类的 {discriminator}",
    "frozen_instance": "这一项不能修改",
    "value_error": "取值有误：{error}",
    "assertion_error": "检查未通过：{error}",
}
"""Chinese for each pydantic error type, with the ``ctx`` fields as placeholders."""

FALLBACK_ZH = "内容有误（{detail}）"
"""An error type the table lacks: pydantic's English, named as such."""


def invalid(en: str, zh: str, **params: str | int | float) -> PydanticCustomError:
    """What our validators raise: one message in both languages, ``{name}`` filled from
    ``params`` (pydantic fills the English itself; :func:`describe` the Chinese)."""
    return PydanticCustomError(CUSTOM, en, {_ZH: zh, **params})


def describe(error: ErrorDetails) -> Message:
    """One pydantic error's text (without its location) in both languages."""
    # The English is finished text: its braces are escaped, and ``detail`` is always
    # among the parameters, so the templates are always filled (and braces undone).
    ctx: dict[str, object] = dict(error.get("ctx") or {})
    en, detail = _literal(error["msg"]), error["msg"]
    kind = error["type"]
    if kind == CUSTOM and isinstance(ctx.get(_ZH), str):
        zh = str(ctx.pop(_ZH))
        return message(en, zh, **ctx, detail=detail)
    template = ZH_TEMPLATES.get(kind)
    params = {name: _chinese_list(value) for name, value in ctx.items()}
    if template is None or not _fills(template, params):
        return message(en, FALLBACK_ZH, detail=detail)
    return message(en, template, **params, detail=detail)


def is_mapped(kind: str) -> bool:
    """Whether errors of this pydantic type read in Chinese (not the English fallback)."""
    return kind == CUSTOM or kind in ZH_TEMPLATES


def _fills(template: str, params: Mapping[str, object]) -> bool:
    try:
        template.format(**params)
    except (KeyError, IndexError):  # a pydantic version with other ctx fields
        return False
    return True


def _literal(text: str) -> str:
    """A finished text used as a template: its braces stand for themselves."""
    return text.replace("{", "{{").replace("}", "}}")


def _chinese_list(value: object) -> object:
    """``'a', 'b' or 'c'`` (pydantic's English list) as ``'a'、'b'、'c'``."""
    if isinstance(value, str):
        return value.replace(", ", "、").replace(" or ", "、")
    return value


TITLE_LENGTH = 40
"""How much of a content text a message quotes to name it (a question's wording)."""


def short_title(text: str, length: int = TITLE_LENGTH) -> str:
    """A content text as a message names it: on one line, shortened with "…"."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= length else one_line[: length - 1].rstrip() + "…"
