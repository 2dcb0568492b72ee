"""K1–K4 and the meter through the binding: passwords.json, every case."""

from __future__ import annotations

from typing import Any

import pytest

import pbx_rules as pr
from conftest import cases, cheap_hasher, families_of

PASSWORD_CASES = cases("passwords.json")
HASHER = cheap_hasher()
LEVELS = {
    "red": pr.StrengthLevel.RED,
    "orange": pr.StrengthLevel.ORANGE,
    "yellow": pr.StrengthLevel.YELLOW,
    "light_green": pr.StrengthLevel.LIGHT_GREEN,
    "green": pr.StrengthLevel.GREEN,
}


def rank(level: pr.StrengthLevel) -> int:
    return list(LEVELS.values()).index(level)


def context(case: dict[str, Any]) -> dict[str, Any]:
    ctx: dict[str, Any] = dict(case.get("context") or {})
    ctx["second_factor"] = bool(case.get("second_factor", False))
    return ctx


def run(case: dict[str, Any]) -> None:
    policy = pr.Policy.preset(case["policy"]).password
    ctx = context(case)
    check = case["check"]
    if check == "parse":
        pr.parse_password(case["password"], policy, ctx["second_factor"])
    elif check == "new":
        pr.validate_new_password(case["password"], case["confirmation"], policy, **ctx)
    elif check == "change":
        stored = HASHER.hash(case["stored"])
        pr.change_password(
            case["old"], case["password"], case["confirmation"], stored, HASHER, policy, **ctx
        )
    else:
        raise AssertionError(f"unknown check {check}")


@pytest.mark.parametrize("case", PASSWORD_CASES, ids=[c["id"] for c in PASSWORD_CASES])
def test_password_vectors(case: dict[str, Any]) -> None:
    expect = case["expect"]
    if case["check"] == "meter":
        assert expect["verdict"] == "level"
        policy = pr.Policy.preset(case["policy"]).password
        got = pr.evaluate(case["password"], policy).level
        if "level_at_most" in expect:
            assert rank(got) <= rank(LEVELS[expect["level_at_most"]])
        if "level_at_least" in expect:
            assert rank(got) >= rank(LEVELS[expect["level_at_least"]])
        return
    if expect["verdict"] == "refused":
        with pytest.raises(pr.PasswordError) as info:
            run(case)
        assert info.value.code == expect["code"]
        assert type(info.value) in families_of(expect["code"])
        if expect["code"] == "PASSWORD_BLOCKLISTED":
            reason = info.value.details["reason"]  # the core's JSON: "common_password" or {"contains_context": …}
            assert (reason if isinstance(reason, str) else reason["contains_context"]) == expect["reason"]
        return
    assert expect["verdict"] == "accepted"
    run(case)


def test_strength_texts_and_repr() -> None:
    s = pr.evaluate("Passwort1")
    assert s.level_name(pr.Lang.DE) in ("rot", "orange")
    assert isinstance(s.suggestion_texts(pr.Lang.DE), list)
    assert "Passwort1" not in repr(s)
    accepted = pr.validate_new_password("Kaffeetasse Nordwind Blaubeere", "Kaffeetasse Nordwind Blaubeere")
    assert "Kaffeetasse" not in repr(accepted) and "Kaffeetasse" not in repr(accepted.password)
    assert accepted.strength.level == pr.StrengthLevel.GREEN or accepted.strength.score >= 2


def test_k2_feedback_codes() -> None:
    s = pr.evaluate("password")
    assert s.warning_code == "top10_password"
    assert s.suggestion_codes == ["add_another_word"]
    assert len(s.suggestion_texts(pr.Lang.DE)) == len(s.suggestion_codes)
    assert pr.evaluate("Kaffeetasse Nordwind Blaubeere").warning_code is None
