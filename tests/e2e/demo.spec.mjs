// The demo page: the Ironclad guide, built for release and served on 127.0.0.1.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { open, visibleLabels, checkedLabels, tick, expectNoErrors, expectSearch, readmeScreenshot } from "./helpers.mjs";

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

test("the demo with a selection and a search (the README screenshot)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1100 });
  await open(page, "/index.html?actions=ironclad_list_workflows,ironclad_get_workflow,ironclad_create_record");
  const widget = page.locator("[data-guides-scope-selector]");
  await widget.locator("[data-guide-action-search]").fill("workflow");
  await expect(widget.locator("[data-guide-scopes-output]")).toHaveText(
    "public.records.createRecords public.workflows.readWorkflows",
  );
  await readmeScreenshot(page, "docs/demo.png");
});

test("what do my scopes allow, on the demo", async ({ page }) => {
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
  await readmeScreenshot(widget, "docs/paste.png");
});

test("groups by resource on the demo: counts, tri-state boxes, folding and search (a README screenshot)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1100 });
  const errors = await open(page, "/index.html");
  const widget = page.locator("[data-guides-scope-selector]");
  const group = (name) => widget.locator(`tbody[data-guide-group="${name}"]`);
  const box = (name) => widget.getByRole("checkbox", { name: `Select the actions shown in ${name}`, exact: true });
  const fold = (name) => group(name).getByRole("button");
  const count = (name) => group(name).locator(".guides-scope-selector__group-count");
  const state = (name) => box(name).evaluate((e) => (e.indeterminate ? "mixed" : e.checked ? "all" : "none"));
  const search = widget.locator("[data-guide-action-search]");

  // One container per resource, in the order the page first names it.
  const names = await widget.locator("tbody[data-guide-group]").evaluateAll((ts) => ts.map((t) => t.dataset.guideGroup));
  expect(names).toEqual(["workflows", "records", "webhooks", "entities", "obligations", "export"]);
  await expect(count("workflows")).toHaveText("0 / 22");
  await expect(count("export")).toHaveText("0 / 3");
  await expect(group("records").locator("tr[data-guide-action]")).toHaveCount(11);

  // One chosen row makes its group's box mixed.
  await tick(widget, "Create A Record");
  await expect(count("records")).toHaveText("1 / 11");
  expect(await state("records")).toBe("mixed");
  expect(await state("workflows")).toBe("none");

  // A group's box takes what the search shows of that group, and nothing else;
  // groups without matches are hidden.
  await search.fill("retrieve");
  await expect(group("export")).toBeHidden();
  await expect(group("records").locator("tr[data-guide-action]:visible")).toHaveCount(3);
  await box("records").check();
  expect(await checkedLabels(widget)).toEqual(["Create A Record", "Retrieve A Record", "Retrieve Records Schema", "Retrieve An Attachment On A Record"]);
  await expect(count("records")).toHaveText("4 / 11");
  expect(await state("records")).toBe("all");
  await expect(count("workflows")).toHaveText("0 / 22");
  await expectSearch(page, "?actions=ironclad_create_record,ironclad_get_record,ironclad_list_records_metadata,ironclad_get_attachment_on_a_record");
  await box("records").uncheck();
  expect(await checkedLabels(widget)).toEqual(["Create A Record"]);
  expect(await state("records")).toBe("none");

  // Folding hides a group's rows, not its header; a search opens it, and
  // clearing the search folds it again.
  await search.fill("");
  await fold("workflows").click();
  await expect(fold("workflows")).toHaveAttribute("aria-expanded", "false");
  await expect(group("workflows").locator("tr[data-guide-action]:visible")).toHaveCount(0);
  await expect(box("workflows")).toBeVisible();
  expect((await visibleLabels(widget))[0]).toBe("List All Records");
  await search.fill("approval");
  await expect(fold("workflows")).toHaveAttribute("aria-expanded", "true");
  expect(await visibleLabels(widget)).toEqual(["List All Workflow Approvals", "Update Approval Status On A Workflow"]);
  await search.fill("");
  await expect(fold("workflows")).toHaveAttribute("aria-expanded", "false");
  await expect(group("workflows").locator("tr[data-guide-action]:visible")).toHaveCount(0);

  // The arrow keys skip a folded group's rows; Enter on a group's name unfolds it.
  await fold("webhooks").click();
  await widget.getByRole("checkbox", { name: "Run An Action On A Record", exact: true }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(widget.getByRole("checkbox", { name: "Get All Entity Relationship Types", exact: true })).toBeFocused();
  await fold("webhooks").focus();
  await page.keyboard.press("Enter");
  await expect(fold("webhooks")).toHaveAttribute("aria-expanded", "true");
  await expect(group("webhooks").locator("tr[data-guide-action]:visible")).toHaveCount(5);

  await tick(widget, "List All Webhooks");
  await widget.locator(".guides-scope-selector__list").evaluate((list) => (list.scrollTop = 0));
  await readmeScreenshot(widget, "docs/groups.png");
  await expectNoErrors(errors);
});

test("Read-only and 'Why each scope?' on the demo", async ({ page }) => {
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
  await readmeScreenshot(widget, "docs/read-only.png");
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
