"""The language messages are shown in, for code that has no Qt: services, the CLI.

The GUI sets it whenever the user switches language; the command line sets it
from ``--lang`` or the locale variables. It is read when a message is shown, not
when it is raised, so an error raised on a worker thread reads in the language
the user sees.
"""

import os
from collections.abc import Mapping
from typing import Literal

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")
DEFAULT: Language = "en"

_current: Language = DEFAULT


def current() -> Language:
    return _current


def set_current(language: Language) -> None:
    global _current
    _current = language


def from_locale(environ: Mapping[str, str] | None = None) -> Language:
    """The language named by ``LC_ALL``, ``LC_MESSAGES`` or ``LANG``, in POSIX order.

    Read from the variables themselves, not through :mod:`locale`, so ``zh_CN.UTF-8``
    means Chinese even on a machine where that locale is not installed. ``C`` and
    ``POSIX`` mean English, and so does an unset environment (which POSIX reads as
    ``C``).
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if value:
            return _language_of(value)
    return "en"


def _language_of(locale_name: str) -> Language:
    code = locale_name.split(".")[0].split("@")[0].lower()
    if code.startswith("zh"):
        return "zh"
    return "en"
