"""The package as a Python user expects it: one-hash provisioning (P4, P5), explicit presets,
`str` peppers, ordered strength levels (K2), Python-style reprs without secrets (G3, F9)."""

from __future__ import annotations

import datetime as dt
import enum
import re

import pytest

import pbx_rules as pr
from conftest import cheap_hasher, cheap_rules

NOW = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
RULES = cheap_rules()
PIN = "583920"
PASSWORD = "Kaffeetasse Nordwind 7!"


# --- create_with_pin (P1, P4, P5, P6) ------------------------------------------------------


def test_p4_create_with_pin_is_the_admin_set_state() -> None:
    created = pr.ExtensionAccount.create_with_pin("10", PIN, NOW, RULES)
    assert created.initial_pin is None  # the caller chose it and holds it
    view = created.account.view(NOW, RULES)
    two_steps = pr.ExtensionAccount.create("10", NOW, RULES).account.set_pin_by_admin(
        pr.Actor.admin(), PIN, PIN, NOW, RULES
    )
    expected = two_steps.state.view(NOW, RULES)
    # The same facts as create + set_pin_by_admin, but a new account: revision 0, no effects.
    assert (view.revision, expected.revision) == (0, 1)
    for field in ("extension", "pin_origin", "pin_set_at", "has_default_pin", "must_change_pin",
                  "change_deadline", "is_locked", "failed_logins"):
        assert getattr(view, field) == getattr(expected, field), field
    assert view.pin_origin == pr.PinOrigin.ADMIN and view.must_change_pin  # P5
    assert view.change_deadline == NOW + dt.timedelta(days=42)
    assert created.account.view(NOW + dt.timedelta(days=42), RULES).is_locked  # P5


def test_p6_the_chosen_pin_logs_in_to_the_change_step_only() -> None:
    account = pr.ExtensionAccount.create_with_pin("10", PIN, NOW, RULES).account
    login = account.login(PIN, NOW, RULES)
    assert login.ok and login.unwrap().must_change_pin
    assert login.unwrap().deadline == NOW + dt.timedelta(days=42)
    assert account.login("0000", NOW, RULES).error is not None  # no default PIN underneath


@pytest.mark.parametrize(("pin", "code"), [("12", "PIN_TOO_SHORT"), ("12a4", "PIN_NOT_DIGITS"),
                                           ("12345678901", "PIN_TOO_LONG")])
def test_p1_a_bad_pin_is_a_pin_error(pin: str, code: str) -> None:
    with pytest.raises(pr.PinError) as info:
        pr.ExtensionAccount.create_with_pin("10", pin, NOW, RULES)
    assert info.value.code == code and info.value.message_de and info.value.message_en


def test_create_with_pin_refuses_bad_digits() -> None:
    with pytest.raises(pr.LoginIdError):
        pr.ExtensionAccount.create_with_pin("1a", PIN, NOW, RULES)


# --- explicit presets ------------------------------------------------------------------


def test_rules_and_hasher_need_a_policy() -> None:
    with pytest.raises(TypeError, match="policy"):
        pr.Rules()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="policy"):
        pr.Hasher()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        pr.Rules(pr.HashPolicy.centrexx())  # type: ignore[arg-type]


def test_presets_are_named() -> None:
    assert pr.Rules.centrexx().policy == pr.Policy.centrexx()
    assert pr.Rules.strict().policy == pr.Policy.strict()
    assert pr.Rules.strict().policy != pr.Policy.centrexx()
    assert pr.Hasher.centrexx().policy == pr.HashPolicy.centrexx()
    assert pr.Hasher.strict().policy == pr.HashPolicy.strict()
    assert pr.Hasher.strict().policy != pr.HashPolicy.centrexx()


# --- peppers as str or bytes (G4) --------------------------------------------------------


def test_g4_a_str_pepper_is_its_utf8_bytes() -> None:
    policy = cheap_hasher().policy
    text, raw = pr.Hasher(policy, pepper="Pfeffer-ä"), pr.Hasher(policy, pepper="Pfeffer-ä".encode())
    stored = text.hash("4711")
    assert raw.verify(stored, "4711") and text.verify(raw.hash("4711"), "4711")
    with pytest.raises(pr.VerifyMismatchError):
        pr.Hasher(policy, pepper="Pfeffer-a").verify(stored, "4711")
    with pytest.raises(pr.VerifyMismatchError):
        pr.Hasher(policy).verify(stored, "4711")


def test_g4_rules_take_a_str_pepper_too() -> None:
    policy = cheap_rules().policy
    peppered = pr.Rules(policy, pepper="Pfeffer")
    same = pr.Rules(policy, b"Pfeffer")
    account = pr.ExtensionAccount.create_with_pin("10", PIN, NOW, peppered).account
    assert account.login(PIN, NOW, same).ok
    assert not account.login(PIN, NOW, pr.Rules(policy)).ok
    assert pr.Rules.centrexx(pepper="Pfeffer").policy == pr.Policy.centrexx()


@pytest.mark.parametrize("bad", [42, ["P", "f"], None.__class__, 1.5])
def test_a_pepper_of_another_type_is_a_type_error_saying_what_is_wanted(bad: object) -> None:
    for make in (lambda: pr.Hasher(cheap_hasher().policy, pepper=bad),  # type: ignore[arg-type]
                 lambda: pr.Rules(cheap_rules().policy, pepper=bad)):  # type: ignore[arg-type]
        with pytest.raises(TypeError) as info:
            make()
        assert "the pepper must be str (UTF-8) or bytes" in str(info.value) and "str" in str(info.value) and "bytes" in str(info.value)


# --- ordered strength levels (K2) ----------------------------------------------------------


def test_k2_levels_are_ordered_from_red_to_green() -> None:
    L = pr.StrengthLevel
    ranked = [L.RED, L.ORANGE, L.YELLOW, L.LIGHT_GREEN, L.GREEN]
    assert list(L) == ranked
    assert all(a < b and b > a and a <= b and b >= a for a, b in zip(ranked, ranked[1:]))
    assert all(x <= x and x >= x and not x < x and not x > x for x in ranked)
    assert sorted(reversed(ranked)) == ranked and max(ranked) is L.GREEN and min(ranked) is L.RED
    assert L.RED < L.GREEN and not L.GREEN < L.RED


def test_k2_a_level_meets_the_policys_minimum() -> None:
    minimum = pr.StrengthLevel(RULES.policy.password.min_level)
    assert minimum is pr.StrengthLevel.YELLOW
    weak = pr.evaluate("password", pr.PasswordContext(), RULES)
    strong = pr.evaluate("Kaffeetasse Nordwind Blaubeere", pr.PasswordContext(), RULES)
    assert weak.level < minimum <= strong.level


def test_levels_do_not_compare_with_other_things_and_other_enums_stay_unordered() -> None:
    with pytest.raises(TypeError):
        _ = pr.StrengthLevel.RED < "green"  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = pr.StrengthLevel.RED < pr.NumberKind.MOBILE  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = pr.NumberKind.FIXED_LINE < pr.NumberKind.MOBILE  # type: ignore[operator]
    assert isinstance(pr.StrengthLevel.RED, enum.Enum)
    assert hash(pr.StrengthLevel.RED) == hash(pr.StrengthLevel("red"))  # still hashable


# --- Python-style reprs, no secret, no hash (G3, F9) -------------------------------------


def everything() -> tuple[list[object], list[str]]:
    """One object of every kind the package hands out, and the secrets behind them."""
    rules = pr.Rules(cheap_rules().policy, pepper="Pfeffer")
    created = pr.ExtensionAccount.create_with_pin("10", PIN, NOW, rules)
    account = created.account
    login = account.login(PIN, NOW, rules)
    changed = login.state.change_pin(pr.Actor.user("10"), PIN, "2580", "2580", pr.PinContext(), NOW, rules)
    admin = pr.AdminAccount.create(PASSWORD, NOW, rules)
    session = admin.login(PASSWORD, NOW, rules)
    pin = pr.generate_pin(pr.PinContext(extension_digits="10"), rules)
    password = pr.generate_password(pr.PasswordContext(), rules)
    accepted = pr.validate_new_password(PASSWORD, PASSWORD, pr.PasswordContext(), rules)
    hasher = pr.Hasher(cheap_hasher().policy, pepper="Pfeffer")
    plan = rules.number_plan
    ext = pr.ExtensionMasterData("10", "Ada", email="ada@beispiel.de")
    objects: list[object] = [
        created, pr.ExtensionAccount.create("11", NOW, cheap_rules("strict")), account, account.view(NOW, rules),
        login, login.unwrap(), login.unwrap().session, changed, changed.unwrap(), *changed.effects,
        admin, admin.view(NOW, rules), session, session.state, session.unwrap(),
        pin, password, accepted, accepted.strength, pr.parse_pin("4711", rules), hasher,
        hasher.policy, rules.policy, rules.policy.pin, plan, plan.normalize("0171 12345678"),
        pr.E164("+4917112345678"), pr.BaseNumber("06131 62468"), pr.Actor.admin(), ext, ext.view(),
        pr.PinContext(extension_digits="10", names=["Ada"]), pr.PasswordContext(company_name="X"),
        pr.StrengthLevel.GREEN, pr.generate_code(rules),
    ]
    secrets = [PIN, "2580", PASSWORD, "Pfeffer", pin.expose(), password.expose()]
    return objects, secrets


def test_g3_f9_no_repr_shows_a_hash_or_a_secret() -> None:
    objects, secrets = everything()
    for obj in objects:
        text = repr(obj)
        assert "$argon2" not in text, text
        assert not any(s in text for s in secrets), text


def test_reprs_are_pythons_style_not_rusts_debug() -> None:
    objects, _ = everything()
    rust_debug = re.compile(r"\w \{ |Some\(|::|ExtensionDigits\(|E164\(\+")
    for obj in objects:
        text = repr(obj)
        assert not rust_debug.search(text), text
        assert not text.startswith("<pbx_rules."), text  # no default object repr
        if not isinstance(obj, enum.Enum):
            assert text.startswith(type(obj).__qualname__ + "("), text


def test_reprs_name_fields_and_mask_secrets() -> None:
    account = pr.ExtensionAccount.create_with_pin("10", PIN, NOW, RULES).account
    view = account.view(NOW, RULES)
    assert repr(view).startswith("ExtensionAccountView(revision=0, extension='10', pin_origin=<PinOrigin.ADMIN: 'admin'>")
    assert repr(account).startswith("ExtensionAccount(revision=0, extension='10', pin_origin='admin'")
    pin = pr.generate_pin(pr.PinContext(), RULES)
    assert repr(pin) == "Pin('***')" and str(pin) == "***"
    assert repr(pr.Effect.SyncPin(extension="10", pin=pin)) == "Effect.SyncPin(extension='10', pin=Pin('***'))"
    assert repr(pr.PinContext(extension_digits="10")) == "PinContext(extension_digits='10', names=[], phone_number=None)"
    assert repr(pr.Actor.user("10")) == "Actor(role='user', extension='10')"
    assert repr(pr.Hasher.centrexx(pepper="Pfeffer")).startswith("Hasher(policy=HashPolicy(m_cost_kib=19456, t_cost=2")
    assert "pin=PinPolicy(min_len=4" in repr(pr.Policy.centrexx())
