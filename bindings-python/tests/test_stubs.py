"""The generated stub at run time: the typed consumer that `mypy --strict` checks (test.sh)
runs here against the module, and docstrings reach `help()`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pbx_rules as pr
import typed_consumer
from conftest import NOW, cheap_hasher

RULES = pr.Rules(pr.Policy.centrexx().replace(hashing=cheap_hasher().policy))


def test_typed_consumer_runs() -> None:
    account = typed_consumer.lifecycle(RULES)
    assert account.view(NOW, RULES).pin_origin == pr.PinOrigin.USER
    assert typed_consumer.admin(RULES) is not None
    assert typed_consumer.verify(cheap_hasher())
    assert typed_consumer.provision(RULES).view(NOW, RULES).pin_origin == pr.PinOrigin.ADMIN
    assert typed_consumer.strong_enough("Kaffeetasse Nordwind Blaubeere", RULES)
    assert not typed_consumer.strong_enough("password", RULES)


def test_docstrings_reach_help_and_the_stub() -> None:
    stub = (pr.__file__[: -len("__init__.py")] + "__init__.pyi")
    text = open(stub, encoding="utf-8").read()
    for obj, phrase in [
        (pr.Hasher.verify, "VerifyMismatchError"),
        (pr.ExtensionAccount.login, "A user login with the PIN"),
        (pr.Effect, "Something the host must carry out"),
        (pr.Pin.expose, "The plaintext"),
    ]:
        assert obj.__doc__ is not None and phrase in obj.__doc__
        assert phrase in text
    assert "A user login with the PIN" in pr.ExtensionAccount.__dict__["login"].__doc__


def test_decision_is_subscriptable_at_run_time() -> None:
    assert pr.Decision[pr.ExtensionAccount, pr.UserLogin] is not None
    assert dt.timezone.utc is not None


def test_every_public_name_in_the_stub_has_a_docstring() -> None:
    """Docstrings come from the Rust doc comments, so `help()` and the stub say the same."""
    import ast

    stub = Path(pr.__file__).with_name("__init__.pyi")
    missing: list[str] = []

    def walk(nodes: list[ast.stmt], prefix: str) -> None:
        for node in nodes:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
                if not ast.get_docstring(node):
                    missing.append(prefix + node.name)
                if isinstance(node, ast.ClassDef):
                    walk(node.body, prefix + node.name + ".")

    walk(ast.parse(stub.read_text(encoding="utf-8")).body, "")
    assert not missing, missing
