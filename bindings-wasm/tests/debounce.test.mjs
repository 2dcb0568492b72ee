// pbx-rules/debounce (npm/debounce.mjs) under node:test's fake timers: one run per pause,
// with the newest arguments; zxcvbn-ts's isImmediate; cancel; bad arguments refused.
import test from "node:test";
import assert from "node:assert/strict";
import { debounce } from "../npm/debounce.mjs";

test("a burst of calls runs fn once, wait ms after the last, with its arguments", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const runs = [];
  const meter = debounce((pw) => runs.push(pw), 80);
  for (const pw of ["K", "Kl", "Kla", "Klav"]) {
    meter(pw);
    t.mock.timers.tick(50); // typing faster than the wait: nothing runs yet
  }
  assert.deepEqual(runs, []);
  t.mock.timers.tick(29);
  assert.deepEqual(runs, [], "79 ms after the last keystroke");
  t.mock.timers.tick(1);
  assert.deepEqual(runs, ["Klav"]);
  t.mock.timers.tick(1000);
  assert.deepEqual(runs, ["Klav"], "once per pause");
  meter("Klavier");
  t.mock.timers.tick(80);
  assert.deepEqual(runs, ["Klav", "Klavier"]);
});

test("isImmediate runs the first call of a burst at once and drops the rest", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const runs = [];
  const f = debounce((x) => runs.push(x), 100, true);
  f(1);
  assert.deepEqual(runs, [1]);
  f(2);
  t.mock.timers.tick(99);
  f(3);
  t.mock.timers.tick(100);
  assert.deepEqual(runs, [1], "the burst's later calls are dropped");
  f(4);
  assert.deepEqual(runs, [1, 4], "a new burst after the pause");
});

test("cancel drops the pending run; bad arguments are refused", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const runs = [];
  const f = debounce(() => runs.push("ran"), 10);
  f();
  f.cancel();
  t.mock.timers.tick(100);
  assert.deepEqual(runs, []);
  assert.throws(() => debounce("no function", 10), TypeError);
  for (const wait of [-1, Number.NaN, Infinity, "80"]) {
    assert.throws(() => debounce(() => {}, wait), (e) => e instanceof RangeError && e.code === "ERR_OUT_OF_RANGE", String(wait));
  }
});
