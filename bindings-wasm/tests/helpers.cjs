// What the Node tests share (not a test file: `node --test` runs only `*.test.*`): a throw
// caught as a value, and a preset's rules with argon2 costs low enough for many logins.
"use strict";
const assert = require("node:assert/strict");
const pbx = require("../pkg/node/pbx_rules.js");

/** The error `f` throws; fails when it returns. */
function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail("expected a throw");
}

/** The preset `name` with low argon2 costs, as the Rust vector tests use. */
function cheapRules(name = "centrexx") {
  const fields = pbx.Policy[name]().fields;
  Object.assign(fields.hashing, { m_cost_kib: 64, t_cost: 1, p_cost: 1 });
  return new pbx.Rules(pbx.Policy.fromFields(fields));
}

module.exports = { thrown, cheapRules };
