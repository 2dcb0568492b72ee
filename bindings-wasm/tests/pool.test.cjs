// pbx-rules/pool (npm/pool/, copied beside the Node build by build.sh): hashing as Promises
// on worker_threads. The event loop keeps turning while four verifies run; the figures (one
// verify alone, four on the pool, four on the main thread) are printed, not asserted, since
// the machine is shared. Errors arrive as the binding's errors; a pepper is the same as in
// the rules (G4).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const pbx = require("../pkg/node/pbx_rules.js");
const { HashPool } = require("../pkg/node/pool.js");
const { thrown } = require("./helpers.cjs");

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "core", "vectors", "peppered.json"), "utf8"));
const pepper = Buffer.from(vectors.pepper_hex, "hex");
const t0 = new Date("2026-01-05T09:00:00Z");

test("G4: the pool hashes and verifies with the pepper; every language's peppered hash verifies", async () => {
  const pool = new HashPool({ policy: pbx.Policy.centrexx(), pepper, size: 2 });
  try {
    assert.equal(pool.size, 2);
    for (const { made_by, phc } of vectors.hashes) {
      assert.equal(await pool.verify(phc, vectors.secret), true, made_by);
      assert.equal(await pool.verify(phc, vectors.wrong_secret), false, made_by);
    }
    const hash = await pool.hash("4711");
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(new pbx.Hasher(pbx.Policy.centrexx(), pepper).verify(hash, "4711"), true, "the main thread's hasher agrees");
    assert.equal(new pbx.Hasher(pbx.Policy.centrexx()).verify(hash, "4711"), false, "not without the pepper");
    const rows = await pool.hashMany(["4711", "3816"]);
    assert.equal(rows.length, 2);
    assert.equal(await pool.verify(rows[1].ok, "3816"), true);
  } finally {
    await pool.close();
  }
  // Without a pepper, a peppered hash does not verify.
  const plain = new HashPool({ size: 1 });
  try {
    assert.equal(await plain.verify(vectors.hashes[0].phc, vectors.secret), false);
  } finally {
    await plain.close();
  }
});

test("G4: the event loop turns while 4 verifies run on the pool; the figures", async () => {
  const policy = pbx.Policy.centrexx();
  const hash = new pbx.Hasher(policy, pepper).hash("4711");
  const pool = new HashPool({ policy, pepper }); // one worker per core
  try {
    await pool.verify(hash, "4711"); // every worker's .wasm loaded before the clock starts
    await Promise.all(Array.from({ length: pool.size }, () => pool.verify(hash, "4711")));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const one0 = performance.now();
    assert.equal(await pool.verify(hash, "4711"), true);
    const one = performance.now() - one0;
    ticks = 0;
    const four0 = performance.now();
    const four = await Promise.all([0, 1, 2, 3].map(() => pool.verify(hash, "4711")));
    const fourMs = performance.now() - four0;
    const turned = ticks;
    clearInterval(timer);
    assert.deepEqual(four, [true, true, true, true]);
    assert.ok(turned > 0, "the event loop turned while the pool verified");

    // The control: the same 4 on the main thread block it, not one tick gets through.
    const hasher = new pbx.Hasher(policy, pepper);
    ticks = 0;
    const timer2 = setInterval(() => ticks++, 1);
    const main0 = performance.now();
    for (let i = 0; i < 4; i++) hasher.verify(hash, "4711");
    const mainMs = performance.now() - main0;
    const blocked = ticks;
    clearInterval(timer2);
    assert.equal(blocked, 0, "a blocked loop cannot tick");

    const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    console.log(
      `pool of ${pool.size} workers (${cores} cores, load ${os.loadavg()[0].toFixed(1)}): one verify ${one.toFixed(0)} ms; ` +
        `4 in parallel ${fourMs.toFixed(0)} ms (${(fourMs / one).toFixed(2)}× one, ideal ${Math.ceil(4 / pool.size)}×), ` +
        `${turned} interval ticks meanwhile; 4 on the main thread ${mainMs.toFixed(0)} ms, ${blocked} ticks`,
    );
  } finally {
    await pool.close();
  }
});

test("P6, G5: a login on the pool, with the pepper, returns the decision with the account as a handle", async () => {
  const fields = pbx.Policy.centrexx().fields;
  Object.assign(fields.hashing, { m_cost_kib: 64, t_cost: 1, p_cost: 1 });
  const policy = pbx.Policy.fromFields(fields);
  const rules = new pbx.Rules(policy, pepper);
  const account = pbx.ExtensionAccount.create("10", t0, rules).account;
  const pool = new HashPool({ policy, pepper, size: 2 });
  try {
    const ok = await pool.login(account, "0000", t0);
    assert.ok(ok.state instanceof pbx.ExtensionAccount);
    assert.equal(ok.outcome.ok.kind, "must_change_pin"); // P6: the default PIN
    // The same decision as the main thread's login under the same rules.
    assert.deepEqual(ok.state.view(t0, rules), account.login("0000", t0, rules).state.view(t0, rules));
    const wrong = await pool.login(ok.state.toJson(), "9999", t0);
    assert.ok(wrong.outcome.error instanceof Error);
    assert.equal(wrong.outcome.error.name, "LoginError");
    assert.equal(wrong.outcome.error.code, "LOGIN_WRONG_CREDENTIALS");
    assert.ok(wrong.outcome.error.message_de && wrong.outcome.error.message_en);
    assert.equal(wrong.state.view(t0, rules).failed_logins, ok.state.view(t0, rules).failed_logins + 1, "the failure counts (G5)");
    // The pool's pepper decides: under rules without it, the PIN set with it fails.
    const changed = ok.state.changePin(pbx.Actor.user("10"), "0000", "3816", "3816", {}, t0, rules).state;
    const later = new Date(t0.getTime() + 3600e3); // after the new PIN's pending minutes
    assert.equal((await pool.login(changed, "3816", later)).outcome.ok.kind, "logged_in");
    const unpeppered = new HashPool({ policy, size: 1 });
    try {
      assert.equal((await unpeppered.login(changed, "3816", later)).outcome.error.code, "LOGIN_WRONG_CREDENTIALS");
    } finally {
      await unpeppered.close();
    }
  } finally {
    await pool.close();
  }
});

test("errors: the binding's typed errors, from the workers and for a bad pool", async () => {
  const pool = new HashPool({ size: 1 });
  try {
    const e = await pool.verify("not a phc string", "4711").then(
      () => assert.fail("resolved"),
      (err) => err,
    );
    assert.ok(e instanceof Error);
    assert.equal(e.name, "HashError");
    assert.equal(e.family, "hash");
    assert.match(e.code, /^HASH_/);
    assert.equal(e.message, e.message_en);
    assert.ok(e.message_de);
    assert.deepEqual(Object.keys(e), Object.keys(thrown(() => new pbx.Hasher(pbx.Policy.centrexx()).verify("not a phc string", "4711"))));
  } finally {
    await pool.close();
  }
  assert.equal(thrown(() => new HashPool({ pepper: "a string", size: 1 })).code, "STATE_MALFORMED");
  assert.equal(thrown(() => new HashPool({ policy: "{", size: 1 })).code, "STATE_MALFORMED");
  assert.equal(thrown(() => new HashPool({ size: 0 })).code, "ERR_OUT_OF_RANGE");
  await assert.rejects(pool.hash("4711"), /closed/);
});
