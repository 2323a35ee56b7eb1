// The guide-scopes benchmark, measured as a reader meets the widget: a fresh
// page load that embeds it with the README's two lines, then the *first*
// keystroke, toggle or Select all right after the widget says it is ready.
// Also bundle sizes and memory, on generated connector pages, in Debian's
// headless Chromium.
//
//   scripts/bench            (builds the release bundle first)
//   node bench/run.mjs [--runs N] [--actions 51|1000|5000|20000]
//
// Prints Markdown tables and writes them to bench/results.md (with --actions,
// only that size: for trying a change, not for the record).
import { readFile, writeFile } from "node:fs/promises";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { cpus, totalmem } from "node:os";
import { execSync } from "node:child_process";
import { serve, launch } from "./serve.mjs";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const DIST = new URL("../dist/", import.meta.url);
const FILES = ["guide-scopes_bg.wasm", "guide-scopes.js", "guide-scopes.css", "guide-scopes-embed.js"];
const onlyArg = process.argv.indexOf("--actions");
const SIZES = [
  { actions: 51, steps: 50 },
  { actions: 1000, steps: 500 },
  { actions: 5000, steps: 1000 },
  { actions: 20000, steps: 1000 },
].filter(({ actions }) => onlyArg < 0 || actions === Number(process.argv[onlyArg + 1]));
const KINDS = ["keystroke", "toggle", "selectAll"];

// A deterministic pseudo-random sequence, so every run sees the same pages.
function rng(seed) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const VERBS = ["read", "create", "update", "delete", "list", "send", "cancel"];

/** A connector page: actions sharing scopes the way real connectors do, and a
 *  guide of `steps` steps gated on them, embedding the widget as the README says. */
function page({ actions, steps }) {
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
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="/favicon.svg">
<link rel="stylesheet" href="/guide-scopes.css">
<script src="/guide-scopes-embed.js" async></script>
</head><body>
<h1>Set up the connector</h1>
<div data-guides-scope-selector data-guide-target="#guide" data-guide-actions-json='${json}'>
<p data-guide-loading>Loading actions…</p></div>
<main id="guide">${guide.join("\n")}</main></body></html>`;
}

const pages = new Map(SIZES.map((size) => [`/${size.actions}-${size.steps}.html`, page(size)]));

const { server, base } = await serve(pages);
const browser = await launch(["--enable-precise-memory-info"]);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs in the page before its own scripts. Keeps the wasm module's memory (for
 * the memory figure) and the longest main-thread task, and as soon as the host
 * gets `data-guide-ready` performs `kind` (the URL's `first` parameter): once,
 * right away, then nine more times. Each is timed from dispatching the event
 * until microtasks and one macrotask have run and style and layout are forced
 * (no requestAnimationFrame wait).
 */
function instrument() {
  const kind = new URLSearchParams(location.search).get("first");
  const bench = (window.__bench = { times: [], longest: 0 });
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      // The release build's export names are minified: the memory is found by type.
      const exports = (result.instance ?? result).exports ?? {};
      bench.memory = Object.values(exports).find((value) => value instanceof WebAssembly.Memory);
      return result;
    };
  }
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) bench.longest = Math.max(bench.longest, task.duration);
  }).observe({ type: "longtask", buffered: true });

  const settle = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  async function once(root, round) {
    const t0 = performance.now();
    if (kind === "keystroke") {
      // "d", then "de", "del"…: the first keystroke of a search for "delete",
      // which hides about half the rows, then deleting it again.
      const text = "delete";
      const input = root.querySelector("[data-guide-action-search]");
      input.value = round < text.length ? text.slice(0, round + 1) : text.slice(0, 2 * text.length - round - 1);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    } else if (kind === "toggle") {
      // The row a reader sees first, then the next ones down.
      const rows = root.querySelectorAll("tr[data-guide-action] input");
      rows[round % Math.min(rows.length, 5)].click();
    } else {
      // Select all (even rounds), then Clear (odd rounds).
      root.querySelector(round % 2 === 0 ? "[data-guide-select-all]" : "[data-guide-clear]").click();
    }
    await settle();
    void document.body.offsetHeight;
    return performance.now() - t0;
  }
  new MutationObserver((_, observer) => {
    const host = document.querySelector("[data-guide-ready]");
    if (!host) return;
    observer.disconnect();
    bench.ready = performance.now();
    bench.dcl = performance.getEntriesByType("navigation")[0]?.domContentLoadedEventStart;
    setTimeout(async () => {
      for (let round = 0; round < 10; round++) bench.times.push(await once(host.shadowRoot, round));
      bench.done = true;
    });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-guide-ready"] });
}

/** Fresh page loads of `path`, `RUNS` for each kind of first interaction. */
async function measure(path) {
  const samples = { ready: [], sinceDcl: [], longest: [], memory: [] };
  for (const kind of KINDS) samples[kind] = { first: [], warm: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const kind of KINDS) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(instrument);
      await page.goto(`${base}${path}?first=${kind}`);
      await page.waitForFunction(() => window.__bench.done, null, { timeout: 120_000 });
      const bench = await page.evaluate(() => ({ ...window.__bench, memory: undefined }));
      samples.ready.push(bench.ready);
      samples.sinceDcl.push(bench.ready - bench.dcl);
      samples.longest.push(bench.longest);
      // Select all: even rounds only (odd rounds are Clear).
      const times = kind === "selectAll" ? bench.times.filter((_, i) => i % 2 === 0) : bench.times;
      samples[kind].first.push(times[0]);
      samples[kind].warm.push(median(times.slice(1)));
      const cdp = await context.newCDPSession(page);
      await cdp.send("HeapProfiler.collectGarbage");
      samples.memory.push(await page.evaluate(() => performance.memory.usedJSHeapSize + window.__bench.memory.buffer.byteLength));
      await context.close();
    }
  }
  const result = { ready: median(samples.ready), sinceDcl: median(samples.sinceDcl), longest: median(samples.longest), memory: median(samples.memory) };
  for (const kind of KINDS) result[kind] = { first: median(samples[kind].first), warm: median(samples[kind].warm) };
  return result;
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
const firstRows = [];
const warmRows = [];
for (const { actions, steps } of SIZES) {
  const m = await measure(`/${actions}-${steps}.html`);
  const longest = m.longest > 0 ? ms(m.longest) : "none over 50";
  firstRows.push(`| ${actions} | ${steps} | ${ms(m.ready)} | ${ms(m.sinceDcl)} | ${ms(m.keystroke.first)} | ${ms(m.toggle.first)} | ${ms(m.selectAll.first)} | ${longest} | ${(m.memory / 1048576).toFixed(1)} |`);
  warmRows.push(`| ${actions} | ${steps} | ${ms(m.keystroke.warm)} | ${ms(m.toggle.warm)} | ${ms(m.selectAll.warm)} |`);
  console.error(firstRows.at(-1));
}
await browser.close();
server.close();

const chromiumVersion = execSync("/usr/bin/chromium --version").toString().trim();
const report = `# Benchmark results

Machine: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${chromiumVersion}, headless.
Date: ${new Date().toISOString().slice(0, 10)}. Medians of ${RUNS} fresh page loads per figure.

## Bundle (bytes)

| file | raw | gzip -9 | brotli -q 11 |
|---|---|---|---|
${sizeRows.join("\n")}

## As a reader meets it (ms, MiB)

Each page embeds the widget with the README's two lines (the stylesheet and an
\`async\` loader) above a guide of generated steps that it filters. Ready: from
navigation start until the host gets \`data-guide-ready\`; "after DCL": the same
minus \`DOMContentLoaded\`. First keystroke, toggle and Select all: on a fresh
load each, performed as soon as the widget is ready, timed from dispatching the
event until microtasks and one macrotask have run and style and layout are
forced (no requestAnimationFrame wait). The keystroke is the "d" of a search for
"delete" (about half the rows stay); the toggle is the first row's checkbox.
Longest task: the longest main-thread task of the load (the Long Tasks API
reports only tasks over 50 ms). Memory: JS heap plus wasm linear memory after
the interactions.

| actions | steps | ready | after DCL | first keystroke | first toggle | first Select all | longest task | memory |
|---|---|---|---|---|---|---|---|---|
${firstRows.join("\n")}

## Warm (ms)

The nine interactions after the first on the same load (typing the rest of
"delete" and deleting it, the next rows' checkboxes, Select all after Clear):
medians.

| actions | steps | keystroke | toggle | Select all |
|---|---|---|---|---|
${warmRows.join("\n")}
`;
if (onlyArg < 0) await writeFile(new URL("results.md", import.meta.url), report);
console.log(report);
