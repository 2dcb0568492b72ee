// Assembles the npm package `pbx-rules` from the modules build.sh made, in
// bindings-wasm/pkg/npm/, ready for `npm pack`:
//
//   node/      the full Node build (CommonJS from wasm-bindgen, every region, the lifecycle)
//              plus index.mjs, its ES-module face with named exports, and their types;
//              pool.js / pool.mjs / pool-worker.js (pbx-rules/pool, hashing on worker_threads);
//   web/<area> the browser ES modules (meter, numbers with DE/AT/CH, pins) and their .wasm;
//   web/debounce.mjs  pbx-rules/debounce (zxcvbn-ts's debounce for the meter's keystrokes);
//   package.json with `exports` for each entry, README.md (npm/README.md), LICENSE.
//
// The version is the workspace's (Cargo.toml): one version for the crate and every package.
//   node bindings-wasm/npm/assemble.mjs        (after bash bindings-wasm/build.sh)
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const pkg = here("../pkg/");
const out = here("../pkg/npm/");
const areas = ["meter", "numbers", "pins"];
const version = /^\[workspace\.package\][^[]*?^version = "([^"]+)"/ms.exec(readFileSync(here("../../Cargo.toml"), "utf8"))?.[1];
if (!version) throw new Error("no [workspace.package] version in Cargo.toml");

rmSync(out, { recursive: true, force: true });
mkdirSync(out + "web", { recursive: true });
cpSync(pkg + "node", out + "node", { recursive: true });
for (const area of areas) cpSync(pkg + `web/${area}`, out + `web/${area}`, { recursive: true });
// pbx-rules/debounce, with the declarations build.sh generated from its JSDoc.
for (const file of ["debounce.mjs", "debounce.d.mts"]) cpSync(pkg + `web/${file}`, out + `web/${file}`);
// wasm-bindgen's own files that no importer reads.
for (const file of ["node/pbx_rules_bg.wasm.d.ts", ...areas.map((a) => `web/${a}/${a}_bg.wasm.d.ts`)]) {
  rmSync(out + file, { force: true });
}

// The Node build is CommonJS in a `"type": "module"` package: the folder says so, and
// index.mjs re-exports every name for `import { NumberPlan } from "pbx-rules"`.
writeFileSync(out + "node/package.json", JSON.stringify({ type: "commonjs" }, null, 2) + "\n");
const names = Object.keys(createRequire(import.meta.url)(out + "node/pbx_rules.js")).sort();
if (!names.includes("version") || !names.includes("NumberPlan")) throw new Error(`unexpected exports: ${names}`);
writeFileSync(
  out + "node/index.mjs",
  `// ES-module entry of pbx-rules for Node: the CommonJS build, re-exported by name.\n` +
    `import cjs from "./pbx_rules.js";\n\n` +
    `export const {\n${names.map((n) => `  ${n},`).join("\n")}\n} = cjs;\n`,
);
writeFileSync(out + "node/index.d.mts", `export * from "./pbx_rules.js";\n`);
// pbx-rules/pool (build.sh copied it beside the Node build its workers load).
for (const file of ["pool.js", "pool-worker.js", "pool.mjs", "pool.d.ts"]) {
  if (!existsSync(out + "node/" + file)) throw new Error(`node/${file} missing: run build.sh`);
}
writeFileSync(out + "node/pool.d.mts", `export * from "./pool.js";\n`);

const browser = Object.fromEntries(
  areas.flatMap((a) => [
    [`./${a}`, { types: `./web/${a}/${a}.d.ts`, default: `./web/${a}/${a}.js` }],
    // The .wasm by name, for bundlers that copy assets (esbuild's file loader, Vite's ?url).
    [`./${a}.wasm`, `./web/${a}/${a}_bg.wasm`],
  ]),
);
const manifest = {
  name: "pbx-rules",
  version,
  description:
    "Account rules of a hosted PBX in WebAssembly: phone numbers to E.164, PIN and password rules, a German/English strength meter, argon2id hashing, the account lifecycle.",
  keywords: ["pbx", "phone-number", "e164", "libphonenumber", "password-strength", "zxcvbn", "argon2", "pin", "wasm"],
  license: "Apache-2.0",
  type: "module",
  main: "./node/pbx_rules.js",
  types: "./node/pbx_rules.d.ts",
  exports: {
    ".": {
      import: { types: "./node/index.d.mts", default: "./node/index.mjs" },
      require: { types: "./node/pbx_rules.d.ts", default: "./node/pbx_rules.js" },
    },
    // One evaluation per pause in typing, as zxcvbn-ts's debounce (browser and Node).
    "./debounce": { types: "./web/debounce.d.mts", default: "./web/debounce.mjs" },
    // Hashing as Promises on a pool of worker_threads (Node only).
    "./pool": {
      import: { types: "./node/pool.d.mts", default: "./node/pool.mjs" },
      require: { types: "./node/pool.d.ts", default: "./node/pool.js" },
    },
    ...browser,
    "./package.json": "./package.json",
  },
  // Importing a module has no effect a program relies on (the browser modules only define
  // functions until their init is called), so a bundler may drop an unused import.
  sideEffects: false,
  // node/ holds the Node build and pbx-rules/pool with its worker (pool-worker.js).
  files: ["node/", "web/", "README.md", "LICENSE"],
  engines: { node: ">=18" },
};
writeFileSync(out + "package.json", JSON.stringify(manifest, null, 2) + "\n");
cpSync(here("README.md"), out + "README.md");
cpSync(here("../../LICENSE"), out + "LICENSE");
console.log(`assembled pbx-rules ${version} in ${out} (${names.length} Node exports)`);
