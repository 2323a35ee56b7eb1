// The demo page: the Ironclad guide, built for release and served on 127.0.0.1.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { open, visibleLabels, checkedLabels, tick, expectNoErrors } from "./helpers.mjs";

test("the demo guide loads with the widget ready and 51 actions listed", async ({ page }) => {
  const errors = await open(page, "/index.html");
  const widget = page.locator("[data-guides-scope-selector]");
  await expect(widget.locator("[data-guide-loading]")).toHaveCount(0);
  expect(await visibleLabels(widget)).toHaveLength(51);
  expect((await visibleLabels(widget))[0]).toBe("Create A Workflow Synchronously");
  await expect(widget.locator("[data-guide-count]")).toHaveText("51 of 51 actions · 0 selected");
  await expect(page.locator("h1")).toHaveText(/Ironclad OAuth 2.0 connector profile/);
  await expectNoErrors(errors);
});

test("axe finds no accessibility violations on the demo", async ({ page }) => {
  await open(page, "/index.html");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
});

test("a screenshot of the demo with a selection, for the README", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1100 });
  await open(page, "/index.html?actions=ironclad_list_workflows,ironclad_get_workflow,ironclad_create_record");
  const widget = page.locator("[data-guides-scope-selector]");
  await widget.locator("[data-guide-action-search]").fill("workflow");
  await expect(widget.locator("[data-guide-scopes-output]")).toHaveText(
    "public.records.createRecords public.workflows.readWorkflows",
  );
  await page.screenshot({ path: "docs/demo.png" });
});

test("what do my scopes allow, on the demo, with a screenshot for the README", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1100 });
  await open(page, "/index.html");
  const widget = page.locator("[data-guides-scope-selector]");
  await widget.getByText("What do my scopes allow?").click();
  await widget.locator("[data-guide-paste-scopes]").fill("public.workflows.readWorkflows public.records.readRecords offline_access");
  expect(await checkedLabels(widget)).toEqual(["List All Workflows", "Retrieve A Workflow", "List All Records", "Retrieve A Record"]);
  await expect(widget.locator("[data-guide-paste-unknown]")).toHaveText("Not scopes of this connector: offline_access.");
  await expect.poll(() => new URL(page.url()).search).toBe(
    "?actions=ironclad_list_workflows,ironclad_get_workflow,ironclad_list_records,ironclad_get_record",
  );
  // The guide follows, as for any selection.
  await expect(page.locator("li[data-guide-display-scope='public.records.readRecords']")).toBeVisible();
  await expect(page.locator("li[data-guide-display-scope='public.records.createRecords']")).toBeHidden();
  await widget.locator(".guides-scope-selector__paste").scrollIntoViewIfNeeded();
  await widget.screenshot({ path: "docs/paste.png" });
});

test("Read-only and 'Why each scope?' on the demo, with a screenshot for the README", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1100 });
  await open(page, "/index.html");
  const widget = page.locator("[data-guides-scope-selector]");
  await widget.locator("[data-guide-action-search]").fill("workflow");
  await widget.locator("[data-guide-select-read-only]").click();
  const checked = await checkedLabels(widget);
  expect(checked).toContain("List All Workflows");
  expect(checked).toContain("Retrieve A Workflow Document");
  expect(checked).not.toContain("Create A Workflow Synchronously");
  expect(checked).not.toContain("Cancel A Workflow");
  expect(checked).not.toContain("List All Records"); // not shown by the search
  await widget.getByText("Why each scope?").click();
  await expect(widget.locator("[data-guide-scopes-needed-by]")).toContainText(
    "public.workflows.readWorkflows (read): List All Workflows, Retrieve A Workflow",
  );
  // The guide follows: no write step survives a read-only choice.
  await expect(page.locator("li[data-guide-display-scope='public.workflows.readWorkflows']")).toBeVisible();
  await expect(page.locator("li[data-guide-display-scope='public.workflows.createWorkflows']")).toBeHidden();
  await widget.locator("[data-guide-scopes-needed-by]").scrollIntoViewIfNeeded();
  await widget.screenshot({ path: "docs/read-only.png" });
});

test("the demo guide narrows: the scope list and its badge follow the selection", async ({ page }) => {
  await open(page, "/index.html");
  const widget = page.locator("[data-guides-scope-selector]");
  const scopeItems = page.locator("[data-guide-display-scopes] li[data-guide-display-scope]:visible");
  const badge = page.locator("[data-guide-actions-badge-labels]");
  await expect(scopeItems).toHaveCount(40);
  await tick(widget, "List All Workflows");
  await tick(widget, "Create A Record");
  await expect(scopeItems.locator(".connector-guide-scope-copy__label")).toHaveText([
    "public.records.createRecords",
    "public.workflows.readWorkflows",
  ]);
  await expect(badge).toHaveText("Create A Record, List All Workflows");
  await widget.locator("[data-guide-clear]").click();
  await expect(scopeItems).toHaveCount(40);
  await expect(badge).toHaveText(/^Cancel A Workflow, Cancel Signature Request, .* Update Workflow Metadata$/);
});
