// Figures for the README: module sizes beside the npm peers, time to first answer after
// loading in Node, and meter time per keystroke for passwords up to 32 characters.
// Usage: node tests/timing.mjs   (after build.sh)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";

const here = new URL("..", import.meta.url).pathname;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const size = (path) => {
  const bytes = readFileSync(here + path);
  return `${kb(bytes.length)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzipped`;
};

console.log("sizes");
for (const area of ["meter", "numbers", "pins"]) {
  console.log(`  ${area}_bg.wasm: ${size(`pkg/web/${area}/${area}_bg.wasm`)}`);
}
console.log(`  node pbx_rules_bg.wasm (full): ${size("pkg/node/pbx_rules_bg.wasm")}`);
console.log(`  npm zxcvbn 4.4.2 dist/zxcvbn.js: ${size("node_modules/zxcvbn/dist/zxcvbn.js")}`);
console.log(`  npm libphonenumber-js max bundle: ${size("node_modules/libphonenumber-js/bundle/libphonenumber-max.js")}`);

// Each first answer in a fresh process: load the module, then one call.
const first = (area, code) =>
  Number(execFileSync(process.execPath, ["-e", `
    const t0 = performance.now();
    const m = require(${JSON.stringify(here + "pkg/node-area/")} + "${area}/${area}.js");
    const r = m.Rules?.centrexx(); // the numbers module has no rules
    ${code}
    process.stdout.write(String(performance.now() - t0));`]));
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
const runs = (area, code) => median(Array.from({ length: 5 }, () => first(area, code))).toFixed(1);
console.log("Node, per-area module: load + first answer (median of 5 fresh processes)");
console.log(`  meter: ${runs("meter", "m.evaluatePassword('Sommer2024', {}, r);")} ms`);
console.log(`  numbers: ${runs("numbers", "new m.NumberPlan('DE').normalize('0171 12345678');")} ms`);
console.log(`  pins: ${runs("pins", "m.validateNewPin('4713', '4713', {}, r);")} ms`);
// The peer in the same run: libphonenumber-js max, load + first valid-number check.
const peer = () =>
  Number(execFileSync(process.execPath, ["-e", `
    const t0 = performance.now();
    const m = require(${JSON.stringify(here + "node_modules/libphonenumber-js/max")});
    m.parsePhoneNumber("0171 12345678", "DE").isValid();
    process.stdout.write(String(performance.now() - t0));`]));
console.log(`  peer libphonenumber-js max: ${median(Array.from({ length: 5 }, peer)).toFixed(1)} ms`);
// The first answer alone, after the module is loaded and instantiated (<= 10 ms).
const firstOnly = (area, code) =>
  Number(execFileSync(process.execPath, ["-e", `
    const m = require(${JSON.stringify(here + "pkg/node-area/")} + "${area}/${area}.js");
    const r = m.Rules.centrexx();
    const t0 = performance.now();
    ${code}
    process.stdout.write(String(performance.now() - t0));`]));
const meterFirst = median(Array.from({ length: 5 }, () =>
  firstOnly("meter", "m.evaluatePassword('Sommer2024', {}, r);")));
console.log(`  meter, first answer after instantiation: ${meterFirst.toFixed(2)} ms`);

const require = createRequire(import.meta.url);
const m = require("../pkg/node/pbx_rules.js");
const p = m.Rules.centrexx();
const ctx = { head_number: "+4961316246800", company_name: "Muster GmbH", admin_email: "admin@muster.de" };
const typed = "Kaffeetasse Nordwind Blaubeere!7"; // 32 characters, typed one key at a time
const mixed = "P@ssw0rd-1984-Sommer-Muster-GmbH"; // l33t, years, context words
for (const word of [typed, mixed]) {
  // Median of 21 rounds per prefix length (the machine is shared), then the worst length.
  const per = Array.from({ length: word.length + 1 }, () => []);
  for (let round = 0; round < 21; round++) {
    for (let n = 1; n <= word.length; n++) {
      const t0 = performance.now();
      m.evaluatePassword(word.slice(0, n), ctx, p).free();
      per[n].push(performance.now() - t0);
    }
  }
  const medians = per.slice(1).map(median);
  const mean = medians.reduce((a, b) => a + b, 0) / medians.length;
  console.log(`meter per keystroke, "${word}": mean ${mean.toFixed(3)} ms, worst length ${Math.max(...medians).toFixed(3)} ms (medians)`);
}
