"""Who may do what: one table, checked by every service before it reads or writes.

The table is the one in docs/roles.md (a test compares the two and walks every
cell through the services). Access is denied by default: a service function that
does not declare the action it performs fails a test, and an action lists the
roles allowed, never the ones refused. Hiding a button is not the protection.

A database without accounts is being set up: nobody can sign in yet, so the
anonymous actor may do everything until the first admin exists (the GUI asks for
one on first start, the CLI through ``cs-trainer user add --role admin``).
"""

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import exists, select

from cs_trainer.errors import PermissionDeniedError, SignInRequiredError
from cs_trainer.services import acting
from cs_trainer.services.acting import Actor
from cs_trainer.store.database import Database
from cs_trainer.store.models import Account, Attempt

ADMIN, HR, TRAINER, TRAINEE = "admin", "hr", "trainer", "trainee"
ROLES = (ADMIN, HR, TRAINER, TRAINEE)

ROLE_TITLES: dict[str, tuple[str, str]] = {
    ADMIN: ("administrator", "管理员"),
    HR: ("HR interviewer", "人事面试官"),
    TRAINER: ("trainer", "培训师"),
    TRAINEE: ("trainee", "学员"),
}


@dataclass(frozen=True)
class Action:
    """Something a role may be allowed to do, named as docs/roles.md names it.

    ``own_only`` actions let a trainee act only on their own trainee record.
    """

    key: str
    en: str
    zh: str
    roles: frozenset[str]
    own_only: bool = False


def _action(key: str, en: str, zh: str, *roles: str, own_only: bool = False) -> Action:
    return Action(key, en, zh, frozenset(roles), own_only)


SIGNED_IN = _action("signed_in", "use the application", "使用本软件", ADMIN, HR, TRAINER, TRAINEE)
CONTENT_VIEW = _action(
    "content.view",
    "see content (banks, plans, role-plays, quizzes, passages, settings)",
    "查看内容（题库、面试方案、情景演练、测验、打字文章、设置）",
    ADMIN,
    HR,
    TRAINER,
    TRAINEE,
)
CONTENT_CHANGE = _action(
    "content.change",
    "import question banks and set pass marks",
    "导入题库、设置及格线",
    ADMIN,
    HR,
    TRAINER,
)
CANDIDATES_VIEW = _action(
    "candidates.view",
    "see candidates, their results and sheets",
    "查看应聘者及其结果和评估表",
    ADMIN,
    HR,
)
CANDIDATES_CHANGE = _action(
    "candidates.change",
    "register and correct candidates, record or withdraw consent",
    "登记和更正应聘者、记录或撤回同意",
    ADMIN,
    HR,
)
CANDIDATES_EXPORT_ERASE = _action(
    "candidates.export_erase",
    "export or erase a candidate's data",
    "导出或删除应聘者的资料",
    ADMIN,
    HR,
)
INTERVIEWS = _action(
    "interviews",
    "test and interview candidates, save interview plans",
    "为应聘者测评和面试、保存面试方案",
    ADMIN,
    HR,
)
DECISIONS = _action(
    "decisions",
    "move candidates between stages and decide",
    "变更应聘者的阶段并作出录用决定",
    ADMIN,
    HR,
)
RETENTION = _action(
    "retention",
    "erase the candidates the retention period has run out for",
    "删除保存期限已满的应聘者",
    ADMIN,
)
TRAINEES_VIEW = _action(
    "trainees.view",
    "see trainees, their practice, cohorts and statistics",
    "查看学员、其练习、班级和统计",
    ADMIN,
    TRAINER,
)
TRAINEES_CHANGE = _action(
    "trainees.change",
    "add trainees, form cohorts, set trainees' PINs",
    "添加学员、编排班级、设置学员 PIN",
    ADMIN,
    TRAINER,
)
PRACTICE = _action(
    "practice",
    "practise role-plays and quizzes and see the practice (a trainee: their own only)",
    "练习情景演练和测验并查看练习记录（学员只限本人）",
    ADMIN,
    TRAINER,
    TRAINEE,
    own_only=True,
)
STAFF_EVALUATE = _action(
    "staff.evaluate",
    "evaluate staff (performance reviews, reception assessment)",
    "评估员工（绩效评估、接待考核）",
    ADMIN,
    HR,
)
ACCOUNTS = _action("accounts", "manage accounts", "管理账户", ADMIN)
SETTINGS_CHANGE = _action("settings.change", "change department settings", "更改部门设置", ADMIN)
BACKUPS = _action("backups", "make, restore and check backups", "备份、恢复和检查数据库", ADMIN)
AUDIT = _action(
    "audit", "view, export and verify the audit trail", "查看、导出和校验审计记录", ADMIN
)

ACTIONS: tuple[Action, ...] = (
    SIGNED_IN,
    CONTENT_VIEW,
    CONTENT_CHANGE,
    CANDIDATES_VIEW,
    CANDIDATES_CHANGE,
    CANDIDATES_EXPORT_ERASE,
    INTERVIEWS,
    DECISIONS,
    RETENTION,
    TRAINEES_VIEW,
    TRAINEES_CHANGE,
    PRACTICE,
    STAFF_EVALUATE,
    ACCOUNTS,
    SETTINGS_CHANGE,
    BACKUPS,
    AUDIT,
)

_has_accounts: WeakKeyDictionary[Database, bool] = WeakKeyDictionary()


def accounts_exist(db: Database) -> bool:
    """Whether anyone can sign in; once true it stays true (accounts are never deleted)."""
    if _has_accounts.get(db):
        return True
    with db.reading() as session:
        found = bool(session.scalar(select(exists().where(Account.id.is_not(None)))))
    if found:
        _has_accounts[db] = True
    return found


def allowed(action: Action, role: str) -> bool:
    return role in action.roles


def require(
    db: Database,
    action: Action,
    person_id: int | None = None,
    *,
    whose: Callable[[], int | None] | None = None,
) -> Actor:
    """The acting account, if its role may do ``action`` (on ``person_id``'s record).

    The role is read from the database, not trusted from the caller, so a disabled
    account or a changed role takes effect at the next call. ``whose`` finds the
    record's person when only a trainee's call needs it (it may cost a query).
    """
    actor = acting.current()
    if actor.account_id is None:
        if accounts_exist(db):
            raise SignInRequiredError("sign in first", "请先登录")
        return actor
    with db.reading() as session:
        account = session.get(Account, actor.account_id)
        role = account.role if account is not None and not account.disabled else None
        own = account.person_id if account is not None else None
    if role is None:
        raise SignInRequiredError(
            "this account is disabled: sign in again", "此账户已停用，请重新登录"
        )
    if role not in action.roles:
        raise _denied(action, role)
    if action.own_only and role == TRAINEE and person_id is None and whose is not None:
        person_id = whose()
    if action.own_only and role == TRAINEE and (person_id is None or person_id != own):
        raise PermissionDeniedError(
            "a trainee may {what} only on their own record",
            "学员只能对本人的记录进行此操作：{what_zh}",
            what=action.en,
            what_zh=action.zh,
        )
    return actor


def _denied(action: Action, role: str) -> PermissionDeniedError:
    en_role, zh_role = ROLE_TITLES.get(role, (role, role))
    return PermissionDeniedError(
        "the role {role} may not {what}",
        "{role_zh}角色无权{what_zh}",
        role=en_role,
        role_zh=zh_role,
        what=action.en,
        what_zh=action.zh,
    )


P = ParamSpec("P")
R = TypeVar("R")
Owner = Callable[[Database, inspect.BoundArguments], int | None]


def person_argument(name: str = "person_id") -> Owner:
    """The record acted on is the person passed as ``name``."""
    return lambda _db, bound: _int_or_none(bound.arguments.get(name))


def attempt_argument(name: str = "attempt_id") -> Owner:
    """The record acted on is the person who took the attempt passed as ``name``."""

    def owner(db: Database, bound: inspect.BoundArguments) -> int | None:
        attempt_id = _int_or_none(bound.arguments.get(name))
        if attempt_id is None:
            return None
        with db.reading() as session:
            return session.scalar(select(Attempt.person_id).where(Attempt.id == attempt_id))

    return owner


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def requires(
    action: Action, *, owner: Owner | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declare the action a service function performs; it is checked on every call.

    The function's first parameter is the Database. ``owner`` finds whose record an
    ``own_only`` action touches, from the call's arguments.
    """

    def declare(function: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(function)

        @functools.wraps(function)
        def checked(*args: P.args, **kwargs: P.kwargs) -> R:
            bound = signature.bind(*args, **kwargs)
            db = next(iter(bound.arguments.values()))
            assert isinstance(db, Database), f"{function.__qualname__}: Database first"
            whose = (lambda: owner(db, bound)) if owner is not None else None
            require(db, action, whose=whose)
            return function(*args, **kwargs)

        checked.__permission__ = action  # type: ignore[attr-defined]
        return checked

    return declare
