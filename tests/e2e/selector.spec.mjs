// The selector on a page of the tests' own that embeds the release build the
// way any docs page would: a stylesheet link and the classic-script loader.
import { test, expect } from "@playwright/test";
import { open, visibleLabels, checkedLabels, tick, expectNoErrors, expectSearch, addHost } from "./helpers.mjs";

const PAGE = "/fixtures/embed.html";
const widget = (page) => page.locator("[data-guides-scope-selector]");

test("the loader mounts the widget on a page that is not the demo", async ({ page }) => {
  const errors = await open(page, PAGE);
  expect(await visibleLabels(widget(page))).toEqual([
    "List Messages",
    "Send A Message",
    '<img src=x onerror="window.__pwned=1">',
    "Read Contacts",
  ]);
  await expect(widget(page).locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expectNoErrors(errors);
});

test("search: all terms, case-insensitive, over label, id and scopes; Escape clears", async ({ page }) => {
  await open(page, PAGE);
  const w = widget(page);
  const search = w.locator("[data-guide-action-search]");
  await search.fill("MAIL read");
  expect(await visibleLabels(w)).toEqual(["List Messages", '<img src=x onerror="window.__pwned=1">']);
  await search.fill("étiquettes");
  expect(await visibleLabels(w)).toEqual(['<img src=x onerror="window.__pwned=1">']);
  await search.fill("contacts.read,all");
  expect(await visibleLabels(w)).toEqual(["Read Contacts"]);
  await search.fill("zzz");
  expect(await visibleLabels(w)).toEqual([]);
  await expect(w.locator("[data-guide-no-results]")).toBeVisible();
  await expect(w.locator("[data-guide-no-results]")).toHaveText("No actions match your search.");
  await search.press("Escape");
  await expect(search).toHaveValue("");
  expect(await visibleLabels(w)).toHaveLength(4);
});

test("search ignores case in Latin, Greek and Cyrillic letters", async ({ page }) => {
  const errors = await open(page, PAGE);
  const labels = ["Créer un DÉLAI", "ΣΟΦΊΑ", "Привет", "Straße", "İstanbul"];
  const w = await addHost(page, "scripts", JSON.stringify(labels.map((label, i) => ({ id: `a${i}`, label, scopes: ["s"] }))));
  const search = w.locator("[data-guide-action-search]");
  for (const [typed, expected] of [["délai", "Créer un DÉLAI"], ["CRÉER", "Créer un DÉLAI"], ["σοφία", "ΣΟΦΊΑ"], ["ПРИВЕТ", "Привет"], ["STRASSE", null], ["straße", "Straße"], ["istanbul", "İstanbul"]]) {
    await search.fill(typed);
    expect(await visibleLabels(w), typed).toEqual(expected ? [expected] : []);
  }
  await expectNoErrors(errors);
});

test("select all takes what the search shows; clear empties; hidden rows keep their selection", async ({ page }) => {
  await open(page, PAGE);
  const w = widget(page);
  await tick(w, "Read Contacts");
  await w.locator("[data-guide-action-search]").fill("mail.read");
  await w.locator("[data-guide-select-all]").click();
  await w.locator("[data-guide-action-search]").fill("");
  expect(await checkedLabels(w)).toEqual([
    "List Messages",
    '<img src=x onerror="window.__pwned=1">',
    "Read Contacts",
  ]);
  await expect(w.locator("[data-guide-count]")).toHaveText("4 of 4 actions · 3 selected");
  await w.locator("[data-guide-clear]").click();
  expect(await checkedLabels(w)).toEqual([]);
  await expect(page).toHaveURL(/\/fixtures\/embed\.html$/);
});

test("scopes output: union, sorted, every separator, copied exactly as shown", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, PAGE);
  const w = widget(page);
  await tick(w, "List Messages");
  await tick(w, '<img src=x onerror="window.__pwned=1">');
  const output = w.locator("[data-guide-scopes-output]");
  const scopes = ["mail.métadonnées", "mail.read", "mail.étiquettes.écrire"];
  const separators = { space: " ", comma: ",", semicolon: ";", pipe: "|", newline: "\n" };
  for (const [value, joiner] of Object.entries(separators)) {
    await w.locator("[data-guide-scope-delimiter]").selectOption(value);
    await expect(output).toHaveText(scopes.join(joiner));
  }
  await w.locator("[data-guide-scope-delimiter]").selectOption("json");
  expect(JSON.parse(await output.textContent())).toEqual(scopes);
  await w.locator("[data-guide-scope-delimiter]").selectOption("oauth");
  await expect(output).toHaveText(`scope=${encodeURIComponent(scopes.join(" "))}`);
  await w.locator("[data-guide-scope-delimiter]").selectOption("newline");
  await w.locator("[data-guide-copy-scopes]").click();
  await expect(w.locator("[data-guide-status]")).toHaveText("Copied the scopes.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(scopes.join("\n"));
});

test("copy URL puts the shareable link on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, PAGE);
  const w = widget(page);
  await tick(w, "Send A Message");
  await w.locator("[data-guide-copy-url]").click();
  await expect(w.locator("[data-guide-status]")).toHaveText("Copied the guide URL.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  await expect.poll(() => page.url()).toBe(copied);
  expect(new URL(copied).searchParams.get("actions")).toBe("mail_send");
  await expect(w.locator("[data-guide-url]")).toHaveValue(copied);
});

test("without clipboard permission the reader is told to press Ctrl+C, with the text selected", async ({ page }) => {
  await open(page, PAGE);
  // Remove the Clipboard API, as on a page served over plain HTTP.
  await page.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
  await page.evaluate(() => {
    document.execCommand = () => false;
  });
  const w = widget(page);
  await tick(w, "Send A Message");
  await w.locator("[data-guide-copy-scopes]").click();
  await expect(w.locator("[data-guide-status]")).toHaveText("Press Ctrl+C to copy the selected text.");
  expect(await page.evaluate(() => String(getSelection()))).toBe("mail.send");
});

test("the address bar follows the selection without new history entries", async ({ page }) => {
  await open(page, `${PAGE}?lang=fr&q=a%20b&flag#notes`);
  const w = widget(page);
  const before = await page.evaluate(() => history.length);
  await page.evaluate(() => history.replaceState({ kept: 42 }, ""));
  for (let i = 0; i < 10; i++) {
    await tick(w, "Send A Message");
    await w.getByRole("checkbox", { name: "Send A Message" }).uncheck();
  }
  await tick(w, "Read Contacts");
  await tick(w, "List Messages");
  await expectSearch(page, "?lang=fr&q=a%20b&flag&actions=mail_list,contacts.read%2Call");
  const url = new URL(page.url());
  expect(url.hash).toBe("#notes");
  expect(await page.evaluate(() => history.length)).toBe(before);
  expect(await page.evaluate(() => history.state)).toEqual({ kept: 42 });
  await expect(w.locator("[data-guide-url]")).toHaveValue(page.url());

  await page.reload();
  await page.waitForSelector("[data-guide-ready]");
  expect(await checkedLabels(w)).toEqual(["List Messages", "Read Contacts"]);

  await w.locator("[data-guide-select-all]").click();
  await expectSearch(page, "?lang=fr&q=a%20b&flag&actions=all");
  await w.locator("[data-guide-clear]").click();
  await expectSearch(page, "?lang=fr&q=a%20b&flag");
});

test("a burst of clicks rewrites the address bar once, after it", async ({ page }) => {
  await open(page, PAGE);
  await page.evaluate(() => {
    window.__writes = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args) => (window.__writes++, replace(...args));
  });
  const w = widget(page);
  await page.evaluate(() => {
    const boxes = document.querySelector("[data-guides-scope-selector]").shadowRoot.querySelectorAll("tr[data-guide-action] input");
    for (let i = 0; i < 20; i++) boxes[i % 4].click();
  });
  await expectSearch(page, "?actions=all");
  expect(await checkedLabels(w)).toHaveLength(4);
  expect(await page.evaluate(() => window.__writes)).toBe(1);
});

test("a shared link opens the same selection; unknown ids are dropped and named", async ({ page }) => {
  await open(page, `${PAGE}?actions=mail_send,nope,%3Cscript%3Ealert(1)%3C%2Fscript%3E&x=1`);
  const w = widget(page);
  expect(await checkedLabels(w)).toEqual(["Send A Message"]);
  await expect(w.locator("[data-guide-status]")).toContainText("nope");
  await expect(w.locator("[data-guide-status]")).toContainText("<script>alert(1)</script>");
  await expect(page).toHaveURL(/\?actions=mail_send&x=1$/);
});

test("back and forward re-read the selection from the URL", async ({ page }) => {
  await open(page, `${PAGE}?actions=mail_send`);
  const w = widget(page);
  await page.evaluate(() => history.pushState(null, "", "?actions=mail_list"));
  await page.evaluate(() => history.pushState(null, "", "?actions=all"));
  await page.goBack();
  await expect.poll(() => checkedLabels(w)).toEqual(["List Messages"]);
  await page.goBack();
  await expect.poll(() => checkedLabels(w)).toEqual(["Send A Message"]);
  await page.goForward();
  await expect.poll(() => checkedLabels(w)).toEqual(["List Messages"]);
});

test("every change dispatches guide-scopes-change with ids, scopes and the grant", async ({ page }) => {
  await open(page, PAGE);
  await page.evaluate(() => {
    window.__events = [];
    document.addEventListener("guide-scopes-change", (e) => window.__events.push(e.detail));
  });
  const w = widget(page);
  await tick(w, "Send A Message");
  await tick(w, "Read Contacts");
  await w.locator("[data-guide-clear]").click();
  expect(await page.evaluate(() => window.__events)).toEqual([
    { actions: ["mail_send"], scopes: ["mail.send"], grant: ["mail.send"] },
    { actions: ["mail_send", "contacts.read,all"], scopes: ["contacts.read", "mail.send"], grant: ["contacts.read", "mail.send"] },
    { actions: [], scopes: [], grant: [] },
  ]);
});

test("a link that opens with a selection dispatches it once at load", async ({ page }) => {
  await page.addInitScript(() => {
    window.__events = [];
    document.addEventListener("guide-scopes-change", (e) => window.__events.push(e.detail));
  });
  await open(page, `${PAGE}?actions=mail_send`);
  await expect.poll(() => page.evaluate(() => window.__events)).toEqual([{ actions: ["mail_send"], scopes: ["mail.send"], grant: ["mail.send"] }]);
  await open(page, PAGE);
  await page.waitForTimeout(100);
  expect(await page.evaluate(() => window.__events)).toEqual([]);
});

test("what do my scopes allow: pasted scopes select the actions they fully cover", async ({ page }) => {
  const errors = await open(page, PAGE);
  const w = widget(page);
  const box = w.locator("[data-guide-paste-scopes]");
  await expect(box).toBeHidden(); // collapsed by default
  await w.getByText("What do my scopes allow?").click();
  await box.fill("https://auth.example/authorize?client_id=1&scope=mail.send%20mail.read%20calendar.read");
  expect(await checkedLabels(w)).toEqual(["Send A Message"]);
  await expect(w.locator("[data-guide-paste-unknown]")).toHaveText("Not scopes of this connector: calendar.read.");
  await expect.poll(async () => (await w.locator("[data-guide-paste-partial]").innerText()).split("\n")).toEqual([
    "List Messages also needs mail.métadonnées",
    '<img src=x onerror="window.__pwned=1"> also needs mail.étiquettes.écrire',
  ]);
  await expect(w.locator("[data-guide-status]")).toHaveText("Actions your scopes fully cover, now selected: 1.");
  await box.fill("mail.read, mail.métadonnées\ncontacts.read");
  expect(await checkedLabels(w)).toEqual(["List Messages", "Read Contacts"]);
  await expectSearch(page, "?actions=mail_list,contacts.read%2Call");
  await expect(w.locator("[data-guide-paste-unknown]")).toBeHidden();
  await expectNoErrors(errors);
});

test("Read-only chooses the reads the search shows; 'Why each scope?' names who needs each scope", async ({ page }) => {
  const errors = await open(page, PAGE);
  const google = (scope) => `https://www.googleapis.com/auth/${scope}`;
  const w = await addHost(page, "google", JSON.stringify([
    { id: "list", label: "List Messages", scopes: [google("gmail.readonly")] },
    { id: "send", label: "Send A Message", scopes: [google("gmail.send")] },
    { id: "archive", label: "Archive A Message", scopes: [google("gmail.modify")] },
    { id: "labels", label: "Get Labels", scopes: [google("gmail.readonly"), google("gmail.labels")] },
    { id: "custom", label: "Frobnicate", scopes: [google("gmail.metadata")], access: "read" },
  ]));
  await tick(w, "Send A Message");
  await w.locator("[data-guide-select-read-only]").click();
  expect(await checkedLabels(w)).toEqual(["List Messages", "Get Labels", "Frobnicate"]);
  await expectSearch(page, "?google=list,labels,custom");
  // Only what the search shows changes.
  await tick(w, "Send A Message");
  await w.locator("[data-guide-action-search]").fill("message");
  await w.locator("[data-guide-select-read-only]").click();
  expect(await checkedLabels(w)).toEqual(["List Messages", "Get Labels", "Frobnicate"]);
  await w.locator("[data-guide-action-search]").fill("");

  const why = w.locator("[data-guide-scopes-needed-by]");
  await expect(why).toBeHidden(); // collapsed by default
  await w.getByText("Why each scope?").click();
  // The list is built once the panel reports it is open.
  await expect.poll(async () => (await why.innerText()).split("\n")).toEqual([
    `${google("gmail.labels")} (read): Get Labels`,
    `${google("gmail.metadata")} (read): Frobnicate`,
    `${google("gmail.readonly")} (read): List Messages, Get Labels`,
  ]);
  await tick(w, "Archive A Message");
  await expect(why).toContainText(`${google("gmail.modify")} (write): Archive A Message`);

  // "What do my scopes allow?" with URL-style scopes, from an authorize URL.
  await w.getByText("What do my scopes allow?").click();
  const granted = [google("gmail.readonly"), google("gmail.send"), google("calendar")].join(" ");
  await w.locator("[data-guide-paste-scopes]").fill(`https://accounts.google.com/o/oauth2/auth?scope=${encodeURIComponent(granted)}&x=1`);
  expect(await checkedLabels(w)).toEqual(["List Messages", "Send A Message"]);
  await expect(w.locator("[data-guide-paste-unknown]")).toHaveText(`Not scopes of this connector: ${google("calendar")}.`);
  await expect(w.locator("[data-guide-paste-partial]")).toHaveText(`Get Labels also needs ${google("gmail.labels")}`);
  await expectNoErrors(errors);
});

test("groups: URL-style scopes group by their last path segment, a \"group\" field overrides, and group-by none turns grouping off", async ({ page }) => {
  const errors = await open(page, PAGE);
  const google = (scope) => `https://www.googleapis.com/auth/${scope}`;
  const actions = JSON.stringify([
    { id: "mail_list", label: "List Messages", scopes: [google("gmail.readonly")] },
    { id: "events", label: "List Events", scopes: [google("calendar.readonly")] },
    { id: "mail_send", label: "Send A Message", scopes: [google("gmail.send")] },
    { id: "files", label: "List Files", scopes: [google("drive.readonly"), google("drive.metadata.readonly")] },
    { id: "profile", label: "Read Profile", scopes: [google("userinfo.profile")], group: "gmail" },
    { id: "status", label: "Check Status", scopes: [] },
  ]);
  const w = await addHost(page, "google", actions);
  const names = () => w.locator("tbody[data-guide-group]").evaluateAll((ts) => ts.map((t) => t.dataset.guideGroup));
  expect(await names()).toEqual(["gmail", "calendar", "drive", ""]);
  expect(await visibleLabels(w)).toEqual(["List Messages", "Send A Message", "Read Profile", "List Events", "List Files", "Check Status"]);
  await expect(w.locator(`tbody[data-guide-group=""] th`)).toHaveText("Other 0 / 1");

  await w.getByRole("checkbox", { name: "Select the actions shown in gmail", exact: true }).check();
  expect(await checkedLabels(w)).toEqual(["List Messages", "Send A Message", "Read Profile"]);
  await expectSearch(page, "?google=mail_list,mail_send,profile");
  await expect(w.locator(`tbody[data-guide-group="gmail"] th`)).toHaveText("gmail 3 / 3");

  // The same actions with grouping off: one plain table in the page's order.
  await page.evaluate((json) => {
    const host = document.createElement("div");
    host.id = "plain";
    host.setAttribute("data-guides-scope-selector", "");
    host.setAttribute("data-guide-query-param", "plain");
    host.setAttribute("data-guide-target", "#nothing");
    host.setAttribute("data-guide-group-by", "none");
    host.setAttribute("data-guide-actions-json", json);
    document.body.append(host);
  }, actions);
  const plain = page.locator("#plain[data-guide-ready]");
  await expect(plain.locator("tr[data-guide-action]")).toHaveCount(6);
  await expect(plain.locator("[data-guide-group], .guides-scope-selector__group-row")).toHaveCount(0);
  expect(await visibleLabels(plain)).toEqual(["List Messages", "List Events", "Send A Message", "List Files", "Read Profile", "Check Status"]);
  await expectNoErrors(errors);
});
