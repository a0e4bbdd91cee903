"""No silent overwrite of interview ratings, cohorts and department settings.

Two laptops are two :class:`Database` objects on one URL (two engines, two
connection pools), each saving from the version it read: the second save is refused
with what the record holds now, in both languages, and nothing is overwritten.
"""

from collections.abc import Iterator

import pytest

from cs_trainer.quizzes.interview_content import builtin_bank
from cs_trainer.quizzes.interview_schema import PlanItemRef
from cs_trainer.services import (
    app_settings,
    candidates,
    cohorts,
    interviews,
    plans,
    retention,
    roleplays,
    typing_tests,
)
from cs_trainer.services.versions import StaleRecordError
from cs_trainer.store.database import Database


@pytest.fixture
def other_laptop(db: Database) -> Iterator[Database]:
    """The same database opened a second time, as another laptop opens it."""
    other = Database.open(db.url)
    yield other
    other.dispose()


@pytest.fixture
def interview(db: Database) -> int:
    person = candidates.add_candidate(
        db, candidates.NewCandidate("张三丰", "13800138000", "客服专员", consent=True)
    )
    bank = builtin_bank().content
    refs = [PlanItemRef(kind="question", bank=bank.id, id=q.id) for q in bank.questions[:2]]
    refs.append(PlanItemRef(kind="task", id="stranger_game"))
    plan = plans.save_plan(db, "客服专员初试", "客服专员", refs, "王经理")
    return interviews.start_interview(db, person, plan, "王经理")


def _first_question(db: Database, attempt: int) -> tuple[str, str, str]:
    question = interviews.load_interview(db, attempt).plan.questions[0]
    return question.id, question.text.en, question.text.zh


def test_a_rating_over_another_laptops_rating_is_refused_with_the_saved_score(
    db: Database, other_laptop: Database, interview: int
) -> None:
    item, title_en, title_zh = _first_question(db, interview)
    seen = interviews.load_interview(db, interview).versions.get(item, 0)
    assert seen == 0  # nothing rated yet: both screens show version 0

    assert interviews.rate(other_laptop, interview, item, 4, "回答清楚", seen_version=seen) == 1
    with pytest.raises(StaleRecordError) as refused:
        interviews.rate(db, interview, item, 2, "", seen_version=seen)

    english, chinese = refused.value.message("en"), refused.value.message("zh")
    assert f"the rating of “{title_en[:20]}" in english
    assert "it is now rated 4, with notes. Nothing was saved" in english
    assert f"“{title_zh[:10]}" in chinese and "现在是4 分，有备注。本次没有保存" in chinese
    assert "回答清楚" not in english + chinese  # notes are personal: not in messages
    saved = interviews.load_interview(db, interview)
    assert saved.ratings[item] == interviews.ItemRating(4, "回答清楚", {})
    assert saved.versions[item] == 1


def test_a_rating_from_the_version_saved_now_saves_and_other_items_never_conflict(
    db: Database, other_laptop: Database, interview: int
) -> None:
    state = interviews.load_interview(db, interview)
    first, second = state.plan.questions[0].id, state.plan.questions[1].id
    task = interviews.task_key(state.plan.tasks[0].id)
    interviews.rate(other_laptop, interview, first, 3, "", seen_version=0)
    assert interviews.rate(db, interview, second, 5, "", seen_version=0) == 1  # another item
    with pytest.raises(StaleRecordError, match="rated 3, with no notes"):
        interviews.rate(db, interview, first, 1, "", seen_version=0)
    task_title = state.plan.tasks[0].title.en
    with pytest.raises(StaleRecordError, match=f"of “{task_title}” .*: it is now not rated"):
        interviews.rate(db, interview, task, None, "note", seen_version=4)  # no row: version 0

    fresh = interviews.load_interview(db, interview).versions[first]
    assert interviews.rate(db, interview, first, 1, "再看", seen_version=fresh) == fresh + 1
    assert interviews.rate(db, interview, first, 2, "再看") == fresh + 2  # the CLI: unchecked
    assert interviews.load_interview(other_laptop, interview).ratings[first].score == 2


def test_adding_trainees_to_a_cohort_another_laptop_changed_is_refused_and_adds_none(
    db: Database, other_laptop: Database
) -> None:
    cohort = cohorts.create_cohort(db, "2027年春季班")
    wang, li, zhou = (roleplays.add_trainee(db, name) for name in ("小王", "小李", "小周"))
    seen = cohorts.get_cohort(db, cohort).version

    cohorts.add_members(other_laptop, cohort, [wang], seen_version=seen)
    with pytest.raises(StaleRecordError) as refused:
        cohorts.add_members(db, cohort, [li, zhou], seen_version=seen)

    assert "the cohort “2027年春季班” after you opened it: it now has 1 trainees" in (
        refused.value.message("en")
    )
    assert "有人修改了班级“2027年春季班”：现在有 1 名学员。本次没有保存" in (
        refused.value.message("zh")
    )
    assert [m.name for m in cohorts.members(db, cohort)] == ["小王"]
    now = cohorts.get_cohort(db, cohort)
    assert (now.members, now.version) == (1, seen + 1)
    cohorts.add_members(db, cohort, [li, zhou], seen_version=now.version)
    assert [m.name for m in cohorts.members(db, cohort)] == ["小周", "小李", "小王"]


def test_a_rename_or_move_over_another_laptops_change_is_refused(
    db: Database, other_laptop: Database
) -> None:
    spring, summer = (cohorts.create_cohort(db, name) for name in ("春季班", "夏季班"))
    trainee = roleplays.add_trainee(db, "小王")
    cohorts.assign(db, trainee, spring)
    seen_spring = cohorts.get_cohort(db, spring).version
    seen_summer = cohorts.get_cohort(db, summer).version

    cohorts.assign(other_laptop, trainee, summer, seen_version=seen_summer)  # leaves spring too
    with pytest.raises(StaleRecordError, match="the cohort “春季班” after you opened it"):
        cohorts.rename_cohort(db, spring, "春季一班", seen_version=seen_spring)
    with pytest.raises(StaleRecordError, match=r"the cohort “夏季班”.*now has 1 trainees"):
        cohorts.assign(db, trainee, None, seen_version=seen_summer)  # leaving summer as seen
    assert [c.name for c in cohorts.list_cohorts(db)] == ["夏季班", "春季班"]
    assert [m.name for m in cohorts.members(db, summer)] == ["小王"]

    cohorts.rename_cohort(db, spring, "春季一班", cohorts.get_cohort(db, spring).version)
    assert cohorts.get_cohort(other_laptop, spring).name == "春季一班"


def test_a_setting_over_another_laptops_change_is_refused_with_the_value_saved_now(
    db: Database, other_laptop: Database
) -> None:
    seen = app_settings.read_setting(db, app_settings.ORGANISATION)
    assert seen == app_settings.StoredSetting(None, 0)

    app_settings.set_setting(other_laptop, app_settings.ORGANISATION, "星辰客服中心", 0)
    with pytest.raises(StaleRecordError) as refused:
        app_settings.set_setting(db, app_settings.ORGANISATION, "另一个名称", seen.version)

    assert "the setting “Organisation name” after you opened the settings: it is now" in (
        refused.value.message("en")
    )
    assert "“星辰客服中心”. Nothing was saved" in refused.value.message("en")
    assert "修改了设置“单位名称”：现在是“星辰客服中心”。本次没有保存" in (
        refused.value.message("zh")
    )
    assert app_settings.read_setting(db, app_settings.ORGANISATION) == (
        app_settings.StoredSetting("星辰客服中心", 1)
    )
    app_settings.set_setting(db, app_settings.ORGANISATION, "另一个名称", 1)
    assert app_settings.get_setting(other_laptop, app_settings.ORGANISATION) == "另一个名称"


def test_settings_with_their_own_services_refuse_a_stale_save_too(
    db: Database, other_laptop: Database
) -> None:
    key = "show_results_to_candidates"
    app_settings.set_setting(other_laptop, key, "scores_and_verdict", seen_version=0)
    with pytest.raises(
        StaleRecordError, match=r"now “Their scores and the verdict \(band, passed\)”"
    ):
        app_settings.set_setting(db, key, "none", seen_version=0)  # a code shown by its name

    typing_tests.set_typing_pass_mark(other_laptop, 100, seen_version=0)
    with pytest.raises(StaleRecordError, match=r"“Typing test pass mark”.*now “100”"):
        typing_tests.set_typing_pass_mark(db, 60, seen_version=0)
    assert typing_tests.typing_pass_mark(db) == 100

    retention.set_retention_months(other_laptop, 24, seen_version=0)
    with pytest.raises(StaleRecordError, match="now “24”"):
        retention.set_retention_months(db, 6, seen_version=0)
    assert candidates.retention_months(db) == 24
    retention.set_retention_months(db, 6, seen_version=1)
    assert app_settings.read_setting(db, candidates.RETENTION_SETTING).version == 2
