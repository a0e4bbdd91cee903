"""Deny by default: every service function that reads or writes the database declares
the action it performs (docs/roles.md), so none is reachable without a check."""

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from types import FunctionType

import cs_trainer.services
from cs_trainer.services import permissions
from cs_trainer.store.database import Database


def _service_functions() -> Iterator[tuple[str, FunctionType]]:
    """Every public function defined in a module of cs_trainer.services whose first
    parameter is the Database."""
    for info in pkgutil.iter_modules(cs_trainer.services.__path__):
        module = importlib.import_module(f"cs_trainer.services.{info.name}")
        for name, function in vars(module).items():
            if name.startswith("_") or not isinstance(function, FunctionType):
                continue
            if function.__module__ != module.__name__:
                continue  # imported from elsewhere: checked where it is defined
            parameters = list(inspect.signature(inspect.unwrap(function)).parameters.values())
            if parameters and parameters[0].annotation in (Database, "Database"):
                yield f"{module.__name__}.{name}", function


ACCOUNTS, AUDIT = "cs_trainer.services.accounts", "cs_trainer.services.audit"
CHECKED_IN_THE_BODY = {
    # The action depends on the call (a trainee's account is the trainer's to add),
    # or the function is part of the accounts and audit foundation: each calls
    # permissions.require(...) first thing, which the test below reads in its source.
    f"{ACCOUNTS}.add_account",
    f"{ACCOUNTS}.list_accounts",
    f"{ACCOUNTS}.trainee_accounts",
    f"{ACCOUNTS}.find_account",
    f"{ACCOUNTS}.set_disabled",
    f"{ACCOUNTS}.reset_password",
    f"{ACCOUNTS}.set_pin",
    f"{AUDIT}.verify",
    f"{AUDIT}.entries",
    f"{AUDIT}.count",
}
SIGN_IN_MACHINERY = {
    # What works before anyone is signed in: signing in, and the check itself.
    f"{ACCOUNTS}.accounts_exist",
    f"{ACCOUNTS}.sign_in",
    f"{ACCOUNTS}.confirm_staff",
    "cs_trainer.services.permissions.accounts_exist",
    "cs_trainer.services.permissions.require",
}


def test_the_walk_finds_the_services() -> None:
    names = {name for name, _function in _service_functions()}
    assert "cs_trainer.services.pipeline.decide" in names
    assert "cs_trainer.services.roleplays.record_choice" in names
    assert "cs_trainer.services.performance.form_data" not in names  # takes no Database
    assert names >= CHECKED_IN_THE_BODY | SIGN_IN_MACHINERY  # no stale exception
    assert len(names) > 100


def test_every_service_function_declares_its_action() -> None:
    undeclared = [
        name
        for name, function in _service_functions()
        if not isinstance(getattr(function, "__permission__", None), permissions.Action)
        and name not in CHECKED_IN_THE_BODY | SIGN_IN_MACHINERY
    ]
    assert not undeclared, f"declare @permissions.requires(...) on: {undeclared}"


def test_the_functions_checked_in_their_body_check_first() -> None:
    for name, function in _service_functions():
        if name in CHECKED_IN_THE_BODY:
            assert "permissions.require(db, " in inspect.getsource(function), name


def test_every_declared_action_is_in_the_table() -> None:
    declared = {getattr(f, "__permission__", None) for _name, f in _service_functions()}
    assert declared - {None} <= set(permissions.ACTIONS)
