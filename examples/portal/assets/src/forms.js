// The portal's forms on the npm package `pbx-rules` (bundled by esbuild, see package.json):
// people see the verdict while they type, from the same rules the server decides with.
// The page says which preset runs (body[data-preset]) and in which language
// (body[data-lang]); each form carries the core's context record as JSON
// (data-pin-context, data-password-context). The server decides in the end; without
// JavaScript the forms work the same, only without the live verdict.
//
// - PIN and number fields: small modules, loaded when the page has such a field.
// - Password fields: the meter module is large (zxcvbn's dictionaries), so it loads on
//   the field's first focus, in a Web Worker (meter-worker.js); typing never waits for it.
import initNumbers, { NumberPlan, Policy as NumberPolicy } from "pbx-rules/numbers";
import numbersWasm from "pbx-rules/numbers.wasm";
import initPins, { Rules, validateNewPin } from "pbx-rules/pins";
import pinsWasm from "pbx-rules/pins.wasm";

const DEBOUNCE_MS = 120;
const { lang, preset } = document.body.dataset;
const message = (err) => (lang === "en" ? err.message_en : err.message_de) ?? String(err);

/** The verdict line below a field. */
const verdictOf = (input) => input.form.querySelector(`.verdict[data-for="${input.name}"]`);

function show(el, state, text, code = "") {
  el.className = `verdict ${state}`;
  el.dataset.state = state;
  el.dataset.code = code;
  el.textContent = text;
}

function clear(el) {
  show(el, "", "");
}

/**
 * Calls `check` with the field's value once typing paused; empty fields show nothing.
 * Not on blur: a verdict appearing as focus moves to the form's button would move the
 * button under the pointer and lose the click. Until the answer shows, the verdict line
 * is marked pending (data-state), without changing the layout.
 */
function live(input, check) {
  let timer;
  const run = () => {
    const el = verdictOf(input);
    if (!input.value) return clear(el);
    check(input.value, el);
  };
  input.addEventListener("input", () => {
    verdictOf(input).dataset.state = "pending";
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
}

async function load(init, wasm) {
  await init({ module_or_path: new URL(wasm, import.meta.url) });
}

async function pinFields() {
  const forms = [...document.querySelectorAll("form[data-pin-context]")];
  if (!forms.length) return;
  await load(initPins, pinsWasm);
  const rules = preset === "strict" ? Rules.strict() : Rules.centrexx();
  for (const form of forms) {
    const context = JSON.parse(form.dataset.pinContext);
    const pin = form.querySelector("[data-check=pin-new]");
    const repeat = form.querySelector("[data-check=pin-repeat]");
    live(pin, (value, el) => {
      try {
        // The PIN's own rules: checked against itself as the repetition.
        const warnings = validateNewPin(value, value, context, rules);
        if (warnings.length) show(el, "warn", el.dataset.warn, warnings.join(" "));
        else show(el, "ok", el.dataset.ok);
      } catch (err) {
        show(el, "error", message(err), err.code);
      }
    });
    live(repeat, (value, el) => {
      try {
        validateNewPin(pin.value, value, context, rules);
        show(el, "ok", el.dataset.ok);
      } catch (err) {
        // Only the repetition's own fault shows here; the PIN's shows at the PIN.
        if (err.code === "PIN_MISMATCH") show(el, "error", message(err), err.code);
        else clear(el);
      }
    });
  }
}

async function numberFields() {
  const fields = [...document.querySelectorAll("[data-check=number]")];
  if (!fields.length) return;
  await load(initNumbers, numbersWasm);
  // The number rules are the same in both presets.
  const plan = NumberPlan.fromPolicy(NumberPolicy.centrexx());
  for (const field of fields) {
    live(field, (value, el) => {
      try {
        const n = plan.normalize(value);
        show(el, "ok", el.dataset.ok.replace("{e164}", n.e164));
        n.free();
      } catch (err) {
        show(el, "error", message(err), err.code);
      }
    });
  }
}

/** The meter worker, started on first use; `call` resolves with the worker's answer. */
function meterWorker(context) {
  let worker;
  let ready;
  let next = 0;
  const pending = new Map();
  const start = () => {
    worker = new Worker(new URL("./meter-worker.js", import.meta.url), { type: "module" });
    ready = new Promise((resolve) => {
      worker.onmessage = ({ data }) => {
        if (data.op === "ready") {
          document.body.dataset.meter = "ready";
          return resolve(data);
        }
        pending.get(data.id)?.(data);
        pending.delete(data.id);
      };
    });
    worker.postMessage({ op: "init", preset, lang, context });
    return ready;
  };
  return {
    start: () => ready ?? start(),
    async call(request) {
      await (ready ?? start());
      const id = ++next;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, ...request });
      });
    },
  };
}

function passwordFields() {
  for (const form of document.querySelectorAll("form[data-password-context]")) {
    const meter = meterWorker(JSON.parse(form.dataset.passwordContext));
    const password = form.querySelector("[data-check=password-new]");
    const repeat = form.querySelector("[data-check=password-repeat]");
    const bar = form.querySelector("#meter");
    const hints = form.querySelector("#meter-hints");
    password.addEventListener("focus", () => meter.start(), { once: true });
    let latest = 0;
    live(password, async (value, el) => {
      const mine = ++latest;
      const r = await meter.call({ op: "check", password: value, confirmation: value });
      if (mine !== latest) return; // a newer keystroke's answer wins
      bar.dataset.level = r.level;
      hints.replaceChildren(
        ...r.suggestions.map((t) => Object.assign(document.createElement("li"), { textContent: t })),
      );
      const strength = `${el.dataset.label}: ${r.levelName}`;
      if (r.ok) show(el, "ok", `${strength}. ${el.dataset.ok}`);
      else show(el, "error", `${strength}. ${r.message}`, r.code);
    });
    live(repeat, async (value, el) => {
      const r = await meter.call({ op: "check", password: password.value, confirmation: value });
      if (r.code === "PASSWORD_MISMATCH") show(el, "error", r.message, r.code);
      else if (r.ok) show(el, "ok", el.dataset.ok);
      else clear(el);
    });
  }
}

passwordFields();
Promise.all([pinFields(), numberFields()]).then(
  () => (document.body.dataset.ready = "true"),
  (err) => {
    document.body.dataset.ready = "error";
    console.error(err);
  },
);
