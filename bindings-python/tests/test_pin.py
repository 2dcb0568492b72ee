"""P1, P3, P8 through the binding: pins.json, every case, same verdicts as the Rust test."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

import pbx_rules as pr
from conftest import cases, cheap_hasher, families_of

PIN_CASES = cases("pins.json")
HASHER = cheap_hasher()


def run(case: dict[str, Any]) -> list[str]:
    policy = pr.Policy.preset(case["policy"]).pin
    check = case["check"]
    if check == "parse":
        pr.parse_pin(case["pin"], policy)
        return []
    if check == "new":
        return pr.validate_new_pin(case["pin"], case["confirmation"], policy).warnings
    if check == "change":
        stored = HASHER.hash(case["stored"])
        out = pr.change_pin(case["old"], case["pin"], case["confirmation"], stored, HASHER, policy)
        return out.warnings
    if check == "mobile":
        pr.mobile_app_check(pr.parse_pin(case["pin"], policy), case["mobile"], policy)
        return []
    if check == "trivial":
        pin = pr.parse_pin(case["pin"], policy)
        return pr.trivial_pin_findings(
            pin,
            policy,
            extension_digits=case["extension_digits"],
            names=case["names"],
            phone_number=case.get("phone_number"),
        )
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
    pin = pr.parse_pin("4711")
    accepted = pr.validate_new_pin("4713", "4713")
    for shown in (repr(pin), str(pin), repr(accepted), repr(accepted.pin)):
        assert "4711" not in shown and "4713" not in shown
        assert "***" in shown
    assert pin.expose() == "4711" and pin.matches("4711")
    with pytest.raises(TypeError):
        pickle.dumps(pin)


def test_errors_carry_no_secret() -> None:
    with pytest.raises(pr.PinError) as info:
        pr.validate_new_pin("4713", "4714")
    err = info.value
    for text in (str(err), err.message_en, err.message_de, repr(err)):
        assert "4713" not in text and "4714" not in text


def test_default_pin() -> None:
    assert pr.is_default_pin(pr.parse_pin("0000"))
    assert not pr.is_default_pin(pr.parse_pin("4713"))
