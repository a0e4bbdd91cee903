"""Started by test_real_window.py on an X server: runs the real app, screenshots, quits.

``python real_window_script.py DATABASE SETTINGS_DIR SCREENSHOT.png`` starts cs_trainer
exactly as ``cs-trainer`` does (cs_trainer.ui.app.run) on the xcb platform, creates
the first administrator and signs in as a person would, waits until the main window is
on screen, saves a screenshot of the whole screen and prints what it
saw, then quits.
"""

import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from cs_trainer.ui.accounts.sign_in import FirstAdminDialog, SignInDialog
from cs_trainer.ui.app import run
from cs_trainer.ui.main_window import MainWindow

PASSWORD = "a real window's password"


def main(database: str, settings_dir: str, screenshot: str) -> int:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication(sys.argv[:1])
    print("platform", QGuiApplication.platformName(), flush=True)

    def look() -> None:
        for dialog in app.topLevelWidgets():
            if isinstance(dialog, FirstAdminDialog) and dialog.isVisible() and not dialog.busy:
                dialog.name_edit.setText("admin")
                dialog.password_edit.setText(PASSWORD)
                dialog.repeat_edit.setText(PASSWORD)
                dialog.submit()  # the first start: create the administrator
            elif isinstance(dialog, SignInDialog) and dialog.isVisible() and not dialog.busy:
                dialog.secret_edit.setText(PASSWORD)
                dialog.submit()
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(200, look)
            return
        window = windows[0]
        app.processEvents()
        QGuiApplication.primaryScreen().grabWindow(0).save(screenshot)
        print("title", window.windowTitle(), flush=True)
        print("geometry", window.width(), window.height(), flush=True)
        app.quit()

    QTimer.singleShot(1500, look)
    return run(database)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
