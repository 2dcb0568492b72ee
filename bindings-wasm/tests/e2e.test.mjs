// Drives examples/web/ in Debian's Chromium through playwright-core: weak and strong
// passwords on the live meter, a bad and a good backup number; a screenshot of each state
// goes to bindings-wasm/screenshots/. Skipped (not failed) when PBX_E2E=0.
import test from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { serve } from "../../examples/web/server.mjs";

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
  // Each form loaded its own module, and only that one .wasm per area.
  for (const area of ["meter", "numbers", "pins"]) {
    assert.ok(loaded.some((p) => p.endsWith(`/${area}/${area}_bg.wasm`)), area);
  }
  const timings = await page.evaluate(() => window.pbxTimings);
  t.diagnostic(`page timings (ms): ${JSON.stringify(timings)}`);

  const meter = page.locator("#meter");
  const text = page.locator("#meter-text");
  const save = page.locator("#pw-save");

  // A common German word alone (rank 477 of the German list): red, with our German warning.
  await page.locator("#pw-new").pressSequentially("schatz");
  assert.equal(await meter.getAttribute("data-level"), "red");
  assert.equal(await text.textContent(), "Stärke: rot – Häufige deutsche Wörter sind leicht zu erraten.");
  assert.equal(await save.isDisabled(), true, "save stays disabled below yellow");
  await page.screenshot({ path: shots + "1-password-weak.png", fullPage: true });

  await page.locator("#pw-new").fill("");
  await page.locator("#pw-new").pressSequentially("Kaffeetasse Nordwind Blaubeere");
  assert.equal(await meter.getAttribute("data-level"), "green");
  assert.match(await text.textContent(), /^Stärke: grün/);
  assert.equal(await save.isDisabled(), false);
  const keystroke = await page.evaluate(() => window.pbxTimings.lastKeystroke);
  t.diagnostic(`meter, last keystroke of 30 characters: ${keystroke.toFixed(3)} ms`);
  await page.locator("#pw-confirm").fill("Kaffeetasse Nordwind Blaubeere");
  await save.click();
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
