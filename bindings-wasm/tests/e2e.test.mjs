// Drives examples/web/ in Debian's Chromium through playwright-core: the page is bundled by
// esbuild from the npm package (imports by package name, see examples/web/package.json).
// Weak and strong passwords on the meter (lazy, in a Web Worker, debounced), a bad and a good
// backup number, the PIN form; the main thread's longest task while the meter loads and while
// 32 characters are typed; a screenshot of each state goes to bindings-wasm/screenshots/.
// Skipped (not failed) when PBX_E2E=0.
import test from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { serve } from "../../examples/web/server.mjs";
import { measureMeterPage } from "./main-thread.mjs";

const shots = new URL("../screenshots/", import.meta.url).pathname;
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run"];

test("the web forms in Chromium", { skip: process.env.PBX_E2E === "0" }, async (t) => {
  mkdirSync(shots, { recursive: true });
  const server = await serve(0);
  const browser = await chromium.launch({ executablePath, args });
  t.after(async () => {
    await browser.close();
    server.close();
  });
  const page = await browser.newPage({ viewport: { width: 640, height: 1100 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const loaded = [];
  page.on("request", (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(`http://127.0.0.1:${server.address().port}/examples/web/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  assert.deepEqual(errors, []);
  // The bundle came from the package: esbuild's copies of the package's .wasm files.
  const wasmOf = (area) => loaded.some((p) => new RegExp(`/examples/web/dist/${area}_bg-\\w+\\.wasm$`).test(p));
  assert.ok(wasmOf("numbers") && wasmOf("pins"), loaded.join(" "));
  // The meter loads only when the password field is first focused, in a worker.
  assert.ok(!wasmOf("meter"), "the meter must not load with the page");
  await page.locator("#pw-new").focus();
  await page.waitForSelector("body[data-meter=ready]", { timeout: 60_000 });
  assert.ok(wasmOf("meter") && loaded.some((p) => p.endsWith("/dist/meter-worker.js")));
  const timings = await page.evaluate(() => window.pbxTimings);
  t.diagnostic(`page timings (ms): ${JSON.stringify(timings)}`);

  const meter = page.locator("#meter");
  const text = page.locator("#meter-text");
  const save = page.locator("#pw-save");
  // Debounced: wait until the meter has answered for the whole value.
  const settled = (value) =>
    page.waitForFunction((n) => document.querySelector("#meter").dataset.evaluatedLength === String(n), value.length);

  // A common German word alone (rank 477 of the German list): red, with our German warning.
  await page.locator("#pw-new").pressSequentially("schatz");
  await settled("schatz");
  assert.equal(await meter.getAttribute("data-level"), "red");
  assert.equal(await text.textContent(), "Stärke: rot – Häufige deutsche Wörter sind leicht zu erraten.");
  assert.equal(await save.isDisabled(), true, "save stays disabled below yellow");
  await page.screenshot({ path: shots + "1-password-weak.png", fullPage: true });

  await page.locator("#pw-new").fill("");
  await page.locator("#pw-new").pressSequentially("Kaffeetasse Nordwind Blaubeere");
  await settled("Kaffeetasse Nordwind Blaubeere");
  assert.equal(await meter.getAttribute("data-level"), "green");
  assert.match(await text.textContent(), /^Stärke: grün/);
  assert.equal(await save.isDisabled(), false);
  const keystroke = await page.evaluate(() => window.pbxTimings.lastKeystroke);
  t.diagnostic(`meter in the worker, evaluation of 30 characters: ${keystroke.toFixed(3)} ms`);
  await page.locator("#pw-confirm").fill("Kaffeetasse Nordwind Blaubeere");
  await save.click();
  await page.waitForFunction(() => document.querySelector("#pw-result").textContent !== "");
  assert.equal(await page.locator("#pw-result").textContent(), "Das Kennwort kann gespeichert werden.");
  await page.screenshot({ path: shots + "2-password-strong.png", fullPage: true });

  const backup = page.locator("#backup");
  const result = page.locator("#backup-result");
  await backup.fill("0171 12");
  await backup.blur();
  assert.equal(await result.getAttribute("class"), "result error");
  assert.equal(await result.textContent(), "Dies ist keine gültige Rufnummer für DE.");
  await page.screenshot({ path: shots + "3-backup-bad.png", fullPage: true });

  await backup.fill("0171 12345678");
  await backup.blur();
  assert.equal(await backup.inputValue(), "+49 171 12345678");
  assert.equal(await result.textContent(), "Gespeichert als +4917112345678");
  await page.screenshot({ path: shots + "4-backup-good.png", fullPage: true });

  await page.locator("#pin-old").fill("0000");
  await page.locator("#pin-new").fill("4713");
  await page.locator("#pin-confirm").fill("4731");
  await page.locator("#pin-save").click();
  assert.equal(await page.locator("#pin-result").getAttribute("class"), "result error");
  await page.locator("#pin-confirm").fill("4713");
  await page.locator("#pin-save").click();
  assert.equal(await page.locator("#pin-result").textContent(), "Die neue PIN ist gültig.");
  await page.screenshot({ path: shots + "5-pin-ok.png", fullPage: true });
});

test("typing never waits for the meter (main thread's longest task)", { skip: process.env.PBX_E2E === "0" }, async (t) => {
  const server = await serve(0);
  const browser = await chromium.launch({ executablePath, args });
  t.after(async () => {
    await browser.close();
    server.close();
  });
  const url = `http://127.0.0.1:${server.address().port}/examples/web/`;
  // On a shared machine the OS may preempt Chromium for tens of ms: the best of three runs.
  let best;
  for (let run = 1; run <= 3; run++) {
    const page = await browser.newPage();
    const { pageLoad, meterLoad, typing } = await measureMeterPage(page, url, { lazy: true });
    t.diagnostic(
      `run ${run}, longest main-thread task (ms): page load ${pageLoad.longest.toFixed(1)}, meter load ` +
        `${meterLoad.longest.toFixed(1)}, typing 32 characters ${typing.longest.toFixed(1)}; long tasks ` +
        `(>50 ms) loading the meter ${JSON.stringify(meterLoad.longTasks)}, typing ${JSON.stringify(typing.longTasks)}`,
    );
    // The meter's .wasm is fetched by the worker, never by the page itself.
    const pageFetches = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    assert.ok(!pageFetches.some((n) => /meter_bg-\w+\.wasm$/.test(n)), pageFetches.join(" "));
    await page.close();
    const worst = Math.max(meterLoad.longest, typing.longest);
    if (!best || worst < best) best = worst;
    if (best < 100) break;
  }
  // The page before this change: 129-299 ms while the meter loaded and 65-195 ms while typing
  // (load 9). The meter now works off the main thread.
  assert.ok(best < 100, `the main thread was blocked for ${best} ms in the best run`);
});
