// Shared steps for the cross-engine journeys: open a page and wait for its
// widget, read what a reader sees (through the widget's open shadow root, as a
// host script would), act with WebDriver's own clicks and keys, and run axe.
// Everything here is plain W3C WebDriver, the same in every engine.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Key } from "selenium-webdriver";

export const BASE = process.env.GUIDE_SCOPES_BASE_URL;
if (!BASE) throw new Error("GUIDE_SCOPES_BASE_URL is not set; run the tier through tests/engines/run.mjs");

export const HOST = "[data-guides-scope-selector]";
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `read` until its value deep-equals `expected`, then returns it; fails
 * with the last value read after `timeout` ms.
 */
export async function eventually(read, expected, message, timeout = 5000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    try {
      assert.deepStrictEqual(last, expected);
      return last;
    } catch (e) {
      if (Date.now() > end) {
        e.message = `${message}\n${e.message}`;
        throw e;
      }
    }
    await sleep(50);
  }
}

/** Opens `path` and waits until the first widget is ready (or, with
 *  `ready: false`, only for the page itself). */
export async function open(driver, path, { ready = true } = {}) {
  await driver.get(BASE + path);
  if (ready) {
    await driver.wait(
      () => driver.executeScript(`return !!document.querySelector(arguments[0] + "[data-guide-ready]")`, HOST),
      10_000,
      `no widget became ready on ${path}`,
    );
  }
}

/** Runs `body` with `root` bound to the widget's shadow root (the first
 *  widget unless `host` says otherwise) and `args` to the extra arguments. */
export function inWidget(driver, body, ...args) {
  return driver.executeScript(
    `const root = document.querySelector(arguments[0]).shadowRoot;
     const args = Array.prototype.slice.call(arguments, 1);
     ${body}`,
    HOST,
    ...args,
  );
}

/** The element of the widget matching `selector`. */
export async function part(driver, selector) {
  const element = await inWidget(driver, "return root.querySelector(args[0]);", selector);
  assert.ok(element, `the widget has no ${selector}`);
  return element;
}

/** The widget's checkbox whose accessible name is `name` (a row's label, or a
 *  header or group checkbox's aria-label). Only rows near the top of the table
 *  or found by a search are asked for: the table may render only the rows in
 *  its scroll box. */
export async function checkbox(driver, name) {
  const box = await inWidget(
    driver,
    `return Array.prototype.find.call(root.querySelectorAll("input[type=checkbox]"), (box) =>
       (box.getAttribute("aria-label") || (box.labels[0] && box.labels[0].textContent) || "").trim() === args[0]) || null;`,
    name,
  );
  assert.ok(box, `no checkbox named ${JSON.stringify(name)} is rendered`);
  return box;
}

/** What a reader sees of the widget and its page. */
export function seen(driver) {
  return inWidget(
    driver,
    `const text = (selector) => { const e = root.querySelector(selector); return e ? e.textContent : null; };
     const noResults = root.querySelector("[data-guide-no-results]");
     return {
       count: text("[data-guide-count]"),
       scopes: text("[data-guide-scopes-output]"),
       status: text("[data-guide-status]"),
       search: root.querySelector("[data-guide-action-search]").value,
       noResults: noResults && !noResults.hidden ? noResults.textContent : null,
       url: location.search + location.hash,
       urlField: root.querySelector("[data-guide-url]").value,
     };`,
  );
}

/** One of `seen`'s fields, for `eventually`. */
export const seenField = (driver, field) => async () => (await seen(driver))[field];

/** The labels of the rows shown (rendered and not hidden), in order. */
export function shownLabels(driver) {
  return inWidget(
    driver,
    `return Array.prototype.filter.call(root.querySelectorAll("tr[data-guide-action]"), (row) => !row.closest("[hidden]"))
       .map((row) => row.querySelector("label").textContent);`,
  );
}

/** The ids of the page's guide elements that are hidden, in document order:
 *  sections, steps, and scope list items (as `li:<scope>`). */
export function hiddenGuide(driver) {
  return driver.executeScript(
    `return Array.prototype.filter.call(document.querySelectorAll("[data-guide-section], [data-guide-step], [data-guide-display-scope], [data-guide-actions-badge]"),
       (e) => e.hidden && !e.closest("[data-guides-scope-selector]"))
       .map((e) => e.id || "li:" + e.getAttribute("data-guide-display-scope").trim());`,
  );
}

/** The focused element, inside the widget's shadow root when focus is there,
 *  described by its accessible name (an element without one by its tag and
 *  class). */
export function focused(driver) {
  return driver.executeScript(
    `let active = document.activeElement;
     while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
     if (!active || active === document.body) return "body";
     const name = active.getAttribute("aria-label") || (active.labels && active.labels[0] && active.labels[0].textContent);
     if (name) return name.trim();
     const by = active.getAttribute("aria-labelledby");
     if (by) return active.getRootNode().getElementById(by).textContent.trim();
     if (active.tagName === "BUTTON") return active.textContent.trim();
     return active.tagName.toLowerCase() + "." + active.className;`,
  );
}

/** Presses keys on whatever has focus, as a reader at the keyboard would. */
export async function press(driver, ...keys) {
  await driver.actions().sendKeys(...keys).perform();
}

/** Ctrl+`key` on whatever has focus. */
export async function chord(driver, key) {
  await driver.actions().keyDown(Key.CONTROL).sendKeys(key).keyUp(Key.CONTROL).perform();
}

/**
 * Clicks `element` with a pointer action (move to its centre, press, release).
 * Used for text fields inside the widget's shadow root: WebKitGTK's driver
 * (WebKitWebDriver 2.50) refuses its element click on them with "element click
 * intercepted", the field's own inner editor being what its hit test finds;
 * buttons, checkboxes and textareas in the same shadow root click normally.
 */
export async function pointerClick(driver, element) {
  await driver.actions().move({ origin: element }).click().perform();
}

/** Replaces the search box's text by typing, as a reader would. */
export async function search(driver, text) {
  await pointerClick(driver, await part(driver, "[data-guide-action-search]"));
  await chord(driver, "a");
  await press(driver, Key.BACK_SPACE, ...(text ? [text] : []));
}

/** The errors the page recorded (pages that load tests/e2e/fixtures/engines-errors.js). */
export function pageErrors(driver) {
  return driver.executeScript("return window.__pageErrors || ['the page does not collect its errors'];");
}

/**
 * Every element of `root` in the live page, or in the page as served (`served`:
 * parsed from a fresh fetch of its URL): tag, sorted attributes and own text.
 */
export function guideSnapshot(driver, root, { served = false } = {}) {
  return driver.executeAsyncScript(
    `const [root, served, done] = arguments;
     const read = (doc) => Array.prototype.map.call(doc.querySelectorAll(root + ", " + root + " *"), (e) => ({
       tag: e.tagName,
       attributes: Array.prototype.map.call(e.attributes, (a) => a.name + "=" + a.value).sort(),
       text: Array.prototype.filter.call(e.childNodes, (n) => n.nodeType === 3).map((n) => n.data).join(""),
     }));
     if (!served) return done(read(document));
     fetch(location.href).then((r) => r.text())
       .then((html) => done(read(new DOMParser().parseFromString(html, "text/html"))), (e) => done(String(e)));`,
    root,
    served,
  );
}

/** Runs axe-core on the page (its source injected with executeScript, so it
 *  scans the page and the widget's open shadow root in any engine) and returns
 *  its violations, one line each. */
export async function axeViolations(driver) {
  const loaded = await driver.executeScript("return typeof window.axe === 'object';");
  if (!loaded) await driver.executeScript(AXE);
  const violations = await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     window.axe.run(document, { resultTypes: ["violations"] })
       .then((r) => done(r.violations.map((v) => v.impact + " " + v.id + ": " + v.nodes.map((n) => JSON.stringify(n.target)).join(", "))),
             (e) => done(["axe failed: " + e]));`,
  );
  return violations;
}
