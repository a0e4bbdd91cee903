"""End to end on a real X server (Xvfb): the app starts as users start it and draws a window."""

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

SCRIPT = Path(__file__).with_name("real_window_script.py")


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private Xvfb display; CI installs xvfb (scripts/bootstrap.sh)."""
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is not installed: run the tests through scripts/bootstrap.sh test"
    number = next(
        n
        for n in range(90, 200)
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists()
    )
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.xvfb
@pytest.mark.slow
def test_the_app_opens_a_real_window_with_chinese_text(x_display: str, tmp_path: Path) -> None:
    screenshot = tmp_path / "screen.png"
    env = {
        **os.environ,
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",
        "LANG": "zh_CN.UTF-8",
        "LANGUAGE": "zh_CN",
    }
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            str(tmp_path / "db.sqlite3"),
            str(tmp_path / "settings"),
            str(screenshot),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "platform xcb" in result.stdout
    assert "title cs_trainer" in result.stdout
    image = QImage(str(screenshot))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20, "the screen is blank: no window was drawn"
