"""docs/roles.md is the table the services enforce, cell for cell."""

import re
from pathlib import Path

from cs_trainer.services import permissions

ROLES_DOC = Path(__file__).parents[2] / "docs" / "roles.md"


def documented_table() -> dict[str, dict[str, str]]:
    """{action key: {role: 'yes' | 'own' | '—'}} as docs/roles.md states it."""
    table: dict[str, dict[str, str]] = {}
    for line in ROLES_DOC.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^\| `([^`]+)` \|[^|]*\|(.*)\|$", line)
        if found:
            cells = [cell.strip() for cell in found.group(2).split("|")]
            table[found.group(1)] = dict(zip(permissions.ROLES, cells, strict=True))
    return table


def enforced_table() -> dict[str, dict[str, str]]:
    def cell(action: permissions.Action, role: str) -> str:
        if role not in action.roles:
            return "—"
        return "own" if action.own_only and role == permissions.TRAINEE else "yes"

    return {
        action.key: {role: cell(action, role) for role in permissions.ROLES}
        for action in permissions.ACTIONS
    }


def test_the_documented_table_is_the_enforced_one() -> None:
    assert documented_table() == enforced_table()
    assert len(documented_table()) == len(permissions.ACTIONS)  # no key listed twice
