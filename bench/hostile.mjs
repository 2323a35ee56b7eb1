// Hostile sizes: the longest main-thread task while the widget handles a huge
// input, in Debian's headless Chromium, from a Chromium performance trace.
//
//   scripts/bench --hostile   (builds the release bundle first)
//   node bench/hostile.mjs [--runs N]
//
// - link: the demo guide opened with `?actions=` naming N ids (its 51 actions,
//   each many times, among ids it does not have, every one different), and the
//   same link reached by back/forward (popstate);
// - paste: N scopes pasted into "What do my scopes allow?" (the demo's 40
//   scopes among scopes it does not have, every one different);
// - attribute: a page whose actions attribute lists N actions, from navigation
//   until every row is built.
//
// Prints a Markdown table and writes it to bench/hostile.md.
import { writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { execSync } from "node:child_process";
import { serve, launch } from "./serve.mjs";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const SIZES = [5000, 20000, 100000];
const GOAL_MS = 50;
// Other work on the machine shows in every figure: recorded with them.
const LOAD = loadavg()[0].toFixed(2);

/** A page whose actions attribute lists `n` actions over 300 read and 7 write scopes. */
function attributePage(n) {
  const list = Array.from({ length: n }, (_, i) => ({
    id: `action_${i}`, label: `Action number ${i}`, scopes: [`scope.${i % 300}.read`, `scope.${i % 7}.write`],
  }));
  const json = JSON.stringify(list).replace(/&/g, "&amp;").replace(/'/g, "&#39;");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title>
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/guide-scopes.css">
<script type="module">import init from "/guide-scopes.js"; init({ module_or_path: "/guide-scopes_bg.wasm" });</script>
</head><body><div data-guides-scope-selector data-guide-target="#nothing" data-guide-actions-json='${json}'></div>
<div id="nothing"></div></body></html>`;
}

const pages = new Map(SIZES.map((n) => [`/attribute-${n}.html`, attributePage(n)]));
// The browser alone: the same inputs on a page without the widget.
pages.set("/blank.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title>
<link rel="icon" href="/favicon.svg"></head><body><textarea rows="3"></textarea></body></html>`);
// A link of 100,000 ids is a URL of half a megabyte (Chromium takes up to 2 MB).
const { server, base } = await serve(pages);
const browser = await launch([]);

/** The demo's action ids and scopes, as its page lists them. */
const demo = await (async () => {
  const page = await browser.newPage();
  await page.goto(base + "/");
  const actions = JSON.parse(await page.getAttribute("[data-guides-scope-selector]", "data-guide-actions-json"));
  await page.close();
  return { ids: actions.map((a) => a.id), scopes: [...new Set(actions.flatMap((a) => a.scopes))] };
})();

/** `n` link tokens: every 50th one of the demo's ids, the rest unknown and all different. */
const linkTokens = (n) => Array.from({ length: n }, (_, i) => (i % 50 === 0 ? demo.ids[(i / 50) % demo.ids.length] : `x${i.toString(36)}`));
/** `n` pasted scopes: every 50th one of the demo's scopes, the rest unknown and all different. */
const pasteTokens = (n) => Array.from({ length: n }, (_, i) => (i % 50 === 0 ? demo.scopes[(i / 50) % demo.scopes.length] : `other.${i.toString(36)}`));

/** The longest task on the page's main thread while `work` runs, from a trace;
 *  the longest of those that ran the widget's code (a call into guide-scopes.js,
 *  whatever else the browser did in the same task); and how many tasks took
 *  longer than the goal. */
async function longestTask(page, work) {
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  await work();
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const main = new Set(trace.traceEvents
    .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args.name === "CrRendererMain")
    .map((e) => `${e.pid}:${e.tid}`));
  const on = trace.traceEvents.filter((e) => e.ph === "X" && main.has(`${e.pid}:${e.tid}`));
  const tasks = on.filter((e) => e.name === "RunTask");
  const calls = on.filter((e) => e.name === "FunctionCall" && /guide-scopes/.test(e.args?.data?.url ?? ""));
  const ours = tasks.filter((t) => calls.some((c) => c.tid === t.tid && c.ts >= t.ts && c.ts < t.ts + t.dur));
  const ms = (e) => e.dur / 1000;
  return {
    longest: Math.max(0, ...tasks.map(ms)),
    widget: Math.max(0, ...ours.map(ms)),
    over: tasks.filter((t) => ms(t) > GOAL_MS).length,
  };
}

const ready = "[data-guides-scope-selector][data-guide-ready]";
const shadow = (page, selector) => page.locator("[data-guides-scope-selector]").locator(selector);
/** Lets every timer the widget set (the address bar's write among them) run. */
const rest = (page) => page.waitForTimeout(300);

/** The link on `path`, on load and through back/forward; with the widget, until it has named the ids it left out. */
const onLoad = (path, widget) => async (page, n) =>
  longestTask(page, async () => {
    await page.goto(`${base}${path}?actions=${linkTokens(n).join(",")}`);
    if (widget) await shadow(page, "[data-guide-status]").filter({ hasText: "left out" }).waitFor();
    await rest(page);
  });
const backForward = (path, widget) => async (page, n) => {
  await page.goto(base + path);
  if (widget) await page.locator(ready).waitFor();
  await page.evaluate((query) => history.pushState(null, "", query), `?actions=${linkTokens(n).join(",")}`);
  await page.evaluate(() => history.pushState(null, "", "?"));
  return longestTask(page, async () => {
    await page.evaluate(() => history.back());
    if (widget) await shadow(page, "[data-guide-status]").filter({ hasText: "left out" }).waitFor();
    await rest(page);
  });
};
/** `n` scopes pasted into the widget's box, or into a bare textarea. */
const paste = (widget) => async (page, n) => {
  await page.goto(base + (widget ? "/" : "/blank.html"));
  if (widget) {
    await page.locator(ready).waitFor();
    await shadow(page, ".guides-scope-selector__paste summary").click();
  }
  const text = pasteTokens(n).join(" ");
  return longestTask(page, async () => {
    await page.evaluate(([text, widget]) => {
      const box = widget
        ? document.querySelector("[data-guides-scope-selector]").shadowRoot.querySelector("[data-guide-paste-scopes]")
        : document.querySelector("textarea");
      box.value = text;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }, [text, widget]);
    if (widget) await shadow(page, "[data-guide-status]").filter({ hasText: "fully cover" }).waitFor();
    await rest(page);
  });
};

const CASES = {
  "link, on load": onLoad("/", true),
  "link, on load: the browser alone": onLoad("/blank.html", false),
  "link, back/forward": backForward("/", true),
  "link, back/forward: the browser alone": backForward("/blank.html", false),
  paste: paste(true),
  "paste: the browser alone (a bare textarea)": paste(false),
  "attribute (actions), to every row": async (page, n) =>
    longestTask(page, async () => {
      await page.goto(`${base}/attribute-${n}.html`);
      await page.locator(ready).waitFor({ timeout: 120_000 });
      await page.waitForFunction(() => document.querySelector("[data-guides-scope-selector]").shadowRoot
        .querySelector("table")?.getAttribute("aria-busy") === "false", null, { timeout: 300_000, polling: 200 });
    }),
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const [name, run] of Object.entries(CASES)) {
  const cells = [];
  for (const n of SIZES) {
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      samples.push(await run(page, n));
      await context.close();
    }
    const [longest, widget, over] = ["longest", "widget", "over"].map((k) => median(samples.map((s) => s[k])));
    cells.push(widget > 0 ? `${longest.toFixed(1)} / ${widget.toFixed(1)} (${over})` : `${longest.toFixed(1)} (${over})`);
    console.error(`${name} at ${n}: ${cells.at(-1)}`);
  }
  rows.push(`| ${name} | ${cells.join(" | ")} |`);
}
await browser.close();
server.close();

const version = execSync("/usr/bin/chromium --version").toString().trim();
const table = `# Hostile sizes

Machine: ${cpus().length} × ${cpus()[0].model.split(" ").slice(0, 2).join(" ")}, ${Math.round(totalmem() / 2 ** 30)} GiB; ${version}, headless.
Date: ${new Date().toISOString().slice(0, 10)}. Medians of ${RUNS} runs, each in a fresh browser context; load average ${LOAD} at the start.

The longest task on the page's main thread (ms, from a Chromium performance
trace) while the widget handles one huge input, then the longest of the tasks
that ran the widget's code (including whatever the browser did in the same
task), and in brackets how many tasks took longer than ${GOAL_MS} ms. Link: the demo guide opened with \`?actions=\`
naming that many ids (each of its 51 actions among ids it does not have, every
one different), timed from navigation until the widget has said which ids it
left out (so "on load" includes loading the page and the widget); back/forward:
the same link reached by \`history.back()\`. Paste: that many scopes (the demo's
40 among scopes it does not have) pasted into "What do my scopes allow?". Every
case runs until the address bar has been rewritten. "The browser alone": the
same input on a page without the widget (a link of 100,000 ids is an address of
about half a megabyte, and 100,000 scopes about a megabyte of text, which the
browser itself takes time to navigate to, or to lay out in a textarea); the
widget's share is the difference. Attribute: a page whose actions attribute
lists that many actions, from navigation until every row is built. Goal: at
most ${GOAL_MS} ms for the link and the paste at 100,000.

| input | ${SIZES.map((n) => n.toLocaleString("en")).join(" | ")} |
|---|${SIZES.map(() => "---").join("|")}|
${rows.join("\n")}
`;
console.log(table);
await writeFile(new URL("hostile.md", import.meta.url), table);
