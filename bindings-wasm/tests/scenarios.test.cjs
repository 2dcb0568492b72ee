// Replays the lifecycle scenarios of core/vectors/scenarios.json (P2-P9, K3, K5, R1-R3,
// A1-A4, G5) against the Node build, as core/tests/vectors_scenarios.rs does.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const pbx = require("../pkg/node/pbx_rules.js");

const doc = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "core", "vectors", "scenarios.json"), "utf8"));
const fx = doc.fixture;

class World {
  constructor(preset) {
    const policy = pbx.Policy.preset(preset);
    policy.setHashCosts(fx.hashing.m_cost_kib, fx.hashing.t_cost, fx.hashing.p_cost);
    this.rules = new pbx.Rules(policy);
    this.pbx = new pbx.Pbx(fx.region, fx.base_number, fx.central_digits, fx.central_backup_number, fx.company_name, fx.admin_email);
    this.admin = pbx.AdminAccount.create(fx.admin_password, Date.parse("2026-01-05T09:00:00Z"), this.rules);
    this.accounts = new Map();
    this.session = undefined;
    this.mailed = undefined;
    this.device = undefined;
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

  /** Effects and error of a decision into `got`; keeps the last mailed secret. */
  note(got, d) {
    if (d.error) got.error = d.error.code;
    for (const e of d.effects) {
      if (e.kind === "send_secret") this.mailed = e.secret;
      got.effects.push(e.kind);
    }
  }

  setStep(got, s) {
    Object.assign(got.fields, { outcome: s.step, extended_rights: s.extendedRights, default_pin_extensions: s.defaultPinExtensions });
  }

  run(step) {
    const now = Date.parse(step.at);
    const got = { error: undefined, effects: [], fields: {} };
    const r = this.rules;
    const ext = step.extension;
    const account = this.accounts.get(ext);
    let d;
    switch (step.op) {
      case "create_extension": {
        const c = pbx.ExtensionAccount.create(ext, now, r);
        got.fields.default_pin = c.state.hasDefaultPin;
        this.accounts.set(ext, c.state);
        return got;
      }
      case "user_login":
        d = account.login(this.resolve(step.pin), now, r);
        if (d.outcome) got.fields.outcome = d.outcome;
        if (d.deadline !== undefined) got.fields.deadline = d.deadline;
        if (d.error?.retryAt !== undefined) got.fields.retry_at = d.error.retryAt;
        break;
      case "change_pin":
        d = account.changePin(World.actor(step.actor), step.old, step.new, step.confirmation, now, r);
        if (!d.error) got.fields.completes_login = d.completesLogin;
        break;
      case "admin_set_pin":
        d = account.setPinByAdmin(World.actor(step.actor), step.pin, step.pin, now, r);
        break;
      case "mobile_login":
        d = account.mobileLogin(this.master(ext, step), step.pin, now, r);
        break;
      case "forgot_pin":
        d = pbx.forgotPin(this.pbx, account && this.master(ext, step), account, now, r);
        this.note(got, d);
        if (d.state) this.accounts.set(ext, d.state);
        return got;
      case "set_self_service_pin_reset":
        try {
          this.pbx = this.pbx.setSelfServicePinReset(World.actor(step.actor), step.on);
        } catch (e) {
          got.error = e.code;
        }
        return got;
      default:
        return this.adminOp(step, now, got);
    }
    this.note(got, d);
    this.accounts.set(ext, d.state);
    return got;
  }

  adminOp(step, now, got) {
    const r = this.rules;
    let d;
    switch (step.op) {
      case "admin_login": {
        const defaults = [...this.accounts.values()].filter((a) => a.hasDefaultPin).map((a) => a.extension);
        const token = step.device === undefined ? undefined : this.resolve(step.device);
        d = this.admin.login(this.resolve(step.password), token, defaults, now, r);
        if (d.session) {
          this.setStep(got, d.session);
          this.session = d.session;
        }
        this.note(got, d);
        this.admin = d.state;
        return got;
      }
      case "request_code":
        d = this.session.requestCode(fx.admin_email, now, r);
        this.note(got, d);
        this.session = d.state;
        return got;
      case "confirm_code":
        d = this.session.confirmCode(this.resolve(step.code), this.admin, now, r);
        this.admin = d.admin;
        if (!d.error) {
          this.setStep(got, d.state);
          got.fields.device_token = d.deviceToken !== undefined;
          if (d.deviceToken !== undefined) {
            this.device = d.deviceToken;
            this.admin = d.rememberedAdmin;
          }
        }
        this.note(got, d);
        this.session = d.state;
        return got;
      case "continue_without_extended_rights":
      case "confirm_privacy_notice":
      case "acknowledge_default_pins": {
        const name = { continue_without_extended_rights: "continueWithoutExtendedRights", confirm_privacy_notice: "confirmPrivacyNotice", acknowledge_default_pins: "acknowledgeDefaultPins" }[step.op];
        try {
          this.session = this.session[name]();
          this.setStep(got, this.session);
        } catch (e) {
          got.error = e.code;
        }
        return got;
      }
      case "change_password": {
        const ctx = new pbx.PasswordContext(this.pbx.headNumber, fx.company_name, fx.admin_email, false);
        d = this.admin.changePassword(step.old, step.new, step.new, ctx, now, r);
        if (d.effectiveAt !== undefined) got.fields.effective_at = d.effectiveAt;
        this.note(got, d);
        this.admin = d.state;
        return got;
      }
      case "forgot_password":
        d = pbx.forgotPassword(step.head, this.pbx, this.admin, now, r);
        this.note(got, d);
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
    else if (["deadline", "retry_at", "effective_at"].includes(key)) ok = got.fields[key] === Date.parse(want);
    else ok = JSON.stringify(got.fields[key]) === JSON.stringify(want);
    if (!ok) out.push(`${key}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  return out;
}

test("scenarios.json (lifecycle)", () => {
  const failures = [];
  let steps = 0;
  for (const c of doc.cases) {
    const world = new World(c.policy);
    c.steps.forEach((step, i) => {
      steps++;
      for (const d of differences(world.run(step), step.expect)) failures.push(`${c.id} step ${i} (${step.op}): ${d}`);
    });
  }
  assert.ok(steps > 80);
  assert.deepEqual(failures, []);
});
