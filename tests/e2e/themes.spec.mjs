// The widget follows each docs platform's own dark-mode marker (and the
// reader's system where there is none), the host's data-guide-theme decides
// over all of them, a toggle while reading switches it at once, and the
// documented custom properties still restyle it through the shadow root.
import { test, expect } from "@playwright/test";
import { open, expectNoErrors } from "./helpers.mjs";

const PAGE = "/fixtures/embed.html";
const HOST = "[data-guides-scope-selector]";
// The light-dark() pairs of --gss-bg and --gss-fg.
const LIGHT = { background: "rgb(255, 255, 255)", text: "rgb(31, 35, 40)" };
const DARK = { background: "rgb(22, 27, 34)", text: "rgb(230, 237, 243)" };

/** The host's background and the colour of the widget's text, as drawn. */
function colours(page) {
  return page.locator(HOST).evaluate((host) => ({
    background: getComputedStyle(host).backgroundColor,
    text: getComputedStyle(host.shadowRoot.querySelector(".guides-scope-selector__body")).color,
  }));
}

/** Sets the page's marker in the page, as the platform's theme toggle would. */
function mark(page, how) {
  return page.evaluate((how) => {
    const [where, kind, value] = how;
    const el = where === "html" ? document.documentElement : where === "body" ? document.body : document.querySelector(where);
    if (kind === "class") el.classList.add(value);
    else el.setAttribute(kind, value);
  }, how);
}

// [name, system colour scheme, marker, expected]
const CASES = [
  ["html[data-theme=dark] (Docusaurus, Starlight)", "light", ["html", "data-theme", "dark"], DARK],
  ["html.dark (VitePress, Nextra)", "light", ["html", "class", "dark"], DARK],
  ["body.dark (Mintlify)", "light", ["body", "class", "dark"], DARK],
  ["body[data-md-color-scheme=slate] (MkDocs Material)", "light", ["body", "data-md-color-scheme", "slate"], DARK],
  ["no marker, the system dark", "dark", null, DARK],
  ["no marker, the system light", "light", null, LIGHT],
  ["html[data-theme=light] over the system dark", "dark", ["html", "data-theme", "light"], LIGHT],
  ["html.light over the system dark", "dark", ["html", "class", "light"], LIGHT],
  ["body.light over the system dark", "dark", ["body", "class", "light"], LIGHT],
  ["body[data-md-color-scheme=default] over the system dark", "dark", ["body", "data-md-color-scheme", "default"], LIGHT],
  ["host data-guide-theme=light under html.dark", "dark", ["html", "class", "dark"], LIGHT, "light"],
  ["host data-guide-theme=light under html[data-theme=dark]", "dark", ["html", "data-theme", "dark"], LIGHT, "light"],
  ["host data-guide-theme=dark on a light page", "light", ["html", "class", "light"], DARK, "dark"],
  ["host data-guide-theme=dark under [data-md-color-scheme=default]", "light", ["body", "data-md-color-scheme", "default"], DARK, "dark"],
];

for (const [name, system, marker, expected, hostTheme] of CASES) {
  test(`theme: ${name}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: system });
    const errors = await open(page, PAGE);
    if (marker) await mark(page, marker);
    if (hostTheme) await page.locator(HOST).evaluate((host, theme) => host.setAttribute("data-guide-theme", theme), hostTheme);
    expect(await colours(page)).toEqual(expected);
    await expectNoErrors(errors);
  });
}

test("toggling the platform's marker while the page is open switches the widget at once", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  const errors = await open(page, PAGE);
  const now = () => colours(page);
  await expect.poll(now).toEqual(LIGHT);
  // Docusaurus's toggle.
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
  await expect.poll(now).toEqual(DARK);
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "light"));
  await expect.poll(now).toEqual(LIGHT);
  await page.evaluate(() => document.documentElement.removeAttribute("data-theme"));
  // VitePress's toggle.
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await expect.poll(now).toEqual(DARK);
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
  await expect.poll(now).toEqual(LIGHT);
  // MkDocs Material's palette switch.
  await page.evaluate(() => document.body.setAttribute("data-md-color-scheme", "slate"));
  await expect.poll(now).toEqual(DARK);
  await page.evaluate(() => document.body.setAttribute("data-md-color-scheme", "default"));
  await expect.poll(now).toEqual(LIGHT);
  // The system's own switch, with no marker left.
  await page.evaluate(() => document.body.removeAttribute("data-md-color-scheme"));
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(now).toEqual(DARK);
  // The host's own choice, set and removed.
  await page.locator(HOST).evaluate((host) => host.setAttribute("data-guide-theme", "light"));
  await expect.poll(now).toEqual(LIGHT);
  await page.locator(HOST).evaluate((host) => host.removeAttribute("data-guide-theme"));
  await expect.poll(now).toEqual(DARK);
  await expectNoErrors(errors);
});

test("a theme marker served in the page's HTML applies as the widget appears", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  // The same fixture, served with Docusaurus's marker on <html>.
  await page.route("**/fixtures/embed.html", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<html lang="en">', '<html lang="en" data-theme="dark">');
    await route.fulfill({ response, body: html });
  });
  const errors = await open(page, PAGE);
  expect(await colours(page)).toEqual(DARK);
  await expectNoErrors(errors);
});

test("the documented custom properties restyle the widget inside its shadow root", async ({ page }) => {
  const errors = await open(page, `${PAGE}?actions=mail_send`);
  const copy = page.locator(`${HOST} [data-guide-copy-scopes]`);
  const background = () => copy.evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(await background()).toBe("rgb(11, 87, 208)");
  await page.addStyleTag({ content: ".guides-scope-selector { --gss-accent: rgb(1, 2, 3); --gss-bg: rgb(4, 5, 6); }" });
  await expect.poll(background).toBe("rgb(1, 2, 3)");
  expect((await colours(page)).background).toBe("rgb(4, 5, 6)");
  await expectNoErrors(errors);
});
