// pbx-rules/pool: argon2id hashing as Promises, on a pool of worker_threads that ships with
// the package. Every call that hashes is synchronous WebAssembly taking tens of milliseconds
// (G4), so a Node server must not run it on its event loop: `await pool.verify(hash, pin)`
// runs it on a worker while the loop keeps serving.
//
// Each worker loads the Node build (`./pbx_rules.js`, its .wasm compiled once per worker)
// and makes its own `Rules` and `Hasher` from the policy's JSON and the pepper handed to the
// pool: the binding's objects belong to the thread that made them, so only plain values
// cross (strings, the stored state as the core's JSON, errors as the core's JSON of them).
// Idle workers do not keep the process alive; `close()` ends them.
"use strict";
const os = require("node:os");
const path = require("node:path");
const { Worker } = require("node:worker_threads");

/** The worker count by default: one per core Node may use. */
function defaultSize() {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length || 1;
}

/**
 * An error of the binding rebuilt from what a worker sent: an `Error` whose enumerable
 * properties are the core's JSON of it (`family`, `code`, `message_de`, `message_en`,
 * `details`) and whose `name` (`PinError`, …) is not enumerable, as on the main thread.
 * @param {{ name: string, message: string, fields: Record<string, unknown> | null }} sent
 * @returns {Error}
 */
function rebuild(sent) {
  const error = new Error(sent.message);
  Object.defineProperty(error, "name", { value: sent.name });
  if (sent.fields) Object.assign(error, sent.fields);
  return error;
}

/**
 * @typedef {{ op: string, args: unknown[], resolve: (v: any) => void, reject: (e: Error) => void }} Task
 */

/**
 * @typedef {object} HashPoolOptions
 * @property {{ toJson(): string } | string} [policy] The policy whose hashing costs the
 *   workers use: a `Policy` or its JSON (`policy.toJson()`); the centrexx preset if absent.
 * @property {Uint8Array} [pepper] The server-side pepper (G4), as `new Rules(policy, pepper)`
 *   and `new Hasher(policy, pepper)` take it; copied to each worker, never shown.
 * @property {number} [size] How many workers (threads): one per core by default
 *   (`os.availableParallelism()`).
 */

/**
 * A pool of worker threads that hash and verify PINs and passwords (argon2id, G4) off the
 * event loop. Calls queue in order and run on the first free worker.
 */
class HashPool {
  /** @param {HashPoolOptions} [options] */
  constructor(options = {}) {
    const { policy, pepper, size = defaultSize() } = options;
    if (!Number.isInteger(size) || size < 1) {
      throw Object.assign(new RangeError(`size must be a whole number of at least 1, not ${size}`), { code: "ERR_OUT_OF_RANGE" });
    }
    const json = policy === undefined || policy === null ? null : typeof policy === "string" ? policy : policy.toJson();
    // The policy and the pepper checked here, as the workers will read them, so a bad one is
    // the binding's typed error now (StateError, PolicyError) rather than on every call.
    const { Policy, Rules } = require("./pbx_rules.js");
    new Rules(json === null ? Policy.centrexx() : Policy.fromJson(json), pepper).free();
    /** @private */
    this._workerData = { policy: json, pepper: pepper ? Uint8Array.from(pepper) : null };
    /** @private @type {Task[]} */
    this._queue = [];
    /** @private @type {Worker[]} */
    this._idle = [];
    /** @private @type {Map<Worker, Task>} */
    this._busy = new Map();
    /** @private */
    this._closed = false;
    for (let i = 0; i < size; i++) this._idle.push(this._spawn());
    /** The number of worker threads. @type {number} */
    this.size = size;
  }

  /**
   * The PHC string of a secret, hashed on a worker (`Hasher.hash`).
   * @param {string} secret
   * @returns {Promise<string>} rejects with a `HashError`
   */
  hash(secret) {
    return this._run("hash", [secret]);
  }

  /**
   * Whether a secret matches a stored PHC string (constant time, `Hasher.verify`), on a
   * worker. `(hash, secret)`, the order of every binding.
   * @param {string} hash
   * @param {string} secret
   * @returns {Promise<boolean>} rejects with a `HashError` for an unusable stored hash
   */
  verify(hash, secret) {
    return this._run("verify", [hash, secret]);
  }

  /**
   * The PHC string of each secret (`Hasher.hashMany`), one row per secret in input order:
   * `{ ok: hash }` or `{ error }`; a bad row never stops the batch. One worker hashes the
   * whole batch.
   * @param {string[]} secrets
   * @returns {Promise<Array<{ ok: string } | { error: Error }>>}
   */
  hashMany(secrets) {
    return this._run("hashMany", [secrets]);
  }

  /**
   * A user's login with the PIN (`ExtensionAccount.login`, P6, G5, G11), on a worker: the
   * account goes there as its JSON and comes back as an `ExtensionAccount`. Save `state` also
   * after a refusal (a failed login counts, G5).
   * @param {{ toJson(): string } | string} account an `ExtensionAccount` or its stored JSON
   * @param {string} pin
   * @param {Date} now
   * @returns {Promise<{ state: import("./pbx_rules.js").ExtensionAccount, effects: import("./pbx_rules.js").Effect[], outcome: { ok: import("./pbx_rules.js").UserLogin } | { error: Error } }>}
   */
  async login(account, pin, now) {
    const json = typeof account === "string" ? account : account.toJson();
    const d = await this._run("login", [json, pin, now.getTime()]);
    // The handle is made on this thread, from the JSON the worker saved.
    const { ExtensionAccount } = require("./pbx_rules.js");
    return { state: ExtensionAccount.fromJson(d.state), effects: d.effects, outcome: d.outcome };
  }

  /**
   * Ends every worker; queued calls reject. Calls after it reject at once.
   * @returns {Promise<void>}
   */
  async close() {
    this._closed = true;
    const error = new Error("the hash pool is closed");
    for (const task of this._queue.splice(0)) task.reject(error);
    const workers = [...this._idle, ...this._busy.keys()];
    for (const [, task] of this._busy) task.reject(error);
    this._idle = [];
    this._busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  /** @private */
  _spawn() {
    const worker = new Worker(path.join(__dirname, "pool-worker.js"), { workerData: this._workerData });
    worker.unref(); // an idle pool does not keep the process alive
    worker.on("message", (reply) => this._done(worker, reply));
    // A worker that died (it should not: every call's error is sent back as a value)
    // fails its call and is replaced.
    const died = (/** @type {Error} */ error) => {
      const task = this._busy.get(worker);
      this._busy.delete(worker);
      this._idle = this._idle.filter((w) => w !== worker);
      if (this._closed) return;
      if (task) task.reject(error);
      this._idle.push(this._spawn());
      this._next();
    };
    worker.on("error", died);
    worker.on("exit", (code) => {
      if (this._busy.has(worker) || this._idle.includes(worker)) died(new Error(`a hash worker exited with code ${code}`));
    });
    return worker;
  }

  /** @private */
  _run(op, args) {
    if (this._closed) return Promise.reject(new Error("the hash pool is closed"));
    return new Promise((resolve, reject) => {
      this._queue.push({ op, args, resolve, reject });
      this._next();
    });
  }

  /** @private */
  _next() {
    while (this._queue.length > 0 && this._idle.length > 0) {
      const worker = /** @type {Worker} */ (this._idle.pop());
      const task = /** @type {Task} */ (this._queue.shift());
      this._busy.set(worker, task);
      worker.ref(); // a call in flight keeps the process alive until it is answered
      worker.postMessage({ op: task.op, args: task.args });
    }
  }

  /** @private */
  _done(worker, reply) {
    if (this._closed) return; // its call was rejected by close()
    const task = this._busy.get(worker);
    this._busy.delete(worker);
    worker.unref();
    this._idle.push(worker);
    if (task) {
      if ("error" in reply) task.reject(rebuild(reply.error));
      else task.resolve(reviveErrors(task.op, reply.ok));
    }
    this._next();
  }
}

/** The error rows of `hashMany` and a login's `outcome.error` as `Error`s again. */
function reviveErrors(op, value) {
  if (op === "hashMany") return value.map((row) => ("error" in row ? { error: rebuild(row.error) } : row));
  if (op === "login" && "error" in value.outcome) return { ...value, outcome: { error: rebuild(value.outcome.error) } };
  return value;
}

module.exports = { HashPool };
