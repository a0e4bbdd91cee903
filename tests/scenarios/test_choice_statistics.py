"""Choice counts per node, compared with the best path."""

from typing import Any

import pytest

from cs_trainer.scenarios import runner
from cs_trainer.scenarios.choice_statistics import choice_report
from cs_trainer.scenarios.schema import Scenario


def text(en: str) -> dict[str, str]:
    return {"zh": f"中文{en}", "en": en}


def choice(en: str, next_: str, points: int, patience: int = 0) -> dict[str, Any]:
    return {
        "text": text(en),
        "next": next_,
        "patience": patience,
        "scores": {"empathy": points} if points else {},
        "feedback": text("feedback"),
        "principle": text("principle"),
    }


def ending(node_id: str, kind: str) -> dict[str, Any]:
    return {
        "id": node_id,
        "customer": text(node_id),
        "mood": "calm",
        "ending": {"kind": kind, "title": text(node_id)},
    }


def scenario() -> Scenario:
    """greet → ask → resolved is best (2 + 2); "argue" is off the best path and comes
    before "ask" in the file, to show the ordering."""
    return Scenario.model_validate(
        {
            "id": "counts",
            "version": 1,
            "kind": "roleplay",
            "source": "test",
            "title": text("Counts"),
            "customer_type": "complaint",
            "channel": "counter",
            "difficulty": 1,
            "setting": text("setting"),
            "learning_objectives": [text("objective")],
            "start": "greet",
            "patience": 60,
            "patience_lost": "walked_out",
            "nodes": [
                {
                    "id": "greet",
                    "customer": text("Where is my parcel?"),
                    "mood": "annoyed",
                    "choices": [
                        choice("Let me look", "ask", 2),
                        choice("Not my job", "argue", -1, -20),
                        choice("Please wait", "ask", 0),
                    ],
                },
                {
                    "id": "argue",
                    "customer": text("Excuse me?"),
                    "mood": "angry",
                    "choices": [choice("Sorry", "ask", 1), choice("Bye", "walked_out", -2)],
                },
                {
                    "id": "ask",
                    "customer": text("Here's the number"),
                    "mood": "anxious",
                    "choices": [
                        choice("I promise noon", "escalated", -1),
                        choice("I'll call back at 11", "resolved", 2),
                    ],
                },
                {
                    "id": "unused",
                    "customer": text("Never reached"),
                    "mood": "calm",
                    "choices": [choice("ok", "resolved", 0)],
                },
                ending("resolved", "resolved"),
                ending("escalated", "escalated"),
                ending("walked_out", "left_unhappy"),
            ],
        }
    )


def test_the_best_path_of_the_test_scenario() -> None:
    best = runner.best_path(scenario())
    assert [(s.node, s.choice) for s in best.path] == [("greet", 0), ("ask", 1)]


def test_counts_shares_best_choice_and_where_trainees_go_wrong() -> None:
    paths = [
        [("greet", 0), ("ask", 0)],  # right, then over-promised
        [("greet", 0), ("ask", 0)],
        [("greet", 2), ("ask", 1)],
        [("greet", 1), ("argue", 0), ("ask", 0)],
        [("greet", 1), ("argue", 1)],
    ]
    report = choice_report(scenario(), paths)
    assert report.paths == 5 and report.unknown_steps == 0
    # best-path nodes first (greet, ask), then the others in file order (argue, unused)
    assert [node.node_id for node in report.nodes] == ["greet", "ask", "argue", "unused"]
    greet, ask, argue, unused = report.nodes
    # greet: reached 5; taken 2, 2, 1 → shares .4 .4 .2; best 0 ties for the most: not wrong
    assert greet.reached == 5 and [c.taken for c in greet.choices] == [2, 2, 1]
    assert [c.share for c in greet.choices] == pytest.approx([0.4, 0.4, 0.2])
    assert (greet.best_choice, greet.goes_wrong, greet.on_best_path) == (0, False, True)
    assert [c.best for c in greet.choices] == [True, False, False]
    # ask: reached 4; 3 over-promise, 1 the best → wrong
    assert ask.reached == 4 and [c.taken for c in ask.choices] == [3, 1]
    assert [c.share for c in ask.choices] == pytest.approx([0.75, 0.25])
    assert (ask.best_choice, ask.goes_wrong) == (1, True)
    assert (
        ask.customer.en == "Here's the number" and ask.choices[1].text.en == "I'll call back at 11"
    )
    # argue: off the best path, so no best choice and never "wrong"
    assert (argue.reached, argue.best_choice, argue.goes_wrong, argue.on_best_path) == (
        2,
        None,
        False,
        False,
    )
    # unused: never reached, shares undefined
    assert unused.reached == 0 and [c.share for c in unused.choices] == [None]
    assert report.wrong_nodes == ("ask",)


def test_a_node_visited_twice_in_one_path_counts_twice() -> None:
    report = choice_report(scenario(), [[("greet", 1), ("argue", 0), ("greet", 0)]])
    greet = report.nodes[0]
    assert greet.reached == 2 and [c.taken for c in greet.choices] == [1, 1, 0]


def test_no_paths_and_unknown_steps() -> None:
    empty = choice_report(scenario(), [])
    assert empty.paths == 0 and all(node.reached == 0 for node in empty.nodes)
    assert empty.wrong_nodes == ()
    odd = choice_report(scenario(), [[("greet", 0), ("gone", 0), ("ask", 7)]])
    assert odd.unknown_steps == 2 and odd.nodes[0].reached == 1 and odd.nodes[1].reached == 0
