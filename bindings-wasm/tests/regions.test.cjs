// The per-area numbers module embeds only PBX_RULES_REGIONS (DE,AT,CH by default; see
// core/build.rs): numbers of those countries normalise as in the full build, others are
// refused as an unknown country code.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const small = require("../pkg/node-area/numbers/numbers.js");
const full = require("../pkg/node/pbx_rules.js");

test("the numbers module keeps DE, AT and CH", () => {
  const plan = new small.NumberPlan("DE");
  for (const input of ["0171 12345678", "+43 664 1234567", "0041 44 668 18 00", "06131 62468-10"]) {
    const a = plan.normalize(input);
    const b = new full.NumberPlan("DE").normalize(input);
    assert.deepEqual([a.e164, a.kind, a.international, a.national], [b.e164, b.kind, b.international, b.national]);
  }
});

test("and refuses the rest as an unknown country code", () => {
  const plan = new small.NumberPlan("DE");
  assert.throws(() => plan.normalize("+1 650 253 0000"), { name: "NumberError", code: "NUMBER_UNKNOWN_COUNTRY_CODE" });
  assert.throws(() => new small.NumberPlan("FR"), { code: "NUMBER_UNKNOWN_REGION" });
});

test("both builds name the metadata version the embedded XML claims", () => {
  const xml = require("node:path").join(__dirname, "..", "..", "core", "metadata", "PhoneNumberMetadata.xml");
  const first = require("node:fs").readFileSync(xml, "utf8").split("\n")[0];
  for (const m of [small, full]) assert.ok(first.includes(`from phonenumbers ${m.metadataVersion()};`), first);
});
