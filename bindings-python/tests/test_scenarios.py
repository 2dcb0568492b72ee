"""The lifecycle scenarios of core/vectors/scenarios.json (P2–P10, K3, K5, R1–R3, A1–A4,
G5, G11), every step of every case, replayed as core/tests/vectors_scenarios.rs does, with every
state saved and loaded through its JSON between steps as a host does. Each step's JSON, as
this binding hands it out (`Decision.to_json()`, a state's `to_json()`, an exception's
`json`), must equal core/vectors/parity.jsonl byte for byte."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any, Optional

import pytest

import pbx_rules as pr
from conftest import VECTORS, families_of, load

DOC = load("scenarios.json")
FIXTURE: dict[str, Any] = DOC["fixture"]


def ok_line(value_json: str) -> str:
    return '{"ok":' + value_json + "}"


def error_line(error: pr.PbxRulesError) -> str:
    return '{"error":' + error.json + "}"


def normalized(line: str) -> str:
    """Random salts and device ids differ per run: the parity file shows placeholders."""
    line = re.sub(r'"\$(argon2|blake2b)[^"]*"', '"<hash>"', line)
    return re.sub(r'"id":"[^"]*"', '"id":"<id>"', line)


def time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def actor(text: str) -> pr.Actor:
    role, _, digits = text.partition(":")
    return pr.Actor.user(digits) if role == "user" else pr.Actor.admin()


class World:
    """One world per case: PBX, accounts by digits, admin, session, each extension's session
    stamp, last mail, last token."""

    def __init__(self, preset: str) -> None:
        policy = pr.Policy.preset(preset)
        self.rules = pr.Rules(policy.replace(hashing=policy.hashing.replace(**FIXTURE["hashing"])))
        plan = pr.NumberPlan(FIXTURE["region"])
        self.pbx = pr.PbxMasterData(
            pr.BaseNumber(FIXTURE["base_number"], plan),
            FIXTURE["central_backup_number"],
            FIXTURE["central_digits"],
            FIXTURE["company_name"],
            FIXTURE["admin_email"],
        )
        self.admin = pr.AdminAccount.create(
            FIXTURE["admin_password"], time("2026-01-05T09:00:00Z"), self.rules
        )
        self.accounts: dict[str, pr.ExtensionAccount] = {}
        self.session: Optional[pr.AdminSession] = None
        # The session each extension's last successful login, change or check left (G11).
        self.stamps: dict[str, pr.SessionStamp] = {}
        self.mailed: Optional[str] = None
        self.device: Optional[str] = None
        self.line = ""

    def reload(self) -> None:
        """Saves and loads every state through its JSON, as a host does between requests."""
        self.admin = pr.AdminAccount.from_json(self.admin.to_json())
        self.pbx = pr.PbxMasterData.from_json(self.pbx.to_json())
        if self.session is not None:
            self.session = pr.AdminSession.from_json(self.session.to_json())
        self.accounts = {k: pr.ExtensionAccount.from_json(a.to_json()) for k, a in self.accounts.items()}
        self.stamps = {k: pr.session_stamp_from_json(pr.session_stamp_to_json(s)) for k, s in self.stamps.items()}

    def resolve(self, text: str) -> str:
        if text == "$mailed":
            assert self.mailed is not None
            return self.mailed
        if text == "$device":
            assert self.device is not None
            return self.device
        return text

    def master(self, ext: str, step: dict[str, Any]) -> pr.ExtensionMasterData:
        email = None if "email" in step and step["email"] is None else FIXTURE["user_email"]
        return pr.ExtensionMasterData(ext, FIXTURE["user_name"], email=email, mobile_number=step.get("mobile"))

    def note(self, got: dict[str, Any], d: pr.Decision[Any, Any]) -> None:
        self.line = d.to_json()
        if d.error is not None:
            got["error"] = d.error.code
            assert type(d.error) in families_of(d.error.code)
        for e in d.effects:
            if isinstance(e, pr.Effect.SendSecret):
                assert "***" in repr(e)
                self.mailed = e.secret.expose()
            got["effects"].append(re.sub(r"(?<!^)(?=[A-Z])", "_", type(e).__name__).lower())

    def set_step(self, got: dict[str, Any], s: pr.AdminSession) -> None:
        view = s.view()
        got["outcome"] = view.step.code
        got["extended_rights"] = view.has_extended_rights
        got["default_pin_extensions"] = view.default_pin_extensions

    def run(self, step: dict[str, Any]) -> dict[str, Any]:
        now = time(step["at"])
        op = step["op"]
        got: dict[str, Any] = {"error": None, "effects": []}
        d: pr.Decision[Any, Any]
        rules = self.rules
        if op == "create_extension":
            created = pr.ExtensionAccount.create(step["extension"], now, rules)
            self.line = ok_line(created.to_json())
            got["default_pin"] = created.account.view(now, rules).has_default_pin
            self.accounts[step["extension"]] = created.account
        elif op in ("user_login", "change_pin", "admin_set_pin", "mobile_login"):
            ext = step["extension"]
            account = self.accounts[ext]
            if op == "user_login":
                d = account.login(self.resolve(step["pin"]), now, rules)
                if d.ok:
                    login = d.unwrap()
                    assert isinstance(login, pr.UserLogin)
                    got["outcome"] = "must_change_pin" if login.must_change_pin else "logged_in"
                    self.stamps[ext] = login.session
                    if login.deadline is not None:
                        got["deadline"] = login.deadline
                elif d.error is not None and "retry_at" in d.error.details:
                    got["retry_at"] = time(d.error.details["retry_at"])
            elif op == "change_pin":
                d = account.change_pin(
                    actor(step["actor"]), step["old"], step["new"], step["confirmation"], pr.PinContext(), now, rules
                )
                if d.ok:
                    changed = d.unwrap()
                    assert isinstance(changed, pr.PinChanged)
                    got["completes_login"] = changed.completes_login
                    self.stamps[ext] = changed.session
            elif op == "admin_set_pin":
                d = account.set_pin_by_admin(actor(step["actor"]), step["pin"], step["pin"], now, rules)
            else:
                d = account.mobile_login(self.master(ext, step), step["pin"], now, rules)
                if d.ok:
                    stamp = d.unwrap()
                    assert isinstance(stamp, pr.SessionStamp)
                    self.stamps[ext] = stamp
            self.note(got, d)
            assert isinstance(d.state, pr.ExtensionAccount)
            self.accounts[ext] = d.state
        elif op == "forgot_pin":
            ext = step["extension"]
            found = self.accounts.get(ext)
            d = pr.forgot_pin(self.pbx, (self.master(ext, step), found) if found else None, now, rules)
            self.note(got, d)
            if isinstance(d.state, pr.ExtensionAccount):
                self.accounts[ext] = d.state
        elif op == "check_session":
            self.check_session(step, now, got)
        elif op == "set_self_service_pin_reset":
            try:
                self.pbx = self.pbx.set_self_service_pin_reset(actor(step["actor"]), step["on"])
                self.line = ok_line(self.pbx.to_json())
            except pr.PbxRulesError as e:
                got["error"] = e.code
                self.line = error_line(e)
        else:
            self.admin_op(op, step, now, got)
        return got

    def check_session(self, step: dict[str, Any], now: dt.datetime, got: dict[str, Any]) -> None:
        """Whether an extension's session (`"extension"`) or the admin's (`"admin": true`) still
        holds (G11); a session that does is kept as the check returns it."""
        try:
            if "extension" in step:
                ext = step["extension"]
                stamp = self.accounts[ext].check_session(self.stamps[ext], now, self.rules)
                self.line = ok_line(pr.session_stamp_to_json(stamp))
                self.stamps[ext] = stamp
            else:
                assert self.session is not None, "no admin session"
                self.session = self.admin.check_session(self.session, now, self.rules)
                self.line = ok_line(self.session.to_json())
        except pr.SessionError as e:
            got["error"] = e.code
            self.line = error_line(e)

    def admin_op(self, op: str, step: dict[str, Any], now: dt.datetime, got: dict[str, Any]) -> None:
        rules = self.rules
        d: pr.Decision[Any, Any]
        token: Any
        if op == "admin_login":
            views = sorted((a.view(now, rules) for a in self.accounts.values()), key=lambda v: v.extension)
            defaults = [v.extension for v in views if v.has_default_pin]
            token = self.resolve(step["device"]) if step.get("device") else None
            d = self.admin.login(self.resolve(step["password"]), now, rules, device_token=token, default_pin_extensions=defaults)
            if d.ok:
                session = d.unwrap()
                assert isinstance(session, pr.AdminSession)
                self.set_step(got, session)
                self.session = session
            self.note(got, d)
            assert isinstance(d.state, pr.AdminAccount)
            self.admin = d.state
            return
        if op == "change_password":
            ctx = pr.password_context_for_pbx(self.pbx)
            d = self.admin.change_password(step["old"], step["new"], step["new"], ctx, now, rules)
            if d.ok:
                changed = d.unwrap()
                assert isinstance(changed, pr.PasswordChanged)
                got["effective_at"] = changed.effective_at
            self.note(got, d)
            assert isinstance(d.state, pr.AdminAccount)
            self.admin = d.state
            return
        if op == "forgot_password":
            d = pr.forgot_password(step["head"], (self.pbx, self.admin), now, rules)
            self.note(got, d)
            if isinstance(d.state, pr.AdminAccount):
                self.admin = d.state
            return
        assert self.session is not None, "no admin session"
        if op == "request_code":
            d = self.session.request_code(self.admin, self.pbx.view().admin_email, now, rules)
            self.note(got, d)
        elif op == "confirm_code":
            d = self.session.confirm_code(self.admin, self.resolve(step["code"]), now, rules)
            session, self.admin = d.state
            assert isinstance(session, pr.AdminSession)
            if d.ok:
                self.set_step(got, session)
                token = d.unwrap()
                got["device_token"] = token is not None
                if isinstance(token, pr.DeviceToken):
                    self.device = token.token.expose()
                    self.admin = self.admin.remember(token.record)
            self.note(got, d)
            self.session = session
            return
        else:
            try:
                nxt = getattr(self.session, op)()
            except pr.PbxRulesError as e:
                got["error"] = e.code
                self.line = error_line(e)
            else:
                self.line = ok_line(nxt.to_json())
                assert isinstance(nxt, pr.AdminSession)
                self.set_step(got, nxt)
                self.session = nxt
            return
        assert isinstance(d.state, pr.AdminSession)
        self.session = d.state


def differences(got: dict[str, Any], expect: dict[str, Any]) -> list[str]:
    out = []
    for key, want in expect.items():
        if key == "ok":
            ok = got["error"] is None
        elif key == "error":
            ok = got["error"] == want
        elif key in ("deadline", "retry_at", "effective_at"):
            ok = got.get(key) == time(want)
        else:
            ok = got.get(key) == want
        if not ok:
            out.append(f"{key}: want {want!r}, got {got!r}")
    return out


@functools.cache
def replay() -> tuple[dict[str, list[str]], str]:
    """Every case in file order: the differences per case, and the parity lines."""
    failures: dict[str, list[str]] = {}
    lines = []
    for case in DOC["cases"]:
        world = World(case["policy"])
        failures[case["id"]] = []
        for i, step in enumerate(case["steps"]):
            world.line = ""
            for d in differences(world.run(step), step["expect"]):
                failures[case["id"]].append(f"step {i} ({step['op']}): {d}")
            world.reload()
            assert world.line, f"{case['id']} step {i}: no parity line"
            lines.append(normalized(world.line) + "\n")
    return failures, "".join(lines)


@pytest.mark.parametrize("case", DOC["cases"], ids=[c["id"] for c in DOC["cases"]])
def test_scenario(case: dict[str, Any]) -> None:
    failures = replay()[0][case["id"]]
    assert not failures, "\n".join(failures)


def test_parity_with_the_core_byte_for_byte() -> None:
    """The JSON this binding hands out is the core's, step for step."""
    committed = (VECTORS / "parity.jsonl").read_text(encoding="utf-8")
    ours = replay()[1]
    assert ours.count("\n") == committed.count("\n") > 80
    for n, (mine, theirs) in enumerate(zip(ours.splitlines(), committed.splitlines()), 1):
        assert mine == theirs, f"parity.jsonl line {n} differs"
    assert ours == committed
