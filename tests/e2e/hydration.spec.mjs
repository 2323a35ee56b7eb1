// Server-rendered React pages (Docusaurus, Mintlify, Nextra): the widget must
// not touch what React will hydrate until React has hydrated it. A page of the
// tests' own imitates one deterministically, without React: #root carries
// React's root key from the start, and its elements get React's per-node key
// only 800 ms after the load event (fixtures/hydration.js). Until then the
// reader sees the page as served (the guide whole, the badge as written, the
// placeholder in place) beside a widget that already works; then the guide is
// narrowed to the selection in the URL.
import { test, expect } from "@playwright/test";
import { open, visibleLabels, expectNoErrors } from "./helpers.mjs";

const QUERY = "?actions=read_records";

/** Test instrumentation, run before the page's own scripts: the first moment
 *  each change the widget makes to the light DOM happened. */
function recordFirstChanges() {
  window.__first = {};
  const first = (name) => (window.__first[name] ??= performance.now());
  new MutationObserver(() => {
    const host = document.getElementById("host");
    if (!host) return;
    if (host.hasAttribute("data-guide-ready")) first("ready");
    if (!host.querySelector("[data-guide-loading]")) first("placeholderGone");
    if (document.getElementById("step-hooks")?.hasAttribute("hidden")) first("stepHidden");
    const badge = document.querySelector("[data-guide-actions-badge-labels]");
    if (badge && badge.textContent !== "Every action") first("badgeChanged");
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** What a reader of the page sees now, and whether the fake React has hydrated yet. */
function state(page) {
  return page.evaluate(() => {
    const host = document.getElementById("host");
    const shadow = host.shadowRoot;
    return {
      hydrated: window.__hydratedAt !== undefined,
      sinceLoad: performance.now() - window.__loadedAt,
      ready: host.hasAttribute("data-guide-ready"),
      placeholder: host.querySelector(":scope > [data-guide-loading]")?.textContent ?? null,
      stepHidden: document.getElementById("step-hooks").hasAttribute("hidden"),
      stepVisible: document.getElementById("step-hooks").checkVisibility(),
      badge: document.querySelector("[data-guide-actions-badge-labels]").textContent,
      search: !!shadow?.querySelector("[data-guide-action-search]"),
      checked: !!shadow?.querySelector('tr[data-guide-action="read_records"] input')?.checked,
    };
  });
}

test("on a server-rendered React page, the guide waits for hydration; the widget does not", async ({ page }) => {
  await page.addInitScript(recordFirstChanges);
  // Not waiting for data-guide-ready: that is what is under test.
  const errors = await open(page, `/fixtures/hydration-react.html${QUERY}`, { ready: null });

  // The widget is interactive before hydration: its search filters its rows.
  await page.locator("#host [data-guide-action-search]").waitFor();
  const searched = await page.evaluate(async () => {
    const shadow = document.getElementById("host").shadowRoot;
    const search = shadow.querySelector("[data-guide-action-search]");
    search.value = "webhook";
    search.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const shown = [...shadow.querySelectorAll("tr[data-guide-action]:not([hidden]) label")].map((l) => l.textContent);
    search.value = "";
    search.dispatchEvent(new Event("input", { bubbles: true }));
    return { shown, hydrated: window.__hydratedAt !== undefined };
  });
  expect(searched).toEqual({ shown: ["Manage Webhooks"], hydrated: false });

  // Polled until 700 ms after load (the page hydrates at 800 ms), so that a
  // busy machine still takes several samples: the page is exactly as served.
  const before = [];
  for (let s = await state(page); s.sinceLoad < 700 && !s.hydrated; s = await state(page)) {
    before.push(s);
    await page.waitForTimeout(80);
  }
  expect(before.length).toBeGreaterThanOrEqual(3);
  for (const s of before) {
    expect(s).toEqual({
      ...s,
      ready: false,
      placeholder: "Loading actions...",
      stepHidden: false,
      stepVisible: true,
      badge: "Every action",
    });
  }
  // The widget showed the URL's selection meanwhile (once mounted).
  expect(before.at(-1)).toMatchObject({ search: true, checked: true });
  // And at the moment of hydration, recorded by the page itself.
  await page.waitForFunction(() => window.__hydratedAt !== undefined);
  expect(await page.evaluate(() => window.__atHydration)).toEqual({
    ready: false,
    placeholder: true,
    search: true,
    stepHidden: false,
    badge: "Every action",
  });

  // After hydration: ready, the placeholder gone, the guide narrowed.
  const w = page.locator("#host");
  await expect(w).toHaveAttribute("data-guide-ready", "");
  await expect(page.locator("#step-hooks")).toBeHidden();
  await expect(page.locator("#step-records")).toBeVisible();
  await expect(page.locator("[data-guide-actions-badge-labels]")).toHaveText("Read Records");
  await expect(page.locator("#badge")).toBeVisible();
  expect(await w.evaluate((host) => host.querySelector("[data-guide-loading]"))).toBeNull();
  expect(await visibleLabels(w)).toEqual(["Read Records", "Manage Webhooks"]);

  // Every change came after hydration, and soon after it (the widget looks every 50 ms).
  const { first, hydratedAt } = await page.evaluate(() => ({ first: window.__first, hydratedAt: window.__hydratedAt }));
  expect(Object.keys(first).sort()).toEqual(["badgeChanged", "placeholderGone", "ready", "stepHidden"]);
  for (const [change, at] of Object.entries(first)) {
    expect(at, change).toBeGreaterThanOrEqual(hydratedAt);
    expect(at - hydratedAt, change).toBeLessThan(1000);
  }
  await expectNoErrors(errors);
});

test("without React, the guide is narrowed right after load", async ({ page }) => {
  await page.addInitScript(recordFirstChanges);
  const errors = await open(page, `/fixtures/hydration-control.html${QUERY}`);
  const w = page.locator("#host");
  await expect(page.locator("#step-hooks")).toBeHidden();
  await expect(page.locator("#step-records")).toBeVisible();
  await expect(page.locator("[data-guide-actions-badge-labels]")).toHaveText("Read Records");
  expect(await w.evaluate((host) => host.querySelector("[data-guide-loading]"))).toBeNull();
  expect(await visibleLabels(w)).toEqual(["Read Records", "Manage Webhooks"]);
  // Ready well within what a hydrating page would have waited (800 ms).
  const { first, loaded } = await page.evaluate(() => ({
    first: window.__first,
    loaded: performance.getEntriesByType("navigation")[0].loadEventStart,
  }));
  expect(Object.keys(first).sort()).toEqual(["badgeChanged", "placeholderGone", "ready", "stepHidden"]);
  for (const [change, at] of Object.entries(first)) expect(at - loaded, change).toBeLessThan(600);
  await expectNoErrors(errors);
});
