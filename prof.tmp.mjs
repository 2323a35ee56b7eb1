import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { chromium } from "@playwright/test";
const DIST = new URL("./dist/", import.meta.url);
function rng(seed) { return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648); }
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
for (const size of [{actions:5000,steps:1000}]) {
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


const pg = await (await browser.newContext()).newPage();
await pg.goto(base + "/5000-1000-baseline.html");
await pg.waitForSelector("[data-guide-ready]");
await pg.waitForFunction(() => !document.querySelector("table[aria-busy]"), null, { polling: 500, timeout: 60000 });
const cdp = await pg.context().newCDPSession(pg);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
const t = await pg.evaluate(async () => {
  const host = document.querySelector("[data-guides-scope-selector]");
  const settle = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  const times = [];
  for (let round = 0; round < 10; round++) {
    const t0 = performance.now();
    host.querySelectorAll("tr[data-guide-action] input")[3 + (round % 5)].click();
    await settle(); void document.body.offsetHeight;
    times.push(performance.now() - t0);
  }
  return times;
});
const { profile } = await cdp.send("Profiler.stop");
console.log(t.map(x=>x.toFixed(1)).join(" "));
const self = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
for (const [id, us] of counts) { const n = byId.get(id); const k = n.callFrame.functionName + " " + n.callFrame.url.split("/").pop(); self.set(k, (self.get(k) || 0) + us); }
console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>(v/1000).toFixed(1)+"ms "+k).join("\n"));
await browser.close(); server.close();
