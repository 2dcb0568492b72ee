"""A small consumer of the generated stub, checked by `mypy --strict` in test.sh: `Decision`
is generic in its state and outcome, so each step's types flow without an `isinstance`
(`assert_type` fails the type check when a type degrades to `Any`). Also run by pytest
(`test_stubs.py`), so the types it claims are the ones the module hands out."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from typing_extensions import assert_type

import pbx_rules as pr

NOW = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)


def lifecycle(rules: pr.Rules) -> pr.ExtensionAccount:
    account = pr.ExtensionAccount.create("10", NOW, rules).account
    login = account.login("0000", NOW, rules)
    assert_type(login, pr.Decision[pr.ExtensionAccount, pr.UserLogin])
    assert_type(login.state, pr.ExtensionAccount)
    assert_type(login.unwrap(), pr.UserLogin)
    assert_type(login.outcome, Optional[pr.UserLogin])
    deadline: Optional[dt.datetime] = login.unwrap().deadline
    assert deadline is not None
    changed = login.state.change_pin(pr.Actor.user("10"), "0000", "2580", "2580", pr.PinContext(), NOW, rules)
    assert_type(changed.unwrap(), pr.PinChanged)
    assert changed.unwrap().completes_login
    # G11: the change ends the login's session and hands out the changer's new one.
    stamp = changed.unwrap().session
    assert_type(stamp, pr.SessionStamp)
    assert_type(changed.state.check_session(stamp, NOW, rules), pr.SessionStamp)
    assert_type(pr.session_stamp_from_json(pr.session_stamp_to_json(stamp)), pr.SessionStamp)
    for effect in changed.effects:
        assert_type(effect, pr.Effect)
        match effect:
            case pr.Effect.SyncPin(extension=ext, pin=pin):
                assert_type(pin, pr.Pin)
                assert ext == "10" and pin.expose() == "2580" and "2580" not in repr(effect)
            case _:
                pass
    return changed.state


def admin(rules: pr.Rules) -> Optional[pr.DeviceToken]:
    account = pr.AdminAccount.create("Kl4vier!Sonate", NOW, rules)
    session = account.login("Kl4vier!Sonate", NOW, rules).unwrap()
    assert_type(session, pr.AdminSession)
    assert_type(account.check_session(session, NOW, rules), pr.AdminSession)
    mailed = session.request_code(account, "admin@example.com", NOW, rules)
    code = next(e.secret for e in mailed.effects if isinstance(e, pr.Effect.SendSecret))
    confirmed = mailed.state.confirm_code(account, code.expose(), NOW, rules)
    assert_type(confirmed.state, tuple[pr.AdminSession, pr.AdminAccount])
    return confirmed.unwrap()


def verify(hasher: pr.Hasher) -> bool:
    stored = hasher.hash("4711")
    try:
        hasher.verify(stored, "4712")
    except pr.VerifyMismatchError as e:
        assert_type(e.code, str)
    return hasher.verify(stored, "4711")


def provision(rules: pr.Rules) -> pr.ExtensionAccount:
    """One hash per extension (P4): the admin's PIN at creation."""
    created = pr.ExtensionAccount.create_with_pin("10", "583920", NOW, rules)
    assert_type(created, pr.Created)
    assert_type(pr.Rules.centrexx(pepper="Pfeffer"), pr.Rules)
    assert_type(pr.Hasher.strict(b"Pfeffer"), pr.Hasher)
    return created.account


def strong_enough(password: str, rules: pr.Rules) -> bool:
    """Strength levels are ordered (K2), typed as `bool`."""
    level = pr.evaluate(password, pr.PasswordContext(), rules).level
    meets = level >= pr.StrengthLevel(rules.policy.password.min_level)
    assert_type(meets, bool)
    return meets and pr.StrengthLevel.RED < level
