"""The core's fieldless enums are real `enum.Enum` classes: what the stub declares runs.

The enums are discovered from the module and from the stub, never listed by hand, so an enum
added in the core is checked here without touching this file.
"""

from __future__ import annotations

import ast
import copy
import enum
import json
import pickle
import re
from pathlib import Path

import pytest

import pbx_rules as pr
from conftest import NOW, cheap_rules

RULES = cheap_rules()


def module_enums() -> dict[str, type[enum.Enum]]:
    found = {
        name: obj
        for name, obj in vars(pr).items()
        if isinstance(obj, type) and issubclass(obj, enum.Enum) and obj.__module__ == "pbx_rules"
    }
    return found


def stub_enums() -> dict[str, list[str]]:
    """`class X(enum.Enum)` in the generated stub, with its members (`NAME = ...`) in order."""
    tree = ast.parse(Path(pr.__file__).with_name("__init__.pyi").read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(ast.unparse(b) == "enum.Enum" for b in node.bases):
            found[node.name] = [
                target.id
                for stmt in node.body
                if isinstance(stmt, ast.Assign)
                for target in stmt.targets
                if isinstance(target, ast.Name)
            ]
    return found


ENUMS = sorted(module_enums().items())
IDS = [name for name, _ in ENUMS]
SNAKE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")


def test_the_module_exports_the_enums_the_stub_declares() -> None:
    stub = stub_enums()
    assert len(stub) >= 13, sorted(stub)
    assert sorted(stub) == IDS
    for name, cls in ENUMS:
        assert [m.name for m in cls] == stub[name], name


@pytest.mark.parametrize(("name", "cls"), ENUMS, ids=IDS)
def test_members_are_enum_members(name: str, cls: type[enum.Enum]) -> None:
    assert issubclass(cls, enum.Enum) and cls.__name__ == name and cls.__qualname__ == name
    for member in cls:
        assert isinstance(member, enum.Enum) and isinstance(member, cls)


@pytest.mark.parametrize(("name", "cls"), ENUMS, ids=IDS)
def test_name_is_the_value_in_upper_case(name: str, cls: type[enum.Enum]) -> None:
    for member in cls:
        assert member.name == member.value.upper(), member
        assert getattr(cls, member.name) is member
        assert cls[member.name] is member


@pytest.mark.parametrize(("name", "cls"), ENUMS, ids=IDS)
def test_value_is_the_snake_case_code(name: str, cls: type[enum.Enum]) -> None:
    values = [member.value for member in cls]
    assert len(set(values)) == len(values), values
    for member in cls:
        assert isinstance(member.value, str) and SNAKE.fullmatch(member.value), member
        assert member.code == member.value  # type: ignore[attr-defined]  # every pbx_rules enum has it


@pytest.mark.parametrize(("name", "cls"), ENUMS, ids=IDS)
def test_iteration_lists_every_member_once(name: str, cls: type[enum.Enum]) -> None:
    members = list(cls)
    assert members and len(members) == len(cls) == len(cls.__members__)
    assert list(cls.__members__.values()) == members


@pytest.mark.parametrize(("name", "cls"), ENUMS, ids=IDS)
def test_lookup_by_value(name: str, cls: type[enum.Enum]) -> None:
    for member in cls:
        assert cls(member.value) is member
    with pytest.raises(ValueError):
        cls("no_such_value")
    with pytest.raises(ValueError):
        cls(next(iter(cls)).name)  # the name is not the value


@pytest.mark.parametrize(("name", "cls"), ENUMS, ids=IDS)
def test_equality_hashing_pickling(name: str, cls: type[enum.Enum]) -> None:
    members = list(cls)
    assert len({hash(m) for m in members}) == len(members)
    table = {m: m.value for m in members}
    for member in members:
        assert member == cls(member.value) and table[cls(member.value)] == member.value
        assert all(member != other for other in members if other is not member)
        assert pickle.loads(pickle.dumps(member)) is member
        assert copy.copy(member) is member and copy.deepcopy(member) is member


def test_members_of_different_enums_differ_even_with_the_same_value() -> None:
    pairs = [
        (a, b)
        for (_, x), (_, y) in ((p, q) for p in ENUMS for q in ENUMS if p[0] < q[0])
        for a in x
        for b in y
        if a.value == b.value
    ]
    assert pairs, "no two enums share a value; the check below would be empty"
    for a, b in pairs:
        assert a != b and hash(a) is not None


def admin_mail() -> pr.Effect.SendSecret:
    """The mail with the code for extended rights, an effect that carries a `SecretPurpose`."""
    password = pr.generate_password(pr.PasswordContext(), RULES)
    admin = pr.AdminAccount.create(password.expose(), NOW, RULES)
    session = admin.login(password.expose(), NOW, RULES).unwrap()
    assert isinstance(session, pr.AdminSession)
    mail = session.request_code(admin, "admin@example.com", NOW, RULES).effects[0]
    assert isinstance(mail, pr.Effect.SendSecret)
    return mail


def test_values_the_library_returns_are_members() -> None:
    number = pr.NumberPlan("DE").normalize("0171 12345678")
    assert type(number.kind) is pr.NumberKind and number.kind is pr.NumberKind.MOBILE

    strength = pr.evaluate("password", pr.PasswordContext(), RULES)
    assert type(strength.level) is pr.StrengthLevel
    assert type(strength.warning) is pr.Warning and strength.warning.value == strength.warning_code
    assert strength.suggestions and all(type(s) is pr.Suggestion for s in strength.suggestions)
    assert [s.value for s in strength.suggestions] == strength.suggestion_codes

    account = pr.ExtensionAccount.create("10", NOW, RULES).account
    assert type(account.view(NOW, RULES).pin_origin) is pr.PinOrigin
    assert account.view(NOW, RULES).pin_origin.value == json.loads(account.to_json())["pin_origin"]

    password = pr.generate_password(pr.PasswordContext(), RULES)
    session = pr.AdminAccount.create(password.expose(), NOW, RULES).login(password.expose(), NOW, RULES).unwrap()
    assert type(session.view().step) is pr.AdminStep
    assert session.view().step.value == session.to_dict()["step"]
    assert type(admin_mail().purpose) is pr.SecretPurpose

    ctx = pr.PinContext(extension_digits="10")
    findings = pr.trivial_pin_findings(pr.parse_pin("1010", RULES), ctx, RULES)
    assert findings and all(type(f) is pr.TrivialPinFinding for f in findings)

    pbx = pr.PbxMasterData(pr.BaseNumber("06131 62468"), "+4961316246800")
    route = pr.route(pbx, pr.ExtensionMasterData("10", "Ada"), pr.Reachability.UNREACHABLE)
    assert type(route.rule) is pr.RouteRule and route.rule is pr.RouteRule.CENTRAL_BACKUP

    toggled = pr.preview_toggled(pr.PreviewMode.STANDARD, pr.Actor.staff())
    assert type(toggled) is pr.PreviewMode and toggled is pr.PreviewMode.PREVIEW


def test_members_are_accepted_as_inputs() -> None:
    strength = pr.evaluate("password", pr.PasswordContext(), RULES)
    names = {lang: strength.level_name(lang) for lang in pr.Lang}
    assert names[pr.Lang.DE] != names[pr.Lang.EN] and all(names.values())

    staff = pr.Actor.staff()
    assert {mode: pr.preview_footer(mode, staff) for mode in pr.PreviewMode} == {
        pr.PreviewMode.PREVIEW: "Preview: ja",
        pr.PreviewMode.STANDARD: "Preview: nein",
    }
    assert pr.preview_toggled(pr.preview_toggled(pr.PreviewMode.PREVIEW, staff), staff) is pr.PreviewMode.PREVIEW

    pbx = pr.PbxMasterData(pr.BaseNumber("06131 62468"), "+4961316246800")
    ten = pr.ExtensionMasterData("10", "Ada")
    rules = {r: pr.route(pbx, ten, r).rule for r in pr.Reachability}
    assert rules == {
        pr.Reachability.REACHABLE: pr.RouteRule.REACHABLE,
        pr.Reachability.UNREACHABLE: pr.RouteRule.CENTRAL_BACKUP,
    }

    for how in pr.ChangeKind:
        assert pr.Effect.NotifyCredentialChanged("admin", how).how is how
    mail = admin_mail()
    for purpose in pr.SecretPurpose:
        assert pr.Effect.SendSecret("a@example.com", purpose, mail.secret).purpose is purpose


@pytest.mark.parametrize(
    "bad",
    ["preview", "PREVIEW", None, 1, pr.Lang.DE, pr.NumberKind.MOBILE],
    ids=["value", "name", "None", "int", "other-enum", "other-enum-2"],
)
def test_a_bad_value_raises_the_typed_error(bad: object) -> None:
    with pytest.raises(pr.StateError) as raised:
        pr.preview_footer(bad, pr.Actor.staff())  # type: ignore[arg-type]
    error = raised.value
    assert isinstance(error, ValueError) and error.code == "STATE_UNKNOWN_VALUE"
    assert error.code in pr.ERROR_CODES["StateError"]
    assert "PreviewMode" in error.message_en and "PreviewMode" in error.message_de
    assert error.message_en != error.message_de
    assert error.details == {"of": "PreviewMode"}
    assert json.loads(error.json)["code"] == error.code


def test_a_member_of_an_enum_with_the_same_value_is_refused() -> None:
    """`Reachability.REACHABLE` and `RouteRule.REACHABLE` are both `"reachable"`."""
    assert pr.RouteRule.REACHABLE.value == pr.Reachability.REACHABLE.value
    pbx = pr.PbxMasterData(pr.BaseNumber("06131 62468"), "+4961316246800")
    with pytest.raises(pr.StateError) as raised:
        pr.route(pbx, pr.ExtensionMasterData("10", "Ada"), pr.RouteRule.REACHABLE)  # type: ignore[arg-type]
    assert raised.value.details == {"of": "Reachability"}
