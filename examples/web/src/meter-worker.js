// The strength meter in a Web Worker: the meter module (zxcvbn's dictionaries, ~930 KB
// gzipped) downloads, compiles and builds its dictionaries here, never on the page's main
// thread. The page sends {id, op, password[, confirmation]} and gets plain answers back.
import init, { evaluatePassword, Rules, validateNewPassword } from "pbx-rules/meter";
import wasm from "pbx-rules/meter.wasm";

const t0 = performance.now();
await init({ module_or_path: new URL(wasm, import.meta.url) });
const loaded = performance.now();
const rules = Rules.centrexx();
// The core's PasswordContext as a plain object (K4: what the password must not contain).
const context = { head_number: "+4961316246800", company_name: "Muster GmbH", admin_email: "admin@muster.de" };
evaluatePassword("", context, rules).free(); // builds the dictionaries once, here
postMessage({
  op: "ready",
  loadMs: loaded - t0,
  firstAnswerMs: performance.now() - loaded,
});

function evaluate(password) {
  const t = performance.now();
  const s = evaluatePassword(password, context, rules);
  const answer = {
    level: s.level,
    score: s.score,
    // K2: the core says whether the level meets the rules' minimum (no level arithmetic here).
    meetsMinimum: s.meetsMinimum(rules),
    levelName: s.levelName("de"),
    warning: s.warning("de") ?? null,
    suggestions: s.suggestions("de"),
    ms: performance.now() - t,
  };
  s.free();
  return answer;
}

function validate(password, confirmation) {
  try {
    validateNewPassword(password, confirmation, context, rules).free();
    return { ok: true };
  } catch (e) {
    return { ok: false, code: e.code, message_de: e.message_de };
  }
}

onmessage = ({ data: { id, op, password, confirmation } }) => {
  postMessage({ id, ...(op === "validate" ? validate(password, confirmation) : evaluate(password)) });
};
