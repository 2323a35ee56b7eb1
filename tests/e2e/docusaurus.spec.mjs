// The widget on a real Docusaurus 3 site (tests/docusaurus, built by
// tests/docusaurus/build.sh around dist/ and the seed guide): React hydrates
// the page without errors, the widget mounts once, a link's selection filters
// the guide, client-side navigation away and back keeps one working widget,
// it follows Docusaurus's colour-mode switch, and Infima's global table and
// code styles do not reach inside it.
import { test, expect } from "@playwright/test";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { open, checkedLabels, expectNoErrors } from "./helpers.mjs";

const BUILT = fileURLToPath(new URL("../docusaurus/build/ironclad/index.html", import.meta.url));
const GUIDE = "/docusaurus/ironclad";
const CHOSEN = ["ironclad_list_workflows", "ironclad_create_record"];
const WITH_SELECTION = `${GUIDE}?actions=${CHOSEN.join(",")}`;
const CHOSEN_SCOPES = "public.records.createRecords public.workflows.readWorkflows";
// In the seed every step and section needs either no scope or all 40 of them,
// so a selection hides none; what it hides are the "Select scopes" step's
// scope list items (40, one per scope) and it rewrites that step's badge.
const ALL_SCOPE_ITEMS = 40;
const HOST = "[data-guides-scope-selector]";
const READY = `${HOST}[data-guide-ready]`;
// Docusaurus's navbar colour-mode switch (two states: respectPrefersColorScheme is off).
const COLOR_TOGGLE = '.navbar button[aria-label^="Switch between dark and light mode"]';

test.beforeAll(() => {
  if (!existsSync(BUILT)) {
    throw new Error(
      `The Docusaurus test site is not built (${BUILT} is missing): run bash tests/docusaurus/build.sh ` +
        "after trunk build --release (scripts/test does both).",
    );
  }
});

/** A new browser context and page (nothing cached, no stored colour mode),
 *  opened on `path`, waited for the widget and then one second more, so that
 *  late hydration errors are in the returned list too. */
async function freshLoad(browser, baseURL, path) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const errors = await open(page, path, { ready: READY });
  await page.waitForTimeout(1000);
  return { context, page, errors };
}

/** Exactly one host, mounted once: one search box and one table in the whole
 *  page (Playwright's CSS locators pierce open shadow roots). */
async function expectOneWidget(page) {
  await expect(page.locator(HOST)).toHaveCount(1);
  await expect(page.locator(READY)).toHaveCount(1);
  await expect(page.locator("[data-guide-action-search]")).toHaveCount(1);
  await expect(page.locator(`${HOST} table`)).toHaveCount(1);
}

const scopeItem = (page, scope) => page.locator(`li[data-guide-display-scope="${scope}"]`);
const selectScopesStep = (page) => page.locator('[data-guide-step][data-guide-scopes^="public."]');
const badgeLabels = (page) => page.locator("[data-guide-actions-badge-labels]");

/** The guide narrowed to CHOSEN: their rows ticked, their scopes output, only
 *  their two scope items shown, the badge naming exactly them. */
async function expectChosenSelection(page) {
  const widget = page.locator(HOST);
  for (const id of CHOSEN) {
    await expect(page.locator(`tr[data-guide-action="${id}"] input[type="checkbox"]`)).toBeChecked();
  }
  expect(await checkedLabels(widget)).toEqual(["List All Workflows", "Create A Record"]);
  await expect(page.locator("[data-guide-scopes-output]")).toHaveText(CHOSEN_SCOPES);
  await expect(scopeItem(page, "public.entities.createEntities")).toBeHidden();
  await expect(scopeItem(page, "public.workflows.readApprovals")).toBeHidden();
  await expect(scopeItem(page, "public.records.createRecords")).toBeVisible();
  await expect(scopeItem(page, "public.workflows.readWorkflows")).toBeVisible();
  await expect(page.locator("li[data-guide-display-scope][hidden]")).toHaveCount(ALL_SCOPE_ITEMS - 2);
  await expect(selectScopesStep(page)).toBeVisible();
  await expect(page.locator("[data-guide-step][hidden], [data-guide-section][hidden]")).toHaveCount(0);
  await expect(badgeLabels(page)).toHaveText("Create A Record, List All Workflows");
}

/** The guide as served: nothing ticked, every scope item and step shown. */
async function expectNothingChosen(page) {
  await expect(page.locator(`${HOST} tr[data-guide-action] input[type="checkbox"]:checked`)).toHaveCount(0);
  await expect(page.locator("li[data-guide-display-scope]")).toHaveCount(ALL_SCOPE_ITEMS);
  await expect(page.locator("li[data-guide-display-scope][hidden]")).toHaveCount(0);
  await expect(page.locator("[data-guide-step][hidden], [data-guide-section][hidden]")).toHaveCount(0);
  await expect(scopeItem(page, "public.entities.createEntities")).toBeVisible();
  await expect(badgeLabels(page)).toContainText("Cancel A Workflow, Cancel Signature Request,");
}

for (let load = 1; load <= 5; load++) {
  test(`fresh load ${load}/5 with a selection: hydrates cleanly, one widget, the link's selection filters the guide`, async ({
    browser,
    baseURL,
  }) => {
    const { context, page, errors } = await freshLoad(browser, baseURL, WITH_SELECTION);
    await expectNoErrors(errors);
    await expectOneWidget(page);
    await expectChosenSelection(page);
    expect(new URL(page.url()).search).toBe(`?actions=${CHOSEN.join(",")}`);
    await expectNoErrors(errors);
    await context.close();
  });
}

for (let load = 1; load <= 3; load++) {
  test(`fresh load ${load}/3 without a selection: hydrates cleanly, one widget, the guide whole`, async ({
    browser,
    baseURL,
  }) => {
    const { context, page, errors } = await freshLoad(browser, baseURL, GUIDE);
    await expectNoErrors(errors);
    await expectOneWidget(page);
    await expectNothingChosen(page);
    expect(new URL(page.url()).search).toBe("");
    await expectNoErrors(errors);
    await context.close();
  });
}

test("client-side navigation away and back keeps one widget and the link's selection", async ({ page }) => {
  const errors = await open(page, WITH_SELECTION, { ready: READY });
  await page.waitForTimeout(1000);
  await expectOneWidget(page);
  await expectChosenSelection(page);
  // Survives only if no navigation below reloads the page.
  await page.evaluate(() => (window.__marker = "same document"));
  const sidebarLink = (name) => page.locator(".theme-doc-sidebar-menu a.menu__link", { hasText: name });

  // Twice: the sidebar to the other page, then the browser's Back button.
  // Docusaurus (React Router) keeps the query on Back: the history entry is
  // the guide's, with ?actions=... as the widget last wrote it.
  for (let round = 1; round <= 2; round++) {
    await sidebarLink("Link accounts").click();
    await expect(page).toHaveURL(/\/docusaurus\/guides\/accounts-section$/);
    await expect(page.locator("h1")).toHaveText("Link accounts");
    await expect(page.locator(HOST)).toHaveCount(0);
    await expect(page.locator("[data-guide-action-search]")).toHaveCount(0);
    expect(await page.evaluate(() => window.__marker)).toBe("same document");

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/docusaurus/ironclad\\?actions=${CHOSEN.join(",")}$`));
    await page.locator(READY).waitFor();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__marker), `round ${round}: no full reload`).toBe("same document");
    await expectOneWidget(page);
    await expectChosenSelection(page);
    await expectNoErrors(errors);
  }

  // Back to the guide by its sidebar link instead: the link has no query, so a
  // reader gets the guide as served, nothing chosen, and the address stays clean.
  await sidebarLink("Link accounts").click();
  await expect(page).toHaveURL(/\/docusaurus\/guides\/accounts-section$/);
  await sidebarLink("Ironclad guide").click();
  await expect(page).toHaveURL(/\/docusaurus\/ironclad$/);
  await page.locator(READY).waitFor();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__marker)).toBe("same document");
  await expectOneWidget(page);
  await expectNothingChosen(page);
  expect(new URL(page.url()).search).toBe("");
  await expectNoErrors(errors);
});

/** The colour the widget paints behind its content: the computed background
 *  of its body box (inside the shadow root) or, where that is transparent, of
 *  the nearest element up to and including the host whose background is not.
 *  The page behind does not count: the widget must paint its own. */
function widgetBackground(page) {
  return page.evaluate((hostSelector) => {
    const host = document.querySelector(hostSelector);
    let el = host.shadowRoot?.querySelector(".guides-scope-selector__body") ?? host;
    for (; el; el = el === host ? null : (el.parentElement ?? el.getRootNode().host)) {
      const bg = getComputedStyle(el).backgroundColor;
      const [r, g, b, a = 1] = bg.match(/[\d.]+/g).map(Number);
      if (a > 0) return { bg, channels: [r, g, b], on: el === host ? "host" : el.className || el.tagName };
    }
    return { bg: "transparent up to the host", channels: [NaN], on: "nothing" };
  }, HOST);
}

test("the widget follows Docusaurus's colour-mode switch", async ({ page }) => {
  const errors = await open(page, GUIDE, { ready: READY });
  const toggle = page.locator(COLOR_TOGGLE);
  await expect(toggle).toHaveCount(1);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  let seen = await widgetBackground(page);
  expect(Math.min(...seen.channels), `light at load: ${JSON.stringify(seen)}`).toBeGreaterThan(200);
  const withSeen = (e) => {
    throw new Error(`${e.message}\nlast computed: ${JSON.stringify(seen)}`);
  };

  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect
    .poll(async () => Math.max(...(seen = await widgetBackground(page)).channels), {
      message: "the widget's background in dark mode (each channel < 80)",
      timeout: 3000,
    })
    .toBeLessThan(80)
    .catch(withSeen);

  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect
    .poll(async () => Math.min(...(seen = await widgetBackground(page)).channels), {
      message: "the widget's background back in light mode (each channel > 200)",
      timeout: 3000,
    })
    .toBeGreaterThan(200)
    .catch(withSeen);
  await expectNoErrors(errors);
});

test("Docusaurus's global table and code styles do not reach inside the widget", async ({ page }) => {
  const errors = await open(page, WITH_SELECTION, { ready: READY });
  // Infima gives every `table td` a 1px border and every `code` a framed background.
  const cell = page.locator(`${HOST} tr[data-guide-action] td`).first();
  expect(await cell.evaluate((el) => getComputedStyle(el).borderLeftWidth)).toBe("0px");
  const scope = page.locator(`${HOST} code.guides-scope-selector__scope`).first();
  const style = await scope.evaluate((el) => {
    const s = getComputedStyle(el);
    return { backgroundColor: s.backgroundColor, borderStyle: s.borderStyle };
  });
  expect(style).toEqual({ backgroundColor: "rgba(0, 0, 0, 0)", borderStyle: "none" });
  await expectNoErrors(errors);
});
