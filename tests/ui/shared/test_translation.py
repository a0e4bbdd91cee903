"""Chinese and English through Qt's translation system, with the shipped font."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from cs_trainer.resources import FONT_FAMILY, package_path
from cs_trainer.store.database import Database
from cs_trainer.ui.candidates.candidate_dialog import AddCandidateDialog
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.shared.fonts import shipped_font_families
from cs_trainer.ui.shared.translation import LanguageSwitch, parse_ts

TS_FILE = package_path("i18n", "cs_trainer_zh_CN.ts")
PLACEHOLDER = re.compile(r"%\d|%n")


def _messages() -> list[tuple[str, str, str | None, str | None]]:
    rows = []
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            rows.append(
                (
                    context.findtext("name", ""),
                    message.findtext("source", ""),
                    translation.text,
                    translation.get("type"),
                )
            )
    return rows


def test_every_string_has_a_finished_chinese_translation_with_the_same_placeholders() -> None:
    messages = _messages()
    assert len(messages) > 50
    for context, source, translation, state in messages:
        assert state is None and translation, f"{context}: {source!r} is not translated"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (
            f"{context}: {source!r} and {translation!r} differ in placeholders"
        )


def test_translation_file_lists_every_string_in_the_ui_code(tmp_path: Path) -> None:
    """Fails when a tr() string was added or changed without updating the .ts file."""
    lupdate = shutil.which("pyside6-lupdate") or str(
        Path(sys.executable).with_name("pyside6-lupdate")
    )
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(path) for path in package_path("ui").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {(context, source) for (context, source, _comment) in _keys(fresh)}
    shipped = {(context, source) for (context, source, _comment) in parse_ts(TS_FILE)}
    assert in_code - shipped == set(), "strings in the code but not in the .ts file"
    assert shipped - in_code == set(), "strings in the .ts file that the code no longer uses"


def _keys(ts_file: Path) -> set[tuple[str, str, str]]:
    keys = set()
    for context in ET.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            keys.add(
                (
                    context.findtext("name", ""),
                    message.findtext("source", ""),
                    message.findtext("comment", ""),
                )
            )
    return keys


def test_chinese_interface_including_qts_own_buttons(qtbot: QtBot, db: Database) -> None:
    LanguageSwitch.apply("zh")
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == [
        "候选人",
        "面试",
        "角色扮演",
        "知识测验",
        "学习进度",
        "统计",
        "员工考核",
        "设置",
    ]
    assert window.candidates_page.add_button.text() == "登记候选人(&A)…"
    dialog = AddCandidateDialog(window)
    qtbot.addWidget(dialog)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().startswith("取消")
    LanguageSwitch.apply("en")
    english = MainWindow(db)
    qtbot.addWidget(english)
    assert english.nav.item(0).text() == "Candidates"


def test_system_language_is_followed_unless_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Chinese)))
    assert LanguageSwitch.apply("system") == "zh"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German)))
    assert LanguageSwitch.apply("system") == "en"
    assert LanguageSwitch.apply("zh") == "zh"


def test_switching_language_in_settings_rebuilds_the_window_in_chinese(
    qtbot: QtBot, db: Database
) -> None:
    from cs_trainer.ui.app import Application

    application = Application(db)
    qtbot.addWidget(application.window)
    old = application.window
    page = old.settings_page
    page.language_combo.setCurrentIndex(page.language_combo.findData("zh"))
    page.organisation_edit.setText("星辰客服中心")
    page.save_button.click()
    qtbot.waitUntil(lambda: application.window is not old)  # once the save is stored
    assert settings.read(settings.LANGUAGE) == "zh"
    qtbot.addWidget(application.window)
    nav = application.window.nav
    assert nav.item(nav.count() - 1).text() == "设置"
    assert application.window.settings_page.organisation_edit.text() == "星辰客服中心"


def test_the_shipped_chinese_font_is_registered_and_asked_for_by_name(qapp: QApplication) -> None:
    assert FONT_FAMILY in shipped_font_families()
    font = qapp.font()
    assert font.family() == FONT_FAMILY
    assert QFontInfo(font).family() == FONT_FAMILY, "Qt must not substitute another font"
    metrics = QFontMetrics(font)
    for char in "张三丰服务潜能测试优秀0123456789":
        assert metrics.inFontUcs4(ord(char)), f"{char!r} would render as a box"
