"""The hand-written stubs name exactly what the module exports, member for member, so
mypy --strict on the tests checks the real API rather than a drifting copy."""

from __future__ import annotations

import ast
from pathlib import Path

import pbx_rules as pr

STUBS = Path(__file__).resolve().parents[1] / "python" / "pbx_rules" / "__init__.pyi"


def stub_tree() -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for node in ast.parse(STUBS.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            members = set()
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    members.add(item.name)
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    members.add(item.target.id)
            names[node.name] = members
        elif isinstance(node, ast.FunctionDef):
            names[node.name] = set()
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = set()
    return names


def test_module_names_match_the_stubs() -> None:
    # maturin's package __init__ re-exports the extension, itself named `pbx_rules`.
    exported = {n for n in dir(pr) if not n.startswith("_")} - {"pbx_rules"} | {"__version__"}
    assert exported == set(stub_tree()) | {"__version__"}


def test_class_members_exist() -> None:
    inherited = {"code", "message_en", "message_de", "details"}
    for name, members in stub_tree().items():
        obj = getattr(pr, name)
        for member in members - {"__init__"} - inherited:
            assert hasattr(obj, member), f"{name}.{member} is in the stubs but not in the module"
