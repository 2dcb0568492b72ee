"""B1–B6 through the binding, and master data as state that pickles and round-trips."""

from __future__ import annotations

import json
import pickle

import pytest

import pbx_rules as pr

RULES = pr.Rules.centrexx()
ADMIN = pr.Actor.admin()


def pbx() -> pr.PbxMasterData:
    return pr.PbxMasterData(pr.BaseNumber("06131 62468"), "+4961316246800", company_name="Muster GmbH")


def test_b3_routes() -> None:
    ten = pr.ExtensionMasterData("10", "Ada")
    eleven = pr.ExtensionMasterData("11", "Bob").set_backup_number(pr.Actor.user("11"), "0171 12345678", RULES)
    assert eleven.view().backup_number == eleven.view().mobile_number == "+4917112345678"  # B5
    assert pr.route(pbx(), ten, pr.Reachability.REACHABLE).rule == pr.RouteRule.REACHABLE
    table = pr.routing_table(pbx(), [ten, eleven])
    assert [(r.extension, r.reroute_to, r.rule) for r in table] == [
        ("10", "+4961316246800", pr.RouteRule.CENTRAL_BACKUP),
        ("11", "+4917112345678", pr.RouteRule.INDIVIDUAL_BACKUP),
    ]


def test_b2_b4_refusals_change_nothing() -> None:
    data = pbx()
    with pytest.raises(pr.BackupError) as info:
        data.set_central_backup_number(ADMIN, "  ", RULES)
    assert info.value.code == "BACKUP_CENTRAL_REQUIRED"
    with pytest.raises(pr.PermissionDenied):
        data.set_central_backup_number(pr.Actor.user("10"), "0171 12345678", RULES)
    with pytest.raises(pr.PermissionDenied):
        pr.ExtensionMasterData("10", "Ada").set_backup_number(pr.Actor.user("11"), "0171 12345678", RULES)
    with pytest.raises(pr.NumberError) as n:  # B6: the number family, even inside an edit
        data.set_central_backup_number(ADMIN, "12", RULES)
    assert n.value.code == "NUMBER_TOO_SHORT"
    assert data.view().central_backup_number == "+4961316246800"
    assert data.set_central_backup_number(ADMIN, "0171 12345678", RULES).view().central_backup_number == "+4917112345678"


def test_i2_toll_fraud_numbers_are_refused_as_backup_numbers() -> None:
    ten = pr.ExtensionMasterData("10", "Ada")
    for typed in ["0900 1 234567", "0180 6 996633", "01850 0123456"]:
        with pytest.raises(pr.BackupError) as info:
            ten.set_backup_number(pr.Actor.user("10"), typed, RULES)
        assert info.value.code == "BACKUP_NUMBER_KIND_REFUSED"
        assert info.value.message_de != info.value.message_en
    assert ten.view().mobile_number is None


def test_state_round_trips_through_json_and_pickle() -> None:
    ext = pr.ExtensionMasterData("10", "Ada", email="ada@example.com")
    ext = ext.set_backup_number(ADMIN, "0171 12345678", RULES)
    for value in (pbx(), ext, pr.Actor.user("10"), pr.Action.set_pin("10")):
        state = value.to_dict()
        again = type(value).from_dict(json.loads(json.dumps(state)))
        assert again == value
        assert pickle.loads(pickle.dumps(value)) == value


def test_bad_state_is_a_value_error() -> None:
    state = pr.ExtensionMasterData("10", "Ada").to_dict()
    state["mobile_number"] = "0171"
    with pytest.raises(ValueError):
        pr.ExtensionMasterData.from_dict(state)
