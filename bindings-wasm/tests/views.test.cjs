// What a host reads about a state is its `view`: the core's view record as a plain object
// (ExtensionAccountView, AdminAccountView, AdminSessionView, RememberedDeviceView,
// PbxMasterDataView, ExtensionMasterDataView). Each view's facts equal what the state's own
// JSON says (the revision a host compares and swaps on, I5), a view taken later decides the
// time-bound facts then (P5's change window at its edge, G5's lock), and no view carries a
// hash or a token id (F9). Also the bulk calls of the Node build (hashMany, normalizeMany).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const pbx = require("../pkg/node/pbx_rules.js");
const { cheapRules } = require("./helpers.cjs");

const PASSWORD = "Kaffeetasse Nordwind 7!";
const t0 = Date.parse("2026-01-05T09:00:00Z");
const at = (minutes) => new Date(t0 + minutes * 60e3);
const rules = cheapRules();

/** A state's stored JSON as an object. */
const stored = (state) => JSON.parse(state.toJson());

/** F9: neither the view object nor its JSON holds a hash, a hash's key or a token id. */
function assertNoSecret(view, state) {
  const text = JSON.stringify(view);
  assert.match(state.toJson(), /\$argon2id\$/, "the state itself holds a hash");
  assert.doesNotMatch(text, /\$argon2|\$blake2b/, text);
  assert.doesNotMatch(text, /"(pin_hash|password_hash|hash|id|pin_len|pending_code)"/, text);
  assert.equal(JSON.stringify(JSON.parse(text)), text, "a plain object, its JSON round-trips");
}

test("ExtensionAccountView: the facts the account's JSON holds, the revision among them", () => {
  let account = pbx.ExtensionAccount.create("10", at(0), rules).account;
  for (const pin of ["1234", "5678"]) account = account.login(pin, at(1), rules).state;
  const json = stored(account);
  const view = account.view(at(1), rules);
  assert.equal(view.revision, json.revision);
  assert.ok(view.revision > 0, "the failed logins changed the state");
  assert.equal(view.extension, json.extension);
  assert.equal(view.pin_origin, json.pin_origin);
  assert.equal(view.pin_set_at, json.pin_set_at);
  assert.equal(view.pin_effective_at, json.pin_effective_at);
  assert.equal(view.has_default_pin, json.pin_is_default);
  assert.equal(view.failed_logins, json.throttle.failures);
  assert.ok(view.failed_logins > 0, "G5: the wrong PINs count");
  assert.equal(view.has_pending_reset, false);
  assert.equal(view.must_change_pin, true, "P5: the default PIN must be changed");
  assertNoSecret(view, account);
  // I5: the view of the reloaded state is the same.
  assert.deepEqual(pbx.ExtensionAccount.fromJson(account.toJson()).view(at(1), rules), view);
});

test("ExtensionAccountView, P5: one second before the change deadline open, at it expired and locked", () => {
  const account = pbx.ExtensionAccount.create("10", at(0), rules).account;
  const deadline = Date.parse(account.view(at(0), rules).change_deadline);
  assert.ok(deadline > t0);
  const before = account.view(new Date(deadline - 1000), rules);
  const after = account.view(new Date(deadline), rules);
  assert.deepEqual([before.is_pin_expired, before.is_locked], [false, false]);
  assert.deepEqual([after.is_pin_expired, after.is_locked], [true, true]);
  // The same state, only the instant differs; the login agrees with the view.
  assert.equal(after.revision, before.revision);
  assert.equal(account.login("0000", new Date(deadline - 1000), rules).outcome.ok.kind, "must_change_pin");
  assert.ok("error" in account.login("0000", new Date(deadline), rules).outcome);
});

test("ExtensionAccountView, P4, F3: who set the PIN, and a pending forgot-PIN reset", () => {
  const created = pbx.ExtensionAccount.create("10", at(0), rules).account;
  const set = created.setPinByAdmin(pbx.Actor.admin(false), "2580", "2580", at(1), rules).state;
  const view = set.view(at(1), rules);
  assert.deepEqual([view.pin_origin, view.has_default_pin, view.must_change_pin], ["admin", false, true]);
  assert.equal(view.revision, stored(set).revision);
  assert.ok(view.revision > created.view(at(1), rules).revision);
  const site = new pbx.Pbx("DE", "06131 62468", "0", "+496131624680", "Beispiel GmbH", "admin@beispiel.de");
  const master = new pbx.ExtensionMaster("10", "Erika Muster", "erika@beispiel.de", undefined);
  const reset = pbx.forgotPin(site, master, set, at(2), rules).state;
  assert.equal(reset.view(at(2), rules).has_pending_reset, true);
  assertNoSecret(reset.view(at(2), rules), reset);
});

test("AdminAccountView: revision, failures and lock as the JSON says; the lock at the allowance", () => {
  let admin = pbx.AdminAccount.create(PASSWORD, at(0), rules);
  let view = admin.view(at(0), rules);
  assert.deepEqual([view.revision, view.effective_at, view.failed_logins, view.failed_codes], [0, stored(admin).effective_at, 0, 0]);
  for (let i = 0; i < rules.passwordAllowance(); i++) {
    assert.equal(admin.view(at(60 * i), rules).is_locked, false, `locked after ${i} failed logins`);
    admin = admin.login("wrong password", undefined, [], at(60 * i), rules).state;
  }
  const json = stored(admin);
  view = admin.view(at(60 * rules.passwordAllowance()), rules);
  assert.equal(view.revision, json.revision);
  assert.equal(view.failed_logins, json.throttle.failures);
  assert.equal(view.failed_codes, json.code_throttle.failures);
  assert.equal(view.is_locked, true, "G5");
  assert.equal(view.has_pending_reset, false);
  assert.deepEqual(view.devices, []);
  assertNoSecret(view, admin);
});

/** The admin's login up to a confirmed code: the session, the account remembering the browser. */
function confirmed() {
  let admin = pbx.AdminAccount.create(PASSWORD, at(0), rules);
  const login = admin.login(PASSWORD, undefined, ["10", "11"], at(1), rules);
  admin = login.state;
  const asked = login.outcome.ok.requestCode(admin, "admin@beispiel.de", at(1), rules);
  const wrong = asked.state.confirmCode("000000x", admin, at(1), rules);
  const code = asked.effects[0].secret.expose();
  const d = wrong.state[0].confirmCode(code, wrong.state[1], at(1), rules);
  const [session, counted] = d.state;
  return { first: login.outcome.ok, asked: asked.state, session, wrong, admin: counted.remember(d.outcome.ok.record), record: d.outcome.ok.record };
}

test("AdminSessionView: step, rights, default PINs, wrong codes and stamp as the JSON says", () => {
  const { first, asked, session, wrong } = confirmed();
  const before = first.view();
  assert.deepEqual([before.step, before.has_extended_rights, before.default_pin_extensions], ["second_factor", false, ["10", "11"]]);
  assert.equal(wrong.state[0].view().failed_codes, 1, "F7: the wrong code counts in the session");
  const json = stored(session);
  const view = session.view();
  assert.equal(view.revision, json.revision);
  assert.ok(view.revision > before.revision);
  assert.equal(view.step, json.step);
  assert.equal(view.step, "privacy_notice");
  assert.equal(view.has_extended_rights, json.extended_rights);
  assert.equal(view.has_extended_rights, true, "A3");
  assert.deepEqual(view.default_pin_extensions, json.default_pin_extensions);
  assert.equal(view.failed_codes, json.code_failures);
  assert.deepEqual(view.stamp, json.stamp);
  assert.equal(view.stamp.account, "admin");
  assertNoSecret(asked.view(), asked);
  const next = session.confirmPrivacyNotice().view();
  assert.equal(next.step, "default_pins", "P7: the extensions on the default PIN come next");
});

test("AdminAccountView and RememberedDeviceView: the remembered browser's expiry, not its token", () => {
  const { admin, record } = confirmed();
  const json = stored(admin);
  const view = admin.view(at(1), rules);
  assert.equal(view.revision, json.revision);
  assert.equal(view.failed_codes, json.code_throttle.failures);
  assert.deepEqual(view.devices, json.devices.map((d) => ({ expires_at: d.expires_at })));
  assert.deepEqual(record.view(), { expires_at: JSON.parse(record.toJson()).expires_at });
  assert.ok(Date.parse(record.view().expires_at) > t0);
  assertNoSecret(view, admin);
  assert.doesNotMatch(JSON.stringify(record.view()), new RegExp(JSON.parse(record.toJson()).id));
});

test("PbxMasterDataView and ExtensionMasterDataView: every field as the JSON says, the head number", () => {
  const site = new pbx.Pbx("DE", "06131 62468", "0", "+496131624680", "Beispiel GmbH", "admin@beispiel.de");
  const json = stored(site);
  const view = site.view();
  assert.equal(view.base_number, json.base_number.e164);
  assert.deepEqual([view.area_code, view.subscriber], ["06131", "62468"]);
  assert.equal(view.central_digits, json.central_digits);
  assert.equal(view.head_number, site.headNumber);
  assert.equal(view.head_number, json.base_number.e164 + json.central_digits, "N5");
  assert.equal(view.company_name, json.company_name);
  assert.equal(view.admin_email, json.admin_email);
  assert.equal(view.central_backup_number, json.central_backup_number);
  assert.equal(view.self_service_pin_reset, json.self_service_pin_reset);
  const off = site.setSelfServicePinReset(pbx.Actor.admin(true), false);
  assert.equal(off.view().self_service_pin_reset, false, "R3");

  const master = new pbx.ExtensionMaster("10", "Erika Muster", undefined, "+4917112345678");
  const m = master.view();
  assert.deepEqual(m, {
    digits: stored(master).digits,
    name: stored(master).name,
    email: null,
    mobile_number: stored(master).mobile_number,
    backup_number: stored(master).backup_number,
    self_service_pin_reset: stored(master).self_service_pin_reset,
  });
  assert.equal(m.mobile_number, "+4917112345678");
});

test("Hasher.hashMany: one row per secret in input order, each verifies against its own secret only", () => {
  const hasher = new pbx.Hasher(rules.policy);
  const secrets = ["4711", "", "0815"];
  const rows = hasher.hashMany(secrets);
  assert.equal(rows.length, 3);
  for (const [i, secret] of secrets.entries()) {
    assert.deepEqual(Object.keys(rows[i]), ["ok"], `row ${i}`);
    assert.equal(hasher.verify(rows[i].ok, secret), true, `row ${i}`);
    assert.equal(hasher.verify(rows[i].ok, secrets[(i + 1) % 3]), false, `row ${i} against another secret`);
  }
  assert.deepEqual(hasher.hashMany([]), []);
});

test("NumberPlan.normalizeMany: one row per input in input order, a bad row as its NumberError", () => {
  const plan = new pbx.NumberPlan("DE");
  const rows = plan.normalizeMany(["0171 12345678", "hello", "+41 44 668 18 00"]);
  assert.equal(rows.length, 3);
  assert.equal(rows[0].ok.e164, plan.normalize("0171 12345678").e164);
  assert.equal(rows[2].ok.region, "CH");
  assert.equal(rows[1].error.name, "NumberError");
  assert.equal(rows[1].error.code, "NUMBER_HAS_LETTERS");
  assert.ok(rows[1].error instanceof Error);
});
