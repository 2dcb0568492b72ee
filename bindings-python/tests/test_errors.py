"""G2 at the boundary: one base class, one subclass per family, every core code mapped."""

from __future__ import annotations

import json

import pytest

import pbx_rules as pr
from conftest import VECTORS

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
        pr.parse_pin("12", pr.Rules())
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
