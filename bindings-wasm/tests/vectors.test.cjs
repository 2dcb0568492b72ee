// Replays every case of every shared vector file in core/vectors/ against the Node build
// (bindings-wasm/pkg/node), with the verdicts of the Rust tests in core/tests/.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const pbx = require("../pkg/node/pbx_rules.js");

const dir = path.join(__dirname, "..", "..", "core", "vectors");
const load = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));

/** Runs f and returns [value, undefined] or [undefined, thrown error]. */
function attempt(f) {
  try {
    return [f(), undefined];
  } catch (e) {
    return [undefined, e];
  }
}

/** The preset named by a case, hashing cheaply (the vectors test rules, not argon2). */
function cheapRules(name) {
  const fields = pbx.Policy[name]().fields;
  Object.assign(fields.hashing, { m_cost_kib: 64, t_cost: 1, p_cost: 1 });
  return new pbx.Rules(pbx.Policy.fromFields(fields));
}

const t0 = new Date("2026-01-05T09:00:00Z");
const minute = new Date(t0.getTime() + 60e3);

/** The outcome of a decision: its `ok`, or its error thrown. */
function outcome(d) {
  if ("error" in d.outcome) throw d.outcome.error;
  return d.outcome.ok;
}

/** P3 through the lifecycle, the one credential-change path (as core/tests/vectors_credentials.rs):
 * an account whose PIN is `stored` (the default PIN as created, any other set by the admin),
 * changed by its user a minute later. */
function changePin(c, rules) {
  let { account } = pbx.ExtensionAccount.create("10", t0, rules);
  if (rules.policy.fields.pin.default_pin !== c.stored) {
    account = account.setPinByAdmin(pbx.Actor.admin(false), c.stored, c.stored, t0, rules).state;
  }
  return outcome(account.changePin(pbx.Actor.user("10"), c.old, c.pin, c.confirmation, {}, minute, rules)).warnings;
}

/** K3 through the lifecycle: an admin account with the password `stored`, changed a minute later. */
function changePassword(c, ctx, rules) {
  const admin = pbx.AdminAccount.create(c.stored, t0, rules);
  return outcome(admin.changePassword(c.old, c.password, c.confirmation, ctx, minute, rules));
}
/** The vectors name findings by their error code (`PIN_TRIVIAL_YEAR`); data carries the
 * core's snake_case code (`year`). */
const findingCodes = (codes) => codes.map((c) => c.replace(/^PIN_TRIVIAL_/, "").toLowerCase());

const LEVELS = ["red", "orange", "yellow", "light_green", "green"];
const rank = (level) => {
  assert.ok(LEVELS.includes(level), level);
  return LEVELS.indexOf(level);
};

const replayed = new Set();

test("pins.json (P1, P3, P8)", () => {
  replayed.add("pins.json");
  const doc = load("pins.json");
  assert.equal(doc.schema, 1);
  for (const c of doc.cases) {
    const rules = cheapRules(c.policy);
    const [got, err] = attempt(() => {
      switch (c.check) {
        case "parse":
          return pbx.parsePin(c.pin, rules), [];
        case "new":
          return pbx.validateNewPin(c.pin, c.confirmation, {}, rules);
        case "change":
          return changePin(c, rules);
        case "mobile":
          return pbx.mobileAppCheck(c.pin, c.mobile ?? undefined, rules), [];
        case "trivial": {
          const ctx = { extension_digits: c.extension_digits, names: c.names, phone_number: c.phone_number };
          return pbx.trivialFindings(c.pin, ctx, rules);
        }
        default:
          throw new Error(`${c.id}: unknown check ${c.check}`);
      }
    });
    const e = c.expect;
    if (e.verdict === "refused") {
      assert.ok(err, `${c.id}: accepted, expected ${e.code}`);
      assert.equal(err.code, e.code, c.id);
      assert.equal(err.name, "PinError", c.id);
      if (e.code === "PIN_TRIVIAL") assert.deepEqual(err.details.findings, findingCodes(e.findings), c.id);
    } else {
      assert.ifError(err);
      if (e.verdict === "accepted") assert.deepEqual(got, [], c.id);
      else assert.deepEqual(got, findingCodes(e.findings), `${c.id} (${e.verdict})`);
    }
  }
});

test("meter feedback codes (K2)", () => {
  const s = pbx.evaluatePassword("password", {}, pbx.Rules.centrexx());
  assert.equal(s.warningCode, "top10_password");
  assert.deepEqual(s.suggestionCodes, ["add_another_word"]);
  assert.equal(s.suggestions("de").length, s.suggestionCodes.length);
});

test("passwords.json (K1-K4)", () => {
  replayed.add("passwords.json");
  const doc = load("passwords.json");
  assert.equal(doc.schema, 1);
  for (const c of doc.cases) {
    const rules = cheapRules(c.policy);
    const ctx = { ...c.context, second_factor: c.second_factor ?? false };
    const e = c.expect;
    if (c.check === "meter") {
      assert.equal(e.verdict, "level", c.id);
      const got = rank(pbx.evaluatePassword(c.password, ctx, rules).level);
      if (e.level_at_most) assert.ok(got <= rank(e.level_at_most), `${c.id}: ${LEVELS[got]}`);
      if (e.level_at_least) assert.ok(got >= rank(e.level_at_least), `${c.id}: ${LEVELS[got]}`);
      continue;
    }
    const [, err] = attempt(() => {
      switch (c.check) {
        case "parse":
          return pbx.parsePassword(c.password, ctx.second_factor, rules);
        case "new":
          return pbx.validateNewPassword(c.password, c.confirmation, ctx, rules);
        case "change":
          return changePassword(c, ctx, rules);
        default:
          throw new Error(`${c.id}: unknown check ${c.check}`);
      }
    });
    if (e.verdict === "accepted") {
      assert.ifError(err);
    } else {
      assert.equal(e.verdict, "refused", c.id);
      assert.ok(err, `${c.id}: accepted, expected ${e.code}`);
      assert.equal(err.code, e.code, c.id);
      assert.equal(err.name, "PasswordError", c.id);
      if (e.reason) assert.ok(JSON.stringify(err.details.reason).includes(`"${e.reason}"`), `${c.id}: ${JSON.stringify(err.details)}`);
    }
  }
});

test("numbers.json (N1-N3)", () => {
  replayed.add("numbers.json");
  const doc = load("numbers.json");
  assert.ok(doc.cases.length >= 150);
  const failures = [];
  for (const c of doc.cases) {
    const plan = new pbx.NumberPlan(c.region);
    const [n, err] = attempt(() => plan.normalize(c.input));
    const ok = c.error
      ? err?.code === c.error && err.name === "NumberError"
      : !err &&
        n.e164 === c.e164 &&
        n.kind === c.kind &&
        n.region === c.number_region &&
        n.international === c.international &&
        n.national === c.national;
    if (!ok) failures.push(`${c.id}: got ${err ? err.code : n.e164}`);
  }
  assert.deepEqual(failures, []);
});

test("login_ids.json (N4-N6)", () => {
  replayed.add("login_ids.json");
  const doc = load("login_ids.json");
  const base = new pbx.BaseNumber(new pbx.NumberPlan(doc.region), doc.base_number);
  for (const c of doc.cases) {
    const [got, err] = attempt(() =>
      c.role === "user" ? base.userLogin(c.input) : (base.adminLogin(c.input, doc.central_digits), "ok"),
    );
    if (c.error) {
      assert.equal(err?.code, c.error, c.id);
      assert.equal(err.name, "LoginIdError", c.id);
    } else {
      assert.ifError(err);
      assert.equal(got, c.extension ?? "ok", c.id);
    }
  }
});

test("peppered.json (G4): every language's peppered hash verifies in JS", () => {
  replayed.add("peppered.json");
  const doc = load("peppered.json");
  const pepper = Buffer.from(doc.pepper_hex, "hex");
  const policy = pbx.Policy.centrexx();
  const peppered = new pbx.Hasher(policy, pepper);
  const plain = new pbx.Hasher(policy);
  const made = doc.hashes.map((h) => h.made_by);
  assert.ok(made.includes("rust"), `made by ${made}`);
  for (const { made_by, phc } of doc.hashes) {
    assert.equal(peppered.verify(phc, doc.secret), true, made_by);
    assert.equal(peppered.verify(phc, doc.wrong_secret), false, made_by);
    assert.equal(plain.verify(phc, doc.secret), false, `${made_by} without the pepper`);
    assert.equal(new pbx.Hasher(policy, Buffer.from("other")).verify(phc, doc.secret), false, made_by);
    assert.equal(peppered.needsRehash(phc), false, made_by);
  }
  // A hash made here verifies under the same pepper, through the rules too (a login's).
  const ours = new pbx.Hasher(policy, new Uint8Array(pepper)).hash(doc.secret);
  assert.equal(peppered.verify(ours, doc.secret), true);
  assert.equal(plain.verify(ours, doc.secret), false);
  console.log(`peppered.json: hashes made by ${made.join(", ")} verify in Node`);
});

// Replayed in their own files.
const ELSEWHERE = new Set(["scenarios.json"]); // tests/parity.test.cjs

test("every vector file is replayed", () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
  const missing = files.filter((f) => !replayed.has(f) && !ELSEWHERE.has(f));
  assert.deepEqual(missing, [], "vector files without a replay");
});
