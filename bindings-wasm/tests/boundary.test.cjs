// The shared data model's boundary in the Node build: secrets opaque (G3), every state object and the
// policy to and from the core's JSON, full policy customisation, malformed JSON as a typed
// error, the core's snake_case codes in data.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const util = require("node:util");
const fs = require("node:fs");
const path = require("node:path");
const pbx = require("../pkg/node/pbx_rules.js");
const { thrown, cheapRules } = require("./helpers.cjs");

const t0 = new Date("2026-01-05T09:00:00Z");
const later = (days) => new Date(t0.getTime() + days * 86400e3);

function world() {
  const rules = cheapRules();
  const site = new pbx.Pbx("DE", "06131 62468", "0", "+496131624680", "Beispiel GmbH", "admin@beispiel.de");
  const master = new pbx.ExtensionMaster("10", "Erika Muster", "erika@beispiel.de", "+4917112345678");
  const account = pbx.ExtensionAccount.create("10", t0, rules).account;
  return { rules, site, master, account };
}

test("G3: a mailed PIN is a Secret: masked in String, JSON and util.inspect; expose() reads it", () => {
  const { rules, site, master, account } = world();
  const d = pbx.forgotPin(site, master, account, t0, rules);
  const [mail] = d.effects;
  assert.equal(mail.kind, "send_secret");
  assert.equal(mail.purpose, "pin_reset");
  assert.ok(mail.secret instanceof pbx.Secret);
  const pin = mail.secret.expose();
  assert.match(pin, /^\d{4,10}$/);
  for (const shown of [String(mail.secret), `${mail.secret}`, JSON.stringify(d), util.inspect(d, { depth: 9 }), util.format("%o", d)]) {
    assert.ok(!shown.includes(pin), `plaintext in ${shown}`);
    assert.ok(shown.includes("***"), shown);
  }
  assert.equal(JSON.stringify(mail.secret), '"***"');
});

test("G3, P9: the admin's PIN reaches sync_pin only as a Secret", () => {
  const { rules, account } = world();
  const d = account.setPinByAdmin(pbx.Actor.admin(false), "5830", "5830", later(1), rules);
  const sync = d.effects.find((e) => e.kind === "sync_pin");
  assert.equal(sync.pin.expose(), "5830");
  assert.ok(!JSON.stringify(d).includes("5830"));
  assert.ok(!util.inspect(d, { depth: 9 }).includes("5830"));
  assert.deepEqual(d.effects.map((e) => e.kind), ["sync_pin", "restart_phone", "notify_credential_changed"]);
  assert.deepEqual(d.effects[2], { kind: "notify_credential_changed", account: { extension: "10" }, how: "set_by_admin" });
});

test("G3: a state handle shows no hash when logged", () => {
  const { account } = world();
  assert.ok(!util.inspect(account).includes("argon2"));
  assert.ok(account.toJson().includes("$argon2id$"), "the stored JSON keeps the hash");
});

test("every state object goes to and from the core's JSON unchanged", () => {
  const { rules, site, master, account } = world();
  const admin = pbx.AdminAccount.create("Kennwort-2026!", t0, rules);
  const session = admin.login("Kennwort-2026!", undefined, ["10"], t0, rules).outcome.ok;
  assert.ok(session instanceof pbx.AdminSession);
  const states = [account, admin, session, site, master, pbx.Policy.strict()];
  for (const state of states) {
    const text = state.toJson();
    const back = state.constructor.fromJson(text);
    assert.equal(back.toJson(), text, state.constructor.name);
    assert.deepEqual(JSON.parse(JSON.stringify(back.constructor === pbx.Policy ? JSON.parse(text) : back)), JSON.parse(text));
  }
  // A2: the confirmed code hands out a device token; its record goes to and from JSON too.
  const code = session.requestCode(admin, "admin@beispiel.de", t0, rules);
  const d = code.state.confirmCode(code.effects[0].secret.expose(), admin, t0, rules);
  const [next, counted] = d.state;
  assert.equal(next.view().step, "privacy_notice");
  assert.ok(counted instanceof pbx.AdminAccount);
  const { token, record } = d.outcome.ok;
  assert.ok(token instanceof pbx.Secret && record instanceof pbx.RememberedDevice);
  assert.equal(pbx.RememberedDevice.fromJson(record.toJson()).toJson(), record.toJson());
  assert.ok(counted.remember(record).toJson().includes(JSON.parse(record.toJson()).id));
});

test("malformed or newer JSON is a StateError with both messages, never a half-read object", () => {
  const { account } = world();
  for (const text of ["", "{", "[]", '{"version":2}', account.toJson().replace('"pin_len":4', '"pin_len":"4"')]) {
    const err = thrown(() => pbx.ExtensionAccount.fromJson(text));
    assert.equal(err.name, "StateError");
    assert.equal(err.code, "STATE_MALFORMED", text);
    assert.ok(err.message_de && err.message_en);
    assert.equal(typeof err.details.line, "number");
  }
  const known = JSON.parse(account.toJson()).version;
  const newer = thrown(() => pbx.ExtensionAccount.fromJson(account.toJson().replace(`"version":${known}`, '"version":99')));
  assert.equal(newer.code, "STATE_VERSION_NEWER");
  assert.deepEqual(newer.details, { version: 99, known });
  assert.equal(thrown(() => pbx.Policy.fromJson("{}")).code, "STATE_MALFORMED");
  assert.equal(thrown(() => pbx.Policy.fromFields({ pin: 4 })).code, "STATE_MALFORMED");
});

test("S3, G11: state stored by older versions reads through the core's upgrade; an old admin session has ended", () => {
  const fixtures = path.join(__dirname, "..", "..", "core", "tests", "fixtures");
  const { rules, account } = world();
  const current = JSON.parse(account.toJson()).version;
  for (const version of [1, 2]) {
    assert.ok(current > version);
    const sample = JSON.parse(fs.readFileSync(path.join(fixtures, `state_v${version}.json`), "utf8"));
    const read = [
      pbx.ExtensionAccount.fromJson(JSON.stringify(sample.extension_account)),
      pbx.AdminAccount.fromJson(JSON.stringify(sample.admin_account)),
      pbx.AdminSession.fromJson(JSON.stringify(sample.admin_session)),
    ];
    for (const state of read) assert.equal(JSON.parse(state.toJson()).version, current, `v${version} ${state.constructor.name}`);
    const [, admin, session] = read;
    assert.equal(thrown(() => admin.checkSession(session, t0, rules)).code, "SESSION_EXPIRED");
  }
});

test("G6: full policy customisation: read every field, change any, to and from JSON; out of range refused", () => {
  const fields = pbx.Policy.centrexx().fields;
  assert.deepEqual(Object.keys(fields), Object.keys(JSON.parse(pbx.Policy.centrexx().toJson())));
  assert.equal(fields.pin.default_pin, "0000");
  assert.ok(fields.numbers.backup_kinds.includes("mobile"), "snake_case number kinds");
  assert.equal(fields.password.min_level, "yellow");
  fields.pin.max_len = 8;
  fields.numbers.default_region = "AT";
  fields.throttle = { ...fields.throttle };
  const custom = pbx.Policy.fromFields(fields);
  assert.equal(custom.pinMaxLen, 8);
  assert.equal(custom.defaultRegion, "AT");
  assert.equal(pbx.Policy.fromJson(custom.toJson()).toJson(), custom.toJson());
  fields.pin.max_len = 2;
  const err = thrown(() => pbx.Policy.fromFields(fields));
  assert.equal(err.name, "PolicyError");
  assert.match(err.code, /^POLICY_/);
  fields.pin.max_len = 10;
  fields.numbers.default_region = "XX";
  assert.equal(thrown(() => pbx.Policy.fromFields(fields)).code, "POLICY_UNKNOWN_REGION");
});

test("values in data use the core's snake_case codes", () => {
  const { rules, account } = world();
  const d = account.login("0000", t0, rules);
  assert.deepEqual(Object.keys(d), ["state", "effects", "outcome"]);
  assert.equal(d.outcome.ok.kind, "must_change_pin");
  assert.equal(d.outcome.ok.deadline, "2026-02-16T09:00:00Z");
  const changed = d.state.changePin(pbx.Actor.user("10"), "0000", "3816", "3816", {}, t0, rules);
  assert.deepEqual(changed.outcome.ok, {
    completes_login: true,
    warnings: [],
    session: { account: { extension: "10" }, epoch: 1, opened_at: "2026-01-05T09:00:00Z", last_seen_at: "2026-01-05T09:00:00Z" },
  });
  assert.equal(pbx.evaluatePassword("schatz", {}, rules).level, "red");
  assert.equal(new pbx.NumberPlan("DE").normalize("0171 12345678").kind, "mobile");
  assert.deepEqual(pbx.trivialFindings("1990", {}, rules), ["year"]);
});

test("G1: an invalid or far-off Date is an answer, not a crash", () => {
  const { rules, account } = world();
  for (const when of [new Date(NaN), new Date(8.64e15), new Date(-8.64e15)]) {
    const d = account.login("0000", when, rules);
    assert.ok("ok" in d.outcome || "error" in d.outcome);
    assert.ok(d.state instanceof pbx.ExtensionAccount);
  }
});

test("PinContext and PasswordContext are the core's records, plain objects, also from the master data (P3, K4)", () => {
  const { rules, site, master } = world();
  const pin = pbx.pinContextForExtension(site, master);
  assert.deepEqual(pin, { extension_digits: "10", names: ["Erika", "Muster", "Erika Muster"], phone_number: "+4961316246810" });
  assert.ok(pbx.trivialFindings("6810", pin, rules).includes("phone_number"));
  assert.ok(!pbx.trivialFindings("6810", {}, rules).includes("phone_number"), "an empty context knows no number");
  assert.deepEqual(pbx.passwordContextForPbx(site, true), {
    head_number: "+496131624680", company_name: "Beispiel GmbH", admin_email: "admin@beispiel.de", second_factor: true,
  });
  const weak = "Beispiel GmbH 2026";
  assert.equal(thrown(() => pbx.validateNewPassword(weak, weak, pbx.passwordContextForPbx(site, false), pbx.Rules.strict())).code, "PASSWORD_BLOCKLISTED");
  // A context of the wrong shape is refused, not read as empty.
  for (const bad of [{ names: "Erika" }, { phone_number: "0171" }, 7]) {
    assert.match(thrown(() => pbx.validateNewPin("3816", "3816", bad, rules)).code, /^(STATE_MALFORMED|NUMBER_NOT_E164)$/);
  }
  assert.equal(thrown(() => pbx.evaluatePassword("x", { second_factor: "yes" }, rules)).code, "STATE_MALFORMED");
});

test("Rules is the one context: presets, its policy, number plan and allowances (N1, G5)", () => {
  assert.equal(pbx.Rules.centrexx().policy.toJson(), pbx.Policy.centrexx().toJson());
  assert.equal(pbx.Rules.strict().policy.pinMinLen, pbx.Policy.strict().pinMinLen);
  const rules = new pbx.Rules(pbx.Policy.centrexx());
  assert.equal(rules.numberPlan.region, "DE");
  assert.equal(rules.numberPlan.normalize("0171 12345678").e164, "+4917112345678");
  const [four, five] = [rules.pinAllowance(4), rules.pinAllowance(5)];
  assert.ok(four > 0 && five > four, `${four}, ${five}: a longer PIN survives more failures`);
  assert.ok(rules.passwordAllowance() > 0);
});

test("G2: a malformed value handed back is its family's typed error and changes nothing", () => {
  const { rules } = world();
  const typed = (err, name, family, code) => {
    assert.ok(err instanceof Error, String(err));
    assert.deepEqual([err.name, err.family, err.code], [name, family, code]);
    assert.ok(err.message_de && err.message_en && err.message_de !== err.message_en);
  };
  // Extension digits of an actor: the login-id family, as ExtensionDigits::parse refuses them.
  typed(thrown(() => pbx.Actor.user("1a")), "LoginIdError", "login_id", "LOGIN_ID_BAD_CHARACTER");
  typed(thrown(() => pbx.Actor.user("")), "LoginIdError", "login_id", "LOGIN_ID_NO_EXTENSION");
  // An E.164 in a record: the number family, as E164::parse refuses it.
  const bad = { phone_number: "0171 1234" };
  typed(thrown(() => pbx.trivialFindings("4711", bad, rules)), "NumberError", "number", "NUMBER_NOT_E164");
  typed(thrown(() => pbx.validateNewPin("4711", "4711", bad, rules)), "NumberError", "number", "NUMBER_NOT_E164");
  const account = pbx.ExtensionAccount.create("10", t0, rules).account;
  const before = account.toJson();
  typed(thrown(() => account.changePin(pbx.Actor.user("10"), "0000", "4711", "4711", bad, t0, rules)),
    "NumberError", "number", "NUMBER_NOT_E164");
  assert.equal(account.toJson(), before, "the account is unchanged");
  const good = account.changePin(pbx.Actor.user("10"), "0000", "4711", "4711", {}, t0, rules);
  assert.notEqual(good.state.toJson(), before, "the same change with a good context goes through");
  typed(thrown(() => new pbx.ExtensionMaster("1a", "Ada", null, null)), "LoginIdError", "login_id", "LOGIN_ID_BAD_CHARACTER");
  typed(thrown(() => new pbx.ExtensionMaster("10", "Ada", null, "0171")), "NumberError", "number", "NUMBER_NOT_E164");
});
