// Hashing off Node's event loop with worker_threads. Every call that hashes (Hasher.hash and
// verify, and the lifecycle calls that verify or set a secret: ExtensionAccount.login,
// changePin, setPinByAdmin, AdminAccount.login, forgotPin, …) is synchronous WebAssembly
// taking tens of milliseconds of argon2id, so a server runs them on a worker thread.
//
// Objects of the binding belong to the thread that made them (each worker has its own
// WebAssembly instance), so threads exchange plain values: the main thread owns the stored
// accounts as the core's JSON (`toJson`/`fromJson`, what a host keeps in its database) and
// sends them with the PIN and the time; the worker answers with the new JSON.
//
//   node login-worker.mjs        # in a project where `npm install pbx-rules` was run
import { Worker, isMainThread, parentPort } from "node:worker_threads";
import { ExtensionAccount, Hasher, Policy, Rules, version } from "pbx-rules";

if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url));
  const pending = new Map();
  let next = 0;
  worker.on("message", ({ id, result }) => {
    pending.get(id)(result);
    pending.delete(id);
  });
  /** One request to the worker; resolves with its plain-object answer. */
  const call = (request) =>
    new Promise((resolve) => {
      pending.set(++next, resolve);
      worker.postMessage({ id: next, ...request });
    });

  const now = Date.UTC(2026, 0, 5, 9);
  const stored = new Map([["10", await call({ op: "create", extension: "10", now })]]);
  // While four logins hash on the worker, the event loop keeps serving: count its turns.
  let ticks = 0;
  let running = true;
  const spin = () => running && (ticks++, setImmediate(spin));
  spin();
  const t0 = performance.now();
  const logins = await Promise.all([0, 1, 2, 3].map(() => call({ op: "login", account: stored.get("10"), pin: "0000", now })));
  const elapsed = performance.now() - t0;
  running = false;
  for (const l of logins) stored.set("10", l.account); // save the state, also after a refusal (G5)
  const hash = await call({ op: "hash", secret: "4711" });
  const verified = await call({ op: "verify", secret: "4711", hash });
  await worker.terminate();

  if (!logins.every((l) => l.outcome === "must_change_pin")) throw new Error(`P6: ${JSON.stringify(logins)}`);
  if (!hash.startsWith("$argon2id$") || verified !== true) throw new Error("G4: hash and verify");
  console.log(
    `pbx-rules ${version()}: 4 logins hashed in ${elapsed.toFixed(0)} ms on a worker thread; ` +
      `the event loop turned ${ticks} times meanwhile`,
  );
  // Had the hashing run on the main thread, the loop could not have turned during it.
  if (ticks < 20) throw new Error(`the event loop was blocked: ${ticks} turns`);
} else {
  const rules = new Rules(Policy.centrexx());
  const hasher = new Hasher(Policy.centrexx());
  parentPort.on("message", ({ id, op, extension, account, pin, now, secret, hash }) => {
    let result;
    if (op === "create") {
      result = ExtensionAccount.create(extension, new Date(now), rules).account.toJson();
    } else if (op === "login") {
      const d = ExtensionAccount.fromJson(account).login(pin, new Date(now), rules);
      const outcome = "ok" in d.outcome ? d.outcome.ok.kind : d.outcome.error.code;
      result = { account: d.state.toJson(), outcome };
    } else if (op === "hash") {
      result = hasher.hash(secret);
    } else if (op === "verify") {
      result = hasher.verify(hash, secret);
    }
    parentPort.postMessage({ id, result });
  });
}
