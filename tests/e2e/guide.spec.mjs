// Filtering the guide: steps, sections, scope lists and badges follow the
// selection, and clearing it gives back the page exactly as served.
import { test, expect } from "@playwright/test";
import { open, tick, expectNoErrors, expectSearch } from "./helpers.mjs";

const GUIDE = "/fixtures/guide.html";

/**
 * In the page: every guide element under `root` with its expected state under
 * the contract's rule (computed from a fresh parse of the served HTML) and its
 * actual state.
 */
function compare(page, root, chosenScopes) {
  return page.evaluate(
    async ({ root, chosenScopes }) => {
      const served = new DOMParser().parseFromString(
        await (await fetch(location.href)).text(),
        "text/html",
      );
      const S = new Set(chosenScopes);
      const list = (v) => (v || "").split(",").map((s) => s.trim()).filter(Boolean);
      const out = [];
      const pairs = (sel) => {
        const scoped = sel.split(",").map((s) => `${root} ${s}`).join(",");
        const live = [...document.querySelectorAll(scoped)];
        const orig = [...served.querySelectorAll(scoped)];
        return live.map((el, i) => [el, orig[i]]);
      };
      for (const [el, orig] of pairs("[data-guide-section], [data-guide-step]")) {
        const rule = S.size === 0 || list(orig.getAttribute("data-guide-scopes")).length === 0 ||
          list(orig.getAttribute("data-guide-scopes")).some((s) => S.has(s));
        out.push({ id: el.id, expectHidden: orig.hasAttribute("hidden") || !rule, hidden: el.hasAttribute("hidden") });
      }
      for (const [el, orig] of pairs("[data-guide-display-scopes] li[data-guide-display-scope]")) {
        const rule = S.size === 0 || S.has(orig.getAttribute("data-guide-display-scope").trim());
        out.push({ id: orig.getAttribute("data-guide-display-scope"), expectHidden: !rule, hidden: el.hasAttribute("hidden") });
      }
      return out;
    },
    { root, chosenScopes },
  );
}

async function expectGuideFollowsRule(page, chosenScopes) {
  const rows = await compare(page, "#guide", chosenScopes);
  expect(rows.length).toBeGreaterThan(10);
  for (const row of rows) expect(row, JSON.stringify(row)).toEqual({ ...row, hidden: row.expectHidden });
}

/** Every element of `root`: its attributes and own text, in document order. */
async function snapshot(page, root, html) {
  return page.evaluate(
    ({ root, html }) => {
      const doc = html ? new DOMParser().parseFromString(html, "text/html") : document;
      return [...doc.querySelectorAll(`${root}, ${root} *`)].map((el) => ({
        tag: el.tagName,
        attributes: [...el.attributes].map((a) => `${a.name}=${a.value}`).sort(),
        text: [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join(""),
      }));
    },
    { root, html },
  );
}

test("each selection shows exactly the steps, sections and scopes it needs", async ({ page }) => {
  const errors = await open(page, GUIDE);
  const w = page.locator("[data-guides-scope-selector]");
  await expectGuideFollowsRule(page, []);

  await tick(w, "Read Records");
  await expectGuideFollowsRule(page, ["records.read"]);
  await expect(page.locator("#step-write")).toBeHidden();
  await expect(page.locator("#step-records")).toBeVisible();
  await expect(page.locator("#section-hooks")).toBeHidden();
  await expect(page.locator("#step-author-hidden")).toBeHidden();
  await expect(page.locator("#step-unknown")).toBeHidden();
  await expect(page.locator("#step-blank")).toBeVisible();
  await expect(page.locator("#loose-item")).toBeVisible();

  await tick(w, "Manage Webhooks");
  await expectGuideFollowsRule(page, ["records.read", "hooks.write"]);
  await expect(page.locator("#section-hooks")).toBeVisible();
  await expect(page.locator("#step-nested-admin")).toBeHidden();

  await w.locator("[data-guide-clear]").click();
  await tick(w, "Administer");
  await expectGuideFollowsRule(page, ["admin.all"]);
  await expect(page.locator("#badge")).toBeHidden();

  await w.locator("[data-guide-select-all]").click();
  await expectGuideFollowsRule(page, ["records.read", "records.write", "hooks.write", "admin.all"]);
  await expect(page.locator("#step-author-hidden")).toBeHidden();
  await expectNoErrors(errors);
});

test("the badge lists the chosen actions that need its scopes", async ({ page }) => {
  await open(page, GUIDE);
  const w = page.locator("[data-guides-scope-selector]");
  const labels = page.locator("#badge [data-guide-actions-badge-labels]");
  await expect(labels).toHaveText("Everything served");
  await tick(w, "Write Records");
  await expect(labels).toHaveText("Write Records");
  await tick(w, "Manage Webhooks");
  await tick(w, "Read Records");
  await expect(labels).toHaveText("Manage Webhooks, Read Records, Write Records");
  await expect(page.locator("#badge")).toBeVisible();
});

test("clearing restores the guide attribute for attribute and text for text", async ({ page }) => {
  await open(page, GUIDE);
  const served = await (await page.request.get(GUIDE)).text();
  const w = page.locator("[data-guides-scope-selector]");
  for (const label of ["Read Records", "Manage Webhooks", "Administer"]) await tick(w, label);
  await w.locator("[data-guide-clear]").click();
  expect(await snapshot(page, "#guide")).toEqual(await snapshot(page, "#guide", served));
  await expect(page.locator("#badge em")).toHaveText("served");
});

test("a link with a selection opens the guide already narrowed", async ({ page }) => {
  await open(page, `${GUIDE}?actions=hooks`);
  await expectGuideFollowsRule(page, ["hooks.write"]);
  await expect(page.locator("#badge [data-guide-actions-badge-labels]")).toHaveText("Manage Webhooks");
});

test("a scope's copy button copies it, with the widget's feedback", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, GUIDE);
  await page.locator('button[data-copy="hooks.write"]').click();
  await expect(page.locator("[data-guide-status]")).toHaveText("Copied hooks.write.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("hooks.write");
});

test("two widgets with their own targets and parameters do not disturb each other", async ({ page }) => {
  const errors = await open(page, "/fixtures/two.html");
  await expect(page.locator("[data-guide-ready]")).toHaveCount(4);
  const [mail, files] = [page.locator("#mail [data-guides-scope-selector]"), page.locator("#files [data-guides-scope-selector]")];
  await tick(mail, "Read Mail");
  await expect(page.locator("#mail-send-step")).toBeHidden();
  await expect(page.locator("#mail-read-step")).toBeVisible();
  await expect(page.locator("#files-share-step")).toBeVisible();
  await expect(page.locator("#files-read-step")).toBeVisible();
  await tick(files, "Share Files");
  await expect(page.locator("#files-read-step")).toBeHidden();
  await expect(page.locator("#mail-send-step")).toBeHidden();
  await expectSearch(page, "?mail=read&files=send");
  expect(await files.locator("tr[data-guide-action] input:checked").count()).toBe(1);

  // Ids are unique on the page and in each widget, and every label names a
  // control of its own widget (each widget renders in its host's shadow root).
  const roots = () => [document, ...[...document.querySelectorAll("[data-guides-scope-selector]")].map((h) => h.shadowRoot)];
  const ids = await page.evaluate(`(${roots})().map((root) => [...root.querySelectorAll("[id]")].map((e) => e.id))`);
  expect(ids.length).toBe(5);
  for (const list of ids) expect(new Set(list).size).toBe(list.length);
  expect(new Set(ids.flat()).size).toBe(ids.flat().length);
  const stray = await page.evaluate(`(${roots})().flatMap((root) =>
    [...root.querySelectorAll("label[for]")].filter((l) => {
      const control = root.getElementById(l.htmlFor);
      return !control || control.getRootNode() !== l.getRootNode();
    })).length`);
  expect(await page.evaluate(`(${roots})().slice(1).every((root) => root.querySelectorAll("label[for]").length > 0)`)).toBe(true);
  expect(stray).toBe(0);

  await page.reload();
  await expect(page.locator("[data-guide-ready]")).toHaveCount(4);
  expect(await mail.locator("tr[data-guide-action] input:checked").count()).toBe(1);
  await expect(page.locator("#files-read-step")).toBeHidden();
  await expectNoErrors(errors);
});

const ARTICLE = `
  <article id="article">
    <div data-guides-scope-selector data-guide-target="#article"
         data-guide-actions-json='[{"id":"a","label":"Alpha","scopes":["s.a"]},{"id":"b","label":"Beta","scopes":["s.b"]}]'></div>
    <div data-guide-step data-guide-scopes="s.a" id="step-a">Step A</div>
    <div data-guide-step data-guide-scopes="s.b" id="step-b">Step B</div>
  </article>`;

test("a single-page app: a widget inserted later is mounted, and removed cleanly", async ({ page }) => {
  const errors = await open(page, "/fixtures/spa.html", { ready: null });
  await page.waitForFunction(() => document.querySelector("script[src$='guide-scopes-embed.js']"));
  await page.evaluate((html) => (document.getElementById("app").innerHTML = html), ARTICLE);
  const w = page.locator("[data-guides-scope-selector]");
  await expect(w).toHaveAttribute("data-guide-ready", "");
  await tick(w, "Beta");
  await expect(page.locator("#step-a")).toBeHidden();
  await expectSearch(page, "?actions=b");

  // The reader navigates away, then back: the new article mounts a fresh widget.
  await page.evaluate(() => (document.getElementById("app").innerHTML = "<p>Another page</p>"));
  await page.evaluate(() => history.replaceState(null, "", location.pathname));
  await page.evaluate((html) => (document.getElementById("app").innerHTML = html), ARTICLE);
  await expect(w).toHaveAttribute("data-guide-ready", "");
  expect(await w.locator("tr[data-guide-action] input:checked").count()).toBe(0);
  await expect(page.locator("#step-a")).toBeVisible();
  await expectNoErrors(errors);
});

test("mounting and removing a widget 200 times leaks no listeners or memory", async ({ page }) => {
  await open(page, "/fixtures/spa.html", { ready: null });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const cycle = async (times) => {
    for (let i = 0; i < times; i++) {
      await page.evaluate((html) => (document.getElementById("app").innerHTML = html), ARTICLE);
      await page.locator("[data-guide-ready]").waitFor();
      await page.locator("[data-guides-scope-selector] input[type=checkbox]").first().check();
      await page.evaluate(() => (document.getElementById("app").innerHTML = ""));
      await page.waitForFunction(() => !document.querySelector("[data-guides-scope-selector]"));
    }
    await page.evaluate(() => history.replaceState(null, "", location.pathname));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    return { listeners: m.JSEventListeners, nodes: m.Nodes, heap: m.JSHeapUsedSize };
  };
  const warm = await cycle(20);
  const after = await cycle(200);
  expect(after.listeners).toBeLessThanOrEqual(warm.listeners);
  expect(after.nodes).toBeLessThanOrEqual(warm.nodes + 50);
  expect(after.heap - warm.heap).toBeLessThan(1_000_000);
  console.log(`after 20 cycles: ${JSON.stringify(warm)}; after 220: ${JSON.stringify(after)}`);
});

test("overlapping targets: a step stays hidden while any widget hides it", async ({ page }) => {
  const errors = await open(page, "/fixtures/overlap.html");
  await expect(page.locator("[data-guide-ready]")).toHaveCount(2);
  const step = page.locator("#shared-step");
  await tick(page.locator("#page-widget"), "Use X"); // the page widget hides the s.y step
  await expect(step).toBeHidden();
  await tick(page.locator("#inner-widget"), "Use Y here"); // the inner widget would show it
  await expect(step).toBeHidden();
  await page.locator("#page-widget [data-guide-clear]").click();
  await expect(step).toBeVisible();
  await page.locator("#inner-widget [data-guide-clear]").click();
  await expect(step).toBeVisible();
  expect(await step.evaluate((e) => e.getAttributeNames().sort())).toEqual(["data-guide-scopes", "data-guide-step", "id"]);
  await expectNoErrors(errors);
});
