// The guide-scopes benchmark: bundle sizes, time to ready, interaction latency
// and memory on generated connector pages, in Debian's headless Chromium.
//
//   scripts/bench            (builds the release bundle first)
//   node bench/run.mjs [--runs N] [--actions 51|1000|5000]
//
// Prints a Markdown table and writes it to bench/results.md (with --actions,
// only that size: for trying a change, not for the record).
import { createServer } from "node:http";
import { readFile, writeFile } from "node:fs/promises";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { cpus, totalmem } from "node:os";
import { execSync } from "node:child_process";
import { chromium } from "@playwright/test";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const DIST = new URL("../dist/", import.meta.url);
const FILES = ["guide-scopes_bg.wasm", "guide-scopes.js", "guide-scopes.css", "guide-scopes-embed.js"];
const onlyArg = process.argv.indexOf("--actions");
const SIZES = [
  { actions: 51, steps: 50 },
  { actions: 1000, steps: 500 },
  { actions: 5000, steps: 1000 },
].filter(({ actions }) => onlyArg < 0 || actions === Number(process.argv[onlyArg + 1]));

// A deterministic pseudo-random sequence, so every run sees the same pages.
function rng(seed) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const VERBS = ["read", "create", "update", "delete", "list", "send", "cancel"];

/** A connector page: actions sharing scopes the way real connectors do. */
function page({ actions, steps }, { filter }) {
  const random = rng(actions * 7 + steps);
  const resources = Math.max(8, Math.round(actions / 12));
  const scopeOf = (r, v) => `public.resource${r}.${v}Items`;
  const list = [];
  for (let i = 0; i < actions; i++) {
    const r = Math.floor(random() * resources);
    const verb = VERBS[Math.floor(random() * VERBS.length)];
    const scopes = [scopeOf(r, verb)];
    if (random() < 0.3) scopes.push(scopeOf(r, "read"));
    list.push({ id: `action_${i}_${verb}_resource${r}`, label: `${verb} item ${i} of resource ${r}`, scopes });
  }
  const allScopes = [...new Set(list.flatMap((a) => a.scopes))].sort();
  const guide = [];
  for (let i = 0; i < steps; i++) {
    const gated = Array.from({ length: 1 + Math.floor(random() * 4) }, () => allScopes[Math.floor(random() * allScopes.length)]);
    guide.push(`<div data-guide-step data-guide-scopes="${gated.join(",")}"><h3>Step ${i}</h3><p>Do the thing for ${gated.join(", ")}.</p>` +
      `<div data-guide-actions-badge data-guide-actions-badge-scopes="${gated.join(",")}"><span data-guide-actions-badge-labels>All</span></div></div>`);
  }
  guide.push(`<div data-guide-display-scopes><ul>${allScopes.slice(0, 300).map((s) =>
    `<li data-guide-display-scope="${s}"><button type="button" data-copy="${s}">${s}</button></li>`).join("")}</ul></div>`);
  const json = JSON.stringify(list).replace(/&/g, "&amp;").replace(/'/g, "&#39;");
  // The baseline points the widget at an empty target: same widget, no guide to filter.
  const target = filter ? "#guide" : "#nothing-here";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/guide-scopes.css">
<script type="module">
  import init from "/guide-scopes.js";
  init({ module_or_path: "/guide-scopes_bg.wasm" }).then((w) => (window.__wasmMemory = w.memory));
</script></head><body>
<div data-guides-scope-selector data-guide-target="${target}" data-guide-actions-json='${json}'></div>
<div id="nothing-here"></div><main id="guide">${guide.join("\n")}</main></body></html>`;
}

const pages = new Map();
for (const size of SIZES) {
  for (const filter of [true, false]) pages.set(`/${size.actions}-${size.steps}-${filter ? "guide" : "baseline"}.html`, page(size, { filter }));
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://127.0.0.1").pathname;
  if (pages.has(path)) return res.writeHead(200, { "content-type": "text/html" }).end(pages.get(path));
  try {
    const body = await readFile(new URL("." + path, DIST));
    const type = path.endsWith(".wasm") ? "application/wasm" : path.endsWith(".js") ? "text/javascript" : "text/css";
    res.writeHead(200, { "content-type": type }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-precise-memory-info"],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One interaction, timed to the end of its update: dispatch, let microtasks and
 *  one macrotask run, then force style and layout. No requestAnimationFrame. */
async function timed(page, action, round) {
  return page.evaluate(async ({ action, round }) => {
    const host = document.querySelector("[data-guides-scope-selector]").shadowRoot;
    const settle = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    const input = host.querySelector("[data-guide-action-search]");
    const t0 = performance.now();
    if (action === "keystroke") {
      // Type "item 1" one key at a time, then delete it again.
      const text = "item 1";
      input.value = round < text.length ? text.slice(0, round + 1) : text.slice(0, 2 * text.length - round - 1);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    } else if (action === "toggle") {
      // The same five actions however the table orders them (by id, not by row).
      host.querySelector(`tr[data-guide-action^="action_${3 + (round % 5)}_"] input`).click();
    } else if (action === "selectAll") {
      host.querySelector(round % 2 === 0 ? "[data-guide-select-all]" : "[data-guide-clear]").click();
    }
    await settle();
    void document.body.offsetHeight;
    return performance.now() - t0;
  }, { action, round });
}

/** The interactions of one page load: the first of each kind, and the median of
 *  the rest (by then the engine has compiled the code paths involved). */
async function interactions(page, action, rounds) {
  const times = [];
  for (let round = 0; round < rounds; round++) times.push(await timed(page, action, round));
  return { first: times[0], warm: median(times.slice(1)) };
}

async function measure(path) {
  const samples = { ready: [], rows: [], keystrokeFirst: [], keystroke: [], toggleFirst: [], toggle: [], selectAllFirst: [], selectAll: [], memory: [] };
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const host = document.querySelector("[data-guide-ready]");
        if (!host) return;
        observer.disconnect();
        window.__readyAt = performance.now();
        // The widget renders in the host's shadow root.
        const root = host.shadowRoot ?? host;
        const built = () => !root.querySelector("table[aria-busy=true]");
        if (built()) {
          window.__rowsAt = performance.now();
          return;
        }
        new MutationObserver((_, rows) => {
          if (!built()) return;
          window.__rowsAt = performance.now();
          rows.disconnect();
        }).observe(root, { subtree: true, attributes: true, attributeFilter: ["aria-busy"] });
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-guide-ready"] });
    });
    await page.goto(base + path);
    await page.waitForFunction(() => window.__rowsAt && window.__wasmMemory);
    samples.ready.push(await page.evaluate(() => window.__readyAt));
    samples.rows.push(await page.evaluate(() => window.__rowsAt));
    const toggle = await interactions(page, "toggle", 10);
    const keystroke = await interactions(page, "keystroke", 12);
    // Select all (even rounds) and Clear (odd rounds): only Select all counts.
    const selectAll = [];
    for (let round = 0; round < 8; round++) {
      const t = await timed(page, "selectAll", round);
      if (round % 2 === 0) selectAll.push(t);
    }
    samples.toggleFirst.push(toggle.first);
    samples.toggle.push(toggle.warm);
    samples.keystrokeFirst.push(keystroke.first);
    samples.keystroke.push(keystroke.warm);
    samples.selectAllFirst.push(selectAll[0]);
    samples.selectAll.push(median(selectAll.slice(1)));
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    samples.memory.push(await page.evaluate(() => performance.memory.usedJSHeapSize + window.__wasmMemory.buffer.byteLength));
    await context.close();
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

const sizeRows = [];
let totals = [0, 0, 0];
for (const file of FILES) {
  const body = await readFile(new URL(file, DIST));
  const row = [body.length, gzipSync(body, { level: 9 }).length,
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
  totals = totals.map((t, i) => t + row[i]);
  sizeRows.push(`| ${file} | ${row.join(" | ")} |`);
}
sizeRows.push(`| **total** | ${totals.join(" | ")} |`);

const ms = (x) => x.toFixed(1);
const timingRows = [];
for (const { actions, steps } of SIZES) {
  for (const kind of ["guide", "baseline"]) {
    const m = await measure(`/${actions}-${steps}-${kind}.html`);
    const both = (first, warm) => `${ms(warm)} (${ms(first)})`;
    timingRows.push(`| ${actions} | ${steps} | ${kind === "guide" ? "filtering" : "baseline (no guide)"} | ${ms(m.ready)} | ${ms(m.rows)} | ${both(m.keystrokeFirst, m.keystroke)} | ${both(m.toggleFirst, m.toggle)} | ${both(m.selectAllFirst, m.selectAll)} | ${(m.memory / 1048576).toFixed(1)} |`);
    console.error(timingRows.at(-1));
  }
}
await browser.close();
server.close();

const chromiumVersion = execSync("/usr/bin/chromium --version").toString().trim();
const report = `# Benchmark results

Machine: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${chromiumVersion}, headless.
Date: ${new Date().toISOString().slice(0, 10)}. Medians of ${RUNS} runs, each in a fresh browser context.

## Bundle (bytes)

| file | raw | gzip -9 | brotli -q 11 |
|---|---|---|---|
${sizeRows.join("\n")}

## Interactions (ms) and memory (MiB)

Ready: from navigation start until \`data-guide-ready\` (the widget works; above
200 actions the later rows are still being built, in growing batches). All rows: until
the table's \`aria-busy\` turns "false"; interactions start after it. Keystroke, toggle and
Select all: from dispatching the event until microtasks and one macrotask have run
and style and layout are forced (no requestAnimationFrame wait). Memory: JS heap
plus wasm linear memory after mount and the interactions. Each interaction is
repeated on the same page load (10 toggles, 12 keystrokes typing and deleting
"item 1", 4 × Select all then Clear); the table gives the median of the repeats,
then in brackets the very first one, which also pays for the engine compiling
that code path. The baseline points the widget at an empty target, so the
difference is the cost of filtering the guide.

| actions | steps | page | ready | all rows | keystroke | toggle one | Select all | memory |
|---|---|---|---|---|---|---|---|---|
${timingRows.join("\n")}
`;
await writeFile(new URL("results.md", import.meta.url), report);
console.log(report);
