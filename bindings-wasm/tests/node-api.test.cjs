// The Node build as a Node host uses it: a pepper in the rules and the hasher (G4), the same
// as Python, Kotlin and Rust take it; `JSON.stringify` of every exported class gives the
// core's JSON of it, never wasm-bindgen's pointer; the meter's minimum asked of the core (K2).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const util = require("node:util");
const pbx = require("../pkg/node/pbx_rules.js");
const { thrown } = require("./helpers.cjs");

const t0 = new Date("2026-01-05T09:00:00Z");
const pepper = Buffer.from("pbx-rules test pepper");

/** A preset's policy with low argon2 costs (the vector tests' costs). */
function cheapPolicy() {
  const fields = pbx.Policy.centrexx().fields;
  Object.assign(fields.hashing, { m_cost_kib: 64, t_cost: 1, p_cost: 1 });
  return pbx.Policy.fromFields(fields);
}

test("G4: a PIN set under peppered rules logs in only with the same pepper", () => {
  const policy = cheapPolicy();
  const peppered = new pbx.Rules(policy, pepper);
  const created = pbx.ExtensionAccount.create("10", t0, peppered).account;
  const changed = created.changePin(pbx.Actor.user("10"), "0000", "3816", "3816", {}, t0, peppered);
  assert.ok("ok" in changed.outcome, JSON.stringify(changed.outcome));
  const stored = changed.state.toJson();
  // After the new PIN's pending minutes.
  const later = new Date(t0.getTime() + 3600e3);
  const login = (rules) => pbx.ExtensionAccount.fromJson(stored).login("3816", later, rules).outcome;
  assert.equal(login(new pbx.Rules(policy, new Uint8Array(pepper))).ok.kind, "logged_in");
  assert.equal(login(new pbx.Rules(policy)).error.code, "LOGIN_WRONG_CREDENTIALS");
  assert.equal(login(new pbx.Rules(policy, Buffer.from("another pepper"))).error.code, "LOGIN_WRONG_CREDENTIALS");
  // The hasher takes it the same way, and its hash is the rules' hash.
  const hash = JSON.parse(stored).pin_hash;
  assert.equal(new pbx.Hasher(policy, pepper).verify(hash, "3816"), true);
  assert.equal(new pbx.Hasher(policy).verify(hash, "3816"), false);
});

test("G4: the pepper is never shown, and a pepper that is no Uint8Array is refused", () => {
  const policy = cheapPolicy();
  const secret = "pepper-never-shown";
  const bytes = Buffer.from(secret);
  for (const handle of [new pbx.Rules(policy, bytes), new pbx.Hasher(policy, bytes)]) {
    for (const shown of [util.inspect(handle, { depth: 9, showHidden: true }), JSON.stringify(handle), String(handle)]) {
      assert.ok(!shown.includes(secret) && !shown.includes(bytes.toString("hex")), shown);
    }
  }
  // wasm-bindgen would copy a string as bytes of zero: refused instead.
  for (const bad of ["a string", 42, {}, [1, 2, 3]]) {
    for (const make of [() => new pbx.Rules(policy, bad), () => new pbx.Hasher(policy, bad)]) {
      const e = thrown(make);
      assert.equal(e.code, "STATE_MALFORMED", String(bad));
      assert.ok(e.message_de && e.message_en, "both messages");
    }
  }
  // Absent is no pepper.
  const plain = new pbx.Hasher(policy, null);
  assert.equal(new pbx.Hasher(policy, undefined).verify(plain.hash("4711"), "4711"), true);
});

/** One instance of every class the Node build exports, and what its JSON must be. */
function samples() {
  const policy = pbx.Policy.centrexx();
  const rules = new pbx.Rules(cheapPolicy(), pepper);
  const plan = new pbx.NumberPlan("DE");
  const number = plan.normalize("0171 / 123 456-78");
  const strength = pbx.evaluatePassword("passwort", {}, pbx.Rules.centrexx());
  const base = new pbx.BaseNumber(plan, "06131 62468");
  const site = new pbx.Pbx("DE", "06131 62468", "0", "+496131624680", "Beispiel GmbH", "admin@beispiel.de");
  const master = new pbx.ExtensionMaster("10", "Erika Muster", "erika@beispiel.de", "+4917112345678");
  const account = pbx.ExtensionAccount.create("10", t0, rules).account;
  const admin = pbx.AdminAccount.create("Kennwort-2026!", t0, rules);
  const session = admin.login("Kennwort-2026!", undefined, ["10"], t0, rules).outcome.ok;
  const copy = (handle) => handle.constructor.fromJson(handle.toJson()); // forgotPin takes its own
  const secret = pbx.forgotPin(site, copy(master), copy(account), t0, rules).effects[0].secret;
  // A2: a confirmed code hands out a remembered device.
  const code = session.requestCode(admin, "admin@beispiel.de", t0, rules);
  const device = code.state.confirmCode(code.effects[0].secret.expose(), admin, t0, rules).outcome.ok.record;
  const fromJson = (handle) => JSON.parse(handle.toJson());
  return {
    Policy: [policy, JSON.parse(policy.toJson())],
    Rules: [rules, JSON.parse(rules.policy.toJson())],
    Hasher: [new pbx.Hasher(policy, pepper), policy.fields.hashing],
    NumberPlan: [plan, { default_region: "DE", backup_kinds: policy.fields.numbers.backup_kinds }],
    PhoneNumber: [
      number,
      { e164: number.e164, kind: number.kind, region: number.region, international: number.international, national: number.national },
    ],
    Strength: [
      strength,
      {
        level: strength.level,
        score: strength.score,
        guesses_log10: strength.guessesLog10,
        warning: strength.warningCode ?? null,
        suggestions: strength.suggestionCodes,
      },
    ],
    // N4: the area code as dialled nationally and the subscriber part (the spec's example).
    BaseNumber: [base, { e164: "+49613162468", area: "06131", subscriber: "62468", international: "+49 6131 62468" }],
    Actor: [pbx.Actor.user("10"), { role: "user", extension: "10" }],
    ActorAdmin: [pbx.Actor.admin(true), { role: "admin", extended_rights: true }],
    Pbx: [site, fromJson(site)],
    ExtensionMaster: [master, fromJson(master)],
    ExtensionAccount: [account, fromJson(account)],
    AdminAccount: [admin, fromJson(admin)],
    AdminSession: [session, fromJson(session)],
    RememberedDevice: [device, fromJson(device)],
    Secret: [secret, "***"],
  };
}

test("toJSON: JSON.stringify of every exported class is the core's JSON, never a pointer", () => {
  const all = samples();
  // Every class the build exports has a sample here (wasm-bindgen classes have free()).
  const classes = Object.entries(pbx)
    .filter(([, v]) => typeof v === "function" && typeof v.prototype?.free === "function")
    .map(([name]) => name)
    .sort();
  const sampled = [...new Set(Object.values(all).map(([x]) => x.constructor.name))].sort();
  assert.deepEqual(sampled, classes, "a class without a sample: add it here");
  for (const [name, [value, expected]] of Object.entries(all)) {
    const text = JSON.stringify(value);
    assert.ok(!text.includes("__wbg_ptr"), `${name}: ${text}`);
    const want = expected;
    assert.equal(text, JSON.stringify(want), name);
    // Nested in a host's own object, too.
    assert.deepEqual(JSON.parse(JSON.stringify({ [name]: value })), { [name]: want }, name);
  }
  // The pepper never, the hash only in the states that store it.
  assert.ok(!JSON.stringify(all.Rules[0]).includes("pepper"));
  assert.ok(!JSON.stringify(all.Hasher[0]).includes(pepper.toString("hex")));
});

test("K2: meetsMinimum asks the core whether a strength meets the rules' minimum level", () => {
  const centrexx = pbx.Rules.centrexx();
  assert.equal(centrexx.policy.minLevel, "yellow");
  const weak = pbx.evaluatePassword("123456", {}, centrexx);
  const strong = pbx.evaluatePassword("Kl4vier-Mond-Gurke-Fenster", {}, centrexx);
  assert.equal(weak.level, "red");
  assert.equal(strong.level, "green");
  assert.equal(weak.meetsMinimum(centrexx), false);
  assert.equal(strong.meetsMinimum(centrexx), true);
  // The same answer as the change form: a strength below the minimum is PASSWORD_TOO_WEAK.
  const levels = ["red", "orange", "yellow", "light_green", "green"];
  for (const min of levels) {
    const fields = pbx.Policy.centrexx().fields;
    fields.password.min_level = min;
    fields.password.blocklist = false;
    const rules = new pbx.Rules(pbx.Policy.fromFields(fields));
    for (const pw of ["passwort", "Sommer2026", "Tulpe-Wagen7", "Kl4vier-Mond-Gurke-Fenster"]) {
      const s = pbx.evaluatePassword(pw, {}, rules);
      let tooWeak = false;
      try {
        pbx.validateNewPassword(pw, pw, {}, rules);
      } catch (e) {
        tooWeak = e.code === "PASSWORD_TOO_WEAK";
        if (!tooWeak && e.code !== "PASSWORD_TOO_SHORT") throw e;
        if (e.code === "PASSWORD_TOO_SHORT") continue;
      }
      assert.equal(s.meetsMinimum(rules), !tooWeak, `${pw} (${s.level}) against ${min}`);
      assert.equal(s.meetsMinimum(rules), levels.indexOf(s.level) >= levels.indexOf(min), `${pw} against ${min}`);
    }
  }
});
