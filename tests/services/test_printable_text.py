"""A name the PDF font cannot print is refused at input, naming the characters (issue 10).

Without the check, "王😀芳" was stored and printed on every sheet as "王芳".
"""

import pytest
from sqlalchemy import func, select

from cs_trainer.services.candidates import (
    CandidateEdit,
    NewCandidate,
    add_candidate,
    edit_candidate,
    get_candidate,
)
from cs_trainer.services.printable_text import UnprintableTextError
from cs_trainer.services.roleplays import add_trainee
from cs_trainer.services.staff import add_staff
from cs_trainer.store.database import Database
from cs_trainer.store.models import Person


def _people(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def _new(name: str, position: str = "客服专员") -> NewCandidate:
    return NewCandidate(name=name, phone="13800138000", position=position, consent=True)


def test_an_emoji_in_a_candidates_name_is_refused_in_both_languages(db: Database) -> None:
    with pytest.raises(UnprintableTextError) as refused:
        add_candidate(db, _new("王😀芳"))
    english, chinese = refused.value.message("en"), refused.value.message("zh")
    assert "The name" in english and "cannot be printed" in english
    assert "😀 (U+1F600 GRINNING FACE)" in english
    assert "姓名" in chinese and "无法打印" in chinese and "😀 (U+1F600" in chinese
    assert _people(db) == 0


def test_arabic_letters_in_a_position_are_each_named(db: Database) -> None:
    with pytest.raises(UnprintableTextError) as refused:
        add_candidate(db, _new("张三", position="محمد"))
    english = refused.value.message("en")
    assert "The position" in english
    assert "U+0645 ARABIC LETTER MEEM" in english and "U+062D ARABIC LETTER HAH" in english
    assert _people(db) == 0


def test_correcting_a_name_to_an_unprintable_one_keeps_the_old_name(db: Database) -> None:
    candidate_id = add_candidate(db, _new("王芳"))
    with pytest.raises(UnprintableTextError, match="U\\+1F600"):
        edit_candidate(db, candidate_id, CandidateEdit(name="王芳😀"))
    assert get_candidate(db, candidate_id).name == "王芳"


def test_staff_and_trainees_are_checked_too(db: Database) -> None:
    with pytest.raises(UnprintableTextError, match="U\\+1F600"):
        add_staff(db, "小王😀", "前台")
    with pytest.raises(UnprintableTextError, match="U\\+1F600"):
        add_trainee(db, "学员😀")
    assert _people(db) == 0


def test_names_the_font_prints_are_stored(db: Database) -> None:
    for name in ("王芳", "Zoë Ñúñez-O'Brien", "李 Li · 13号"):
        add_staff(db, name, "前台")
    assert _people(db) == 3
