// The strength meter in a Web Worker: the meter module (zxcvbn's dictionaries) downloads,
// compiles and builds its dictionaries here, never on the page's main thread. The page
// sends {op: "init", preset, lang, context} once, then {id, op: "check", password,
// confirmation} and gets the meter's verdict and the rules' answer in the page's language.
import init, { evaluatePassword, Rules, validateNewPassword } from "pbx-rules/meter";
import wasm from "pbx-rules/meter.wasm";

const loaded = init({ module_or_path: new URL(wasm, import.meta.url) });
let rules;
let context;
let lang;

function check(password, confirmation) {
  const s = evaluatePassword(password, context, rules);
  const answer = {
    level: s.level,
    levelName: s.levelName(lang),
    suggestions: s.suggestions(lang),
  };
  s.free();
  try {
    validateNewPassword(password, confirmation, context, rules).free();
    return { ...answer, ok: true };
  } catch (e) {
    return { ...answer, ok: false, code: e.code, message: lang === "en" ? e.message_en : e.message_de };
  }
}

onmessage = async ({ data }) => {
  await loaded;
  if (data.op === "init") {
    rules = data.preset === "strict" ? Rules.strict() : Rules.centrexx();
    ({ context, lang } = data);
    evaluatePassword("", context, rules).free(); // builds the dictionaries once, here
    postMessage({ op: "ready" });
    return;
  }
  postMessage({ id: data.id, ...check(data.password, data.confirmation) });
};
