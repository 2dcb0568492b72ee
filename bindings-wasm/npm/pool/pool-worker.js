// One worker of pbx-rules/pool (pool.js): loads the Node build once, makes its `Rules` and
// `Hasher` from the pool's policy JSON and pepper, and answers each call with `{ ok }` or
// `{ error }` (an error as its name, message and the core's JSON of it).
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const { ExtensionAccount, Hasher, Policy, Rules } = require("./pbx_rules.js");

/** An error as plain data for postMessage (structured clone keeps no custom fields). */
function sendable(e) {
  const fields = e && typeof e === "object" ? JSON.parse(JSON.stringify(e)) : null;
  return { name: String(e?.name ?? "Error"), message: String(e?.message ?? e), fields };
}

let rules;
let hasher;
let broken; // the policy's error, answered to every call
try {
  const policy = workerData.policy === null ? Policy.centrexx() : Policy.fromJson(workerData.policy);
  const pepper = workerData.pepper ?? undefined;
  rules = new Rules(policy, pepper);
  hasher = new Hasher(policy, pepper);
} catch (e) {
  broken = e;
}

const ops = {
  hash: (secret) => hasher.hash(secret),
  verify: (hash, secret) => hasher.verify(hash, secret),
  hashMany: (secrets) =>
    hasher.hashMany(secrets).map((row) => ("error" in row ? { error: sendable(row.error) } : row)),
  login: (account, pin, now) => {
    const d = ExtensionAccount.fromJson(account).login(pin, new Date(now), rules);
    const outcome = "ok" in d.outcome ? { ok: d.outcome.ok } : { error: sendable(d.outcome.error) };
    // A login's effects carry no secret; through JSON they are plain objects.
    return { state: d.state.toJson(), effects: JSON.parse(JSON.stringify(d.effects)), outcome };
  },
};

parentPort.on("message", ({ op, args }) => {
  try {
    if (broken) throw broken;
    parentPort.postMessage({ ok: ops[op](...args) });
  } catch (e) {
    parentPort.postMessage({ error: sendable(e) });
  }
});
