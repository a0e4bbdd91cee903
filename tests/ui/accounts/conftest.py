"""Acting as a signed-in account in GUI tests, and back to nobody afterwards."""

from collections.abc import Callable, Iterator

import pytest

from cs_trainer.services import acting
from cs_trainer.services.acting import Actor


@pytest.fixture
def sign_in_as() -> Iterator[Callable[[Actor], Actor]]:
    """``sign_in_as(actor)`` makes ``actor`` the GUI's signed-in account for this test."""

    def become(actor: Actor) -> Actor:
        acting.become(actor)
        return actor

    yield become
    acting.become(acting.ANONYMOUS)
