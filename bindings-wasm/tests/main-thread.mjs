// Measures how long the page's main thread is busy in one piece: a probe posts itself a
// message over and over (each message is its own task), so the longest gap between two
// probe messages is the longest task anything else ran on the main thread in that window,
// whether or not it reaches the 50 ms of the Long Tasks API (whose entries are kept too).
//
//   node tests/main-thread.mjs URL [--lazy]   # prints the figures for a page
//
// Used by e2e.test.mjs for examples/web/ ("after": the meter in a Web Worker, loaded on
// first focus, debounced) and by hand for the earlier page ("before": the meter on the main
// thread, loaded with the page): see bindings-wasm/README.md.
import { fileURLToPath } from "node:url";

/** Installs the probe before any page script runs. */
export async function installProbe(page) {
  await page.addInitScript(() => {
    const probe = { max: 0, last: performance.now(), longTasks: [] };
    window.__probe = probe;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const now = performance.now();
      probe.max = Math.max(probe.max, now - probe.last);
      probe.last = now;
      channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
}

/** Starts a new window: the longest task from now on. */
export async function resetProbe(page) {
  await page.evaluate(() => {
    window.__probe.max = 0;
    window.__probe.last = performance.now();
    window.__probe.longTasks = [];
  });
}

/** The longest main-thread task (ms) since the last reset, and the Long Tasks API's entries. */
export async function readProbe(page) {
  // One more probe round, so a task still running at the end is counted.
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 0)));
  return page.evaluate(() => ({ longest: window.__probe.max, longTasks: [...window.__probe.longTasks] }));
}

/** The 32 characters typed in both measurements. */
export const TYPED = "Kaffeetasse Nordwind Blaubeere!7";

/**
 * Loads `url`, then measures the longest task while the meter loads and while 32 characters
 * are typed into #pw-new (50 ms apart, a fast typist). `lazy`: the page loads the meter on
 * the field's first focus (body[data-meter=ready] when done); otherwise with the page.
 */
export async function measureMeterPage(page, url, { lazy }) {
  await installProbe(page);
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
  const pageLoad = await readProbe(page);
  let meterLoad = pageLoad;
  const field = page.locator("#pw-new");
  if (lazy) {
    await resetProbe(page);
    await field.focus();
    await page.waitForSelector("body[data-meter=ready]", { timeout: 60_000 });
    meterLoad = await readProbe(page);
  }
  await field.focus();
  await resetProbe(page);
  await field.pressSequentially(TYPED, { delay: 50 });
  // The lazy page marks the length it evaluated (debounced); the earlier page evaluated
  // every keystroke synchronously, so its last colour is there once typing ends.
  await page.waitForFunction(
    ([n, lazy]) => {
      const meter = document.querySelector("#meter");
      return lazy ? meter.dataset.evaluatedLength === String(n) : meter.dataset.level === "green";
    },
    [TYPED.length, lazy],
    { timeout: 30_000 },
  );
  const typing = await readProbe(page);
  return { pageLoad, meterLoad, typing };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { chromium } = await import("playwright-core");
  const [url, flag] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    const figures = await measureMeterPage(page, url, { lazy: flag === "--lazy" });
    console.log(JSON.stringify(figures));
  } finally {
    await browser.close();
  }
}
