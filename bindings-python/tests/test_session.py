"""G11 through the binding: the session a login opens, checked on every request, ends with the
credential, a lock or its time limits; `SessionError` carries code and both messages; S7:
`request_code` takes the admin account; `AdminAccount.is_locked`."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import pbx_rules as pr
from conftest import cheap_rules

NOW = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
RULES = cheap_rules()
PASSWORD = "Kaffeetasse Nordwind 7!"
MINUTE = dt.timedelta(minutes=1)


def own_pin(account: pr.ExtensionAccount) -> tuple[pr.ExtensionAccount, pr.SessionStamp]:
    """The default PIN's login and the forced change to 4711 (P6): the account and the
    changer's session."""
    login = account.login("0000", NOW, RULES)
    changed = login.state.change_pin(pr.Actor.user(account.view(NOW, RULES).extension), "0000", "4711", "4711", pr.PinContext(), NOW, RULES)
    return changed.state, changed.unwrap().session


def test_g11_a_session_holds_until_the_pin_changes() -> None:
    account, _ = own_pin(pr.ExtensionAccount.create("10", NOW, RULES).account)
    at = NOW + 10 * MINUTE  # past the P10 delay after the user's own change
    login = account.login("4711", at, RULES)
    stamp = login.unwrap().session
    assert isinstance(stamp, pr.SessionStamp)
    assert (stamp.account, stamp.opened_at, stamp.last_seen_at) == ("10", at, at)
    account = login.state
    # Before the change: the session holds, and the check records the request (idle limit).
    seen = account.check_session(stamp, at + 10 * MINUTE, RULES)
    assert seen.last_seen_at == at + 10 * MINUTE and seen.opened_at == at
    assert seen.epoch == stamp.epoch
    # Another browser of the same user changes the PIN: this session ends ...
    changed = account.change_pin(pr.Actor.user("10"), "4711", "2580", "2580", pr.PinContext(), at + 11 * MINUTE, RULES)
    account = changed.state
    with pytest.raises(pr.SessionError) as info:
        account.check_session(seen, at + 12 * MINUTE, RULES)
    assert info.value.code == "SESSION_CREDENTIAL_CHANGED"
    # ... and the changer's own session, renewed under the new PIN, holds.
    renewed = changed.unwrap().session
    assert renewed.epoch != stamp.epoch
    assert account.check_session(renewed, at + 12 * MINUTE, RULES).epoch == renewed.epoch


def test_g11_an_admin_set_pin_ends_the_session() -> None:
    account, stamp = own_pin(pr.ExtensionAccount.create("10", NOW, RULES).account)
    account.check_session(stamp, NOW + MINUTE, RULES)
    account = account.set_pin_by_admin(pr.Actor.admin(), "2580", "2580", NOW + 2 * MINUTE, RULES).state
    with pytest.raises(pr.SessionError, match="PIN or password has changed"):
        account.check_session(stamp, NOW + 3 * MINUTE, RULES)


def test_g11_session_error_is_its_own_family_with_both_messages() -> None:
    account, stamp = own_pin(pr.ExtensionAccount.create("10", NOW, RULES).account)
    idle = RULES.policy.session.idle_timeout_secs
    late = stamp.last_seen_at + dt.timedelta(seconds=idle)
    with pytest.raises(ValueError) as info:
        account.check_session(stamp, late, RULES)
    err = info.value
    assert isinstance(err, pr.SessionError) and isinstance(err, pr.PbxRulesError)
    assert not isinstance(err, pr.LoginError)
    assert err.family == "session" and err.code == "SESSION_IDLE"
    assert err.message_en == str(err) == "The session ended after a time without activity; please log in again."
    assert err.message_de == (
        "Die Sitzung wurde nach einer Zeit ohne Aktivität beendet; bitte melden Sie sich erneut an."
    )
    assert err.details == {"since": "2026-01-05T10:00:00Z"}
    assert json.loads(err.json)["details"] == err.details
    assert set(pr.ERROR_CODES["SessionError"]) >= {
        "SESSION_OTHER_ACCOUNT", "SESSION_CREDENTIAL_CHANGED", "SESSION_ACCOUNT_LOCKED",
        "SESSION_IDLE", "SESSION_EXPIRED",
    }


def test_g11_the_absolute_limit_and_another_accounts_stamp() -> None:
    account, stamp = own_pin(pr.ExtensionAccount.create("10", NOW, RULES).account)
    absolute = dt.timedelta(seconds=RULES.policy.session.absolute_timeout_secs)
    # Active every 30 minutes, still ended once the absolute limit is reached.
    at = NOW
    while at + 30 * MINUTE < NOW + absolute:
        at += 30 * MINUTE
        stamp = account.check_session(stamp, at, RULES)
    with pytest.raises(pr.SessionError) as info:
        account.check_session(stamp, NOW + absolute, RULES)
    assert info.value.code == "SESSION_EXPIRED"
    other, _ = own_pin(pr.ExtensionAccount.create("11", NOW, RULES).account)
    with pytest.raises(pr.SessionError) as info:
        other.check_session(stamp, NOW + MINUTE, RULES)
    assert info.value.code == "SESSION_OTHER_ACCOUNT"


def test_g11_the_mobile_login_opens_a_session() -> None:
    account, _ = own_pin(pr.ExtensionAccount.create("10", NOW, RULES).account)
    master = pr.ExtensionMasterData("10", "Ada Lovelace", mobile_number="+4917112345678")
    at = NOW + 10 * MINUTE  # past the P10 delay after the user's own change
    d = account.mobile_login(master, "4711", at, RULES)
    stamp = d.unwrap()
    assert isinstance(stamp, pr.SessionStamp) and stamp.account == "10"
    assert d.state.check_session(stamp, at + MINUTE, RULES).last_seen_at == at + MINUTE


def test_g11_a_stamp_keeps_as_the_cores_json() -> None:
    _, stamp = own_pin(pr.ExtensionAccount.create("10", NOW, RULES).account)
    text = pr.session_stamp_to_json(stamp)
    assert json.loads(text) == {
        "account": {"extension": "10"}, "epoch": stamp.epoch,
        "opened_at": "2026-01-05T09:00:00Z", "last_seen_at": "2026-01-05T09:00:00Z",
    }
    assert pr.session_stamp_from_json(text) == stamp
    for bad in ["", "{}", text.replace('"epoch"', '"epoch":1,"epoch"'), '{"account":"nobody"}']:
        with pytest.raises(pr.StateError) as info:
            pr.session_stamp_from_json(bad)
        assert info.value.code == "STATE_MALFORMED"


def test_g11_the_admin_session_ends_with_the_password() -> None:
    admin = pr.AdminAccount.create(PASSWORD, NOW, RULES)
    login = admin.login(PASSWORD, NOW, RULES)
    admin, session = login.state, login.unwrap()
    assert isinstance(session, pr.AdminSession)
    assert session.view().stamp.account == "admin" and session.view().stamp.opened_at == NOW
    seen = admin.check_session(session, NOW + MINUTE, RULES)
    assert seen.view().stamp.last_seen_at == NOW + MINUTE and seen.view().step == session.view().step
    # The stamp is part of the stored session (state version 3).
    assert json.loads(seen.to_json())["stamp"]["last_seen_at"] == "2026-01-05T09:01:00Z"
    assert pr.AdminSession.from_json(seen.to_json()) == seen
    ctx = pr.PasswordContext()
    admin = admin.change_password(PASSWORD, "Segelboot Blaubeere Nordwind 42", "Segelboot Blaubeere Nordwind 42", ctx, NOW + 2 * MINUTE, RULES).state
    with pytest.raises(pr.SessionError) as info:
        admin.check_session(seen, NOW + 3 * MINUTE, RULES)
    assert info.value.code == "SESSION_CREDENTIAL_CHANGED"


def test_g11_a_session_stored_before_stamps_reads_as_ended() -> None:
    admin = pr.AdminAccount.create(PASSWORD, NOW, RULES)
    session = admin.login(PASSWORD, NOW, RULES).unwrap()
    assert isinstance(session, pr.AdminSession)
    stored = json.loads(session.to_json())
    del stored["stamp"]
    stored["version"] = 2
    old = pr.AdminSession.from_json(json.dumps(stored))  # upgraded by the core's reader
    assert json.loads(old.to_json())["version"] == json.loads(session.to_json())["version"]
    with pytest.raises(pr.SessionError) as info:
        admin.check_session(old, NOW, RULES)
    assert info.value.code == "SESSION_EXPIRED"


def test_s7_request_code_takes_the_admin_account_and_mails_nothing_it_cannot_accept() -> None:
    admin = pr.AdminAccount.create(PASSWORD, NOW, RULES)
    allowance = RULES.policy.second_factor.account_allowance
    at = NOW
    for _ in range(allowance):
        assert not admin.view(at, RULES).is_locked
        login = admin.login(PASSWORD, at, RULES)
        admin, session = login.state, login.unwrap()
        assert isinstance(session, pr.AdminSession)
        requested = session.request_code(admin, "admin@beispiel.de", at, RULES)
        assert [type(e) for e in requested.effects] == [pr.Effect.SendSecret]
        _, admin = requested.state.confirm_code(admin, "000000x", at, RULES).state
        at += dt.timedelta(hours=1)
    # F7: the wrong codes of several logins locked the account's codes.
    assert admin.view(at, RULES).is_locked
    assert admin.view(at, RULES).failed_codes == allowance
    login = admin.login(PASSWORD, at, RULES)
    session = login.unwrap()
    assert isinstance(session, pr.AdminSession)
    d = session.request_code(login.state, "admin@beispiel.de", at, RULES)
    assert d.error is not None and d.error.code == "LOGIN_THROTTLE_LOCKED"
    assert isinstance(d.error, pr.LoginError)
    assert d.effects == [] and d.state == session
    # G11: a locked account's sessions end.
    with pytest.raises(pr.SessionError) as info:
        login.state.check_session(session, at, RULES)
    assert info.value.code == "SESSION_ACCOUNT_LOCKED"


def test_g5_is_locked_after_the_failed_logins() -> None:
    admin = pr.AdminAccount.create(PASSWORD, NOW, RULES)
    at = NOW
    for _ in range(RULES.password_allowance()):
        assert not admin.view(at, RULES).is_locked
        admin = admin.login("wrong password", at, RULES).state
        at += dt.timedelta(hours=1)
    view = admin.view(at, RULES)
    assert view.failed_logins == RULES.password_allowance()
    assert view.is_locked
    assert view.revision == json.loads(admin.to_json())["revision"]  # I5


def test_g11_s4_session_limits_are_policy_fields_with_their_relations() -> None:
    session = pr.Policy.centrexx().session
    assert (session.idle_timeout_secs, session.absolute_timeout_secs) == (3600, 86400)
    strict = pr.Policy.strict().session
    assert strict.idle_timeout_secs < session.idle_timeout_secs
    policy = pr.Policy.centrexx()
    with pytest.raises(pr.PolicyError) as info:
        pr.Rules(policy.replace(session=session.replace(idle_timeout_secs=7200, absolute_timeout_secs=3600)))
    assert info.value.code == "POLICY_MIN_ABOVE_MAX"
    # S4: two fields in bounds whose product cannot work.
    slow = policy.replace(password=policy.password.replace(propagation_delay_secs=3600))
    with pytest.raises(pr.PolicyError) as info:
        pr.Rules(slow)
    assert info.value.code == "POLICY_FIELDS_CONFLICT"
    assert "password.propagation_delay_secs" in info.value.message_en
    assert "password.propagation_delay_secs" in info.value.message_de
