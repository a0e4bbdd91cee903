"""Qt translations read straight from the shipped ``.ts`` files.

Qt's translators normally load compiled ``.qm`` files; compiling needs Qt's
lrelease at build time and would put a build output in the repository. The
``.ts`` XML is small, so this translator parses it once and answers Qt's
``translate()`` calls itself: widgets still use ``self.tr()`` and Qt's
installTranslator/LanguageChange machinery unchanged.
"""

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from cs_trainer import language as message_language
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.resources import package_path

LANGUAGES = ("zh", "en")
TS_FILES = {"zh": ("cs_trainer_zh_CN.ts", "qt_supplement_zh_CN.ts")}
QT_LOCALES = {"zh": "zh_CN"}  # Qt's own strings (OK, Cancel, Yes, No) from the PySide6 wheel


class TsTranslator(QTranslator):
    """A QTranslator backed by one parsed Qt Linguist ``.ts`` file."""

    def __init__(self, ts_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages = parse_ts(ts_file)

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString) means "not mine": Qt then asks the next translator or keeps
        # the source text. An empty string would blank out Qt's own button labels.
        return self._messages.get((context, source_text, disambiguation or ""))

    def isEmpty(self) -> bool:
        return not self._messages


def parse_ts(ts_file: Path) -> dict[tuple[str, str, str], str]:
    """(context, source, disambiguation) → translation, skipping unfinished entries."""
    messages: dict[tuple[str, str, str], str] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {
                "unfinished",
                "obsolete",
                "vanished",
            }:
                continue
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            messages[key] = translation.text or ""
    return messages


class LanguageSwitch:
    """Keeps track of the one translator installed on the application."""

    current = "en"
    _installed: ClassVar[list[QTranslator]] = []

    @classmethod
    def apply(cls, choice: str) -> str:
        """Install the translators for ``choice`` ("system", "zh" or "en"); return the language."""
        language = resolve_language(choice)
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before choosing a language")
        for translator in cls._installed:
            app.removeTranslator(translator)
        cls._installed = []
        if language in QT_LOCALES:
            qt_translator = QTranslator(app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_translator.load(f"qtbase_{QT_LOCALES[language]}", folder):
                cls._installed.append(qt_translator)
        for ts_file in TS_FILES.get(language, ()):
            cls._installed.append(TsTranslator(package_path("i18n", ts_file), app))
        for translator in cls._installed:
            app.installTranslator(translator)
        cls.current = language
        message_language.set_current("zh" if language == "zh" else "en")
        return language


def resolve_language(choice: str) -> str:
    """ "system" follows the system locale: Chinese for any zh locale, else English."""
    if choice in LANGUAGES:
        return choice
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def content_text(text: Text) -> str:
    """The current language's half of a bilingual content field."""
    return text.zh if LanguageSwitch.current == "zh" else text.en
