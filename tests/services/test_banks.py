"""Imported question banks: listed beside the built-in one, stored whole or not at all."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from cs_trainer.errors import ContentError, NotFoundError, UserError
from cs_trainer.quizzes.bank_io import read_bank, write_bank
from cs_trainer.quizzes.interview_content import BANK_FILE, builtin_bank
from cs_trainer.quizzes.interview_schema import QuestionBank
from cs_trainer.services.banks import (
    export_bank,
    get_bank,
    import_bank,
    list_banks,
    load_bank,
)
from cs_trainer.store.database import Database
from cs_trainer.store.models import ImportedBank


def text(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


def make_bank(
    bank_id: str = "hotel_front_desk", version: int = 1, questions: int = 2
) -> QuestionBank:
    return QuestionBank.model_validate(
        {
            "id": bank_id,
            "version": version,
            "kind": "interview_bank",
            "title": text("酒店前台面试题", "Hotel front-desk questions"),
            "questions": [
                {
                    "id": f"q{number}",
                    "group": "skills",
                    "source": "本店培训组",
                    "text": text(f"第{number}题？", f"Question {number}?"),
                    "purpose": text("考察沟通能力。", "Communication."),
                    "good_signs": [text("说话清楚", "Speaks clearly")],
                    "warning_signs": [text("答非所问", "Answers another question")],
                    "anchors": [
                        {"score": score, "text": text(f"{score}分。", f"Worth {score}.")}
                        for score in (1, 3, 5)
                    ],
                }
                for number in range(1, questions + 1)
            ],
        }
    )


def saved(bank: QuestionBank, path: Path) -> Path:
    write_bank(bank, path)
    return path


def imported_count(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(ImportedBank)) or 0


def test_only_the_built_in_bank_at_first(db: Database) -> None:
    [summary] = list_banks(db)
    shipped = builtin_bank().content
    assert summary.bank_id == shipped.id
    assert summary.builtin
    assert summary.question_count == len(shipped.questions)
    assert summary.source_name == BANK_FILE
    assert get_bank(db, shipped.id) == shipped


def test_an_imported_bank_is_listed_after_the_built_in_one_and_retrievable(
    db: Database, tmp_path: Path
) -> None:
    summary = import_bank(db, saved(make_bank("zoo_bank"), tmp_path / "zoo.xlsx"))
    import_bank(db, saved(make_bank("alpha_bank", questions=3), tmp_path / "alpha.csv"))
    assert (summary.bank_id, summary.question_count, summary.builtin) == ("zoo_bank", 2, False)
    listed = list_banks(db)
    assert [b.bank_id for b in listed] == [builtin_bank().content.id, "alpha_bank", "zoo_bank"]
    assert [b.builtin for b in listed] == [True, False, False]
    assert [b.source_name for b in listed[1:]] == ["alpha.csv", "zoo.xlsx"]
    assert listed[1].title.zh == "酒店前台面试题"
    assert get_bank(db, "alpha_bank") == make_bank("alpha_bank", questions=3)


def test_a_bad_file_stores_nothing(db: Database, tmp_path: Path) -> None:
    path = saved(make_bank(), tmp_path / "bank.csv")
    content = path.read_text(encoding="utf-8-sig").replace(",skills,", ",bogus,")
    path.write_text(content, encoding="utf-8-sig")
    with pytest.raises(ContentError) as raised:
        import_bank(db, path)
    assert str(raised.value).splitlines() == [
        f"{path}:{row}:group: unknown group 'bogus'; write one of psychological / 心理素质, "
        "character / 品格素质, skills / 技能素质, overall / 综合素质"
        for row in (2, 3)
    ]
    assert imported_count(db) == 0


def test_importing_the_same_id_again_replaces_the_bank(db: Database, tmp_path: Path) -> None:
    import_bank(db, saved(make_bank(version=1, questions=2), tmp_path / "v1.yaml"))
    first = load_bank(db, "hotel_front_desk")
    summary = import_bank(db, saved(make_bank(version=2, questions=4), tmp_path / "v2.xlsx"))
    assert summary.question_count == 4
    assert imported_count(db) == 1
    second = load_bank(db, "hotel_front_desk")
    assert second.content == make_bank(version=2, questions=4)
    assert second.content_hash != first.content_hash
    assert [b.source_name for b in list_banks(db)][1:] == ["v2.xlsx"]


def test_the_built_in_bank_id_is_refused(db: Database, tmp_path: Path) -> None:
    shipped_id = builtin_bank().content.id
    path = saved(make_bank(shipped_id), tmp_path / "mine.csv")
    with pytest.raises(UserError, match=f"'{shipped_id}' is the built-in bank's id"):
        import_bank(db, path)
    assert imported_count(db) == 0


def test_the_content_hash_does_not_depend_on_the_file_format(db: Database, tmp_path: Path) -> None:
    import_bank(db, saved(make_bank(), tmp_path / "bank.yaml"))
    from_yaml = load_bank(db, "hotel_front_desk").content_hash
    import_bank(db, saved(make_bank(), tmp_path / "bank.xlsx"))
    assert load_bank(db, "hotel_front_desk").content_hash == from_yaml
    assert len(from_yaml) == 64


@pytest.mark.parametrize("suffix", [".yaml", ".csv", ".xlsx"])
def test_export_then_import_gives_an_equal_bank(
    db: Database, tmp_path: Path, db_path: Path, suffix: str
) -> None:
    import_bank(db, saved(make_bank(questions=3), tmp_path / "bank.yaml"))
    out = tmp_path / f"exported{suffix}"
    export_bank(db, "hotel_front_desk", out)
    other = Database.open(str(db_path.with_name("other.sqlite3")))
    try:
        import_bank(other, out)
        assert get_bank(other, "hotel_front_desk") == get_bank(db, "hotel_front_desk")
    finally:
        other.dispose()


def test_the_built_in_bank_can_be_exported(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "builtin.csv"
    export_bank(db, builtin_bank().content.id, out)
    assert read_bank(out) == builtin_bank().content


def test_an_unknown_bank(db: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no question bank 'nope'"):
        get_bank(db, "nope")
    out = tmp_path / "nope.csv"
    with pytest.raises(NotFoundError):
        export_bank(db, "nope", out)
    assert not out.exists()


def test_exporting_into_a_missing_folder_is_a_user_error(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "bank.xlsx"
    with pytest.raises(UserError, match=r"cannot write .*bank\.xlsx"):
        export_bank(db, builtin_bank().content.id, out)
    assert not out.parent.exists()
