// A docs site's global styles (fixtures/site-styles.css: tables, code, buttons,
// inputs, details, divs and labels all restyled, box-sizing switched) stop at
// the widget's shadow root: the widget looks and measures the same as on a
// plain page, and stays accessible.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { open, expectNoErrors } from "./helpers.mjs";

const QUERY = "?actions=list_records,create_hook";
const SITE = `/fixtures/site-styles.html${QUERY}`;
const PLAIN = `/fixtures/site-styles-plain.html${QUERY}`;
const HOST = "[data-guides-scope-selector]";
const VIEWPORT = { width: 1000, height: 900 };

/** Computed styles of the first element matching `selector` in the widget. */
function styles(page, selector, properties) {
  return page.locator(`${HOST} ${selector}`).first().evaluate(
    (el, properties) => Object.fromEntries(properties.map((p) => [p, getComputedStyle(el).getPropertyValue(p)])),
    properties,
  );
}

/** A few of the widget's measurements, in CSS pixels. */
function measurements(page) {
  return page.locator(HOST).evaluate((host) => {
    const shadow = host.shadowRoot;
    const box = (selector) => shadow.querySelector(selector).getBoundingClientRect();
    return {
      tableWidth: box("table").width,
      // The table's width within the host's box: the widget's own layout.
      tableInset: host.getBoundingClientRect().width - box("table").width,
      firstRowHeight: box("tr[data-guide-action]").height,
      searchHeight: box("[data-guide-action-search]").height,
      copyScopesWidth: box("[data-guide-copy-scopes]").width,
    };
  });
}

test("the site's styles do not reach inside the widget", async ({ page }) => {
  await page.setViewportSize(VIEWPORT);
  const errors = await open(page, SITE);
  // The site's styles are in force on the page itself.
  expect(await page.locator("#guide td").evaluate((e) => getComputedStyle(e).backgroundColor)).toBe("rgb(255, 255, 0)");
  expect(await page.locator("#guide details").evaluate((e) => getComputedStyle(e).display)).toBe("none");

  // A row's cells: no red border, no yellow, not 30 px serif.
  const cell = await styles(page, "tr[data-guide-action] td.guides-scope-selector__cell--label", ["border-left-width", "background-color", "font-size", "padding-left"]);
  expect(cell).toEqual({ "border-left-width": "0px", "background-color": "rgba(0, 0, 0, 0)", "font-size": "13px", "padding-left": "12px" });
  // A scope: the widget's monospace chip, not the site's black code box.
  const scope = await styles(page, "tr[data-guide-action] code.guides-scope-selector__scope", ["background-color", "font-size", "color", "border-left-width", "padding-left"]);
  expect(scope).toEqual({ "background-color": "rgba(0, 0, 0, 0)", "font-size": "12px", "color": "rgb(31, 35, 40)", "border-left-width": "0px", "padding-left": "0px" });
  // Buttons and inputs keep their look despite `all: unset`.
  const copy = await styles(page, "[data-guide-copy-scopes]", ["background-color", "font-size", "border-top-width"]);
  expect(copy).toEqual({ "background-color": "rgb(11, 87, 208)", "font-size": "13px", "border-top-width": "1px" });
  const search = await styles(page, "[data-guide-action-search]", ["border-top-style", "border-top-width", "border-left-width", "font-size", "box-sizing"]);
  expect(search).toEqual({ "border-top-style": "solid", "border-top-width": "1px", "border-left-width": "1px", "font-size": "13px", "box-sizing": "border-box" });
  // The <details> panels are there, and open.
  const panels = page.locator(`${HOST} details`);
  await expect(panels).toHaveCount(2);
  await expect(panels.first()).toBeVisible();
  await expect(panels.nth(1)).toBeVisible();
  await page.locator(HOST).getByText("Why each scope?").click();
  await expect(page.locator(`${HOST} [data-guide-scopes-needed-by]`)).toBeVisible();
  await expect(page.locator(`${HOST} [data-guide-scopes-needed-by]`)).toContainText("records.read");
  // A row's label: no letter-spacing, no capitals, no margin, the widget's line height.
  const label = await styles(page, "tr[data-guide-action] label", ["letter-spacing", "text-transform", "margin-top", "line-height"]);
  expect(label).toEqual({ "letter-spacing": "normal", "text-transform": "none", "margin-top": "0px", "line-height": "18.85px" });
  await expect(page.locator(HOST).getByRole("checkbox", { name: "List Records", exact: true })).toBeChecked();
  await expectNoErrors(errors);
});

// The host is the page's element (a <div>, per the contract), styled by the
// widget's guide-scopes.css; the site's `div { margin: 20px }` must not narrow it.
test("the widget measures the same as on a plain page", async ({ page }) => {
  await page.setViewportSize(VIEWPORT);
  const errors = await open(page, PLAIN);
  const plain = await measurements(page);
  await open(page, SITE);
  const site = await measurements(page);
  const host = await page.locator(HOST).evaluate((h) => getComputedStyle(h).margin);
  for (const [name, value] of Object.entries(plain)) {
    expect.soft(Math.abs(site[name] - value), `${name}: ${site[name]} on the site, ${value} on a plain page (the host's margin there: ${host})`).toBeLessThanOrEqual(2);
  }
  await expectNoErrors(errors);
});

test("axe finds nothing inside the widget on the styled site", async ({ page }) => {
  await page.setViewportSize(VIEWPORT);
  const errors = await open(page, SITE);
  await page.locator(HOST).getByText("Why each scope?").click();
  const { violations } = await new AxeBuilder({ page }).include(HOST).analyze();
  const found = violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found).toEqual([]);
  await expectNoErrors(errors);
});
