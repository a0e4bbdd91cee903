"""The role × action table of docs/roles.md, every cell, through the services.

For each action a probe calls one service function that declares it; each role
(and nobody signed in, once accounts exist) is allowed or refused exactly as the
table says, and a refused write leaves the database as it was. An ``own`` cell is
walked twice: on the trainee's own record (allowed) and on another trainee's.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import func, select

from cs_trainer.errors import PermissionDeniedError, SignInRequiredError, UserError
from cs_trainer.scenarios.schema import Scenario
from cs_trainer.services import (
    accounts,
    app_settings,
    audit,
    backups,
    banks,
    candidate_data,
    candidates,
    cohorts,
    permissions,
    pipeline,
    quizzes,
    retention,
    roleplays,
    selftests,
    staff,
    typing_tests,
)
from cs_trainer.services.acting import ANONYMOUS, Actor, acting_as
from cs_trainer.store.database import Database
from cs_trainer.store.models import AppSetting, Base, Response

NOBODY = "nobody"  # no one signed in, while accounts exist


@dataclass(frozen=True)
class World:
    """What the probes act on, made by the admin before the walk."""

    candidate: int
    own_trainee: int
    other_trainee: int


@dataclass(frozen=True)
class Call:
    """One probe call: the world and whether it touches the trainee's own record."""

    world: World
    own: bool

    @property
    def trainee(self) -> int:
        return self.world.own_trainee if self.own else self.world.other_trainee


Probe = Callable[[Database, Call], object]


def _scenario() -> Scenario:
    return roleplays.load_scenarios().scenarios[0].scenario


PROBES: dict[str, Probe] = {
    "signed_in": lambda db, _c: permissions.require(db, permissions.SIGNED_IN),
    "content.view": lambda db, _c: banks.list_banks(db),
    "content.change": lambda db, _c: typing_tests.set_typing_pass_mark(db, 95),
    "candidates.view": lambda db, _c: candidates.list_candidates(db),
    "candidates.change": lambda db, _c: candidates.add_candidate(
        db, candidates.NewCandidate("探针应聘者", "13900000001", "客服专员", consent=True)
    ),
    "interviews": lambda db, c: selftests.start_selftest(db, c.world.candidate, "self", ""),
    "decisions": lambda db, c: pipeline.decide(db, c.world.candidate, "hold", "待复试", ""),
    "trainees.view": lambda db, _c: cohorts.list_cohorts(db),
    "trainees.change": lambda db, _c: cohorts.create_cohort(db, "探针班"),
    "practice": lambda db, c: roleplays.start_roleplay(db, c.trainee, _scenario()),
    "staff.evaluate": lambda db, _c: staff.add_staff(db, "探针员工", "前台"),
    "accounts": lambda db, _c: accounts.list_accounts(db),
    "settings.change": lambda db, _c: app_settings.set_setting(
        db, app_settings.ORGANISATION, "探针中心"
    ),
    "audit": lambda db, _c: audit.count(db),
    "candidates.export_erase": lambda db, c: candidate_data.erasure_plan(db, c.world.candidate),
    "retention": lambda db, _c: retention.due(db, date(2030, 1, 1)),
    "backups": lambda db, _c: _check_backups(db),
}


def _check_backups(db: Database) -> object:
    """``cs-trainer check``; on PostgreSQL, allowed, it names pg_dump instead."""
    try:
        return backups.check(db)
    except UserError as refused:
        if db.sqlite_file is None and "pg_dump" in refused.message("en"):
            return None
        raise


WALKED = list(permissions.ACTIONS)
WHO = [*permissions.ROLES, NOBODY]


@pytest.fixture
def world(db: Database, every_role: dict[str, Actor]) -> World:
    with acting_as(every_role["admin"]):
        candidate = candidates.add_candidate(
            db, candidates.NewCandidate("张三", "13800000000", "客服专员", consent=True)
        )
        other = roleplays.add_trainee(db, "另一位学员")
    own = every_role["trainee"].person_id
    assert own is not None
    return World(candidate, own, other)


def fingerprint(db: Database) -> dict[str, object]:
    """Every table's row count and every setting: what a refused write must leave alone."""
    with db.reading() as session:
        counts: dict[str, object] = {
            table.name: session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }
        counts["settings"] = {row.key: row.value for row in session.scalars(select(AppSetting))}
        return counts


def _actor(every_role: dict[str, Actor], who: str) -> Actor:
    return ANONYMOUS if who == NOBODY else every_role[who]


def _cells(action: permissions.Action, who: str) -> Iterator[tuple[bool, bool]]:
    """(own record?, allowed?) for each walk of the cell."""
    if who == NOBODY:
        yield True, False
    elif action.own_only and who == permissions.TRAINEE:
        yield True, True
        yield False, False
    else:
        yield True, permissions.allowed(action, who)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("action", WALKED, ids=lambda action: action.key)
def test_every_cell_of_the_table(
    db: Database,
    every_role: dict[str, Actor],
    world: World,
    action: permissions.Action,
    who: str,
) -> None:
    probe = PROBES[action.key]  # a new action without a probe fails here
    for own, allowed in _cells(action, who):
        before = fingerprint(db)
        with acting_as(_actor(every_role, who)):
            if allowed:
                probe(db, Call(world, own))
                continue
            refused = SignInRequiredError if who == NOBODY else PermissionDeniedError
            with pytest.raises(refused):
                probe(db, Call(world, own))
        assert fingerprint(db) == before, f"a refused {action.key} changed the database"


def test_every_walked_action_has_its_probe_and_no_more() -> None:
    assert set(PROBES) == {action.key for action in WALKED}


def test_an_allowed_probe_really_acts(
    db: Database, every_role: dict[str, Actor], world: World
) -> None:
    """The probes are not empty: an allowed write shows in the database."""
    with acting_as(every_role["hr"]):
        before = fingerprint(db)
        PROBES["decisions"](db, Call(world, True))
        assert fingerprint(db) != before
    with acting_as(every_role["trainee"]):
        before = fingerprint(db)
        PROBES["practice"](db, Call(world, True))
        assert fingerprint(db) != before


def test_a_trainee_acts_on_their_own_attempts_only(
    db: Database, every_role: dict[str, Actor], world: World
) -> None:
    """Functions that take an attempt find its owner: another trainee's is refused."""
    with acting_as(every_role["trainer"]):
        theirs = quizzes.start_quiz(db, world.other_trainee, ["qualities"], 3, seed=5)
        play = roleplays.start_roleplay(db, world.other_trainee, _scenario())
    with acting_as(every_role["trainee"]):
        mine = quizzes.start_quiz(db, world.own_trainee, ["qualities"], 3, seed=5)
        item = quizzes.load_quiz(db, mine).paper.items[0]
        option = item.options[0].id
        quizzes.answer(db, mine, item.id, [option])
        assert roleplays.best_scores(db, world.own_trainee) == {}
        before = fingerprint(db)
        for refused in (
            lambda: quizzes.answer(db, theirs, item.id, [option]),
            lambda: quizzes.load_quiz(db, theirs),
            lambda: roleplays.record_choice(db, play, 0),
            lambda: roleplays.load_roleplay(db, play),
            lambda: quizzes.unfinished_quizzes(db),  # everyone's: not only their own
            lambda: roleplays.best_scores(db, world.other_trainee),
        ):
            with pytest.raises(PermissionDeniedError):
                refused()
        assert fingerprint(db) == before
    with db.reading() as session:
        answered = session.scalars(select(Response.attempt_id)).all()
    assert mine in answered and theirs not in answered


def test_a_disabled_account_is_refused_at_its_next_call(
    db: Database, every_role: dict[str, Actor], world: World
) -> None:
    hr = every_role["hr"]
    assert hr.account_id is not None
    with acting_as(hr):
        candidates.list_candidates(db)
    with acting_as(every_role["admin"]):
        accounts.set_disabled(db, hr.account_id, True)
    with acting_as(hr), pytest.raises(SignInRequiredError):
        candidates.list_candidates(db)


def test_without_accounts_anyone_may_set_up(db: Database) -> None:
    """Before the first admin exists nobody can sign in: the anonymous actor may act."""
    candidate = candidates.add_candidate(
        db, candidates.NewCandidate("李四", "13800000002", "客服专员", consent=True)
    )
    pipeline.decide(db, candidate, "hire", "表现优秀", "王经理")
    app_settings.set_setting(db, app_settings.ORGANISATION, "星辰客服中心")
    assert app_settings.organisation_name(db) == "星辰客服中心"
