// Hostile pages, hostile URLs, broken environments: nothing panics (a panic in
// the release build would abort the module and print to the console, which
// every test here forbids), nothing runs injected code, the guide stays whole.
import { test, expect } from "@playwright/test";
import { open, tick, checkedLabels, expectNoErrors, expectSearch, addHost } from "./helpers.mjs";

const HOSTILE = "/fixtures/hostile.html";

// Each host carries one problem; its message names it.
const CASES = [["invalid-json", "not valid JSON"], ["not-array", "must be a JSON array of actions, but is an object"], ["not-object", "index 0 in data-guide-actions-json must be an object, but is a string"], ["missing-id", "\"id\" is missing"], ["empty-id", "\"id\" is an empty string"], ["number-id", "\"id\" must be a string, but is a number"], ["missing-label", "\"label\" is missing"], ["empty-label", "\"label\" is an empty string"], ["object-label", "\"label\" must be a string, but is an object"], ["missing-scopes", "\"scopes\" is missing"], ["string-scopes", "\"scopes\" must be an array of strings, but is a string"], ["number-scope", "scope 1 must be a string, but is a number"], ["duplicate-ids", "Actions at index 0 and 1 in data-guide-actions-json share the id \"a\""], ["missing-attribute", "The data-guide-actions-json attribute is missing."]];

test.describe("bad configuration", () => {
  for (const [id, message] of CASES) {
    test(`${id}: a clear message in its own host, the page unharmed`, async ({ page }) => {
      const errors = await open(page, HOSTILE, { ready: "#working[data-guide-ready]" });
      const host = page.locator(`#${id}`);
      await expect(host.locator("[data-guide-error]")).toContainText(message);
      await expect(host).toHaveAttribute("data-guide-invalid", "");
      // The placeholder stays for the page's framework, unseen beside the message.
      await expect(host.locator("[data-guide-loading]")).toBeHidden();
      // The working widget next to it still works and filters its guide.
      await tick(page.locator("#working"), "Beta");
      await expect(page.locator("#step-a")).toBeHidden();
      await expect(page.locator("#step-b")).toBeVisible();
      await expectNoErrors(errors);
    });
  }

  test("an empty array: a friendly 'no actions' state", async ({ page }) => {
    const errors = await open(page, HOSTILE, { ready: "#working[data-guide-ready]" });
    await expect(page.locator("#empty [data-guide-no-actions]")).toBeVisible();
    await expect(page.locator("#empty [data-guide-no-results]")).toBeHidden();
    await expectNoErrors(errors);
  });
});

test("a 2 MB attribute with 20,000 actions", async ({ page }) => {
  test.setTimeout(90_000);
  const errors = await open(page, HOSTILE, { ready: "#working[data-guide-ready]" });
  const json = JSON.stringify(
    Array.from({ length: 20000 }, (_, i) => ({ id: `action_${i}`, label: `Action number ${i} with a longer label`, scopes: [`scope.${i % 300}.read`, `scope.${i % 7}.write`] })),
  );
  expect(json.length).toBeGreaterThan(2_000_000);
  const host = await addHost(page, "huge", json);
  await expect(host.locator("[data-guide-count]")).toHaveText("20000 of 20000 actions · 0 selected");
  // The last row exists once every batch of rows is built (about 7 s here).
  // Polled twice a second: Playwright's every-frame polling forces a layout of
  // the growing table on each frame and slows the build it waits for.
  await page.waitForFunction(() => document.querySelector("#huge").shadowRoot.querySelector("table").getAttribute("aria-busy") === "false", null, { timeout: 60_000, polling: 500 });
  await host.locator("[data-guide-action-search]").fill("number 19999");
  await expect(host.locator("tr[data-guide-action]:not([hidden]) label")).toHaveText(["Action number 19999 with a longer label"]);
  await expectNoErrors(errors);
});

test("a large connector is usable before every row exists; the rest follow in order", async ({ page }) => {
  const errors = await open(page, HOSTILE, { ready: "#working[data-guide-ready]" });
  const json = JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ id: `a${i}`, label: `Action ${i}`, scopes: [`s${i % 20}`] })));
  // At the moment the widget reports ready, record what exists, then search and
  // select at once, before the later rows are built.
  const atReady = await page.evaluate((json) => new Promise((resolve) => {
    const host = document.createElement("div");
    host.setAttribute("data-guides-scope-selector", "");
    host.setAttribute("data-guide-target", "#nothing");
    host.setAttribute("data-guide-actions-json", json);
    host.id = "large";
    new MutationObserver((_, observer) => {
      if (!host.hasAttribute("data-guide-ready")) return;
      observer.disconnect();
      const widget = host.shadowRoot;
      const state = { rows: widget.querySelectorAll("tr[data-guide-action]").length, busy: widget.querySelector("table").getAttribute("aria-busy") };
      const search = widget.querySelector("[data-guide-action-search]");
      search.value = "action 999";
      search.dispatchEvent(new Event("input", { bubbles: true }));
      widget.querySelector("[data-guide-select-all]").click();
      resolve(state);
    }).observe(host, { attributes: true });
    document.body.append(host);
  }), json);
  expect(atReady).toEqual({ rows: 200, busy: "true" });
  const host = page.locator("#large");
  await expect(host.locator("table")).toHaveAttribute("aria-busy", "false");
  await expect(host.locator("tr[data-guide-action]")).toHaveCount(1000);
  await expect(host.locator("tr[data-guide-action]").nth(999)).toHaveAttribute("data-guide-action", "a999");
  await expect(host.locator("tr[data-guide-action]:not([hidden]) label")).toHaveText(["Action 999"]);
  await expect(host.locator("tr[data-guide-action] input:checked")).toHaveCount(1);
  await expect(host.getByRole("checkbox", { name: "Action 999", exact: true })).toBeChecked();
  await expect(host.locator("[data-guide-count]")).toHaveText("1 of 1000 actions · 1 selected");
  await expectNoErrors(errors);
});

test("a large connector removed while its rows are still being built", async ({ page }) => {
  const errors = await open(page, HOSTILE, { ready: "#working[data-guide-ready]" });
  const json = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ id: `a${i}`, label: `Action ${i}`, scopes: [`s${i % 20}`] })));
  const host = await addHost(page, "removed", json);
  await expect(host.locator("table")).toHaveAttribute("aria-busy", "true");
  const atRemoval = await page.evaluate(() => {
    window.__rows = document.querySelector("#removed").shadowRoot.querySelector("table");
    document.getElementById("removed").remove();
    return window.__rows.querySelectorAll("tr[data-guide-action]").length;
  });
  expect(atRemoval).toBeLessThan(5000);
  // Later tasks would have added rows (or thrown) by now; the widget stopped.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__rows.querySelectorAll("tr[data-guide-action]").length)).toBeLessThanOrEqual(atRemoval);
  await expectNoErrors(errors);
});

test("JSON nested 10,000 levels deep", async ({ page }) => {
  const errors = await open(page, HOSTILE, { ready: "#working[data-guide-ready]" });
  const host = await addHost(page, "deep", "[".repeat(10000) + "]".repeat(10000));
  await expect(host.locator("[data-guide-error]")).toContainText("index 0 in data-guide-actions-json must be an object, but is an array");
  await expectNoErrors(errors);
});

test("labels and scopes with HTML, quotes, RTL marks, zero-width and astral characters", async ({ page }) => {
  const errors = await open(page, HOSTILE, { ready: "#working[data-guide-ready]" });
  const label = '<b onclick="x()">Bold</b> "quoted" \'single\' \u202Eevil\u202C zero\u200Bwidth 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎉';
  const scope = "<script>window.__pwned=1</script>.ü.🎉";
  const host = await addHost(page, "odd", JSON.stringify([{ id: "odd\u200B🎉", label, scopes: [scope] }]));
  await expect(host.locator("tr[data-guide-action] label")).toHaveText(label);
  await tick(host, label);
  await expect(host.locator("[data-guide-scopes-output]")).toHaveText(scope);
  await expect(host.locator("script, b")).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  // The only action is chosen, so the link says "all".
  await expectSearch(page, "?odd=all");
  await page.reload();
  await page.locator("#working[data-guide-ready]").waitFor();
  await expectNoErrors(errors);
});

test.describe("hostile URLs", () => {
  const urls = {
    "a script in the parameter": "?actions=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E&keep=1",
    "thousands of ids": `?actions=${Array.from({ length: 5000 }, (_, i) => `id${i}`).join(",")},b&keep=1`,
    "empty items": "?actions=,,a,,,&keep=1",
    "a NUL byte": "?actions=a%00,%00&keep=1",
    "invalid percent-encoding": "?actions=%zz,%E2%82,a%&keep=1",
    "all mixed with ids": "?actions=a,all,nope&keep=1",
    "repeated parameters": "?actions=a&keep=1&actions=b",
    "a parameter without a value": "?actions&keep=1",
  };
  for (const [name, query] of Object.entries(urls)) {
    test(name, async ({ page }) => {
      let dialogs = 0;
      page.on("dialog", (d) => (dialogs++, d.dismiss()));
      const errors = await open(page, `${HOSTILE}${query}`, { ready: "#working[data-guide-ready]" });
      const working = page.locator("#working");
      // The widget still works, and the other parameter survives every rewrite.
      await tick(working, "Beta");
      await expect.poll(() => new URL(page.url()).searchParams.get("keep")).toBe("1");
      await expect.poll(() => new URL(page.url()).searchParams.getAll("actions").length).toBe(1);
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(dialogs).toBe(0);
      await expectNoErrors(errors);
    });
  }

  test("all mixed with ids selects everything; unknown ids are named", async ({ page }) => {
    await open(page, `${HOSTILE}?actions=a,all,nope`, { ready: "#working[data-guide-ready]" });
    expect(await checkedLabels(page.locator("#working"))).toEqual(["Alpha", "Beta"]);
    await expect(page.locator("#working [data-guide-status]")).toContainText("nope");
  });
});

test.describe("hostile guide markup", () => {
  test("nested steps, thousands of scopes, and elements the page removes", async ({ page }) => {
    const errors = await open(page, HOSTILE, { ready: "#working[data-guide-ready]" });
    const working = page.locator("#working");
    await tick(working, "Alpha");
    await expect(page.locator("#step-a")).toBeVisible();
    await expect(page.locator("#step-b-inside-a")).toBeHidden();
    await expect(page.locator("#step-many")).toBeHidden();
    await page.evaluate(() => document.getElementById("step-removed").remove());
    await tick(working, "Beta");
    await expect(page.locator("#step-many")).toBeVisible();
    await expect(page.locator("#step-b-inside-a")).toBeVisible();
    await working.locator("[data-guide-clear]").click();
    await expect(page.locator("#step-a, #step-b, #step-many, #step-b-inside-a")).toHaveCount(4);
    for (const id of ["#step-a", "#step-b", "#step-many", "#step-b-inside-a"]) await expect(page.locator(id)).toBeVisible();
    await expectNoErrors(errors);
  });

  test("guide markup inside the widget's own placeholder is not treated as the guide", async ({ page }) => {
    const errors = await open(page, "/fixtures/guide.html");
    await tick(page.locator("[data-guides-scope-selector]"), "Manage Webhooks");
    await expect(page.locator("[data-guides-scope-selector] [data-guide-step]")).toHaveCount(0);
    await expectNoErrors(errors);
  });
});

test.describe("broken environments", () => {
  test("the Clipboard API refuses: the text is selected and the reader told", async ({ page }) => {
    const errors = await open(page, "/fixtures/embed.html");
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
      });
      document.execCommand = () => false;
    });
    const w = page.locator("[data-guides-scope-selector]");
    await tick(w, "Send A Message");
    await w.locator("[data-guide-copy-url]").click();
    await expect(w.locator("[data-guide-status]")).toHaveText("Press Ctrl+C to copy the selected text.");
    expect(await w.locator("[data-guide-url]").evaluate((i) => i.value.slice(i.selectionStart, i.selectionEnd))).toContain("actions=mail_send");
    await expectNoErrors(errors);
  });

  test("history.replaceState throws (a sandboxed frame): the widget keeps working", async ({ page }) => {
    const errors = await open(page, "/fixtures/embed.html");
    await page.evaluate(() => {
      history.replaceState = () => {
        throw new DOMException("The operation is insecure.", "SecurityError");
      };
    });
    const w = page.locator("[data-guides-scope-selector]");
    await tick(w, "Send A Message");
    await tick(w, "List Messages");
    await expect(w.locator("[data-guide-scopes-output]")).toHaveText("mail.métadonnées mail.read mail.send");
    await expect(w.locator("[data-guide-url]")).toHaveValue(/actions=mail_list,mail_send$/);
    await page.waitForTimeout(300);
    await expectNoErrors(errors);
  });

  test("the wasm file is missing: the placeholder says so and the guide stays whole", async ({ page }) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto("/fixtures/no-wasm.html");
    const host = page.locator("[data-guides-scope-selector]");
    await expect(host).toHaveAttribute("data-guide-unavailable", "");
    await expect(host.locator("[data-guide-loading]")).toHaveText(/could not load/);
    await expect(page.locator("#step")).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("a policy without 'wasm-unsafe-eval': the placeholder says so", async ({ page }) => {
    await page.goto("/csp-no-wasm/fixtures/embed.html");
    const host = page.locator("[data-guides-scope-selector]");
    await expect(host).toHaveAttribute("data-guide-unavailable", "");
    await expect(host.locator("[data-guide-loading]")).toHaveText(/could not load/);
  });
});

test.describe("a strict Content-Security-Policy", () => {
  for (const path of ["/csp/index.html", "/csp/fixtures/embed.html"]) {
    test(`${path}: works with zero policy violations`, async ({ page, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const errors = await open(page, path);
      const response = await page.request.get(path);
      expect(response.headers()["content-security-policy"]).toContain("script-src 'self' 'wasm-unsafe-eval'");
      const w = page.locator("[data-guides-scope-selector]");
      await w.locator("[data-guide-select-all]").click();
      await w.locator("[data-guide-action-search]").fill("a");
      await w.locator("[data-guide-copy-scopes]").click();
      await expect(w.locator("[data-guide-status]")).toHaveText("Copied the scopes.");
      expect(await page.evaluate(() => window.__violations)).toEqual([]);
      await expectNoErrors(errors);
    });
  }
});
