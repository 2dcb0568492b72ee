"""Shared helpers: the core's JSON vectors, a cheap hasher and cheap rules for change cases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pbx_rules as pr

VECTORS = Path(__file__).resolve().parents[2] / "core" / "vectors"


def load(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return doc


def cases(name: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = load(name)["cases"]
    assert found, f"{name} has no cases"
    return found


def cheap_hasher() -> pr.Hasher:
    """Low argon2 costs, as the Rust vector tests use, so change cases stay fast."""
    return pr.Hasher(pr.HashPolicy.centrexx().replace(m_cost_kib=64, t_cost=1))


def cheap_rules(preset: str = "centrexx") -> pr.Rules:
    """The preset with low argon2 costs, as the Rust vector tests use, so change cases stay fast."""
    policy = pr.Policy.preset(preset)
    return pr.Rules(policy.replace(hashing=policy.hashing.replace(m_cost_kib=64, t_cost=1, p_cost=1)))


RULES = pr.Rules.centrexx()
NOW = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)


def families_of(code: str) -> tuple[type[pr.PbxRulesError], ...]:
    """The exception classes whose core CODES list holds a code (usually one; the core uses
    RANDOM_UNAVAILABLE in both HashError and GenerateError)."""
    found = tuple(getattr(pr, name) for name, codes in pr.ERROR_CODES.items() if code in codes)
    assert found, f"{code} is in no family"
    assert all(issubclass(cls, pr.PbxRulesError) for cls in found)
    return found
