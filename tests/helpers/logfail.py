"""Fail a test that logs an error it did not expect (after qutebrowser's tests/helpers/logfail.py).

Any log record at ERROR or above, from any logger and any thread, makes the test fail
in the phase it was logged in (setup, call or teardown): an error the code only logs
(a crash report, a connection the garbage collector had to clean up) is still a bug.
Qt's own warnings already fail through pytest-qt (``qt_log_level_fail``).

A test that means to provoke one asks for the ``expect_logged_errors`` fixture, and
checks the records it gets::

    def test_a_bug_is_reported(expect_logged_errors: LoggedErrors) -> None:
        ...
        assert "unexpected error" in expect_logged_errors.messages()[0]

or, for a whole module or class, carries ``@pytest.mark.expect_logged_errors``.

Unlike qutebrowser's handler this one does not raise inside ``logging`` (which would
hit the code under test, or a worker thread, instead of the test): it only collects,
and the check runs when the phase is over.
"""

import logging
import threading
from collections.abc import Generator

import pytest

MARKER = "expect_logged_errors"
_HINT = (
    f"If the test expects it, ask for the {MARKER} fixture (and check its records) "
    f"or mark the test @pytest.mark.{MARKER}."
)


class LogFailHandler(logging.Handler):
    """Collects every record at ERROR or above that reaches the root logger."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self._records_lock = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        with self._records_lock:
            self.records.append(record)

    def since(self, start: int) -> list[logging.LogRecord]:
        with self._records_lock:
            return self.records[start:]

    def clear(self) -> None:
        with self._records_lock:
            self.records.clear()


class LoggedErrors:
    """The records at ERROR or above logged so far in the current test."""

    def __init__(self, handler: LogFailHandler) -> None:
        self._handler = handler

    @property
    def records(self) -> list[logging.LogRecord]:
        return self._handler.since(0)

    def messages(self) -> list[str]:
        return [record.getMessage() for record in self.records]


_HANDLER = pytest.StashKey[LogFailHandler]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{MARKER}: the test may log records at ERROR or above (see logfail.py)"
    )
    handler = LogFailHandler()
    config.stash[_HANDLER] = handler
    logging.getLogger().addHandler(handler)


def pytest_unconfigure(config: pytest.Config) -> None:
    handler = config.stash.get(_HANDLER, None)
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()


def _expects_errors(item: pytest.Item) -> bool:
    return item.get_closest_marker(MARKER) is not None or MARKER in getattr(
        item, "fixturenames", ()
    )


def _checked(item: pytest.Item, phase: str, start: int) -> None:
    """Fail the phase that just ran cleanly if it logged an error nobody expected."""
    if _expects_errors(item):
        return
    records = item.config.stash[_HANDLER].since(start)
    if not records:
        return
    lines = "\n".join(
        f"  {record.levelname} {record.name}: {record.getMessage().splitlines()[0]}"
        for record in records
    )
    pytest.fail(f"{len(records)} error(s) logged during {phase}:\n{lines}\n{_HINT}", pytrace=False)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    handler = item.config.stash[_HANDLER]
    handler.clear()  # anything logged between tests is not this test's
    yield
    _checked(item, "setup", 0)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    start = len(item.config.stash[_HANDLER].since(0))
    yield
    _checked(item, "the test", start)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    start = len(item.config.stash[_HANDLER].since(0))
    yield
    _checked(item, "teardown", start)


@pytest.fixture
def expect_logged_errors(request: pytest.FixtureRequest) -> LoggedErrors:
    """The test may log errors; these are the records it logged (ERROR and above)."""
    return LoggedErrors(request.config.stash[_HANDLER])
