// The npm package on a Docusaurus 3 site, installed the way an author would:
// tests/npm/run.sh packs the package, installs the tarball in a fresh copy of
// the Docusaurus test site, turns on its plugin with one config line (no copy
// of dist/ into static/, no stylesheets/scripts lines) and builds the site to
// target/npm/site/build, served here under /docusaurus-npm/. A reader's
// journey on it: the widget mounts, ticking actions writes the URL and narrows
// the guide, client-side navigation away and back keeps it, no console errors.
import { test, expect } from "@playwright/test";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { open, checkedLabels, expectNoErrors, expectSearch, tick } from "./helpers.mjs";

const BUILT = fileURLToPath(new URL("../../target/npm/site/build/ironclad/index.html", import.meta.url));
const SITE = "/docusaurus-npm";
const GUIDE = `${SITE}/ironclad`;
const FILES = `${SITE}/guide-scopes/`;
const HOST = "[data-guides-scope-selector]";
const READY = `${HOST}[data-guide-ready]`;
const CHOSEN = ["ironclad_list_workflows", "ironclad_create_record"];
const CHOSEN_LABELS = ["List All Workflows", "Create A Record"];
// In the seed, a selection hides the "Select scopes" step's scope list items
// it does not need (40, one per scope) and rewrites that step's badge.
const ALL_SCOPE_ITEMS = 40;

test.beforeAll(() => {
  if (!existsSync(BUILT)) {
    throw new Error(
      `The Docusaurus site with the npm package is not built (${BUILT} is missing): run bash tests/npm/run.sh ` +
        "after tests/docusaurus/build.sh (scripts/test does both).",
    );
  }
});

test("the plugin serves the widget's files and adds the stylesheet and the async loader to every page", async ({ request }) => {
  for (const path of [GUIDE, `${SITE}/guides/accounts-section`, `${SITE}/`]) {
    const html = await (await request.get(path)).text();
    expect(html, path).toContain(`<link rel="stylesheet" href="${FILES}guide-scopes.css">`);
    expect(html, path).toContain(`<script src="${FILES}guide-scopes-embed.js" async></script>`);
  }
  const types = {
    "guide-scopes-embed.js": "text/javascript",
    "guide-scopes.js": "text/javascript",
    "guide-scopes_bg.wasm": "application/wasm",
    "guide-scopes.css": "text/css",
  };
  for (const [file, type] of Object.entries(types)) {
    const response = await request.get(FILES + file);
    expect(response.status(), file).toBe(200);
    expect(response.headers()["content-type"], file).toContain(type);
  }
});

/** The guide narrowed to CHOSEN: their rows ticked, their scopes output, only
 *  their two scope items shown, the badge naming exactly them. */
async function expectChosen(page) {
  expect(await checkedLabels(page.locator(HOST))).toEqual(CHOSEN_LABELS);
  await expect(page.locator("[data-guide-scopes-output]")).toHaveText(
    "public.records.createRecords public.workflows.readWorkflows",
  );
  await expect(page.locator('li[data-guide-display-scope="public.records.createRecords"]')).toBeVisible();
  await expect(page.locator('li[data-guide-display-scope="public.workflows.readWorkflows"]')).toBeVisible();
  await expect(page.locator("li[data-guide-display-scope][hidden]")).toHaveCount(ALL_SCOPE_ITEMS - 2);
  await expect(page.locator("[data-guide-actions-badge-labels]")).toHaveText("Create A Record, List All Workflows");
}

async function expectOneWidget(page) {
  await expect(page.locator(HOST)).toHaveCount(1);
  await expect(page.locator(READY)).toHaveCount(1);
  await expect(page.locator("[data-guide-action-search]")).toHaveCount(1);
}

test("a reader's journey: mount, tick actions, the URL and the guide follow, navigation away and back", async ({ page }) => {
  const widgetFiles = [];
  page.on("request", (r) => /guide-scopes[^/]*\.(js|wasm|css)$/.test(r.url()) && widgetFiles.push(new URL(r.url()).pathname));
  const errors = await open(page, GUIDE, { ready: READY });
  // Late hydration errors would arrive in this second.
  await page.waitForTimeout(1000);
  await expectOneWidget(page);
  await expect(page.locator("li[data-guide-display-scope][hidden]")).toHaveCount(0);
  expect(new URL(page.url()).search).toBe("");

  const widget = page.locator(HOST);
  for (const label of CHOSEN_LABELS) await tick(widget, label);
  await expectSearch(page, `?actions=${CHOSEN.join(",")}`);
  await expectChosen(page);

  // Survives only if no navigation below reloads the page.
  await page.evaluate(() => (window.__marker = "same document"));
  const sidebarLink = (name) => page.locator(".theme-doc-sidebar-menu a.menu__link", { hasText: name });
  await sidebarLink("Link accounts").click();
  await expect(page).toHaveURL(new RegExp(`${SITE}/guides/accounts-section$`));
  await expect(page.locator("h1")).toHaveText("Link accounts");
  await expect(page.locator(HOST)).toHaveCount(0);
  await expect(page.locator("[data-guide-action-search]")).toHaveCount(0);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${GUIDE}\\?actions=${CHOSEN.join(",")}$`));
  await page.locator(READY).waitFor();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__marker), "no full reload").toBe("same document");
  await expectOneWidget(page);
  await expectChosen(page);

  // The guide's own sidebar link has no query: the guide as served.
  await sidebarLink("Link accounts").click();
  await expect(page).toHaveURL(new RegExp(`${SITE}/guides/accounts-section$`));
  await sidebarLink("Ironclad guide").click();
  await expect(page).toHaveURL(new RegExp(`${GUIDE}$`));
  await page.locator(READY).waitFor();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__marker)).toBe("same document");
  await expectOneWidget(page);
  expect(await checkedLabels(widget)).toEqual([]);
  await expect(page.locator("li[data-guide-display-scope][hidden]")).toHaveCount(0);

  expect(widgetFiles.length).toBeGreaterThan(0);
  for (const path of widgetFiles) expect(path.startsWith(FILES), path).toBe(true);
  await expectNoErrors(errors);
});
