// Every error family the Node build can raise arrives as a JS Error with name, code and
// both messages (G2); PIN_TRIVIAL carries findings, PASSWORD_BLOCKLISTED its reason.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const pbx = require("../pkg/node/pbx_rules.js");

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail("expected a throw");
}

function check(err, name, code) {
  assert.ok(err instanceof Error, "a real Error");
  assert.equal(err.name, name);
  assert.equal(err.code, code);
  assert.equal(typeof err.messageDe, "string");
  assert.ok(err.messageDe.length > 0);
  assert.equal(err.message, err.messageEn);
  assert.notEqual(err.messageDe, err.messageEn);
  assert.match(String(err), new RegExp(`^${name}: `));
}

const policy = pbx.Policy.centrexx();

test("NumberError", () => {
  const plan = new pbx.NumberPlan("DE");
  check(thrown(() => plan.normalize("0171 12")), "NumberError", "NUMBER_INVALID");
  check(thrown(() => plan.normalize("")), "NumberError", "NUMBER_EMPTY");
  check(thrown(() => new pbx.NumberPlan("XX")), "NumberError", "NUMBER_UNKNOWN_REGION");
  check(thrown(() => pbx.parseE164("0171")), "NumberError", "NUMBER_NOT_E164");
});

test("LoginIdError, also from the base-number constructor", () => {
  const base = new pbx.BaseNumber(new pbx.NumberPlan("DE"), "06131 62468");
  check(thrown(() => base.userLogin("06131 62468 10")), "LoginIdError", "LOGIN_ID_BAD_CHARACTER");
  check(thrown(() => base.adminLogin("", "0")), "LoginIdError", "LOGIN_ID_EMPTY");
  check(thrown(() => new pbx.BaseNumber(new pbx.NumberPlan("DE"), "")), "NumberError", "NUMBER_EMPTY");
});

test("PinError with findings", () => {
  check(thrown(() => pbx.parsePin("12", policy)), "PinError", "PIN_TOO_SHORT");
  const strict = pbx.Policy.strict();
  const err = thrown(() => pbx.validateNewPin("123456", "123456", new pbx.PinContext(), strict));
  check(err, "PinError", "PIN_TRIVIAL");
  assert.ok(err.findings.includes("PIN_TRIVIAL_SEQUENCE"), err.findings);
});

test("PasswordError with reason", () => {
  const ctx = new pbx.PasswordContext("+4961316246800", "Muster GmbH", "admin@muster.de");
  check(thrown(() => pbx.parsePassword("kurz", policy, false)), "PasswordError", "PASSWORD_TOO_SHORT");
  check(thrown(() => pbx.validateNewPassword("passwort", "passwort", ctx, policy)), "PasswordError", "PASSWORD_TOO_WEAK");
  const err = thrown(() =>
    pbx.validateNewPassword("Muster GmbH Nordwind 7", "Muster GmbH Nordwind 7", ctx, pbx.Policy.strict()),
  );
  check(err, "PasswordError", "PASSWORD_BLOCKLISTED");
  assert.equal(err.reason, "company_name");
});

test("HashError", () => {
  check(thrown(() => new pbx.Hasher(policy).verify("0000", "not a hash")), "HashError", "HASH_MALFORMED");
});

test("PolicyError for an unknown preset; the presets", () => {
  check(thrown(() => pbx.Policy.preset("lax")), "PolicyError", "POLICY_UNKNOWN_PRESET");
  assert.equal(policy.pinMinLen, 4);
  assert.equal(policy.pinMaxLen, 10);
  assert.equal(policy.passwordMinLen, 8);
  assert.equal(policy.passwordMaxLen, 32);
  assert.equal(policy.minLevel, "yellow");
  assert.equal(policy.defaultRegion, "DE");
  assert.equal(pbx.Policy.preset("strict").pinMinLen, pbx.Policy.strict().pinMinLen);
});

test("PolicyError for a policy out of bounds (F6)", () => {
  const p = pbx.Policy.centrexx();
  p.setHashCosts(4, 1, 1);
  const err = thrown(() => new pbx.Rules(p));
  check(err, "PolicyError", "POLICY_OUT_OF_RANGE");
  assert.match(err.messageEn, /hashing\.m_cost_kib/);
});

test("LoginError with retryAt, RecoveryError (lifecycle)", () => {
  const p = pbx.Policy.centrexx();
  p.setHashCosts(64, 1, 1);
  const rules = new pbx.Rules(p);
  const t0 = Date.parse("2026-01-05T09:00:00Z");
  let account = pbx.ExtensionAccount.create("10", t0, rules).state;
  let d;
  for (let i = 0; i < 20 && d?.error?.code !== "LOGIN_THROTTLED"; i++) {
    d = account.login("9999", t0 + i * 1000, rules);
    account = d.state;
  }
  check(d.error, "LoginError", "LOGIN_THROTTLED");
  assert.equal(typeof d.error.retryAt, "number");
  const site = new pbx.Pbx("DE", "06131 62468", "0", "+496131624680", "Beispiel GmbH", "admin@beispiel.de");
  const r = pbx.forgotPin(site, undefined, undefined, t0, rules);
  check(r.error, "RecoveryError", "RECOVERY_UNKNOWN_EXTENSION");
  assert.equal(r.state, undefined);
});
