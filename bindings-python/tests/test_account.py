"""Lifecycle state at the boundary: aware times only (G1), pickling, no secret in reprs."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest

import pbx_rules as pr
from conftest import cheap_hasher

NOW = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
RULES = pr.Rules(pr.Policy.centrexx().replace(hashing=cheap_hasher().policy))
# The core's committed samples of the state each version stored.
FIXTURES = Path(__file__).resolve().parents[2] / "core" / "tests" / "fixtures"


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(TypeError):
        pr.ExtensionAccount.create("10", dt.datetime(2026, 1, 5, 9), RULES)


def test_state_pickles_and_reprs_hide_secrets() -> None:
    account = pr.ExtensionAccount.create("10", NOW, RULES).account
    password = pr.generate_password(pr.PasswordContext(), RULES)
    admin = pr.AdminAccount.create(password.expose(), NOW, RULES)
    session = admin.login(password.expose(), NOW, RULES).unwrap()
    assert isinstance(session, pr.AdminSession)
    for state in (account, admin, session):
        assert pickle.loads(pickle.dumps(state)) == state
        assert "$argon2id" not in repr(state)
    d = session.request_code(admin, "admin@example.com", NOW, RULES)
    mail = d.effects[0]
    assert isinstance(mail, pr.Effect.SendSecret) and mail.purpose == pr.SecretPurpose.EXTENDED_RIGHTS_CODE
    code = mail.secret
    assert code.expose() not in repr(d) + repr(d.effects)
    assert password.expose() not in repr(admin) + repr(session)


def test_strict_policy_hands_out_a_random_first_pin() -> None:
    strict = pr.Rules(pr.Policy.strict().replace(hashing=cheap_hasher().policy))
    created = pr.ExtensionAccount.create("10", NOW, strict)
    assert created.initial_pin is not None and "***" in repr(created)
    assert created.account.login(created.initial_pin.expose(), NOW, strict).ok


def test_f6_rules_refuse_a_policy_out_of_bounds() -> None:
    policy = pr.Policy.centrexx()
    bad = policy.replace(pin=policy.pin.replace(change_window_days=2147483647))
    with pytest.raises(pr.PolicyError) as info:
        pr.Rules(bad)
    assert info.value.code == "POLICY_OUT_OF_RANGE"
    assert "pin.change_window_days" in info.value.message_en
    assert "pin.change_window_days" in info.value.message_de


def test_queries_take_the_rules() -> None:
    account = pr.ExtensionAccount.create("10", NOW, RULES).account
    now, at = account.view(NOW, RULES), account.view(NOW + dt.timedelta(days=42), RULES)
    assert now.change_deadline == NOW + dt.timedelta(days=42)  # P5: the default PIN's window
    assert not now.is_pin_expired and at.is_pin_expired
    assert not now.is_locked and at.is_locked
    assert not now.has_pending_reset
    assert RULES.pin_allowance(4) >= 1 and RULES.password_allowance() >= 1  # G5
    assert RULES.pin_allowance(6) >= RULES.pin_allowance(4)
    assert RULES.number_plan.region == "DE"
    RULES.dummy_verify("4711")  # F5: spends a verification's time, returns nothing


@pytest.mark.parametrize("version", [1, 2])
def test_s3_older_stored_state_reads_through_the_cores_upgrade(version: int) -> None:
    """`from_json` and `from_dict` read through the core's reader, which fills in what later
    versions added (S3); an admin session stored before sessions had stamps has ended (G11)."""
    sample = json.loads((FIXTURES / f"state_v{version}.json").read_text(encoding="utf-8"))
    current = json.loads(pr.ExtensionAccount.create("10", NOW, RULES).account.to_json())["version"]
    assert current > version
    account = pr.ExtensionAccount.from_json(json.dumps(sample["extension_account"]))
    admin = pr.AdminAccount.from_json(json.dumps(sample["admin_account"]))
    session = pr.AdminSession.from_dict(sample["admin_session"])
    for state in (account, admin, session):
        assert json.loads(state.to_json())["version"] == current
    with pytest.raises(pr.SessionError) as info:
        admin.check_session(session, NOW, RULES)
    assert info.value.code == "SESSION_EXPIRED"
