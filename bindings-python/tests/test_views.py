"""The view records (I5, P5, G5, F9): one record per state a host reads, equal to what the
state's JSON holds, decided at the instant it is taken, and never holding a hash."""

from __future__ import annotations

import datetime as dt
import json

import pbx_rules as pr
from conftest import NOW, cheap_rules

RULES = cheap_rules()
SECOND = dt.timedelta(seconds=1)
PASSWORD = "Kaffeetasse Nordwind 7!"


def test_i5_extension_view_matches_the_stored_state() -> None:
    account = pr.ExtensionAccount.create("10", NOW, RULES).account
    for _ in range(3):
        account = account.login("98127634", NOW, RULES).state  # G5: counted failures
    stored = json.loads(account.to_json())
    view = account.view(NOW, RULES)
    assert isinstance(view, pr.ExtensionAccountView)
    assert view.revision == stored["revision"] and view.revision > 0
    assert view.extension == stored["extension"]
    assert view.pin_origin.value == stored["pin_origin"]
    assert view.has_default_pin == stored["pin_is_default"]
    assert view.failed_logins == 3
    assert view.pin_set_at == dt.datetime.fromisoformat(stored["pin_set_at"].replace("Z", "+00:00"))


def test_p5_view_decides_the_change_window_at_its_instant() -> None:
    account = pr.ExtensionAccount.create("10", NOW, RULES).account
    deadline = account.view(NOW, RULES).change_deadline
    assert deadline is not None
    before, at = account.view(deadline - SECOND, RULES), account.view(deadline, RULES)
    assert not before.is_pin_expired and not before.is_locked
    assert at.is_pin_expired and at.is_locked
    assert before.revision == at.revision  # time alone changes nothing stored


def test_admin_views_match_the_stored_states() -> None:
    admin = pr.AdminAccount.create(PASSWORD, NOW, RULES)
    login = admin.login(PASSWORD, NOW, RULES)
    admin, session = login.state, login.unwrap()
    assert isinstance(session, pr.AdminSession)
    view = admin.view(NOW, RULES)
    assert isinstance(view, pr.AdminAccountView)
    assert view.revision == json.loads(admin.to_json())["revision"]
    assert view.effective_at == NOW and not view.is_locked and view.devices == []
    s = session.view()
    assert s.revision == json.loads(session.to_json())["revision"]
    assert s.step == pr.AdminStep.SECOND_FACTOR and not s.has_extended_rights
    assert s.stamp.account == "admin" and s.failed_codes == 0


def test_master_data_views() -> None:
    base = pr.BaseNumber("06131 62468", RULES.number_plan)
    pbx = pr.PbxMasterData(base, "+4961316246800", company_name="Beispiel GmbH")
    view = pbx.view()
    assert view.base_number == "+49613162468" and view.area_code == "06131"
    assert view.head_number == pbx.head_number() == "+496131624680"
    assert view.company_name == "Beispiel GmbH" and view.self_service_pin_reset
    ext = pr.ExtensionMasterData("10", "Ada", email="ada@beispiel.de").view()
    assert (ext.digits, ext.name, ext.email, ext.backup_number) == ("10", "Ada", "ada@beispiel.de", None)


def test_f9_no_view_holds_a_hash() -> None:
    account = pr.ExtensionAccount.create("10", NOW, RULES).account
    admin = pr.AdminAccount.create(PASSWORD, NOW, RULES)
    hashes = [json.loads(account.to_json())["pin_hash"], json.loads(admin.to_json())["password_hash"]]
    for view in (account.view(NOW, RULES), admin.view(NOW, RULES)):
        text = repr(view) + str(view)
        assert all(h not in text for h in hashes) and "$argon2" not in text
        assert not hasattr(view, "pin_hash") and not hasattr(view, "password_hash")
