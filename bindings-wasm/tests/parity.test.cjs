// Replays the lifecycle scenarios of core/vectors/scenarios.json (P2-P9, K3, K5, R1-R3,
// A1-A4, G5, G11) through the Node build's public API, saving and loading every state through
// its JSON between steps as a host does, and writes one parity line per step from the JSON
// the binding hands out (JSON.stringify of the decision, or of {ok}/{error} for operations
// that throw). The whole text must equal core/vectors/parity.jsonl byte for byte,
// and each step's `expect` must hold, as core/tests/vectors_scenarios.rs checks them.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const pbx = require("../pkg/node/pbx_rules.js");

const vectors = path.join(__dirname, "..", "..", "core", "vectors");
const doc = JSON.parse(fs.readFileSync(path.join(vectors, "scenarios.json"), "utf8"));
const fx = doc.fixture;

/** The two placeholders of the parity file: random salts and device ids. */
const normalized = (json) => json.replace(/"\$(argon2|blake2b)[^"]*"/g, '"<hash>"').replace(/"id":"[^"]*"/g, '"id":"<id>"');

/** `{ok: value}` of an operation that throws, or `{error}` with the thrown error. */
function result(f) {
  try {
    const value = f();
    return { value, line: JSON.stringify({ ok: value }) };
  } catch (error) {
    if (!(error instanceof Error) || typeof error.code !== "string") throw error;
    return { error, line: JSON.stringify({ error }) };
  }
}

/** Saves and loads a state handle through its JSON, as a host does between requests. */
const again = (handle) => handle && handle.constructor.fromJson(handle.toJson());

class World {
  constructor(preset) {
    const fields = pbx.Policy[preset]().fields;
    Object.assign(fields.hashing, fx.hashing);
    this.rules = new pbx.Rules(pbx.Policy.fromFields(fields));
    this.pbx = new pbx.Pbx(fx.region, fx.base_number, fx.central_digits, fx.central_backup_number, fx.company_name, fx.admin_email);
    this.admin = pbx.AdminAccount.create(fx.admin_password, new Date("2026-01-05T09:00:00Z"), this.rules);
    this.accounts = new Map();
    this.session = undefined;
    /** The session each extension's last successful login, change or check left (G11). */
    this.stamps = new Map();
    this.mailed = undefined;
    this.device = undefined;
  }

  reload() {
    this.admin = again(this.admin);
    this.pbx = again(this.pbx);
    this.session = again(this.session);
    for (const [ext, account] of this.accounts) this.accounts.set(ext, again(account));
    for (const [ext, stamp] of this.stamps) this.stamps.set(ext, JSON.parse(JSON.stringify(stamp)));
  }

  static actor(text) {
    const [kind, digits] = text.split(":");
    return kind === "user" ? pbx.Actor.user(digits) : pbx.Actor.admin(false);
  }

  resolve(text) {
    if (text === "$mailed") return this.mailed;
    if (text === "$device") return this.device;
    return text;
  }

  master(ext, step) {
    return new pbx.ExtensionMaster(ext, fx.user_name, step.email === null ? undefined : fx.user_email, step.mobile ?? undefined);
  }

  /** A decision: its line, error code and effect kinds; keeps the last mailed secret. */
  note(got, d) {
    got.line = JSON.stringify(d);
    if ("error" in d.outcome) got.error = d.outcome.error.code;
    for (const e of d.effects) {
      if (e.kind === "send_secret") this.mailed = e.secret.expose();
      got.effects.push(e.kind);
    }
    return d;
  }

  /** An operation that throws: its line and error code. */
  attempt(got, f) {
    const r = result(f);
    got.line = r.line;
    if (r.error) got.error = r.error.code;
    return r.value;
  }

  /** The session's step, rights and default-PIN list, from its view. */
  setStep(got, s) {
    const v = s.view();
    Object.assign(got.fields, { outcome: v.step, extended_rights: v.has_extended_rights, default_pin_extensions: v.default_pin_extensions });
  }

  run(step) {
    const now = new Date(step.at);
    const got = { error: undefined, effects: [], fields: {}, line: "" };
    const r = this.rules;
    const ext = step.extension;
    const account = this.accounts.get(ext);
    let d;
    switch (step.op) {
      case "create_extension": {
        const c = this.attempt(got, () => pbx.ExtensionAccount.create(ext, now, r));
        got.fields.default_pin = c.account.view(now, r).has_default_pin;
        this.accounts.set(ext, c.account);
        return got;
      }
      case "user_login":
        d = this.note(got, account.login(this.resolve(step.pin), now, r));
        if ("ok" in d.outcome) {
          got.fields.outcome = d.outcome.ok.kind;
          this.stamps.set(ext, d.outcome.ok.session);
          if (d.outcome.ok.deadline !== undefined) got.fields.deadline = d.outcome.ok.deadline;
        } else if (d.outcome.error.details?.retry_at !== undefined) {
          got.fields.retry_at = d.outcome.error.details.retry_at;
        }
        break;
      case "change_pin":
        d = this.note(got, account.changePin(World.actor(step.actor), step.old, step.new, step.confirmation, {}, now, r));
        if ("ok" in d.outcome) {
          got.fields.completes_login = d.outcome.ok.completes_login;
          this.stamps.set(ext, d.outcome.ok.session);
        }
        break;
      case "admin_set_pin":
        d = this.note(got, account.setPinByAdmin(World.actor(step.actor), step.pin, step.pin, now, r));
        break;
      case "mobile_login":
        d = this.note(got, account.mobileLogin(this.master(ext, step), step.pin, now, r));
        if ("ok" in d.outcome) this.stamps.set(ext, d.outcome.ok);
        break;
      case "check_session":
        // G11: an extension's session or the admin's ("admin": true); one that holds is kept
        // as the check returns it.
        if (ext !== undefined) {
          const stamp = this.attempt(got, () => account.checkSession(this.stamps.get(ext), now, r));
          if (stamp) this.stamps.set(ext, stamp);
        } else {
          const session = this.attempt(got, () => this.admin.checkSession(this.session, now, r));
          if (session) this.session = session;
        }
        return got;
      case "forgot_pin":
        d = this.note(got, pbx.forgotPin(this.pbx, account && this.master(ext, step), account, now, r));
        if (d.state) this.accounts.set(ext, d.state);
        return got;
      case "set_self_service_pin_reset": {
        const next = this.attempt(got, () => this.pbx.setSelfServicePinReset(World.actor(step.actor), step.on));
        if (next) this.pbx = next;
        return got;
      }
      default:
        return this.adminOp(step, now, got);
    }
    this.accounts.set(ext, d.state);
    return got;
  }

  adminOp(step, now, got) {
    const r = this.rules;
    let d;
    switch (step.op) {
      case "admin_login": {
        const views = [...this.accounts.values()].map((a) => a.view(now, r));
        const defaults = views.filter((v) => v.has_default_pin).map((v) => v.extension);
        const token = step.device === undefined ? undefined : this.resolve(step.device);
        d = this.note(got, this.admin.login(this.resolve(step.password), token, defaults, now, r));
        if ("ok" in d.outcome) {
          this.setStep(got, d.outcome.ok);
          this.session = d.outcome.ok;
        }
        this.admin = d.state;
        return got;
      }
      case "request_code":
        d = this.note(got, this.session.requestCode(this.admin, fx.admin_email, now, r));
        this.session = d.state;
        return got;
      case "confirm_code": {
        d = this.note(got, this.session.confirmCode(this.resolve(step.code), this.admin, now, r));
        [this.session, this.admin] = d.state;
        if ("ok" in d.outcome) {
          this.setStep(got, this.session);
          got.fields.device_token = d.outcome.ok !== null;
          if (d.outcome.ok !== null) {
            this.device = d.outcome.ok.token.expose();
            this.admin = this.admin.remember(d.outcome.ok.record);
          }
        }
        return got;
      }
      case "continue_without_extended_rights":
      case "confirm_privacy_notice":
      case "acknowledge_default_pins": {
        const name = { continue_without_extended_rights: "continueWithoutExtendedRights", confirm_privacy_notice: "confirmPrivacyNotice", acknowledge_default_pins: "acknowledgeDefaultPins" }[step.op];
        const next = this.attempt(got, () => this.session[name]());
        if (next) {
          this.session = next;
          this.setStep(got, next);
        }
        return got;
      }
      case "change_password": {
        const ctx = pbx.passwordContextForPbx(this.pbx, false);
        d = this.note(got, this.admin.changePassword(step.old, step.new, step.new, ctx, now, r));
        if ("ok" in d.outcome) got.fields.effective_at = d.outcome.ok.effective_at;
        this.admin = d.state;
        return got;
      }
      case "forgot_password":
        d = this.note(got, pbx.forgotPassword(step.head, this.pbx, this.admin, now, r));
        if (d.state) this.admin = d.state;
        return got;
      default:
        throw new Error(`unknown op ${step.op}`);
    }
  }
}

function differences(got, expect) {
  const out = [];
  for (const [key, want] of Object.entries(expect)) {
    let ok;
    if (key === "ok") ok = got.error === undefined;
    else if (key === "error") ok = got.error === want;
    else if (key === "effects") ok = JSON.stringify(got.effects) === JSON.stringify(want);
    else if (["deadline", "retry_at", "effective_at"].includes(key)) ok = Date.parse(got.fields[key]) === Date.parse(want);
    else ok = JSON.stringify(got.fields[key]) === JSON.stringify(want);
    if (!ok) out.push(`${key}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  return out;
}

test("scenarios.json through the binding: expectations and core/vectors/parity.jsonl byte for byte", () => {
  const failures = [];
  let lines = "";
  let steps = 0;
  for (const c of doc.cases) {
    const world = new World(c.policy);
    c.steps.forEach((step, i) => {
      steps++;
      const got = world.run(step);
      world.reload();
      assert.ok(got.line, `${c.id} step ${i}: no parity line`);
      lines += normalized(got.line) + "\n";
      for (const d of differences(got, step.expect)) failures.push(`${c.id} step ${i} (${step.op}): ${d}`);
    });
  }
  assert.ok(steps > 80);
  assert.deepEqual(failures, []);
  const committed = fs.readFileSync(path.join(vectors, "parity.jsonl"), "utf8");
  const want = committed.split("\n");
  const first = lines.split("\n").findIndex((line, i) => line !== want[i]);
  assert.equal(first, -1, `first differing line ${first + 1}:\n got ${lines.split("\n")[first]}\nwant ${want[first]}`);
  assert.equal(lines, committed);
});
