"""Qt's own dialogs (file, print, standard buttons) speak Chinese in the Chinese interface."""

import re

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cs_trainer.ui.shared.translation import LanguageSwitch

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED = {"PDF"}  # 打印到文件(PDF) keeps the format's name


def _visible_texts(dialog: QWidget) -> list[str]:
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    texts += [box.title() for box in dialog.findChildren(QGroupBox)]
    return [text for text in texts if text.strip() and text != "..."]


def _english_words(texts: list[str]) -> set[str]:
    return {word for text in texts for word in LATIN_WORD.findall(text)} - ALLOWED


def test_the_file_dialog_is_chinese(qtbot: QtBot) -> None:
    LanguageSwitch.apply("zh")
    dialog = QFileDialog(None, "保存评价表", "/")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _visible_texts(dialog)
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    assert _english_words(texts) == set()


def test_the_print_dialog_is_chinese(qtbot: QtBot) -> None:
    LanguageSwitch.apply("zh")
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _visible_texts(dialog)
    assert "打印(&P)" in texts and "页面集(&S)：" in texts
    assert _english_words(texts) == set()


def test_standard_buttons_are_chinese_and_english_again_after_switching(qtbot: QtBot) -> None:
    LanguageSwitch.apply("zh")
    box = QMessageBox(QMessageBox.Icon.Question, "离开测试？", "确定吗？")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    box.show()
    button_box = box.findChild(QDialogButtonBox)
    assert button_box is not None
    labels = {button.text() for button in button_box.buttons()}
    assert _english_words(sorted(labels)) == set()
    LanguageSwitch.apply("en")
    dialog = QFileDialog(None, "Save", "/")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    assert "&Look in:" in _visible_texts(dialog)
