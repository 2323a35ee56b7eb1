// Accessibility: axe-core scans in every state and theme, keyboard-only
// journeys, and the screenshots the README shows.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { open, checkedLabels, tick, addHost, readmeScreenshot } from "./helpers.mjs";

async function expectNoViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found).toEqual([]);
}

const THEMES = {
  light: async (page) => page.emulateMedia({ colorScheme: "light" }),
  "dark (system)": async (page) => page.emulateMedia({ colorScheme: "dark" }),
  "dark (.dark class)": async (page) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.evaluate(() => document.documentElement.classList.add("dark"));
  },
};

for (const [theme, apply] of Object.entries(THEMES)) {
  test(`axe: no violations, ${theme}, in every state`, async ({ page }) => {
    await open(page, "/index.html");
    await apply(page);
    const w = page.locator("[data-guides-scope-selector]");
    await expectNoViolations(page);
    await w.getByRole("checkbox", { name: "List All Workflows" }).check();
    await w.getByRole("checkbox", { name: "Create A Record" }).check();
    // Groups with mixed boxes, and one folded.
    await w.locator('tbody[data-guide-group="webhooks"] button').click();
    await expect(w.locator('tbody[data-guide-group="webhooks"] button')).toHaveAttribute("aria-expanded", "false");
    await expectNoViolations(page);
    await w.locator("[data-guide-action-search]").fill("no such action");
    await expect(w.locator("[data-guide-no-results]")).toBeVisible();
    await expectNoViolations(page);
    // "Why each scope?" open, after Read-only.
    await w.locator("[data-guide-action-search]").fill("");
    await w.locator("[data-guide-select-read-only]").click();
    await w.getByText("Why each scope?").click();
    await expect(w.locator("[data-guide-scopes-needed-by]")).toBeVisible();
    await expectNoViolations(page);
    // The paste box, open, with unknown and partly covered scopes listed.
    await w.getByText("What do my scopes allow?").click();
    await w.getByLabel(/Paste the scopes/).fill("public.entities.readEntities unknown.scope");
    await expect(w.locator("[data-guide-paste-unknown]")).toBeVisible();
    await expectNoViolations(page);

    await open(page, "/fixtures/errors.html");
    await apply(page);
    await expect(page.locator("[data-guide-error]")).toHaveCount(2);
    await expectNoViolations(page);
  });
}

test("the dark theme follows the system and a .dark class, and .light overrides the system", async ({ page }) => {
  await open(page, "/index.html");
  const background = () =>
    page.locator("[data-guides-scope-selector]").evaluate((e) => getComputedStyle(e).backgroundColor);
  await page.emulateMedia({ colorScheme: "light" });
  const light = await background();
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await background();
  expect(dark).not.toBe(light);
  await page.evaluate(() => document.documentElement.classList.add("light"));
  expect(await background()).toBe(light);
  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate(() => document.documentElement.classList.replace("light", "dark"));
  expect(await background()).toBe(dark);
});

test("keyboard only: search, move through rows, select with Space, select all, copy scopes", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, "/index.html");
  const w = page.locator("[data-guides-scope-selector]");
  // The focused element, inside the widget's shadow root when focus is there.
  const focused = () => page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute("aria-label") || active?.labels?.[0]?.textContent || active?.textContent || active?.tagName;
  });

  // Tab from the top of the page reaches the search box.
  for (let i = 0; i < 10 && !(await w.locator("[data-guide-action-search]").evaluate((e) => e === e.getRootNode().activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(w.locator("[data-guide-action-search]")).toBeFocused();
  await page.keyboard.type("workflow");
  await page.keyboard.press("Tab"); // Select all
  await page.keyboard.press("Tab"); // Read-only
  await page.keyboard.press("Tab"); // Clear
  await page.keyboard.press("Tab"); // header checkbox
  expect(await focused()).toBe("Select every action shown");
  await page.keyboard.press("Tab"); // the only group with matches: its checkbox
  expect(await focused()).toBe("Select the actions shown in workflows");
  await page.keyboard.press("Tab"); // its name, which folds it
  expect(await focused()).toBe("workflows");
  await page.keyboard.press("Tab"); // the table's one tab stop: the first shown row
  expect(await focused()).toBe("Create A Workflow Synchronously");
  await page.keyboard.press("ArrowDown");
  expect(await focused()).toBe("List All Workflows");
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  expect(await focused()).toBe("List All Workflows");
  expect(await checkedLabels(w)).toEqual(["List All Workflows"]);

  // Tab leaves the table in one step, whatever its length.
  await page.keyboard.press("Tab");
  await expect(w.locator("[data-guide-url]")).toBeFocused();
  await page.keyboard.press("Tab"); // Copy URL
  await page.keyboard.press("Tab"); // scopes output
  await expect(w.locator("[data-guide-scopes-output]")).toBeFocused();
  await page.keyboard.press("Tab"); // separator
  await page.keyboard.press("Tab"); // Copy scopes
  await page.keyboard.press("Enter");
  await expect(w.locator("[data-guide-status]")).toHaveText("Copied the scopes.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("public.workflows.readWorkflows");

  // "/" returns to the search; Select all by keyboard takes the shown rows.
  await page.keyboard.press("/");
  await expect(w.locator("[data-guide-action-search]")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(w.locator("[data-guide-count]")).toHaveText("22 of 51 actions · 22 selected");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Escape");
  await expect(w.locator("[data-guide-count]")).toHaveText("51 of 51 actions · 22 selected");
});

test("the header checkbox is mixed while some shown rows are chosen", async ({ page }) => {
  await open(page, "/index.html");
  const w = page.locator("[data-guides-scope-selector]");
  const header = w.locator("[data-guide-select-shown]");
  const state = () => header.evaluate((e) => (e.indeterminate ? "mixed" : e.checked ? "all" : "none"));
  expect(await state()).toBe("none");
  await w.getByRole("checkbox", { name: "List All Records" }).check();
  expect(await state()).toBe("mixed");
  await w.locator("[data-guide-action-search]").fill("List All Records");
  expect(await state()).toBe("all");
  await header.uncheck();
  expect(await checkedLabels(w)).toEqual([]);
});

test("focus moves to the nearest shown row when a search hides the focused one", async ({ page }) => {
  await open(page, "/index.html");
  const w = page.locator("[data-guides-scope-selector]");
  await w.getByRole("checkbox", { name: "Retrieve A Workflow", exact: true }).focus();
  // A search that the focused row does not match, typed without moving focus
  // (as an assistive tool or the host page might).
  await w.locator("[data-guide-action-search]").evaluate((input) => {
    input.value = "record";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await expect(w.getByRole("checkbox", { name: "List All Records" })).toBeFocused();
  await w.locator("[data-guide-action-search]").evaluate((input) => {
    input.value = "nothing at all";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await expect(w.locator("[data-guide-action-search]")).toBeFocused();
});

test("search results are announced once typing pauses, through the one status region", async ({ page }) => {
  await open(page, "/index.html");
  const w = page.locator("[data-guides-scope-selector]");
  await expect(w.locator("[role=status]")).toHaveCount(1);
  await w.locator("[data-guide-action-search]").pressSequentially("webhook", { delay: 20 });
  await expect(w.locator("[role=status]")).toHaveText("Matching actions: 5.");
  await w.getByRole("checkbox", { name: "Create A Webhook" }).check();
  await expect(w.locator("[role=status]")).toHaveText("Actions selected: 1. Scopes: 1.");
});

for (const width of [320, 640]) {
  // 640 px is a 1280 px window at 200% zoom.
  test(`nothing overflows sideways at ${width} px, long scopes wrap`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await open(page, "/fixtures/embed.html?actions=all");
    const json = JSON.stringify([{ id: "long", label: "A long one", scopes: ["public." + "veryLongScopeSegment".repeat(8)] }]);
    await addHost(page, "long", json);
    await tick(page.locator("#long"), "A long one");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    for (const selector of ["[data-guides-scope-selector]", "#long [data-guide-scopes-output]", "#long tbody"]) {
      const box = await page.locator(selector).first().boundingBox();
      expect(box.x + box.width, selector).toBeLessThanOrEqual(width);
    }
  });
}

for (const scheme of ["light", "dark"]) {
  for (const width of [375, 1280]) {
    test(`nothing overflows, ${scheme}, ${width} px wide (the README screenshot)`, async ({ page }) => {
      await page.setViewportSize({ width, height: width < 500 ? 900 : 1000 });
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, "/index.html?actions=ironclad_list_workflows,ironclad_create_record");
      // Nothing overflows sideways, even at 375 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.locator("[data-guides-scope-selector]").scrollIntoViewIfNeeded();
      await readmeScreenshot(page, `docs/screenshots/demo-${scheme}-${width}.png`);
    });
  }
}
