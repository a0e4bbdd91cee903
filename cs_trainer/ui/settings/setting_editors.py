"""One editor widget per declared setting, chosen by the declaration.

A setting with allowed values gets a combo box, a ``bool`` a check box, an
``int`` a spin box limited to its range and any other text a line edit; each
shows the declaration's help text as its tooltip. :func:`editor_value` gives the
typed value back, so the page never parses what it shows.
"""

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from cs_trainer.ui.settings.preferences import Setting, translated


def build_editor(setting: Setting[Any]) -> QWidget:
    editor = _new_editor(setting)
    editor.setObjectName(setting.key)
    editor.setToolTip(translated(setting.help))
    return editor


def show_value(editor: QWidget, value: object) -> None:
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(0, editor.findData(value)))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(str(value)))
    elif isinstance(editor, QLineEdit):
        editor.setText(str(value))


def editor_value(editor: QWidget) -> object:
    """The value the user chose, of the declared type (text without surrounding spaces)."""
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, QLineEdit):
        return editor.text().strip()
    raise TypeError(f"not a setting editor: {editor!r}")


def _new_editor(setting: Setting[Any]) -> QWidget:
    if setting.choices:
        combo = QComboBox()
        for choice in setting.choices:
            combo.addItem(translated(choice.label), choice.value)
        return combo
    if setting.value_type is bool:
        return QCheckBox(translated(setting.label))  # its own label, so clicking it toggles
    if setting.value_type is int:
        spin = QSpinBox()
        spin.setRange(
            setting.minimum if setting.minimum is not None else -(2**31),
            setting.maximum if setting.maximum is not None else 2**31 - 1,
        )
        spin.setSuffix(translated(setting.suffix))
        return spin
    return QLineEdit()
