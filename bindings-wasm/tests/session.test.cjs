// G11 in the Node build: the session a login opens is a plain `SessionStamp` object the host
// keeps (JSON.stringify) and hands to `checkSession` on every request; it ends with the
// credential, a lock or its time limits, as a `SessionError` with code and both messages.
// S7: `requestCode` takes the admin account; the admin account's view shows the lock.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const pbx = require("../pkg/node/pbx_rules.js");
const { thrown, cheapRules } = require("./helpers.cjs");

const PASSWORD = "Kaffeetasse Nordwind 7!";
const t0 = Date.parse("2026-01-05T09:00:00Z");
const at = (minutes) => new Date(t0 + minutes * 60e3);

const rules = cheapRules();
const policy = rules.policy.fields;

/** The default PIN's login and the forced change to 4711 (P6): the account and the changer's session. */
function ownPin(ext) {
  const login = pbx.ExtensionAccount.create(ext, at(0), rules).account.login("0000", at(0), rules);
  const changed = login.state.changePin(pbx.Actor.user(ext), "0000", "4711", "4711", {}, at(0), rules);
  return { account: changed.state, stamp: changed.outcome.ok.session };
}

/** A stamp as the host keeps it between requests. */
const kept = (stamp) => JSON.parse(JSON.stringify(stamp));

test("G11: a session holds until the PIN changes; the changer's renewed one holds on", () => {
  let { account } = ownPin("10");
  // Past the P10 delay after the user's own change.
  const login = account.login("4711", at(10), rules);
  const stamp = login.outcome.ok.session;
  assert.deepEqual(stamp, { account: { extension: "10" }, epoch: 1, opened_at: "2026-01-05T09:10:00Z", last_seen_at: "2026-01-05T09:10:00Z" });
  account = login.state;
  const seen = account.checkSession(kept(stamp), at(20), rules);
  assert.deepEqual(seen, { ...stamp, last_seen_at: "2026-01-05T09:20:00Z" }, "the check records the request (idle limit)");
  const changed = account.changePin(pbx.Actor.user("10"), "4711", "2580", "2580", {}, at(21), rules);
  account = changed.state;
  assert.equal(thrown(() => account.checkSession(kept(seen), at(22), rules)).code, "SESSION_CREDENTIAL_CHANGED");
  const renewed = changed.outcome.ok.session;
  assert.notEqual(renewed.epoch, stamp.epoch);
  assert.equal(account.checkSession(kept(renewed), at(22), rules).epoch, renewed.epoch);
});

test("G11: an admin-set PIN ends the session", () => {
  const { account, stamp } = ownPin("10");
  account.checkSession(stamp, at(1), rules);
  const set = account.setPinByAdmin(pbx.Actor.admin(false), "2580", "2580", at(2), rules).state;
  assert.equal(thrown(() => set.checkSession(stamp, at(3), rules)).code, "SESSION_CREDENTIAL_CHANGED");
});

test("G2, G11: SessionError is its own family with code, both messages and details", () => {
  const { account, stamp } = ownPin("10");
  const err = thrown(() => account.checkSession(stamp, at(policy.session.idle_timeout_secs / 60), rules));
  assert.ok(err instanceof Error);
  assert.equal(err.name, "SessionError");
  assert.equal(err.family, "session");
  assert.equal(err.code, "SESSION_IDLE");
  assert.equal(err.message, "The session ended after a time without activity; please log in again.");
  assert.equal(err.message_en, err.message);
  assert.equal(err.message_de, "Die Sitzung wurde nach einer Zeit ohne Aktivität beendet; bitte melden Sie sich erneut an.");
  assert.deepEqual(err.details, { since: "2026-01-05T10:00:00Z" });
  assert.deepEqual(Object.keys(err), ["family", "code", "message_de", "message_en", "details"]);
});

test("G11: the absolute limit, and a stamp of another account", () => {
  let { account, stamp } = ownPin("10");
  const limit = policy.session.absolute_timeout_secs / 60;
  for (let m = 30; m < limit; m += 30) stamp = account.checkSession(stamp, at(m), rules);
  assert.equal(thrown(() => account.checkSession(stamp, at(limit), rules)).code, "SESSION_EXPIRED");
  const other = ownPin("11").account;
  assert.equal(thrown(() => other.checkSession(stamp, at(1), rules)).code, "SESSION_OTHER_ACCOUNT");
});

test("G11: the mobile login opens a session; a value that is no stamp is a StateError", () => {
  const { account } = ownPin("10");
  const master = new pbx.ExtensionMaster("10", "Erika Muster", undefined, "+4917112345678");
  const d = account.mobileLogin(master, "4711", at(10), rules);
  assert.deepEqual(d.outcome.ok.account, { extension: "10" });
  assert.equal(d.state.checkSession(d.outcome.ok, at(11), rules).last_seen_at, "2026-01-05T09:11:00Z");
  for (const bad of [{}, null, undefined, "stamp", { ...d.outcome.ok, epoch: "1" }, { ...d.outcome.ok, account: "nobody" }]) {
    const err = thrown(() => d.state.checkSession(bad, at(11), rules));
    assert.equal(err.name, "StateError");
    assert.equal(err.code, "STATE_MALFORMED", JSON.stringify(bad));
  }
});

test("G11: the admin session ends with the password; its stamp is stored with it", () => {
  let admin = pbx.AdminAccount.create(PASSWORD, at(0), rules);
  const login = admin.login(PASSWORD, undefined, [], at(0), rules);
  admin = login.state;
  const session = login.outcome.ok;
  assert.equal(session.view().stamp.account, "admin");
  const seen = admin.checkSession(session, at(1), rules);
  assert.ok(seen instanceof pbx.AdminSession);
  assert.equal(seen.view().stamp.last_seen_at, "2026-01-05T09:01:00Z");
  assert.equal(seen.view().step, session.view().step);
  assert.deepEqual(JSON.parse(seen.toJson()).stamp, seen.view().stamp);
  const next = "Segelboot Blaubeere Nordwind 42";
  admin = admin.changePassword(PASSWORD, next, next, {}, at(2), rules).state;
  assert.equal(thrown(() => admin.checkSession(seen, at(3), rules)).code, "SESSION_CREDENTIAL_CHANGED");
});

test("G11: an admin session stored before stamps reads through the core's upgrade and has ended", () => {
  const admin = pbx.AdminAccount.create(PASSWORD, at(0), rules);
  const stored = JSON.parse(admin.login(PASSWORD, undefined, [], at(0), rules).outcome.ok.toJson());
  delete stored.stamp;
  stored.version = 2;
  const old = pbx.AdminSession.fromJson(JSON.stringify(stored));
  assert.equal(old.view().stamp.opened_at, "1970-01-01T00:00:00Z");
  assert.equal(thrown(() => admin.checkSession(old, at(0), rules)).code, "SESSION_EXPIRED");
});

test("S7, F7, G11: requestCode takes the admin account and mails no code it cannot accept", () => {
  let admin = pbx.AdminAccount.create(PASSWORD, at(0), rules);
  let minutes = 0;
  for (let i = 0; i < policy.second_factor.account_allowance; i++, minutes += 60) {
    assert.equal(admin.view(at(minutes), rules).is_locked, false, `locked after ${i} wrong codes`);
    const login = admin.login(PASSWORD, undefined, [], at(minutes), rules);
    admin = login.state;
    const requested = login.outcome.ok.requestCode(admin, "admin@beispiel.de", at(minutes), rules);
    assert.deepEqual(requested.effects.map((e) => e.kind), ["send_secret"]);
    admin = requested.state.confirmCode("000000x", admin, at(minutes), rules).state[1];
  }
  assert.equal(admin.view(at(minutes), rules).is_locked, true, "F7: the wrong codes of several logins lock the codes");
  const login = admin.login(PASSWORD, undefined, [], at(minutes), rules);
  const session = login.outcome.ok;
  const refused = session.requestCode(login.state, "admin@beispiel.de", at(minutes), rules);
  assert.equal(refused.outcome.error.code, "LOGIN_THROTTLE_LOCKED");
  assert.equal(refused.outcome.error.name, "LoginError");
  assert.deepEqual(refused.effects, []);
  assert.equal(refused.state.toJson(), session.toJson(), "nothing stored");
  assert.equal(thrown(() => login.state.checkSession(session, at(minutes), rules)).code, "SESSION_ACCOUNT_LOCKED");
});

test("G5: the admin account's view is locked after the failed logins", () => {
  let admin = pbx.AdminAccount.create(PASSWORD, at(0), rules);
  for (let i = 0; i < rules.passwordAllowance(); i++) {
    assert.equal(admin.view(at(60 * i), rules).is_locked, false, `locked after ${i} failed logins`);
    admin = admin.login("wrong password", undefined, [], at(60 * i), rules).state;
  }
  assert.equal(admin.view(at(60 * rules.passwordAllowance()), rules).is_locked, true);
});

test("G11, S4: the session limits are policy fields with their relations", () => {
  const fields = pbx.Policy.centrexx().fields;
  assert.deepEqual([fields.session.idle_timeout_secs, fields.session.absolute_timeout_secs], [3600, 86400]);
  const swapped = pbx.Policy.centrexx().fields;
  Object.assign(swapped.session, { idle_timeout_secs: 7200, absolute_timeout_secs: 3600 });
  assert.equal(thrown(() => pbx.Policy.fromFields(swapped)).code, "POLICY_MIN_ABOVE_MAX");
  const slow = pbx.Policy.centrexx().fields;
  slow.password.propagation_delay_secs = 3600;
  const err = thrown(() => pbx.Policy.fromFields(slow));
  assert.equal(err.name, "PolicyError");
  assert.equal(err.code, "POLICY_FIELDS_CONFLICT");
  assert.match(err.message_de, /password\.propagation_delay_secs/);
});
