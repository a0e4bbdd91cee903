"""``candidate edit | export | erase`` and ``retention`` on the command line, in-process."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from cs_trainer import cli
from cs_trainer.services import candidates, pipeline
from cs_trainer.services.candidates import NewCandidate
from cs_trainer.store.database import Database
from cs_trainer.store.models import Decision

NAME, PHONE = "Brindlewood 王五", "13712340987"


def run(capsys: pytest.CaptureFixture[str], db_path: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main([*args, "--database", str(db_path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.fixture
def person(db: Database) -> int:
    return candidates.add_candidate(db, NewCandidate(NAME, PHONE, "客服专员", True))


def test_edit_corrects_and_says_what_changed(
    capsys: pytest.CaptureFixture[str], db: Database, db_path: Path, person: int
) -> None:
    code, out, _err = run(
        capsys, db_path, "candidate", "edit", str(person), "--phone", "13700001111"
    )
    assert code == 0 and f"candidate {person}: corrected phone" in out
    assert candidates.get_candidate(db, person).phone == "13700001111"
    code, out, _err = run(
        capsys, db_path, "candidate", "edit", str(person), "--position", "客服专员"
    )
    assert code == 0 and "nothing changed" in out


def test_edit_refuses_bad_input_and_a_duplicate_in_one_line(
    capsys: pytest.CaptureFixture[str], db: Database, db_path: Path, person: int
) -> None:
    other = candidates.add_candidate(db, NewCandidate("Other", "13800000000", "", True))
    code, _out, err = run(capsys, db_path, "candidate", "edit", str(person))
    assert code == 1 and "--name, --phone or --position" in err
    code, _out, err = run(capsys, db_path, "candidate", "edit", str(other), "--phone", PHONE)
    assert code == 1 and len(err.splitlines()) == 1
    assert f"candidate ID {person}" in err and PHONE not in err
    assert candidates.get_candidate(db, other).phone == "13800000000"
    code, _out, _err = run(
        capsys, db_path, "candidate", "edit", str(other), "--phone", PHONE, "--allow-duplicate"
    )
    assert code == 0
    code, _out, err = run(capsys, db_path, "candidate", "edit", "999", "--name", "x")
    assert code == 1 and "no candidate with ID 999" in err


def test_export_writes_the_json_and_the_sheet(
    capsys: pytest.CaptureFixture[str], db_path: Path, person: int, tmp_path: Path
) -> None:
    out_dir = tmp_path / "export"
    out_dir.mkdir()
    code, out, _err = run(
        capsys, db_path, "candidate", "export", str(person), "--out", str(out_dir)
    )
    assert code == 0
    data_file, sheet = (Path(line) for line in out.splitlines())
    assert json.loads(data_file.read_text(encoding="utf-8"))["person"]["phone"] == PHONE
    assert sheet.suffix == ".pdf" and sheet.exists()
    code, _out, err = run(
        capsys, db_path, "candidate", "export", str(person), "--out", str(tmp_path / "nope")
    )
    assert code == 1 and "does not exist" in err


def test_erase_without_yes_says_what_would_go_and_erases_nothing(
    capsys: pytest.CaptureFixture[str], db: Database, db_path: Path, person: int
) -> None:
    code, _out, err = run(capsys, db_path, "candidate", "erase", str(person))
    assert code == 1
    assert "name and phone number" in err and "backups" in err and "no automatic backups" in err
    assert "add --yes" in err
    assert candidates.get_candidate(db, person).name == NAME
    code, out, _err = run(capsys, db_path, "candidate", "erase", str(person), "--yes")
    assert code == 0 and "personal data erased" in out and "backups" in out
    assert NAME.encode() not in db_path.read_bytes()
    code, _out, err = run(capsys, db_path, "candidate", "erase", str(person), "--yes")
    assert code == 1 and "erased" in err and len(err.splitlines()) == 1


def test_the_erase_confirmation_reads_in_chinese(
    capsys: pytest.CaptureFixture[str], db_path: Path, person: int
) -> None:
    code, _out, err = run(capsys, db_path, "--lang", "zh", "candidate", "erase", str(person))
    assert code == 1
    assert "这将删除应聘者" in err and "不会自动备份" in err and "--yes" in err


def _decided_long_ago(db: Database, person: int) -> None:
    pipeline.decide(db, person, "reject", "reason", "王经理")
    with db.writing() as session:
        for decision in session.query(Decision).filter(Decision.person_id == person):
            decision.at -= timedelta(days=400)


def test_retention_lists_and_erases_with_yes(
    capsys: pytest.CaptureFixture[str], db: Database, db_path: Path, person: int
) -> None:
    code, out, _err = run(capsys, db_path, "retention", "--list")
    assert code == 0 and "0 candidates due" in out and "12 months" in out
    _decided_long_ago(db, person)
    code, out, _err = run(capsys, db_path, "retention", "--list")
    assert code == 0 and f"candidate {person}" in out and "1 candidates due" in out
    assert NAME not in out and PHONE not in out
    code, _out, err = run(capsys, db_path, "retention", "--erase")
    assert code == 1 and "Nothing was erased" in err and "backups" in err
    assert candidates.get_candidate(db, person).erased_at is None
    code, out, _err = run(capsys, db_path, "retention", "--erase", "--yes")
    assert code == 0 and "erased 1 candidates" in out
    assert candidates.get_candidate(db, person).erased_at is not None
    with pytest.raises(SystemExit) as usage:
        cli.main(["retention", "--database", str(db_path)])
    assert usage.value.code == 2 and "--list" in capsys.readouterr().err
