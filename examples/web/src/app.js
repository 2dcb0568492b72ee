// The three forms of the demo page, on the npm package `pbx-rules` (bundled by esbuild, see
// package.json). All rules come from its wasm modules; this file wires fields to calls and
// shows the German texts.
//
// - numbers and pins: small modules, loaded with the page.
// - meter: large (zxcvbn's dictionaries) and slow to start, so it loads lazily on the
//   password field's first focus, runs in a Web Worker (meter-worker.js), and evaluations
//   are debounced: a keystroke only schedules one, and only the newest answer is shown.
//   Typing never waits for the meter.
import initNumbers, { NumberPlan, Policy as NumberPolicy } from "pbx-rules/numbers";
import numbersWasm from "pbx-rules/numbers.wasm";
import initPins, { parsePin, Rules, validateNewPin } from "pbx-rules/pins";
import pinsWasm from "pbx-rules/pins.wasm";

/** Milliseconds of quiet typing before the meter evaluates. */
const DEBOUNCE_MS = 80;
const $ = (id) => document.getElementById(id);

/** Load times and first answers (ms), read by the end-to-end test. */
window.pbxTimings = {};

function show(el, text, ok) {
  el.textContent = text;
  el.className = "result " + (ok ? "ok" : "error");
}

async function load(area, init, wasm) {
  const t0 = performance.now();
  await init({ module_or_path: new URL(wasm, import.meta.url) }); // fetch + compile + instantiate
  window.pbxTimings[`${area}Load`] = performance.now() - t0;
}

/** The meter worker, started on first use; `call` resolves with the worker's answer. */
function meterWorker() {
  let worker;
  let ready;
  let next = 0;
  const pending = new Map();
  const start = () => {
    const t0 = performance.now();
    worker = new Worker(new URL("./meter-worker.js", import.meta.url), { type: "module" });
    ready = new Promise((resolve) => {
      worker.onmessage = ({ data }) => {
        if (data.op === "ready") {
          window.pbxTimings.meterLoad = performance.now() - t0;
          window.pbxTimings.meterFirstAnswer = data.firstAnswerMs;
          document.body.dataset.meter = "ready";
          return resolve(data);
        }
        pending.get(data.id)?.(data);
        pending.delete(data.id);
      };
    });
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

function passwordForm() {
  const meter = meterWorker();
  const [pw, confirm, save] = [$("pw-new"), $("pw-confirm"), $("pw-save")];
  let timer;
  let latest = 0;
  pw.addEventListener("focus", () => meter.start(), { once: true });
  const render = (password, s) => {
    $("meter").dataset.level = password ? s.level : "none";
    $("meter").dataset.evaluatedLength = String(password.length);
    $("meter-text").textContent = password
      ? `Stärke: ${s.levelName}${s.warning ? ` – ${s.warning}` : ""}`
      : "";
    $("meter-hints").replaceChildren(
      ...(password ? s.suggestions : []).map((t) => Object.assign(document.createElement("li"), { textContent: t })),
    );
    save.disabled = !password || !s.meetsMinimum;
    window.pbxTimings.lastKeystroke = s.ms;
  };
  pw.addEventListener("input", () => {
    clearTimeout(timer);
    const mine = ++latest;
    timer = setTimeout(async () => {
      const password = pw.value;
      const s = await meter.call({ op: "evaluate", password });
      if (mine === latest) render(password, s); // a newer keystroke's answer wins
    }, DEBOUNCE_MS);
  });
  $("password-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const r = await meter.call({ op: "validate", password: pw.value, confirmation: confirm.value });
    show($("pw-result"), r.ok ? "Das Kennwort kann gespeichert werden." : r.message_de, r.ok);
  });
}

async function pinForm() {
  await load("pins", initPins, pinsWasm);
  const rules = Rules.centrexx();
  $("pin-form").addEventListener("submit", (e) => {
    e.preventDefault();
    try {
      // The old PIN is verified by the server against its hash; here only its shape.
      parsePin($("pin-old").value, rules);
      // The core's PinContext as a plain object: what the user's PIN must not be made of.
      const context = { extension_digits: "10", names: ["Erika", "Muster"], phone_number: "+4961316246810" };
      const warnings = validateNewPin($("pin-new").value, $("pin-confirm").value, context, rules);
      show($("pin-result"), warnings.length ? `PIN gültig, aber leicht zu erraten (${warnings.join(", ")}).` : "Die neue PIN ist gültig.", true);
    } catch (err) {
      show($("pin-result"), err.message_de, false);
    }
  });
}

async function backupForm() {
  await load("numbers", initNumbers, numbersWasm);
  const t0 = performance.now();
  const plan = NumberPlan.fromPolicy(NumberPolicy.centrexx());
  plan.normalize("0171 12345678").free();
  window.pbxTimings.numbersFirstAnswer = performance.now() - t0;
  const field = $("backup");
  field.addEventListener("blur", () => {
    if (!field.value.trim()) return show($("backup-result"), "", true);
    try {
      const n = plan.normalize(field.value);
      field.value = n.international;
      show($("backup-result"), `Gespeichert als ${n.e164}`, true);
      n.free();
    } catch (err) {
      show($("backup-result"), err.message_de, false);
    }
  });
}

passwordForm();
Promise.all([pinForm(), backupForm()]).then(
  () => (document.body.dataset.ready = "true"),
  (err) => {
    document.body.dataset.ready = "error";
    console.error(err);
  },
);
