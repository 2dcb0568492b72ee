"""R1, R2, R4, A2: random secrets through the binding."""

from __future__ import annotations

import pytest

import pbx_rules as pr
from conftest import RULES


def test_generated_secrets_follow_the_policy() -> None:
    ctx = pr.PinContext(extension_digits="10")
    for _ in range(50):
        pin = pr.generate_pin(ctx, RULES)
        assert len(pin.expose()) == pr.PinPolicy.centrexx().generated_len
        assert pin.expose() not in ("0000", "1234")
        assert pr.trivial_pin_findings(pin, ctx, RULES) == []
    pw = pr.generate_password(pr.PasswordContext(), RULES)
    assert pr.evaluate(pw.expose(), pr.PasswordContext(), RULES).level == pr.StrengthLevel.GREEN
    assert len(pr.generate_code(RULES).expose()) == pr.SecondFactorPolicy.centrexx().code_digits
    assert "***" in repr(pw)


def test_unsatisfiable_policy() -> None:
    policy = pr.Policy.centrexx()
    with pytest.raises(pr.PolicyError):  # F6: a length outside the PIN limits never reaches the generator
        pr.Rules(policy.replace(pin=policy.pin.replace(generated_len=3)))
    rules = pr.Rules(policy.replace(pin=policy.pin.replace(min_distinct_digits=10, default_pin=None)))
    try:
        pr.generate_pin(pr.PinContext(), rules)  # 10 distinct digits in 6: within bounds, never met
    except pr.GenerateError as e:
        assert e.code == "GENERATE_POLICY_UNSATISFIABLE"
    else:
        raise AssertionError("no error")
