#!/usr/bin/env bash
# Installs the npm tarball (bindings-wasm/pkg/pbx-rules.tgz, from `npm pack`) into a scratch
# project outside the repository, as a user would, and uses it by package name: Node ESM
# (`import`), CommonJS (`require`), every subpath of `exports`, TypeScript's view of the
# declarations (tsc --noEmit, moduleResolution node16), the worker_threads example, and
# pbx-rules/pool (its workers load the installed Node build) with pbx-rules/debounce.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wasm=$(dirname "$here")
root=$(dirname "$wasm")
tarball=$wasm/pkg/pbx-rules.tgz
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "$tarball" typescript@5.9.3
cp "$wasm/examples/login-worker.mjs" .

cat > esm.mjs <<'JS'
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { NumberPlan, Rules, evaluatePassword, metadataVersion, version } from "pbx-rules";
const expected = process.argv[2];
assert.equal(version(), expected);
assert.equal(JSON.parse(readFileSync(createRequire(import.meta.url).resolve("pbx-rules/package.json"))).version, expected);
assert.match(metadataVersion(), /^\d+\.\d+\.\d+$/);
assert.equal(new NumberPlan("DE").normalize("0171 / 123 456-78").e164, "+4917112345678");
assert.equal(new NumberPlan("DE").normalize("+33 1 23 45 67 89").e164, "+33123456789"); // every region in Node
assert.throws(() => new NumberPlan("DE").normalize("0800 FLOWERS"), (e) => e.code === "NUMBER_HAS_LETTERS" && e instanceof Error);
assert.equal(evaluatePassword("schatz", {}, Rules.centrexx()).level, "red");
// The browser modules resolve by name and load in Node from their bytes (initSync).
for (const area of ["meter", "numbers", "pins"]) {
  const mod = await import(`pbx-rules/${area}`);
  const wasm = createRequire(import.meta.url).resolve(`pbx-rules/${area}.wasm`);
  mod.initSync({ module: readFileSync(wasm) });
  assert.equal(mod.version(), expected, area);
}
const numbers = await import("pbx-rules/numbers");
assert.equal(new numbers.NumberPlan("AT").normalize("0664 1234567").e164, "+436641234567");
assert.equal(new numbers.NumberPlan("DE").normalize("+33 1 23 45 67 89").e164, "+33123456789"); // every region in the browser too
console.log(`ESM ok: pbx-rules ${version()}, metadata ${metadataVersion()}`);
JS
cat > cjs.cjs <<'JS'
const assert = require("node:assert/strict");
const { NumberPlan, Hasher, Policy, version } = require("pbx-rules");
assert.equal(version(), process.argv[2]);
assert.equal(new NumberPlan("DE").normalize("030 1234567").international, "+49 30 1234567");
const hasher = new Hasher(Policy.centrexx());
assert.ok(hasher.verify(hasher.hash("4711"), "4711")); // (hash, secret), as in every binding
console.log(`CommonJS ok: pbx-rules ${version()}`);
JS
cat > pool.mjs <<'JS'
// pbx-rules/pool from the installed package: its workers load the package's Node build.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { Hasher, Policy } from "pbx-rules";
import { HashPool } from "pbx-rules/pool";
import { debounce } from "pbx-rules/debounce";
const pepper = Buffer.from("install-check pepper");
const pool = new HashPool({ policy: Policy.centrexx(), pepper });
let ticks = 0;
const timer = setInterval(() => ticks++, 1);
const hash = await pool.hash("4711");
const verified = await Promise.all([0, 1, 2, 3].map(() => pool.verify(hash, "4711")));
clearInterval(timer);
assert.deepEqual(verified, [true, true, true, true]);
assert.equal(new Hasher(Policy.centrexx(), pepper).verify(hash, "4711"), true);
assert.ok(ticks > 0, "the event loop turned while the pool hashed");
await pool.close();
const { HashPool: Required } = createRequire(import.meta.url)("pbx-rules/pool");
assert.equal(Required, HashPool, "one pool for import and require");
assert.equal(typeof debounce(() => {}, 80).cancel, "function");
console.log(`pool ok: ${pool.size} workers, ${ticks} ticks of the event loop while 5 hashes ran`);
JS
cat > types.mts <<'TS'
import { NumberPlan, type PbxError, type Decision, type UserLogin, ExtensionAccount, version } from "pbx-rules";
import init, { evaluatePassword, Rules, type PasswordContext } from "pbx-rules/meter";
import { NumberPlan as WebPlan } from "pbx-rules/numbers";
import { parsePin } from "pbx-rules/pins";
import { HashPool } from "pbx-rules/pool";
import { debounce } from "pbx-rules/debounce";
const pool = new HashPool({ size: 2, pepper: new Uint8Array([1, 2, 3]) });
const verified: Promise<boolean> = pool.verify("$argon2id$…", "4711");
const meterLater: ((pw: string) => void) & { cancel(): void } = debounce((pw: string) => pw.length, 80);
const e164: string = new NumberPlan("DE").normalize("0171 12345678").e164;
const plan: WebPlan = new WebPlan("DE");
async function meter(): Promise<string> {
  await init();
  const context: PasswordContext = { company_name: "Beispiel GmbH" };
  return evaluatePassword("x", context, Rules.centrexx()).level;
}
export { e164, plan, meter, parsePin, version, verified, meterLater };
export type { PbxError };
export type Login = Decision<ExtensionAccount, UserLogin>;
TS
cat > types.cts <<'TS'
import pbx = require("pbx-rules");
export const e164: string = new pbx.NumberPlan("DE").normalize("0171 12345678").e164;
TS
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "module": "node16", "moduleResolution": "node16", "target": "es2022",
  "strict": true, "noEmit": true, "skipLibCheck": false, "lib": ["es2022", "esnext.disposable", "dom"], "types": [] },
  "files": ["types.mts", "types.cts"] }
JSON

node esm.mjs "$version"
node cjs.cjs "$version"
npx --no-install tsc -p tsconfig.json
echo "TypeScript ok: types of every entry point"
node login-worker.mjs
node pool.mjs
echo "npm package ok (installed in $scratch)"
