"""The format of a role-play scenario: a branching conversation with one customer.

Each node is something the customer says (with their mood); each choice is what
the trainee answers, where the conversation goes next, how it moves the
customer's patience, which skills it shows or harms, and feedback that names
the principle behind it. Nodes with an ``ending`` close the conversation.
The format is documented for trainers in docs/authoring.md.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from cs_trainer.quizzes.schema_common import IDENTIFIER, Text

Skill = Literal["listening", "empathy", "apology", "solution", "authority", "follow_up", "courtesy"]
SKILLS: tuple[Skill, ...] = (
    "listening",
    "empathy",
    "apology",
    "solution",
    "authority",
    "follow_up",
    "courtesy",
)
"""From the complaint-handling steps of 《客服接待岗位职责工作标准》 and the service standards
of 《客户服务需求表》;
``authority`` is staying within one's authority."""

CustomerType = Literal[
    "rational",
    "habitual",
    "economical",
    "impulsive",
    "lively",
    "hesitant",
    "hurried",
    "special_needs",
    "rude_impolite",
    "rude_bad_mood",
    "rude_short_tempered",
    "rude_unreasonable",
    "couple",
    "elderly",
    "blind",
    "child",
    "pregnant",
    "complaint",
    "telephone",
    "email",
    "callback",
    "incident",
    "front_desk",
]
"""The customer types of 《客服接待岗位职责工作标准》 (§1.1–1.7, special and rude customers,
groups, special customers) and the situations of the other source documents."""

Mood = Literal[
    "calm",
    "pleased",
    "neutral",
    "hesitant",
    "anxious",
    "impatient",
    "annoyed",
    "angry",
    "upset",
    "drunk",
]
EndingKind = Literal["resolved", "escalated", "left_unhappy", "callback_promised", "other"]

SCORE_MIN, SCORE_MAX = -3, 3
PATIENCE_MIN, PATIENCE_MAX = 0, 100
PATIENCE_STEP_MAX = 50


class Choice(BaseModel):
    """One thing the trainee can say, and what it does."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Text
    next: str = Field(pattern=IDENTIFIER)
    patience: int = Field(default=0, ge=-PATIENCE_STEP_MAX, le=PATIENCE_STEP_MAX)
    scores: dict[Skill, Annotated[int, Field(ge=SCORE_MIN, le=SCORE_MAX)]] = Field(
        default_factory=dict
    )
    feedback: Text
    principle: Text


class Ending(BaseModel):
    """How the conversation ended, for the end screen."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: EndingKind
    title: Text


class Node(BaseModel):
    """Something the customer says; a node with ``ending`` closes the conversation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    customer: Text
    mood: Mood
    choices: list[Choice] = Field(default_factory=list)
    ending: Ending | None = None


class Scenario(BaseModel):
    """A complete role-play as stored in one content file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    version: int = Field(ge=1)
    kind: Literal["roleplay"]
    source: str = Field(min_length=1)
    title: Text
    customer_type: CustomerType
    channel: Literal["counter", "telephone", "email", "online_chat", "front_desk"]
    difficulty: int = Field(ge=1, le=3)
    setting: Text  # the scene, shown before the first line
    learning_objectives: list[Text] = Field(min_length=1)
    start: str = Field(pattern=IDENTIFIER)
    patience: int = Field(default=60, ge=PATIENCE_MIN + 1, le=PATIENCE_MAX)
    patience_lost: str = Field(pattern=IDENTIFIER)  # the ending when patience runs out
    nodes: list[Node] = Field(min_length=2)

    def node(self, node_id: str) -> Node:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)
