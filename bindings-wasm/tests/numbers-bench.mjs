// The browser numbers module beside libphonenumber-js max, in one run: what a page fetches
// (gzip -9 of each file, as a server sends them) and the first answer (import, then the first
// normalize) in fresh Node processes and in fresh Chromium contexts (Debian's chromium
// through playwright-core). Prints figures; asserts nothing (the size check is a test:
// numbers-module.test.cjs).
//   node tests/numbers-bench.mjs [--runs N] [--no-browser]      (after build.sh)
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const here = new URL("..", import.meta.url).pathname;
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf("--runs") + 1] || 7) || 7;
const web = "pkg/web/numbers/";
const ours = ["numbers_bg.wasm", "numbers.js"].map((f) => web + f);
const peer = "node_modules/libphonenumber-js/bundle/libphonenumber-max.js";
const version = JSON.parse(readFileSync(here + "node_modules/libphonenumber-js/package.json", "utf8")).version;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x) => `${x.toFixed(1)} ms`;

// Sizes: GNU gzip -9 (what the goal names) and Node's zlib level 9, per file.
const gzip = (path) => execFileSync("gzip", ["-9", "-n"], { input: readFileSync(here + path) }).length;
const zlib = (path) => gzipSync(readFileSync(here + path), { level: 9 }).length;
console.log("sizes (bytes: raw, gzip -9, zlib 9)");
const total = { raw: 0, gzip: 0, zlib: 0 };
for (const path of ours) {
  const row = { raw: readFileSync(here + path).length, gzip: gzip(path), zlib: zlib(path) };
  for (const k in total) total[k] += row[k];
  console.log(`  ${path}: ${row.raw}, ${row.gzip}, ${row.zlib}`);
}
const theirs = { raw: readFileSync(here + peer).length, gzip: gzip(peer), zlib: zlib(peer) };
console.log(`  numbers module, both files: ${total.raw}, ${total.gzip}, ${total.zlib}`);
console.log(`  libphonenumber-js ${version} max bundle: ${theirs.raw}, ${theirs.gzip}, ${theirs.zlib}`);
console.log(`  ratio (gzip): ${(total.gzip / theirs.gzip).toFixed(3)}, ${theirs.gzip - total.gzip} bytes less`);

// Node: a fresh process per run, ours and the peer in turn; the time from before the
// require to the first E.164.
const node = (code) => Number(execFileSync(process.execPath, ["-e", `
  const t0 = performance.now();
  ${code}
  process.stdout.write(String(performance.now() - t0));`], { cwd: here }));
const oursNode = `const m = require("./pkg/node-area/numbers/numbers.js");
  if (new m.NumberPlan("DE").normalize("0171 12345678").e164 !== "+4917112345678") throw 1;`;
const peerNode = `const m = require("libphonenumber-js/max");
  const n = m.parsePhoneNumber("0171 12345678", "DE");
  if (!n.isValid() || n.format("E.164") !== "+4917112345678") throw 1;`;
const times = { ours: [], peer: [] };
for (let i = 0; i < runs; i++) {
  times.ours.push(node(oursNode));
  times.peer.push(node(peerNode));
}
console.log(`Node ${process.version}, first answer, median of ${runs} fresh processes`);
console.log(`  numbers module (its .wasm with Node glue): ${ms(median(times.ours))}` +
  ` (runs ${times.ours.map((t) => t.toFixed(1)).join(", ")})`);
console.log(`  libphonenumber-js max: ${ms(median(times.peer))}` +
  ` (runs ${times.peer.map((t) => t.toFixed(1)).join(", ")})`);

if (!argv.includes("--no-browser")) {
  // The page's files from a server process of its own (examples/web/server.mjs), so that
  // serving them never waits for this process, which drives the browser.
  const server = spawn(process.execPath, [here + "../examples/web/server.mjs", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const origin = await new Promise((ok, fail) => {
    server.stdout.once("data", (line) => ok(new URL(String(line).trim()).origin));
    server.once("exit", () => fail(new Error("the server stopped")));
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run"],
  });
  // A fresh context per run: no HTTP cache, no compiled code kept from the run before.
  const inPage = async (fn, arg) => {
    const context = await browser.newContext();
    // The time spent fetching since t0: the requests' own durations (resource timing).
    await context.addInitScript(() => {
      globalThis.fetchedSince = (t0) => performance.getEntriesByType("resource")
        .filter((e) => e.startTime >= t0 - 1)
        .reduce((sum, e) => sum + e.responseEnd - e.startTime, 0);
    });
    const page = await context.newPage();
    await page.route(`${origin}/bench`, (r) => r.fulfill({ contentType: "text/html", body: "<!doctype html>" }));
    await page.goto(`${origin}/bench`);
    const result = await page.evaluate(fn, arg);
    await context.close();
    return result;
  };
  // Each returns [first answer, of it in fetches (resource timing), import and init, first
  // normalize]; the rest of the first answer is parsing, compiling and running.
  const oursPage = async ([url, alongside]) => {
    const t0 = performance.now();
    // `alongside`: the page fetches the .wasm while it imports the glue, as a page that knows
    // it needs the module can (a preload link does the same).
    const wasm = alongside ? fetch(new URL("numbers_bg.wasm", url)) : undefined;
    const m = await import(url);
    await m.default(wasm && { module_or_path: wasm });
    const t1 = performance.now();
    const e164 = new m.NumberPlan("DE").normalize("0171 12345678").e164;
    const t2 = performance.now();
    if (e164 !== "+4917112345678") throw new Error(e164);
    return [t2 - t0, globalThis.fetchedSince(t0), t1 - t0, t2 - t1];
  };
  const peerPage = async (url) => {
    const t0 = performance.now();
    await new Promise((ok, fail) => {
      const script = Object.assign(document.createElement("script"), { src: url, onload: ok, onerror: fail });
      document.head.append(script);
    });
    const n = globalThis.libphonenumber.parsePhoneNumber("0171 12345678", "DE");
    if (!n.isValid() || n.format("E.164") !== "+4917112345678") throw new Error("peer");
    return [performance.now() - t0, globalThis.fetchedSince(t0)];
  };
  const page = { ours: [], alongside: [], peer: [] };
  const glue = `${origin}/bindings-wasm/${web}numbers.js`;
  for (let i = 0; i < runs; i++) {
    page.ours.push(await inPage(oursPage, [glue, false]));
    page.alongside.push(await inPage(oursPage, [glue, true]));
    page.peer.push(await inPage(peerPage, `${origin}/bindings-wasm/${peer}`));
  }
  console.log(`Chromium ${browser.version()}, first answer, median of ${runs} fresh contexts (localhost)`);
  const at = (xs, k) => median(xs.map((x) => x[k]));
  const rest = (xs) => median(xs.map((x) => x[0] - x[1]));
  console.log(`  numbers module: ${ms(at(page.ours, 0))} (fetching ${ms(at(page.ours, 1))}, the rest ${ms(rest(page.ours))};` +
    ` import and init ${ms(at(page.ours, 2))}, first normalize ${ms(at(page.ours, 3))};` +
    ` runs ${page.ours.map((x) => x[0].toFixed(1)).join(", ")})`);
  console.log(`  numbers module, its .wasm fetched alongside the import: ${ms(at(page.alongside, 0))}` +
    ` (runs ${page.alongside.map((x) => x[0].toFixed(1)).join(", ")})`);
  console.log(`  libphonenumber-js max: ${ms(at(page.peer, 0))} (fetching ${ms(at(page.peer, 1))}, the rest ${ms(rest(page.peer))};` +
    ` runs ${page.peer.map((x) => x[0].toFixed(1)).join(", ")})`);
  await browser.close();
  server.kill();
}
