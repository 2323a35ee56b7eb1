// Hostile sizes on the demo guide: a link naming 100,000 ids and a paste of
// 100,000 scopes end with the right selection, address and messages.
import { test, expect } from "@playwright/test";
import { open, checkedLabels, expectNoErrors, expectSearch } from "./helpers.mjs";

const widget = (page) => page.locator("[data-guides-scope-selector]");
const N = 100_000;

test("a link naming 100,000 ids selects the known ones and names a few of the others", async ({ page }) => {
  // Two of the demo's ids, each named 500 times, among 99,000 ids it does not
  // have, each different (a third percent-encoded with a comma in them).
  const ids = Array.from({ length: N }, (_, i) => {
    if (i % 100 === 0) return i % 200 === 0 ? "ironclad_get_record" : "ironclad_list_workflows";
    return i % 3 === 0 ? `x%2C${i}` : `x${i}`;
  });
  const errors = await open(page, `/index.html?x=1&actions=${ids.join(",")}#top`);
  const w = widget(page);
  expect(await checkedLabels(w)).toEqual(["List All Workflows", "Retrieve A Record"]);
  await expect(w.locator("[data-guide-status]")).toHaveText(
    "The link named actions this guide does not have, which were left out: x1, x2, x,3, x4, x5 (+98995 more).",
  );
  await expect(w.locator("[data-guide-count]")).toHaveText("51 of 51 actions · 2 selected");
  await expectSearch(page, "?x=1&actions=ironclad_list_workflows,ironclad_get_record");
  expect(new URL(page.url()).hash).toBe("#top");

  // Back to the same link: read again, with the same message.
  await page.evaluate((query) => history.pushState(null, "", query), `?actions=${ids.slice(0, 50_001).join(",")}`);
  await page.evaluate(() => history.pushState(null, "", "?"));
  await page.goBack();
  await expect.poll(() => checkedLabels(w)).toEqual(["List All Workflows", "Retrieve A Record"]);
  await expect(w.locator("[data-guide-status]")).toHaveText(
    "The link named actions this guide does not have, which were left out: x1, x2, x,3, x4, x5 (+49495 more).",
  );
  await expectNoErrors(errors);
});

test("a paste of 100,000 scopes selects what they cover and names a few of the others", async ({ page }) => {
  // Two of the demo's scopes among 99,998 it does not have, each different,
  // then every one of them again.
  const scopes = ["public.workflows.readWorkflows", "public.records.readRecords",
    ...Array.from({ length: N - 2 }, (_, i) => `other.scope.${i}`)];
  const errors = await open(page, "/index.html");
  const w = widget(page);
  await w.getByText("What do my scopes allow?").click();
  await w.locator("[data-guide-paste-scopes]").fill(`${scopes.join(" ")}\n${scopes.join(",")}`);
  await expect(w.locator("[data-guide-status]")).toHaveText("Actions your scopes fully cover, now selected: 4.");
  expect(await checkedLabels(w)).toEqual(["List All Workflows", "Retrieve A Workflow", "List All Records", "Retrieve A Record"]);
  const named = Array.from({ length: 20 }, (_, i) => `other.scope.${i}`).join(", ");
  await expect(w.locator("[data-guide-paste-unknown]")).toHaveText(`Not scopes of this connector: ${named} (+99978 more).`);
  await expect(w.locator("[data-guide-paste-partial]")).toHaveText("");
  await expect(w.locator("[data-guide-count]")).toHaveText("51 of 51 actions · 4 selected");
  await expectSearch(page, "?actions=ironclad_list_workflows,ironclad_get_workflow,ironclad_list_records,ironclad_get_record");
  await expectNoErrors(errors);
});
