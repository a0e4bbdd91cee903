"""A name the PDF font cannot print is refused at input, naming the characters (issue 10).

Without the check, "王😀芳" was stored and printed on every sheet as "王芳".
"""

from datetime import date

import pytest
from sqlalchemy import func, select, update

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


def test_every_printed_field_is_checked_whichever_service_writes_it(db: Database) -> None:
    """Display names, who conducted or decided, assessors: checked in the write itself."""
    from cs_trainer.services import accounts, pipeline, reception, selftests

    person = add_candidate(db, _new("王芳"))
    with pytest.raises(UnprintableTextError) as refused:
        accounts.add_account(db, accounts.NewAccount("admin", "管理员😀", "admin", "pw-123456"))
    assert "The display name" in refused.value.message("en")
    with pytest.raises(UnprintableTextError) as refused:
        selftests.start_selftest(db, person, "self", "李👍")
    assert "who conducted it" in refused.value.message("en")
    with pytest.raises(UnprintableTextError):
        pipeline.decide(db, person, "hire", "表现好", "مدير")
    staff = add_staff(db, "张三", "前台")
    code = reception.builtin_standard().items[0].id
    with pytest.raises(UnprintableTextError) as refused:
        reception.add_entry(db, staff, date(2026, 12, 1), code, "", "评估😀")
    assert "The assessor's name" in refused.value.message("en")
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 2


def test_a_name_stored_before_the_check_does_not_block_later_changes(db: Database) -> None:
    from cs_trainer.services import pipeline

    person = add_candidate(db, _new("王芳"))
    with db.engine.begin() as connection:  # as an older version stored it
        connection.execute(update(Person).where(Person.id == person).values(name="王😀芳"))
    pipeline.move_stage(db, person, "screened", "HR", "资料齐全")
    assert get_candidate(db, person).name == "王😀芳"


def test_notes_and_reasons_are_checked_and_keep_their_line_breaks(db: Database) -> None:
    from cs_trainer.services import pipeline, reception

    person = add_candidate(db, _new("王芳"))
    with pytest.raises(UnprintableTextError) as refused:
        pipeline.decide(db, person, "hold", "表现不错👍", "HR")
    assert "The reason for the decision" in refused.value.message("en")
    assert "决定理由" in refused.value.message("zh")
    staff = add_staff(db, "张三", "前台")
    code = reception.builtin_standard().items[0].id
    with pytest.raises(UnprintableTextError) as refused:
        reception.add_entry(db, staff, date(2026, 12, 1), code, "顾客说：شكرا", "李四")
    assert "The entry's note" in refused.value.message("en")
    pipeline.decide(db, person, "hold", "第一行\n第二行\t缩进", "HR")  # layout is fine


def test_the_organisation_name_printed_on_every_sheet_is_checked(db: Database) -> None:
    from cs_trainer.services import app_settings

    with pytest.raises(UnprintableTextError) as refused:
        app_settings.set_setting(db, app_settings.ORGANISATION, "阳光客服中心🌞")
    assert "Organisation name" in refused.value.message("en")
    assert "单位名称" in refused.value.message("zh")
    assert app_settings.get_setting(db, app_settings.ORGANISATION) == ""
    app_settings.set_setting(db, app_settings.ORGANISATION, "阳光客服中心")
