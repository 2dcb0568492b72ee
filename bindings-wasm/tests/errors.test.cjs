// Every error family the Node build can raise arrives as a JS Error (G2): `name`
// from the family, `message` in English, and as enumerable properties exactly the core's
// JSON of the error (family, code, message_de, message_en, details).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const pbx = require("../pkg/node/pbx_rules.js");
const { thrown, cheapRules } = require("./helpers.cjs");

function check(err, name, family, code) {
  assert.ok(err instanceof Error, "a real Error");
  assert.equal(err.name, name);
  assert.equal(err.family, family);
  assert.equal(err.code, code);
  assert.ok(err.message_de.length > 0);
  assert.equal(err.message, err.message_en);
  assert.notEqual(err.message_de, err.message_en);
  assert.match(String(err), new RegExp(`^${name}: `));
  // The enumerable properties are the core's JSON, in its order.
  const keys = Object.keys(err);
  assert.deepEqual(keys.slice(0, 4), ["family", "code", "message_de", "message_en"]);
  assert.ok(keys.length === 4 || (keys.length === 5 && keys[4] === "details"), keys.join());
}

const rules = pbx.Rules.centrexx();

test("G2: NumberError with details", () => {
  const plan = new pbx.NumberPlan("DE");
  check(thrown(() => plan.normalize("0171 12")), "NumberError", "number", "NUMBER_INVALID");
  check(thrown(() => plan.normalize("")), "NumberError", "number", "NUMBER_EMPTY");
  const region = thrown(() => new pbx.NumberPlan("XX"));
  check(region, "NumberError", "number", "NUMBER_UNKNOWN_REGION");
  assert.deepEqual(region.details, { region: "XX" });
  check(thrown(() => pbx.parseE164("0171")), "NumberError", "number", "NUMBER_NOT_E164");
});

test("G2: LoginIdError, also from the base-number constructor", () => {
  const base = new pbx.BaseNumber(new pbx.NumberPlan("DE"), "06131 62468");
  check(thrown(() => base.userLogin("06131 62468 10")), "LoginIdError", "login_id", "LOGIN_ID_BAD_CHARACTER");
  check(thrown(() => base.adminLogin("", "0")), "LoginIdError", "login_id", "LOGIN_ID_EMPTY");
  check(thrown(() => new pbx.BaseNumber(new pbx.NumberPlan("DE"), "")), "NumberError", "number", "NUMBER_EMPTY");
});

test("G2: PinError with the core's finding codes in details", () => {
  check(thrown(() => pbx.parsePin("12", rules)), "PinError", "pin", "PIN_TOO_SHORT");
  const err = thrown(() => pbx.validateNewPin("123456", "123456", {}, pbx.Rules.strict()));
  check(err, "PinError", "pin", "PIN_TRIVIAL");
  assert.ok(err.details.findings.includes("sequence"), err.details.findings);
});

test("G2: PasswordError with its blocklist reason in details", () => {
  const ctx = { head_number: "+4961316246800", company_name: "Muster GmbH", admin_email: "admin@muster.de" };
  check(thrown(() => pbx.parsePassword("kurz", false, rules)), "PasswordError", "password", "PASSWORD_TOO_SHORT");
  check(thrown(() => pbx.validateNewPassword("passwort", "passwort", ctx, rules)), "PasswordError", "password", "PASSWORD_TOO_WEAK");
  const err = thrown(() => pbx.validateNewPassword("Muster GmbH Nordwind 7", "Muster GmbH Nordwind 7", ctx, pbx.Rules.strict()));
  check(err, "PasswordError", "password", "PASSWORD_BLOCKLISTED");
  assert.deepEqual(err.details, { reason: { contains_context: "company_name" } });
});

test("G4: HashError; verify takes (hash, secret)", () => {
  const hasher = new pbx.Hasher(pbx.Policy.centrexx());
  check(thrown(() => hasher.verify("not a hash", "0000")), "HashError", "hash", "HASH_MALFORMED");
  const cheap = pbx.Policy.centrexx().fields;
  Object.assign(cheap.hashing, { m_cost_kib: 64, t_cost: 1, p_cost: 1 });
  const fast = new pbx.Hasher(pbx.Policy.fromFields(cheap));
  const hash = fast.hash("4711");
  assert.equal(fast.verify(hash, "4711"), true);
  assert.equal(fast.verify(hash, "4712"), false);
  assert.equal(fast.needsRehash(hash), false);
  assert.equal(hasher.needsRehash(hash), true, "64 KiB is below the preset's cost");
});

test("F6: PolicyError for a policy out of bounds, with the field in the message", () => {
  const fields = pbx.Policy.centrexx().fields;
  fields.hashing.m_cost_kib = 4;
  const err = thrown(() => pbx.Policy.fromFields(fields));
  check(err, "PolicyError", "policy", "POLICY_OUT_OF_RANGE");
  assert.match(err.message_en, /hashing\.m_cost_kib/);
});

test("G5, R2: LoginError with retry_at, RecoveryError (lifecycle decisions)", () => {
  const rules = cheapRules();
  const t0 = Date.parse("2026-01-05T09:00:00Z");
  let account = pbx.ExtensionAccount.create("10", new Date(t0), rules).account;
  let d;
  for (let i = 0; i < 20 && d?.outcome.error?.code !== "LOGIN_THROTTLED"; i++) {
    d = account.login("9999", new Date(t0 + i * 1000), rules);
    account = d.state;
  }
  check(d.outcome.error, "LoginError", "login", "LOGIN_THROTTLED");
  assert.ok(Date.parse(d.outcome.error.details.retry_at) > t0);
  const site = new pbx.Pbx("DE", "06131 62468", "0", "+496131624680", "Beispiel GmbH", "admin@beispiel.de");
  const r = pbx.forgotPin(site, undefined, undefined, new Date(t0), rules);
  check(r.outcome.error, "RecoveryError", "recovery", "RECOVERY_UNKNOWN_EXTENSION");
  assert.equal(r.state, null);
});
