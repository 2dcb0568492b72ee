// The browser numbers module (pkg/node-area/numbers: the web module's .wasm with Node glue)
// knows every region and matches with JS RegExp (feature host-regex); it must give the same
// verdicts as the core with the `regex` crate (the full Node build) on every case of
// numbers.json and every line of the 100,000-line corpus.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { gzipSync } = require("node:zlib");
const small = require("../pkg/node-area/numbers/numbers.js");
const full = require("../pkg/node/pbx_rules.js");

const root = path.join(__dirname, "..", "..");

/** One verdict as a comparable string: the error code, or every field of the number. */
function verdict(module, plans, region, input) {
  const plan = plans.get(region) ?? plans.set(region, new module.NumberPlan(region)).get(region);
  try {
    const n = plan.normalize(input);
    const out = [n.e164, n.kind, n.region, n.international, n.national].join(" | ");
    n.free();
    return out;
  } catch (e) {
    return `${e.name} ${e.code}`;
  }
}

/** Lines where the two modules differ, as "line: input [region]: browser / core". */
function differences(rows) {
  const [a, b] = [new Map(), new Map()];
  const out = [];
  rows.forEach(([input, region], i) => {
    const got = verdict(small, a, region, input);
    const want = verdict(full, b, region, input);
    if (got !== want) out.push(`${i + 1}: ${JSON.stringify(input)} [${region}]: ${got} / ${want}`);
  });
  return out;
}

test("numbers.json: same verdicts as the core (N1-N3)", () => {
  const doc = JSON.parse(fs.readFileSync(path.join(root, "core", "vectors", "numbers.json"), "utf8"));
  const diffs = differences(doc.cases.map((c) => [c.input, c.region]));
  assert.deepEqual(diffs, []);
  // and the vectors' own expectations, so an error shared by both builds shows too
  for (const c of doc.cases) {
    const got = verdict(small, new Map(), c.region, c.input);
    const want = c.error
      ? `NumberError ${c.error}`
      : [c.e164, c.kind, c.number_region, c.international, c.national].join(" | ");
    assert.equal(got, want, c.id);
  }
});

test("the 100,000-line corpus: same verdicts as the core, every region", () => {
  const text = fs.readFileSync(path.join(root, "benches", "corpus", "numbers.tsv"), "utf8");
  const rows = text.split("\n").filter((l) => l.length > 0).map((l) => l.split("\t"));
  assert.equal(rows.length, 100000);
  const diffs = differences(rows);
  assert.deepEqual(diffs.slice(0, 20), [], `${diffs.length} lines differ`);
});

test("numbers of regions outside DE, AT and CH, which the module used to refuse", () => {
  const plan = new small.NumberPlan("DE");
  for (const [input, e164] of [
    ["+33 6 12 34 56 78", "+33612345678"],
    ["+48 512 345 678", "+48512345678"],
    ["+1 650 253 0000", "+16502530000"],
    ["+7 301 129 77 88", "+73011297788"],
    ["+800 1234 5678", "+80012345678"],
  ]) {
    assert.equal(plan.normalize(input).e164, e164, input);
  }
  for (const region of ["FR", "PL", "US", "JP", "BR"]) assert.equal(new small.NumberPlan(region).region, region);
  assert.throws(() => new small.NumberPlan("XX"), { name: "NumberError", code: "NUMBER_UNKNOWN_REGION" });
});

test("both builds name the metadata version the embedded XML claims", () => {
  const xml = path.join(root, "core", "metadata", "PhoneNumberMetadata.xml");
  const first = fs.readFileSync(xml, "utf8").split("\n")[0];
  for (const m of [small, full]) assert.ok(first.includes(`from phonenumbers ${m.metadataVersion()};`), first);
});

// The goal of the numbers module: what a page fetches for it, gzip -9 file by file (as a
// server sends them), no more than the peer's one-file bundle, measured here in the same run.
// GNU gzip, the goal's measure; Node's zlib (which servers written in Node use) is reported.
test("size: the web module's .wasm and glue, gzipped, within libphonenumber-js max's bundle", (t) => {
  const files = ["numbers_bg.wasm", "numbers.js"].map((f) => path.join(__dirname, "..", "pkg", "web", "numbers", f));
  const peer = path.join(__dirname, "..", "node_modules", "libphonenumber-js", "bundle", "libphonenumber-max.js");
  const gzip = (file) => execFileSync("gzip", ["-9", "-n"], { input: fs.readFileSync(file) }).length;
  const zlib = (file) => gzipSync(fs.readFileSync(file), { level: 9 }).length;
  const ours = files.reduce((sum, f) => sum + gzip(f), 0);
  const theirs = gzip(peer);
  t.diagnostic(`gzip -9: ${ours} bytes, libphonenumber-js max ${theirs} (${theirs - ours} less)`);
  t.diagnostic(`zlib 9: ${files.reduce((sum, f) => sum + zlib(f), 0)} bytes, libphonenumber-js max ${zlib(peer)}`);
  assert.ok(ours <= theirs, `${ours} bytes gzipped, libphonenumber-js max ${theirs}`);
});
