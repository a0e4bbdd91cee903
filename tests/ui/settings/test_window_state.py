"""Window geometry and splitter sizes stay out of the preferences."""

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QLabel, QSplitter
from pytestqt.qtbot import QtBot

from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.settings import window_state
from cs_trainer.ui.settings.preferences import Scope


def test_geometry_and_splitters_are_kept_apart_from_the_preferences(qtbot: QtBot) -> None:
    computer = [s for s in settings.ALL if s.scope is Scope.COMPUTER]
    for setting in computer:
        settings.write(setting, setting.default)
    window_state.save_geometry(QByteArray(b"geometry"))
    window_state.keep_splitter_sizes(splitter := _splitter(qtbot), "example")
    splitter.splitterMoved.emit(100, 1)
    stored = QSettings()
    assert set(stored.childKeys()) == {setting.key for setting in computer}
    stored.beginGroup(window_state.GROUP)
    assert sorted(stored.allKeys()) == ["geometry", "splitters/example"]


def test_geometry_comes_back_and_is_none_until_saved() -> None:
    assert window_state.saved_geometry() is None
    window_state.save_geometry(QByteArray(b"geometry"))
    assert window_state.saved_geometry() == QByteArray(b"geometry")


def _splitter(qtbot: QtBot) -> QSplitter:
    splitter = QSplitter()
    splitter.addWidget(QLabel("left"))
    splitter.addWidget(QLabel("right"))
    splitter.resize(600, 200)
    qtbot.addWidget(splitter)
    splitter.show()
    return splitter


def test_splitter_sizes_come_back_where_the_user_left_them(qtbot: QtBot) -> None:
    first = _splitter(qtbot)
    window_state.keep_splitter_sizes(first, "example")
    first.setSizes([150, 450])
    first.splitterMoved.emit(150, 1)  # what dragging the handle emits
    second = _splitter(qtbot)
    second.setSizes([450, 150])
    window_state.keep_splitter_sizes(second, "example")
    assert second.sizes() == first.sizes()


def test_a_splitter_never_moved_keeps_the_sizes_it_was_built_with(qtbot: QtBot) -> None:
    splitter = _splitter(qtbot)
    splitter.setSizes([450, 150])
    built = splitter.sizes()
    window_state.keep_splitter_sizes(splitter, "untouched")
    assert splitter.sizes() == built
