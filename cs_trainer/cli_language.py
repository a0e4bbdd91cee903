"""The command's own words in two languages: its help, argparse's mistakes, ``--lang``.

Split from :mod:`cs_trainer.cli` so that the front door holds what the command
offers (its parser, ``main``) while this module holds how argparse is made to speak
the language chosen for the run: the translated help and usage, argparse's English
sentences put into Chinese, and ``--lang`` taken out of the command line wherever
it stands.
"""

import argparse
import re
from collections.abc import Iterable
from typing import Any, NoReturn

from cs_trainer import language
from cs_trainer.language import LANGUAGES, Language

PROG = "cs-trainer"
EXIT_USAGE = 2
LANG_OPTION = "--lang"


def _t(en: str, zh: str) -> str:
    """A text of the command itself (help, usage) in the language chosen for this run."""
    return zh if language.current() == "zh" else en


def _error_line(text: str, prog: str = PROG) -> str:
    return _t(f"{prog}: error: {text}", f"{prog}：错误：{text}")


# What argparse says (in English only: it has no Chinese catalogue), in Chinese.
_ARGPARSE_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), zh)
    for pattern, zh in (
        (r"the following arguments are required: (.+)", r"缺少必需的参数：\1"),
        (r"unrecognized arguments: (.+)", r"无法识别的参数：\1"),
        (r"invalid choice: (.+) \(choose from (.+)\)", r"无效的选择 \1（可选：\2）"),
        (r"invalid int value: (.+)", r"\1 不是整数"),
        (r"invalid (\S+) value: (.+)", r"\2 不是有效的值（\1）"),
        (r"expected one argument", "后面需要一个值"),
        (r"expected at least one argument", "后面至少需要一个值"),
        (r"expected at most one argument", "后面最多只能有一个值"),
        (r"ambiguous option: (\S+) could match (.+)", r"选项 \1 不明确，可能是：\2"),
        (r"not allowed with argument (.+)", r"不能与参数 \1 同时使用"),
        (r"one of the arguments (.+) is required", r"参数 \1 中必须给出一个"),
        (r"ignored explicit argument (.+)", r"多余的值 \1"),
    )
)
_ARGUMENT = re.compile(r"argument (\S+?): (.+)", re.S)


def _argparse_zh(text: str) -> str:
    """argparse's message in Chinese, as far as it is one of its known sentences."""
    argument = _ARGUMENT.fullmatch(text)
    if argument:
        return f"参数 {argument[1]}：{_argparse_zh(argument[2])}"
    for pattern, zh in _ARGPARSE_ZH:
        if pattern.fullmatch(text):
            return pattern.sub(zh, text)
    return text


_GROUP_TITLES = {"positional arguments": "位置参数", "options": "选项", "commands": "命令"}


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable["argparse._MutuallyExclusiveGroup"],
        prefix: str | None = None,
    ) -> None:
        # argparse passes prefix="" itself when it words a sub-command's name.
        default = _t("usage: ", "用法：")
        super().add_usage(usage, actions, groups, default if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line, like every other error, and the help
    and the mistakes read in the language chosen for this run."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)
        for action in self._actions:
            if action.dest == "help":
                action.help = _t("show this help message and exit", "显示这段帮助并退出")

    def add_argument_group(
        self, title: str | None = None, description: str | None = None, **kwargs: Any
    ) -> "argparse._ArgumentGroup":
        # argparse names its own two groups in English; a parent's groups then merge
        # with these by their (translated) titles.
        if title in _GROUP_TITLES:
            title = _t(title, _GROUP_TITLES[title])
        return super().add_argument_group(title, description, **kwargs)

    def error(self, message: str) -> NoReturn:
        text = _argparse_zh(message) if language.current() == "zh" else message
        hint = _t(f"{text} (see --help)", f"{text}（见 --help）")
        self.exit(EXIT_USAGE, _error_line(hint, self.prog) + "\n")


def _take_language(arguments: list[str]) -> tuple[Language | None, list[str], str | None]:
    """``--lang X`` (or ``--lang=X``) taken out of the arguments, wherever it stands.

    Returns the language, the other arguments, and a value that names no language
    (None when there is none). Anything after ``--`` is left alone.
    """
    chosen: Language | None = None
    wrong: str | None = None
    rest: list[str] = []
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        if argument == "--":
            rest += arguments[index:]
            break
        if argument == LANG_OPTION and index + 1 < len(arguments):
            value, index = arguments[index + 1], index + 2
        elif argument.startswith(LANG_OPTION + "="):
            value, index = argument.partition("=")[2], index + 1
        else:
            rest.append(argument)
            index += 1
            continue
        picked = next((lang for lang in LANGUAGES if lang == value.strip().lower()), None)
        if picked is None:
            wrong = value
        else:
            chosen = picked
    return chosen, rest, wrong
