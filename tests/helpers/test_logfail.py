"""The logfail plugin, run on a small test file in a pytest of its own."""

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CASES = textwrap.dedent(
    """
    import logging
    import threading

    import pytest

    log = logging.getLogger("some.module")


    def test_unexpected_error():
        log.error("the disk is on fire")


    def test_unexpected_critical_from_a_thread():
        worker = threading.Thread(target=lambda: logging.getLogger().critical("worker died"))
        worker.start()
        worker.join()


    def test_warnings_and_below_are_fine():
        log.warning("just so you know")
        log.info("and this")


    def test_expected_through_the_fixture(expect_logged_errors):
        log.error("meant to happen")
        assert expect_logged_errors.messages() == ["meant to happen"]


    @pytest.mark.expect_logged_errors
    def test_expected_through_the_marker():
        log.exception("meant to happen too")


    @pytest.fixture
    def noisy_teardown():
        yield
        log.error("cleaning up went wrong")


    def test_an_error_in_teardown(noisy_teardown):
        pass


    def test_a_failing_test_fails_once():
        log.error("and then")
        assert False
    """
)


@pytest.mark.slow
def test_errors_fail_the_test_unless_it_expects_them(tmp_path: Path) -> None:
    shutil.copy(Path(__file__).with_name("logfail.py"), tmp_path / "logfail.py")
    (tmp_path / "test_cases.py").write_text(CASES, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "logfail", "-p", "no:cacheprovider", "-rA"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    summary = re.findall(r"^(PASSED|FAILED|ERROR) test_cases\.py::(\w+)", result.stdout, re.M)
    assert sorted(summary) == [
        ("ERROR", "test_an_error_in_teardown"),
        ("FAILED", "test_a_failing_test_fails_once"),
        ("FAILED", "test_unexpected_critical_from_a_thread"),
        ("FAILED", "test_unexpected_error"),
        ("PASSED", "test_an_error_in_teardown"),  # the test passed, its teardown did not
        ("PASSED", "test_expected_through_the_fixture"),
        ("PASSED", "test_expected_through_the_marker"),
        ("PASSED", "test_warnings_and_below_are_fine"),
    ], result.stdout
    assert "ERROR some.module: the disk is on fire" in result.stdout
    assert "CRITICAL root: worker died" in result.stdout
    assert "expect_logged_errors fixture" in result.stdout
    assert "assert False" in result.stdout  # the test's own failure, not the log's
