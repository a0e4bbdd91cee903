"""Every kind of attempt, declared once: what ``attempts.kind`` holds and what goes with it.

Progress and its chart, the score sheets, content validation and the services read
this table instead of spelling the kinds out again, so a new kind of attempt is its
own modules plus one entry here (docs/architecture.md, "Add a kind of attempt").

Plain data with no cs_trainer imports: the reports read it, and they may import
neither the store nor the services. What lives in other layers (the owning service,
the content schemas) is named as a dotted path, never imported; a test checks that
every such name resolves.
"""

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Label:
    """A name in Simplified Chinese and English."""

    zh: str
    en: str


class Whole(Enum):
    """What a finished attempt's total is counted against on the progress scale."""

    BEST_PATH = "best_path"  # the best path's total of the role-play version played
    ITEMS = "items"  # one point per item of the snapshot (a quiz paper)
    FIXED = "fixed"  # a fixed maximum, ProgressRule.maximum


@dataclass(frozen=True)
class ProgressRule:
    """How a kind's finished attempts appear on the trainer's progress scale (0–100 %).

    A percentage makes different instruments comparable on one chart. ``title``
    names the instrument there; None means the instrument's snapshot carries its
    own title (each role-play has one).
    """

    whole: Whole
    maximum: int = 0
    title: Label | None = None


@dataclass(frozen=True)
class Content:
    """A kind of content file (its ``kind:`` key) that instruments of an attempt kind
    are made from, and how ``validate-content`` checks it.

    ``check`` is ``"module:name"``: a pydantic model the file must load as, or a
    function ``(Path) -> list[Problem]`` for files that need more than their schema.
    """

    kind: str
    check: str


@dataclass(frozen=True)
class AttemptKind:
    """One kind of attempt and everything the rest of the code needs to know about it.

    ``not_found`` and ``finished`` are the owning service's messages, in both
    languages with the same placeholders (``{id}`` is
    the attempt ID) for an ID that is not such an attempt, and for a change to one
    that is already finished.
    """

    name: str  # what attempts.kind holds; stored in rows, so never renamed
    label: Label  # one attempt, as a sheet's table names it
    series: Label  # its line in a progress chart's legend
    colour: str  # "#rrggbb", the same on screen and on paper
    service: str  # the services module that owns these attempts
    not_found: Label
    finished: Label
    content: tuple[Content, ...] = ()
    progress: ProgressRule | None = None  # None: not on the progress scale


ROLEPLAY = AttemptKind(
    name="roleplay",
    label=Label("角色扮演", "Role-play"),
    series=Label("角色扮演", "Role-plays"),
    colour="#1f5fa8",
    service="cs_trainer.services.roleplays",
    not_found=Label("没有 ID 为 {id} 的角色扮演记录", "there is no role-play attempt with ID {id}"),
    finished=Label(
        "这次角色扮演已经结束；要再练习请重新开始",
        "this role-play is over; start it again to retry",
    ),
    content=(Content("roleplay", "cs_trainer.scenarios.validator:check_file"),),
    progress=ProgressRule(Whole.BEST_PATH),
)
QUIZ = AttemptKind(
    name="quiz",
    label=Label("知识测验", "Quiz"),
    series=Label("知识测验", "Quizzes"),
    colour="#b26a00",
    service="cs_trainer.services.quizzes",
    not_found=Label("没有 ID 为 {id} 的知识测验记录", "there is no quiz attempt with ID {id}"),
    finished=Label("知识测验 {id} 已经完成", "quiz {id} is already finished"),
    content=(Content("quiz_bank", "cs_trainer.quizzes.quiz_schema:QuizBank"),),
    progress=ProgressRule(Whole.ITEMS, title=Label("知识测验", "Knowledge quiz")),
)
SELFTEST = AttemptKind(
    name="selftest",
    label=Label("服务潜能自测", "Self-test"),
    series=Label("服务潜能测试", "Self-test"),
    colour="#1b7a3d",
    service="cs_trainer.services.selftests",
    not_found=Label("没有 ID 为 {id} 的自测记录", "there is no self-test attempt with ID {id}"),
    finished=Label("自测 {id} 已经完成", "self-test {id} is already finished"),
    content=(Content("selftest", "cs_trainer.quizzes.selftest_schema:SelfTestInstrument"),),
    progress=ProgressRule(
        Whole.FIXED, maximum=100, title=Label("服务潜能测试", "Service potential self-test")
    ),
)
INTERVIEW = AttemptKind(
    name="interview",
    label=Label("面试", "Interview"),
    series=Label("面试", "Interviews"),
    colour="#6a3d9a",
    service="cs_trainer.services.interviews",
    not_found=Label("没有 ID 为 {id} 的面试", "there is no interview with ID {id}"),
    finished=Label(
        "这场面试已经结束，评分不能再修改",
        "this interview is finished; its ratings can no longer change",
    ),
    content=(
        Content("interview_bank", "cs_trainer.quizzes.interview_schema:QuestionBank"),
        Content("observed_tasks", "cs_trainer.quizzes.interview_schema:TaskSet"),
    ),
)
TYPING = AttemptKind(
    name="typing",
    label=Label("打字测试", "Typing test"),
    series=Label("打字测试", "Typing tests"),
    colour="#00838f",
    service="cs_trainer.services.typing_tests",
    not_found=Label("没有 ID 为 {id} 的打字测试", "there is no typing test with ID {id}"),
    finished=Label("打字测试 {id} 已经完成", "typing test {id} is already finished"),
    content=(Content("typing", "cs_trainer.quizzes.interview_schema:TypingSet"),),
)
PERFORMANCE = AttemptKind(
    name="performance",
    label=Label("工作绩效测评", "Performance review"),
    series=Label("工作绩效测评", "Performance reviews"),
    colour="#8e3b5f",
    service="cs_trainer.services.performance",
    not_found=Label(
        "没有 ID 为 {id} 的工作绩效测评", "there is no performance review with ID {id}"
    ),
    finished=Label(
        "工作绩效测评 {id} 已经完成，不能再修改",
        "performance review {id} is finished and can no longer change",
    ),
    content=(
        Content("performance_form", "cs_trainer.staff_forms.performance_schema:PerformanceForm"),
    ),
)

ALL: tuple[AttemptKind, ...] = (ROLEPLAY, QUIZ, SELFTEST, INTERVIEW, TYPING, PERFORMANCE)
"""Every kind, in the order charts and sheets list them."""

ON_PROGRESS: tuple[AttemptKind, ...] = tuple(kind for kind in ALL if kind.progress)
"""The kinds the trainer's progress shows, in ``ALL``'s order."""

_BY_NAME = {kind.name: kind for kind in ALL}


def find(name: str) -> AttemptKind | None:
    """The kind stored as ``name``; None for one this version does not know (a newer
    app may have written it), which readers show by its code."""
    return _BY_NAME.get(name)
