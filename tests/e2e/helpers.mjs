// Shared steps for the end-to-end tests: open a page and wait for its widgets,
// collect console errors, read what a reader sees.
import { expect } from "@playwright/test";

/** Opens `path`, failing the test on any console error or page error. */
export async function open(page, path, { ready = "[data-guides-scope-selector][data-guide-ready]" } = {}) {
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(path);
  if (ready) await page.locator(ready).first().waitFor();
  return errors;
}

/** The labels of the rows a reader can see, in order. */
export function visibleLabels(widget) {
  return widget.locator("tr[data-guide-action]:not([hidden]) label").allTextContents();
}

/** The labels of the checked rows, in order, whether shown or not. */
export function checkedLabels(widget) {
  return widget
    .locator("tr[data-guide-action]")
    .filter({ has: widget.page().locator("input:checked") })
    .locator("label")
    .allTextContents();
}

/** Ticks the row whose checkbox is labelled `label`. */
export async function tick(widget, label) {
  await widget.getByRole("checkbox", { name: label, exact: true }).check();
}

export async function expectNoErrors(errors) {
  expect(errors, errors.join("\n")).toEqual([]);
}

/** Waits for the address bar's query (the widget writes it once the selection rests). */
export async function expectSearch(page, search) {
  await expect.poll(() => new URL(page.url()).search).toBe(search);
}

/** Adds a host with the given actions attribute (and any other `attributes`)
 *  to the page (as a single-page app would), waits until it is ready or has
 *  rejected its attribute, and returns it. Its guide target matches nothing,
 *  so it filters nothing. */
export async function addHost(page, id, json, attributes = {}) {
  await page.evaluate(
    ([id, json, attributes]) => {
      const host = document.createElement("div");
      host.id = id;
      host.setAttribute("data-guides-scope-selector", "");
      host.setAttribute("data-guide-query-param", id);
      host.setAttribute("data-guide-target", "#nothing");
      host.setAttribute("data-guide-actions-json", json);
      for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
      document.body.append(host);
    },
    [id, json, attributes],
  );
  await page.locator(`#${id}[data-guide-ready], #${id}[data-guide-invalid]`).waitFor();
  return page.locator(`#${id}`);
}

/**
 * Writes a README screenshot of `target` (a page or a locator) to `path`, only
 * under `scripts/screenshots` (GUIDE_SCOPES_SCREENSHOTS=1): the test run itself
 * leaves the working tree as it found it.
 */
export async function readmeScreenshot(target, path) {
  if (process.env.GUIDE_SCOPES_SCREENSHOTS === "1") await target.screenshot({ path });
}

/** The names of the groups a reader sees, in order. */
export function groupNames(widget) {
  return widget.locator("[data-guide-group]:not([hidden])").evaluateAll((groups) => groups.map((g) => g.dataset.guideGroup));
}
