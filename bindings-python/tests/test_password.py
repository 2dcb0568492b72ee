"""K1–K4 and the meter through the binding: passwords.json, every case."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import pbx_rules as pr
from conftest import NOW, RULES, cases, cheap_rules, families_of

PASSWORD_CASES = cases("passwords.json")
CTX = pr.PasswordContext()
LEVELS = {
    "red": pr.StrengthLevel.RED,
    "orange": pr.StrengthLevel.ORANGE,
    "yellow": pr.StrengthLevel.YELLOW,
    "light_green": pr.StrengthLevel.LIGHT_GREEN,
    "green": pr.StrengthLevel.GREEN,
}


def rank(level: pr.StrengthLevel) -> int:
    return list(LEVELS.values()).index(level)


def context(case: dict[str, Any]) -> pr.PasswordContext:
    return pr.PasswordContext(**(case.get("context") or {}), second_factor=bool(case.get("second_factor", False)))


def change(case: dict[str, Any], ctx: pr.PasswordContext, rules: pr.Rules) -> None:
    """K3 through the lifecycle, as the Rust replay: an admin account with the password
    `stored`, changed a minute later."""
    admin = pr.AdminAccount.create(case["stored"], NOW, rules)
    later = NOW + dt.timedelta(minutes=1)
    admin.change_password(case["old"], case["password"], case["confirmation"], ctx, later, rules).unwrap()


def run(case: dict[str, Any]) -> None:
    rules = cheap_rules(case["policy"])
    ctx = context(case)
    check = case["check"]
    if check == "parse":
        pr.parse_password(case["password"], ctx.second_factor, rules)
    elif check == "new":
        pr.validate_new_password(case["password"], case["confirmation"], ctx, rules)
    elif check == "change":
        change(case, ctx, rules)
    else:
        raise AssertionError(f"unknown check {check}")


@pytest.mark.parametrize("case", PASSWORD_CASES, ids=[c["id"] for c in PASSWORD_CASES])
def test_password_vectors(case: dict[str, Any]) -> None:
    expect = case["expect"]
    if case["check"] == "meter":
        assert expect["verdict"] == "level"
        got = pr.evaluate(case["password"], context(case), cheap_rules(case["policy"])).level
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
    s = pr.evaluate("Passwort1", CTX, RULES)
    assert s.level_name(pr.Lang.DE) in ("rot", "orange")
    assert isinstance(s.suggestion_texts(pr.Lang.DE), list)
    assert "Passwort1" not in repr(s)
    accepted = pr.validate_new_password("Kaffeetasse Nordwind Blaubeere", "Kaffeetasse Nordwind Blaubeere", CTX, RULES)
    assert "Kaffeetasse" not in repr(accepted) and "Kaffeetasse" not in repr(accepted.password)
    assert accepted.strength.level == pr.StrengthLevel.GREEN or accepted.strength.score >= 2


def test_k2_feedback_codes() -> None:
    s = pr.evaluate("password", CTX, RULES)
    assert s.warning_code == "top10_password"
    assert s.suggestion_codes == ["add_another_word"]
    assert len(s.suggestion_texts(pr.Lang.DE)) == len(s.suggestion_codes)
    assert pr.evaluate("Kaffeetasse Nordwind Blaubeere", CTX, RULES).warning_code is None


def test_k4_context_from_master_data() -> None:
    company = "Brezelbäckerei Kümmerle GmbH"
    pbx = pr.PbxMasterData(pr.BaseNumber("06131 62468"), "+4961316246800", company_name=company)
    ctx = pr.password_context_for_pbx(pbx)
    assert ctx == pr.PasswordContext(head_number="+496131624680", company_name=company)
    with pytest.raises(pr.PasswordError) as info:  # as the vector K4-strict-company-blocked
        pr.validate_new_password("Brezelbäckerei am Dom 7", "Brezelbäckerei am Dom 7", ctx, pr.Rules(pr.Policy.strict()))
    assert info.value.code == "PASSWORD_BLOCKLISTED" and info.value.details["reason"] == {"contains_context": "company_name"}
