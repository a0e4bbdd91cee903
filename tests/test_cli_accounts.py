"""The command line with accounts: ``--user``, the ``user`` and ``audit`` commands.

Once the database has accounts, every command but ``validate-content`` acts as the
``--user`` account and is refused without it (one line, exit 2, nothing written);
the services decide what that account may do. Passwords come from the terminal or
from the environment, never from the command line.
"""

import csv
import getpass
import io
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from cs_trainer import cli, cli_accounts
from cs_trainer.cli_language import EXIT_USAGE
from cs_trainer.errors import SignInRefusedError
from cs_trainer.reports.spreadsheet_cells import neutralised
from cs_trainer.services import accounts, audit, clock, permissions
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.store.database import Database

PASSWORD = "correct horse battery"  # what tests/conftest.py::every_role gives every account
NEW = "a new secret 123"


@pytest.fixture(autouse=True)
def dispose_opened_databases(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The command leaves its engine to process exit; in-process, close it after each test."""
    opened: list[Database] = []
    real_open = Database.open.__func__  # type: ignore[attr-defined]

    def tracking_open(cls: type[Database], option: str | None = None) -> Database:
        database: Database = real_open(cls, option)
        opened.append(database)
        return database

    monkeypatch.setattr(Database, "open", classmethod(tracking_open))
    monkeypatch.delenv(cli_accounts.NEW_PASSWORD_ENV, raising=False)
    yield
    for database in opened:
        database.dispose()


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


class Terminal:
    """getpass on a terminal: answers the prompts in turn and remembers them."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []

    def __call__(self, prompt: str = "Password: ") -> str:
        self.prompts.append(prompt)
        return self.answers.pop(0)


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, password: str | None = None
) -> tuple[int, str, str]:
    """``cs-trainer ARGV`` in-process (CS_TRAINER_PASSWORD set to ``password``)."""
    with pytest.MonkeyPatch.context() as patch:
        if password is not None:
            patch.setenv(cli_accounts.PASSWORD_ENV, password)
        try:
            code = cli.main(list(argv))
        except SystemExit as exit_:  # argparse's usage errors
            code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("cs-trainer"), err
    return lines[0]


def snapshot(path: Path) -> tuple[bytes, list[str]]:
    """The file's bytes (its WAL checkpointed into it first) and every row, as SQL."""
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        rows = list(raw.iterdump())
    return path.read_bytes(), rows


@pytest.fixture
def staffed(db: Database, db_path: Path, every_role: dict[str, Actor]) -> Path:
    """The database of ``every_role`` (an account per role, password PASSWORD), closed."""
    db.dispose()
    return db_path


# --- the first account ------------------------------------------------------------------


def test_the_first_account_is_an_admin_made_without_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_terminal: None
) -> None:
    database = str(tmp_path / "new" / "hr.sqlite3")
    code, out, err = run(
        capsys, "user", "add", "boss", "--role", "admin", "--database", database, password=NEW
    )
    assert (code, err) == (0, "")
    opened = Database.open(database)
    actor = accounts.sign_in(opened, "boss", NEW)  # CS_TRAINER_PASSWORD became its password
    assert (actor.account_id, actor.role) == (int(out), "admin")


def test_the_first_account_must_be_an_admin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "hr.sqlite3"
    code, out, err = run(
        capsys, "user", "add", "rater", "--role", "hr", "--database", str(database), password=NEW
    )
    assert code == 1 and out == ""
    assert "first account must be an administrator" in one_line(err)
    assert not accounts.accounts_exist(Database.open(str(database)))


def test_user_on_a_database_without_accounts_is_refused_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "typo" / "hr.sqlite3"
    argv = ["candidate", "add", "--name", "张三", "--phone", "13800138000", "--consent"]
    code, out, err = run(
        capsys, *argv, "--user", "boss", "--database", str(database), password=PASSWORD
    )
    assert (code, out) == (EXIT_USAGE, "")
    assert "no accounts yet" in one_line(err)
    assert not database.parent.exists()


def test_the_first_password_typed_twice_must_match(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal(NEW, NEW + "x")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", terminal)
    database = str(tmp_path / "hr.sqlite3")
    code, out, err = run(capsys, "user", "add", "boss", "--role", "admin", "--database", database)
    assert (code, out) == (1, "")
    assert "two passwords differ" in one_line(err)
    assert terminal.prompts == ["New password: ", "The new password again: "]
    assert not accounts.accounts_exist(Database.open(database))


def test_the_first_password_typed_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", Terminal(NEW, NEW))
    database = str(tmp_path / "hr.sqlite3")
    code, _out, err = run(capsys, "user", "add", "boss", "--role", "admin", "--database", database)
    assert (code, err) == (0, "")
    assert accounts.sign_in(Database.open(database), "boss", NEW).role == "admin"


def test_no_password_and_no_terminal_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_terminal: None
) -> None:
    database = tmp_path / "hr.sqlite3"
    code, _out, err = run(
        capsys, "user", "add", "boss", "--role", "admin", "--database", str(database)
    )
    assert code == EXIT_USAGE
    assert "CS_TRAINER_NEW_PASSWORD" in one_line(err)


def test_a_password_is_never_an_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = str(tmp_path / "hr.sqlite3")
    code, _out, err = run(
        capsys, "user", "add", "boss", "--role", "admin", "--password", NEW, "--database", database
    )
    assert code == EXIT_USAGE
    assert "unrecognized arguments" in one_line(err)


@pytest.mark.parametrize("action", ["add", "reset-password"])
def test_the_help_names_the_new_password_variable(
    capsys: pytest.CaptureFixture[str], action: str
) -> None:
    code, out, _err = run(capsys, "user", action, "--help")
    assert code == 0 and "CS_TRAINER_NEW_PASSWORD" in " ".join(out.split())


def test_the_roles_offered_are_the_services_roles() -> None:
    assert set(cli_accounts.ROLES) == set(permissions.ROLES)


# --- with accounts: --user ----------------------------------------------------------------


REFUSED_COMMANDS = [
    ["candidate", "add", "--name", "张三", "--phone", "13800138000", "--consent"],
    ["selftest", "--candidate", "1", "--answers", "9,8,10,7,6,9,8,10,9,8"],
    ["user", "list"],
    ["user", "add", "someone", "--role", "trainer"],
    ["audit", "verify"],
    ["export-bank", "customer_service_interview", "bank.yaml"],
    ["sheet", "--candidate", "1", "--out", "sheet.pdf"],
    ["export-sheets", "--cohort", "2026 spring", "--out", "."],
]


@pytest.mark.parametrize("argv", REFUSED_COMMANDS, ids=lambda argv: " ".join(argv[:2]))
def test_without_user_a_command_is_refused_and_writes_nothing(
    staffed: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # where the commands' relative files would go
    before = snapshot(staffed)
    listing = _other_files(tmp_path, staffed)
    code, out, err = run(capsys, *argv, "--database", str(staffed), password=PASSWORD)
    assert (code, out) == (EXIT_USAGE, "")
    assert "--user" in one_line(err)
    assert snapshot(staffed) == before
    assert _other_files(tmp_path, staffed) == listing


def _other_files(folder: Path, database: Path) -> list[Path]:
    """What is in ``folder`` but the database and SQLite's -wal and -shm beside it."""
    return sorted(p for p in folder.iterdir() if not p.name.startswith(database.name))


def test_the_refusal_reads_in_chinese(staffed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--lang", "zh", "user", "list", "--database", str(staffed))
    assert code == EXIT_USAGE
    line = one_line(err)
    assert line.startswith("cs-trainer：错误：") and "--user" in line and "已有账户" in line


def test_with_user_and_the_password_variable_a_command_acts_as_that_account(
    staffed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["candidate", "add", "--name", "张三", "--phone", "13800138000", "--consent"]
    code, out, err = run(
        capsys, *argv, "--user", "hr", "--database", str(staffed), password=PASSWORD
    )
    assert (code, err) == (0, "")
    with closing(sqlite3.connect(staffed)) as raw:
        assert raw.execute("SELECT name FROM people WHERE id = ?", (int(out),)).fetchone() == (
            "张三",
        )


@pytest.mark.parametrize("before_command", [True, False])
def test_user_stands_before_or_after_the_command(
    staffed: Path, capsys: pytest.CaptureFixture[str], before_command: bool
) -> None:
    options = ["--user", "admin", "--database", str(staffed)]
    argv = [*options, "user", "list"] if before_command else ["user", "list", *options]
    code, out, err = run(capsys, *argv, password=PASSWORD)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "ROLE", "STATUS", "SHOWN", "AS"]
    assert [line.split()[:3] for line in lines[1:]] == [
        ["admin", "admin", "active"],
        ["hr", "hr", "active"],
        ["trainee", "trainee", "active"],
        ["trainer", "trainer", "active"],
    ]
    assert "人事乙" in out


def test_the_password_is_typed_on_the_terminal(
    staffed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal(PASSWORD)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", terminal)
    code, _out, err = run(capsys, "--user", "admin", "user", "list", "--database", str(staffed))
    assert (code, err) == (0, "")
    assert terminal.prompts == ["Password: "]


def test_a_wrong_password_is_one_line_and_throttled(
    staffed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    now = clock.utc_now()
    monkeypatch.setattr(clock, "utc_now", lambda: now)
    argv = ["--user", "admin", "user", "list", "--database", str(staffed)]
    for _ in range(accounts.FREE_FAILURES):
        code, out, err = run(capsys, *argv, password="not the password")
        assert (code, out) == (1, "")
        assert "wrong sign-in name or password" in one_line(err)
    code, out, err = run(capsys, *argv, password=PASSWORD)  # right, but too soon
    assert (code, out) == (1, "")
    assert "too many failed sign-ins: try again in 1 s" in one_line(err)


def test_a_role_the_service_refuses_is_one_line(
    staffed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = ["sheet", "--candidate", "1", "--out", "sheet.pdf"]  # a candidate's personal data
    for role, argv in (
        ("hr", ["user", "list"]),
        ("trainer", ["audit", "verify"]),
        ("trainer", sheet),
    ):
        before = snapshot(staffed)
        code, out, err = run(
            capsys, *argv, "--user", role, "--database", str(staffed), password=PASSWORD
        )
        assert (code, out) == (1, "")
        assert "may not" in one_line(err)
        assert snapshot(staffed)[1] == before[1]


def test_validate_content_needs_no_user(
    staffed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CS_TRAINER_DATABASE", str(staffed))  # a database with accounts
    content = Path(cli.__file__).parent / "scenarios" / "content"
    code, out, _err = run(capsys, "validate-content", str(content))
    assert code == 0 and "valid" in out


# --- user add, disable, enable, reset-password --------------------------------------------


def test_a_new_account_takes_the_new_password_variable(
    staffed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli_accounts.NEW_PASSWORD_ENV, NEW)
    argv = ["user", "add", "rater2", "--role", "hr", "--display-name", "人事戊"]
    code, out, err = run(
        capsys, *argv, "--user", "admin", "--database", str(staffed), password=PASSWORD
    )
    assert (code, err) == (0, "")
    actor = accounts.sign_in(Database.open(str(staffed)), "rater2", NEW)
    assert (actor.account_id, actor.role, actor.name) == (int(out), "hr", "人事戊")


def test_a_new_account_never_takes_the_acting_password(
    staffed: Path, capsys: pytest.CaptureFixture[str], no_terminal: None
) -> None:
    before = snapshot(staffed)[1]
    code, out, err = run(
        capsys,
        *["user", "add", "rater2", "--role", "hr", "--user", "admin"],
        *["--database", str(staffed)],
        password=PASSWORD,
    )
    assert (code, out) == (EXIT_USAGE, "")
    assert "CS_TRAINER_NEW_PASSWORD" in one_line(err)
    assert snapshot(staffed)[1] == before


def test_a_trainer_adds_a_trainee_but_not_a_trainer(
    staffed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli_accounts.NEW_PASSWORD_ENV, NEW)
    acting = ["--user", "trainer", "--database", str(staffed)]
    code, _out, err = run(
        capsys, "user", "add", "t2", "--role", "trainee", *acting, password=PASSWORD
    )
    assert (code, err) == (0, "")
    code, _out, err = run(
        capsys, "user", "add", "t3", "--role", "trainer", *acting, password=PASSWORD
    )
    assert code == 1 and "may not" in one_line(err)


def test_disable_enable_and_reset_password(
    staffed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = ["--user", "admin", "--database", str(staffed)]
    as_hr = ["user", "list", "--user", "hr", "--database", str(staffed)]
    code, out, _err = run(capsys, "user", "disable", "hr", *admin, password=PASSWORD)
    assert (code, out) == (0, "hr is disabled\n")
    code, _out, err = run(capsys, *as_hr, password=PASSWORD)
    assert code == 1 and "disabled" in one_line(err)
    code, out, _err = run(capsys, "user", "enable", "hr", *admin, password=PASSWORD)
    assert (code, out) == (0, "hr is enabled\n")
    monkeypatch.setenv(cli_accounts.NEW_PASSWORD_ENV, NEW)
    code, out, _err = run(capsys, "user", "reset-password", "hr", *admin, password=PASSWORD)
    assert (code, out) == (0, "hr has a new password\n")
    opened = Database.open(str(staffed))
    assert accounts.sign_in(opened, "hr", NEW).role == "hr"
    with pytest.raises(SignInRefusedError):
        accounts.sign_in(opened, "hr", PASSWORD)


def test_an_unknown_account_is_refused_before_a_password_is_asked(
    staffed: Path, capsys: pytest.CaptureFixture[str], no_terminal: None
) -> None:
    code, _out, err = run(
        capsys,
        *["user", "reset-password", "nobody", "--user", "admin", "--database", str(staffed)],
        password=PASSWORD,
    )
    assert code == 1 and "no account named nobody" in one_line(err)


def test_the_last_admin_cannot_be_disabled(
    staffed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys,
        *["user", "disable", "admin", "--user", "admin", "--database", str(staffed)],
        password=PASSWORD,
    )
    assert code == 1 and "last active administrator" in one_line(err)


# --- audit verify and export ---------------------------------------------------------------


def test_audit_verify_prints_the_rows_and_the_head(
    staffed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = Database.open(str(staffed))
    with acting_as(accounts.sign_in(opened, "admin", PASSWORD)):
        expected = audit.verify(opened)
    assert expected.rows >= 4  # the four accounts
    code, out, err = run(
        capsys, "audit", "verify", "--user", "admin", "--database", str(staffed), password=PASSWORD
    )
    assert (code, err) == (0, "")
    assert f"{expected.rows} rows checked" in out and expected.head in out


def _tamper(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("DROP TRIGGER audit_events_append_only_update")
        raw.execute("DROP TRIGGER audit_events_append_only_delete")
        for statement in statements:
            raw.execute(statement)
        raw.commit()


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        ("UPDATE audit_events SET role = 'trainer' WHERE id = 2", "audit row 2 was changed"),
        ("UPDATE audit_events SET target = 'account:9' WHERE id = 3", "audit row 3 was changed"),
        ("DELETE FROM audit_events WHERE id = 2", "audit row 2 is missing"),
    ],
)
def test_audit_verify_names_a_changed_or_missing_row(
    staffed: Path, capsys: pytest.CaptureFixture[str], statement: str, named: str
) -> None:
    _tamper(staffed, statement)
    code, out, err = run(
        capsys, "audit", "verify", "--user", "admin", "--database", str(staffed), password=PASSWORD
    )
    assert (code, out) == (1, "")
    assert named in one_line(err)


def test_the_triggers_refuse_tampering_while_they_stand(staffed: Path) -> None:
    with closing(sqlite3.connect(staffed)) as raw, pytest.raises(sqlite3.DatabaseError):
        raw.execute("DELETE FROM audit_events WHERE id = 2")


def test_audit_export_writes_every_row_neutralising_formulas(
    staffed: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opened = Database.open(str(staffed))
    admin = accounts.sign_in(opened, "admin", PASSWORD)
    with acting_as(admin):
        sneaky = accounts.add_account(
            opened, accounts.NewAccount("sneaky", '=HYPERLINK("x")', "admin", PASSWORD)
        )
    with acting_as(accounts.sign_in(opened, "sneaky", PASSWORD)):
        with opened.writing() as session:
            audit.record(
                session,
                "person.edit",
                "person:1",
                before={"phone": "13800138000"},
                after={"phone": "-13900139000"},
                person_id=1,
                personal=["phone"],
                reason="+typo",
            )
        rows = audit.count(opened)
    out = tmp_path / "trail.csv"
    code, printed, err = run(
        capsys,
        *["audit", "export", "--out", str(out), "--user", "admin", "--database", str(staffed)],
        password=PASSWORD,
    )
    assert (code, err, printed) == (0, "", f"{out}\n")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, for Excel
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == list(cli_accounts.AUDIT_COLUMNS)
    assert [int(row[0]) for row in table[1:]] == list(range(1, rows + 1))  # every row, oldest first
    last = dict(zip(table[0], table[-1], strict=True))
    assert last["account"] == '\'=HYPERLINK("x")'
    assert last["role"] == "admin" and last["action"] == "person.edit"
    assert last["before"] == '{"phone": "13800138000"}'  # the personal value, as the trail shows it
    assert last["after"] == '{"phone": "-13900139000"}'
    assert last["reason"] == "'+typo"
    added = next(row for row in table if row[5] == f"account:{sneaky}")
    assert '"display_name": "=HYPERLINK' in added[7]  # inside JSON it is not at a cell's start


def test_audit_export_shows_an_erased_value_as_erased(
    staffed: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opened = Database.open(str(staffed))
    with acting_as(accounts.sign_in(opened, "admin", PASSWORD)), opened.writing() as session:
        audit.record(
            session,
            "person.edit",
            "person:1",
            after={"phone": "13800138000"},
            person_id=1,
            personal=["phone"],
        )
        audit.erase_person(session, 1)
    out = tmp_path / "trail.csv"
    argv = ["audit", "export", "--out", str(out), "--user", "admin", "--database", str(staffed)]
    assert run(capsys, *argv, password=PASSWORD)[0] == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "13800138000" not in text
    assert list(csv.reader(io.StringIO(text)))[-1][7] == f'{{"phone": "{audit.ERASED}"}}'


def test_audit_export_is_for_admins(
    staffed: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "trail.csv"
    argv = ["audit", "export", "--out", str(out), "--user", "hr", "--database", str(staffed)]
    code, _out, err = run(capsys, *argv, password=PASSWORD)
    assert code == 1 and "may not" in one_line(err)
    assert not out.exists()


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_compute_is_neutralised(start: str) -> None:
    assert neutralised(f"{start}1+1") == f"'{start}1+1"


def test_an_ordinary_cell_is_left_alone() -> None:
    assert neutralised("张三 1+1") == "张三 1+1"
    assert neutralised("") == ""
