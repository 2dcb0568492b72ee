// The three forms of the demo page. All rules come from the wasm modules; this file only
// wires fields to calls and shows the German texts. Each form loads its own module, so a
// page with only the meter would load only meter_bg.wasm.
const pkg = "../../bindings-wasm/pkg/web";
const $ = (id) => document.getElementById(id);

/** Load times and first answers (ms), read by the end-to-end test. */
window.pbxTimings = {};

function show(el, text, ok) {
  el.textContent = text;
  el.className = "result " + (ok ? "ok" : "error");
}

async function load(area) {
  const t0 = performance.now();
  const mod = await import(`${pkg}/${area}/${area}.js`);
  await mod.default(); // fetch + compile + instantiate the .wasm
  window.pbxTimings[`${area}Load`] = performance.now() - t0;
  return mod;
}

async function passwordForm() {
  const m = await load("meter");
  const policy = m.Policy.centrexx();
  const minRank = ["red", "orange", "yellow", "light_green", "green"].indexOf(policy.minLevel);
  const context = new m.PasswordContext("+4961316246800", "Muster GmbH", "admin@muster.de", false);
  const [pw, confirm, save] = [$("pw-new"), $("pw-confirm"), $("pw-save")];
  const update = () => {
    const t0 = performance.now();
    const s = m.evaluatePassword(pw.value, context, policy);
    window.pbxTimings.lastKeystroke = performance.now() - t0;
    $("meter").dataset.level = pw.value ? s.level : "none";
    const warning = s.warning("de");
    $("meter-text").textContent = pw.value
      ? `Stärke: ${s.levelName("de")}${warning ? ` – ${warning}` : ""}`
      : "";
    $("meter-hints").replaceChildren(
      ...(pw.value ? s.suggestions("de") : []).map((t) => Object.assign(document.createElement("li"), { textContent: t })),
    );
    save.disabled = !pw.value || s.score < minRank;
    s.free();
  };
  pw.addEventListener("input", update);
  $("password-form").addEventListener("submit", (e) => {
    e.preventDefault();
    try {
      m.validateNewPassword(pw.value, confirm.value, context, policy).free();
      show($("pw-result"), "Das Kennwort kann gespeichert werden.", true);
    } catch (err) {
      show($("pw-result"), err.messageDe, false);
    }
  });
  const t0 = performance.now();
  m.evaluatePassword("", context, policy).free();
  window.pbxTimings.meterFirstAnswer = performance.now() - t0;
}

async function pinForm() {
  const m = await load("pins");
  const policy = m.Policy.centrexx();
  $("pin-form").addEventListener("submit", (e) => {
    e.preventDefault();
    try {
      // The old PIN is verified by the server against its hash; here only its shape.
      m.parsePin($("pin-old").value, policy);
      const warnings = m.validateNewPin($("pin-new").value, $("pin-confirm").value, new m.PinContext(), policy);
      show($("pin-result"), warnings.length ? `PIN gültig, aber leicht zu erraten (${warnings.join(", ")}).` : "Die neue PIN ist gültig.", true);
    } catch (err) {
      show($("pin-result"), err.messageDe, false);
    }
  });
}

async function backupForm() {
  const m = await load("numbers");
  const t0 = performance.now();
  const plan = m.NumberPlan.fromPolicy(m.Policy.centrexx());
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
      show($("backup-result"), err.messageDe, false);
    }
  });
}

Promise.all([passwordForm(), pinForm(), backupForm()]).then(
  () => (document.body.dataset.ready = "true"),
  (err) => {
    document.body.dataset.ready = "error";
    console.error(err);
  },
);
