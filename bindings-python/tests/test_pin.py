"""P1, P3, P8 through the binding: pins.json, every case, same verdicts as the Rust test."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest

import pbx_rules as pr
from conftest import NOW, RULES, cases, cheap_rules, families_of

PIN_CASES = cases("pins.json")
MINUTE = dt.timedelta(minutes=1)


def change(case: dict[str, Any], rules: pr.Rules) -> list[str]:
    """P3 through the lifecycle, as the Rust replay: an account whose PIN is `stored` (the
    default PIN as created, any other as set by the admin), changed by its user a minute later."""
    account = pr.ExtensionAccount.create("10", NOW, rules).account
    if rules.policy.pin.default_pin != case["stored"]:
        account = account.set_pin_by_admin(pr.Actor.admin(), case["stored"], case["stored"], NOW, rules).state
    d = account.change_pin(
        pr.Actor.user("10"), case["old"], case["pin"], case["confirmation"], pr.PinContext(), NOW + MINUTE, rules
    )
    return codes(d.unwrap().warnings)


def codes(findings: list[pr.TrivialPinFinding]) -> list[str]:
    """The findings as the vectors name them: the error code of each (`PIN_TRIVIAL_YEAR`)."""
    return ["PIN_TRIVIAL_" + f.code.upper() for f in findings]


def run(case: dict[str, Any]) -> list[str]:
    rules = cheap_rules(case["policy"])
    check = case["check"]
    if check == "parse":
        pr.parse_pin(case["pin"], rules)
        return []
    if check == "new":
        return codes(pr.validate_new_pin(case["pin"], case["confirmation"], pr.PinContext(), rules).warnings)
    if check == "change":
        return change(case, rules)
    if check == "mobile":
        pr.mobile_app_check(pr.parse_pin(case["pin"], rules), case["mobile"], rules)
        return []
    if check == "trivial":
        pin = pr.parse_pin(case["pin"], rules)
        ctx = pr.PinContext(
            extension_digits=case["extension_digits"], names=case["names"], phone_number=case.get("phone_number")
        )
        return codes(pr.trivial_pin_findings(pin, ctx, rules))
    raise AssertionError(f"unknown check {check}")


@pytest.mark.parametrize("case", PIN_CASES, ids=[c["id"] for c in PIN_CASES])
def test_pin_vectors(case: dict[str, Any]) -> None:
    expect = case["expect"]
    verdict = expect["verdict"]
    if verdict == "refused":
        with pytest.raises(pr.PinError) as info:
            run(case)
        assert info.value.code == expect["code"]
        assert type(info.value) in families_of(expect["code"])
        if expect["code"] == "PIN_TRIVIAL":
            # The core's JSON spells each finding as its snake-case code.
            assert ["PIN_TRIVIAL_" + f.upper() for f in info.value.details["findings"]] == expect["findings"]
        return
    got = run(case)
    if verdict == "accepted":
        assert got == []
    else:
        assert verdict in ("warned", "findings")
        assert got == expect["findings"]


def test_pin_never_shows_itself() -> None:
    pin = pr.parse_pin("4711", RULES)
    accepted = pr.validate_new_pin("4713", "4713", pr.PinContext(), RULES)
    for shown in (repr(pin), str(pin), repr(accepted), repr(accepted.pin)):
        assert "4711" not in shown and "4713" not in shown
        assert "***" in shown
    assert pin.expose() == "4711" and pin.matches("4711")
    with pytest.raises(TypeError):
        pickle.dumps(pin)


def test_errors_carry_no_secret() -> None:
    with pytest.raises(pr.PinError) as info:
        pr.validate_new_pin("4713", "4714", pr.PinContext(), RULES)
    err = info.value
    for text in (str(err), err.message_en, err.message_de, repr(err)):
        assert "4713" not in text and "4714" not in text


def test_pin_context_from_master_data() -> None:
    pbx = pr.PbxMasterData(pr.BaseNumber("06131 62468"), "+4961316246800")
    ctx = pr.pin_context_for_extension(pbx, pr.ExtensionMasterData("10", "Ada Lovelace"))
    assert ctx == pr.PinContext(
        extension_digits="10", names=["Ada", "Lovelace", "Ada Lovelace"], phone_number="+4961316246810"
    )
    assert pr.TrivialPinFinding.EXTENSION_DIGITS in pr.trivial_pin_findings(pr.parse_pin("1010", RULES), ctx, RULES)
    with pytest.raises(AttributeError):
        ctx.names = []  # type: ignore[misc]  # frozen: a context is never changed on a copy
    with pytest.raises(pr.NumberError) as bad:
        pr.PinContext(phone_number="0171 12345678")
    assert bad.value.code == "NUMBER_NOT_E164" and bad.value.message_de
