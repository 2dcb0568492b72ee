"""G2 at the boundary: one base class, one subclass per family, every core code mapped."""

from __future__ import annotations

import json

import pytest

import pbx_rules as pr
from conftest import NOW, VECTORS

FAMILIES = [
    "NumberError", "LoginIdError", "BackupError", "PermissionDenied", "PinError",
    "PasswordError", "HashError", "GenerateError", "LoginError", "RecoveryError",
    "SessionError", "PolicyError", "StateError",
]


def test_every_family_is_a_subclass_with_codes() -> None:
    assert issubclass(pr.PbxRulesError, ValueError)
    assert sorted(pr.ERROR_CODES) == sorted(FAMILIES)
    for name in FAMILIES:
        cls = getattr(pr, name)
        assert issubclass(cls, pr.PbxRulesError) and cls is not pr.PbxRulesError
        assert cls.__module__ == "pbx_rules"
        codes = pr.ERROR_CODES[name]
        assert codes and all(c.isupper() for c in codes)


def test_codes_are_unique_per_family_and_cover_the_vectors() -> None:
    known = {c for codes in pr.ERROR_CODES.values() for c in codes}
    for name, codes in pr.ERROR_CODES.items():
        assert len(set(codes)) == len(codes), name
    wanted: set[str] = set()
    for path in VECTORS.glob("*.json"):
        for case in json.loads(path.read_text(encoding="utf-8")).get("cases", []):
            code = case.get("error") or (case.get("expect") or {}).get("code")
            if code:
                wanted.add(code)
    assert wanted <= known, wanted - known


def test_exception_fields() -> None:
    with pytest.raises(ValueError) as info:
        pr.parse_pin("12", pr.Rules.centrexx())
    err = info.value
    assert isinstance(err, pr.PinError)
    assert err.code == "PIN_TOO_SHORT"
    assert err.message_en == str(err) == "A PIN needs at least 4 digits."
    assert err.message_de == "Eine PIN muss mindestens 4 Ziffern haben."
    # The core's JSON, the same in every language: details are what the error carries.
    assert err.details == {"min": 4} and err.family == "pin"
    assert json.loads(err.json) == {
        "family": "pin", "code": "PIN_TOO_SHORT", "message_de": err.message_de,
        "message_en": err.message_en, "details": {"min": 4},
    }


def test_g2_state_error_for_malformed_json_never_a_half_read_object() -> None:
    for text in ["", "{", "[]", '{"version": 2}', "null", '"x"']:
        with pytest.raises(pr.StateError) as info:
            pr.ExtensionAccount.from_json(text)
        assert info.value.code == "STATE_MALFORMED"
        assert info.value.message_de and info.value.message_en
        assert "line" in info.value.details
    with pytest.raises(pr.StateError):
        pr.Policy.from_json("{}")
    with pytest.raises(pr.StateError):
        pr.AdminSession.from_dict({"step": "nowhere"})


def typed(err: pr.PbxRulesError, cls: type[pr.PbxRulesError], family: str, code: str) -> None:
    """`err` is `cls` with `code`, its family and both messages."""
    assert type(err) is cls, type(err)
    assert err.family == family and err.code == code
    assert err.message_en and err.message_de and err.message_en != err.message_de
    assert str(err) == err.message_en


def test_checked_text_handed_back_raises_the_familys_class() -> None:
    # E.164 in a record: the number family, as E164.parse refuses it in the core.
    with pytest.raises(pr.NumberError) as number:
        pr.PinContext(phone_number="0171 12345678")
    typed(number.value, pr.NumberError, "number", "NUMBER_NOT_E164")
    # Extension digits in an effect or an actor: the login-id family, as ExtensionDigits.parse
    # refuses them in the core.
    with pytest.raises(pr.LoginIdError) as digits:
        pr.Effect.RestartPhone(extension="1a")
    typed(digits.value, pr.LoginIdError, "login_id", "LOGIN_ID_BAD_CHARACTER")
    with pytest.raises(pr.LoginIdError) as empty:
        pr.Effect.NotifyAdminNoUserEmail(extension="")
    typed(empty.value, pr.LoginIdError, "login_id", "LOGIN_ID_NO_EXTENSION")
    with pytest.raises(pr.LoginIdError) as actor:
        pr.Actor.user("123456789")
    typed(actor.value, pr.LoginIdError, "login_id", "LOGIN_ID_EXTENSION_TOO_LONG")
    assert pr.Effect.RestartPhone(extension="10").extension == "10"


def test_a_refused_value_changes_nothing() -> None:
    rules = pr.Rules.centrexx()
    account = pr.ExtensionAccount.create("10", NOW, rules).account
    before = account.to_json()
    with pytest.raises(pr.NumberError):
        account.change_pin(
            pr.Actor.user("10"), "0000", "4711", "4711", pr.PinContext(phone_number="4711"), NOW, rules
        )
    with pytest.raises(pr.LoginIdError):
        account.set_pin_by_admin(pr.Actor.user("x"), "4711", "4711", NOW, rules)
    assert account.to_json() == before
    ext = pr.ExtensionMasterData("10", "Ada")
    with pytest.raises(pr.LoginIdError):
        ext.set_backup_number(pr.Actor.user("ten"), "0171 12345678", rules)
    assert ext.view().backup_number is None
