"""R1, R2, R4, A2: random secrets through the binding."""

from __future__ import annotations

import pbx_rules as pr


def test_generated_secrets_follow_the_policy() -> None:
    for _ in range(50):
        pin = pr.generate_pin(extension_digits="10")
        assert len(pin.expose()) == pr.PinPolicy.centrexx().generated_len
        assert pin.expose() not in ("0000", "1234")
        assert pr.trivial_pin_findings(pin, extension_digits="10") == []
    pw = pr.generate_password()
    assert pr.evaluate(pw.expose()).level == pr.StrengthLevel.GREEN
    assert len(pr.generate_code().expose()) == pr.SecondFactorPolicy.centrexx().code_digits
    assert "***" in repr(pw)


def test_unsatisfiable_policy() -> None:
    try:
        pr.generate_pin(pr.PinPolicy.centrexx().replace(generated_len=3))
    except pr.GenerateError as e:
        assert e.code == "GENERATE_POLICY_UNSATISFIABLE"
    else:
        raise AssertionError("no error")
