// Hashing off Node's event loop with worker_threads. Every call that hashes (Hasher.hash and
// verify, and the lifecycle calls that verify or set a secret: ExtensionAccount.login,
// changePin, setPinByAdmin, AdminAccount.login, forgotPin, …) is synchronous WebAssembly
// taking tens of milliseconds of argon2id, so a server runs them on a worker thread.
//
// Objects of the binding belong to the thread that made them (each worker has its own
// WebAssembly instance), so the worker owns the accounts and the main thread sends plain
// values: extension, PIN, time. (Moving stored state between threads needs state
// serialisation, which the Node build does not export yet.)
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
  await call({ op: "create", extension: "10", now });
  // While four logins hash on the worker, the event loop keeps serving: count its turns.
  let ticks = 0;
  let running = true;
  const spin = () => running && (ticks++, setImmediate(spin));
  spin();
  const t0 = performance.now();
  const logins = await Promise.all([0, 1, 2, 3].map(() => call({ op: "login", extension: "10", pin: "0000", now })));
  const elapsed = performance.now() - t0;
  running = false;
  const stored = await call({ op: "hash", secret: "4711" });
  const verified = await call({ op: "verify", secret: "4711", stored });
  await worker.terminate();

  if (!logins.every((l) => l.outcome === "must_change_pin")) throw new Error(`P6: ${JSON.stringify(logins)}`);
  if (!stored.startsWith("$argon2id$") || verified !== true) throw new Error("G4: hash and verify");
  console.log(
    `pbx-rules ${version()}: 4 logins hashed in ${elapsed.toFixed(0)} ms on a worker thread; ` +
      `the event loop turned ${ticks} times meanwhile`,
  );
  // Had the hashing run on the main thread, the loop could not have turned during it.
  if (ticks < 20) throw new Error(`the event loop was blocked: ${ticks} turns`);
} else {
  const rules = new Rules(Policy.centrexx());
  const hasher = new Hasher(Policy.centrexx());
  const accounts = new Map();
  parentPort.on("message", ({ id, op, extension, pin, now, secret, stored }) => {
    let result;
    if (op === "create") {
      accounts.set(extension, ExtensionAccount.create(extension, now, rules).state);
    } else if (op === "login") {
      const decision = accounts.get(extension).login(pin, now, rules);
      accounts.set(extension, decision.state); // save the state, also after a refusal (G5)
      result = decision.error ? { error: decision.error.code } : { outcome: decision.outcome };
    } else if (op === "hash") {
      result = hasher.hash(secret);
    } else if (op === "verify") {
      result = hasher.verify(secret, stored);
    }
    parentPort.postMessage({ id, result });
  });
}
