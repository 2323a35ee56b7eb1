// The journeys that matter to a reader, in Chromium, Firefox ESR and WebKitGTK,
// through W3C WebDriver (selenium-webdriver) against the release build served
// on 127.0.0.1. Run through tests/engines/run.mjs, which starts the server, an
// X display for WebKitGTK, and this file under node's test runner.
//
// Every check runs in every engine. Where an engine differs, the difference is
// named where it is checked:
// - Firefox makes every scrollable box a Tab stop; the widget takes its
//   table's scroll box out of the Tab order, so Tab goes from Clear to the
//   header checkbox in every engine (keyboard journey).
// - WebKitGTK fires no securitypolicyviolation event when a policy blocks
//   WebAssembly (the loader's message).
// - WebKitGTK's driver refuses its element click on text fields inside the
//   widget's shadow root; the search box is clicked with a pointer action
//   instead, in every engine (helpers.mjs, pointerClick).
// - Reading the clipboard from a script is refused under WebDriver in Chromium
//   and WebKitGTK, so every copy is checked as a reader would check it: Ctrl+V
//   into a text field of the page.
// - WebKit ignores Selection.addRange inside a shadow root; the widget selects
//   with selectAllChildren, which the two copy-fallback journeys hold it to.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Key } from "selenium-webdriver";
import { Select } from "selenium-webdriver/lib/select.js";
import { openSession, ENGINES } from "./browsers.mjs";
import {
  eventually, open, part, checkbox, seen, seenField, shownLabels, hiddenGuide, focused, press, chord,
  search, pageErrors, guideSnapshot, axeViolations, inWidget,
} from "./helpers.mjs";

const NAMES = { chromium: "Chromium", firefox: "Firefox ESR", webkit: "WebKitGTK" };
const selected = (process.env.GUIDE_SCOPES_ENGINES || ENGINES.join(",")).split(",").filter(Boolean);

const DEMO = "/index.html";
const OWN = "/fixtures/engines.html";
const UNAVAILABLE = "The interactive action selector could not load. Every step of the guide below still applies.";
// What the tests' own page hides with nothing selected: the step its author
// hid, which stays hidden throughout.
const GUIDE_WHOLE = ["step-author-hidden"];

for (const engine of selected) {
  describe(NAMES[engine] ?? engine, () => {
    let driver;

    before(async () => {
      driver = await openSession(engine);
      const caps = await driver.getCapabilities();
      console.log(`# ${NAMES[engine]}: ${caps.get("browserName")} ${caps.get("browserVersion")}`);
    });

    after(async () => {
      await driver?.quit();
    });

    test("mounts on the demo: every action listed, the guide whole", async () => {
      await open(driver, DEMO);
      const view = await seen(driver);
      assert.equal(view.count, "51 of 51 actions · 0 selected");
      assert.equal(view.scopes, "");
      assert.equal(view.urlField, await driver.getCurrentUrl());
      assert.deepEqual((await shownLabels(driver)).slice(0, 3), [
        "Create A Workflow Synchronously", "List All Workflows", "Retrieve A Workflow",
      ]);
      // The placeholder is gone once the page has settled, and nothing of the
      // guide is hidden.
      await eventually(
        () => driver.executeScript(`return document.querySelectorAll("[data-guides-scope-selector] [data-guide-loading]").length`),
        0, "the placeholder stays",
      );
      assert.equal(await inWidget(driver, `return root.querySelectorAll("[data-guide-loading]").length`), 0);
      assert.deepEqual(await hiddenGuide(driver), []);
      assert.equal(
        await driver.executeScript(`return document.querySelectorAll("[data-guide-display-scopes] li[data-guide-display-scope]").length`),
        40,
      );
    });

    test("mounts on a page of the tests' own through the loader", async () => {
      await open(driver, OWN);
      const view = await seen(driver);
      assert.equal(view.count, "7 of 7 actions · 0 selected");
      assert.deepEqual((await shownLabels(driver)).slice(0, 3), ["List Events", "Create An Event", "Delete An Event"]);
      assert.deepEqual(await hiddenGuide(driver), GUIDE_WHOLE);
      assert.equal(await driver.executeScript(`return document.querySelector("#badge").textContent.trim()`), "Enables: Every write");
      assert.deepEqual(await pageErrors(driver), []);
    });

    test("mounts under a strict Content-Security-Policy, styled, with no violation", async () => {
      await open(driver, `/csp${OWN}?actions=cal_share_calendar`);
      const view = await seen(driver);
      assert.equal(view.count, "7 of 7 actions · 1 selected");
      assert.equal(view.scopes, "calendar.calendars.share");
      // The widget's stylesheet is adopted by its shadow root (no <style>, no
      // style attribute), and applies.
      assert.deepEqual(
        await inWidget(driver, `return [root.adoptedStyleSheets.length > 0, root.querySelectorAll("style, [style]").length,
          getComputedStyle(root.querySelector(".guides-scope-selector__list")).overflowY];`),
        [true, 0, "auto"],
      );
      assert.deepEqual(await pageErrors(driver), []);
    });

    test("search narrows the rows and the count, ignores case, says when nothing matches; Escape clears", async () => {
      await open(driver, DEMO);
      await search(driver, "workflow APPROVAL");
      await eventually(() => shownLabels(driver), ["List All Workflow Approvals", "Update Approval Status On A Workflow"], "search results");
      assert.equal((await seen(driver)).count, "2 of 51 actions · 0 selected");
      // The count is announced once typing pauses.
      await eventually(seenField(driver, "status"), "Matching actions: 2.", "the announced result count");
      await search(driver, "zzz");
      await eventually(seenField(driver, "noResults"), "No actions match your search.", "no results");
      assert.equal((await seen(driver)).count, "0 of 51 actions · 0 selected");
      await press(driver, Key.ESCAPE);
      await eventually(seenField(driver, "count"), "51 of 51 actions · 0 selected", "Escape clears the search");
      assert.equal((await seen(driver)).search, "");
      assert.equal((await seen(driver)).noResults, null);

      // Case is ignored beyond ASCII, over labels and scopes.
      await open(driver, OWN);
      await search(driver, "CRÉER");
      await eventually(() => shownLabels(driver), ["Créer un rappel"], "an accented capital finds its small letter");
      await search(driver, "RAPPEL ÉCRIRE");
      await eventually(() => shownLabels(driver), ["Créer un rappel"], "every term, over the label and a scope");
      assert.equal((await seen(driver)).count, "1 of 7 actions · 0 selected");
    });

    test("toggling rows sets the output, the count, the guide and the URL", async () => {
      await open(driver, OWN);
      const listEvents = await checkbox(driver, "List Events");
      await listEvents.click();
      assert.equal(await listEvents.isSelected(), true);
      await eventually(seenField(driver, "url"), "?actions=cal_list_events", "the URL written");
      let view = await seen(driver);
      assert.equal(view.count, "7 of 7 actions · 1 selected");
      assert.equal(view.scopes, "calendar.events.read");
      assert.equal(view.status, "Actions selected: 1. Scopes: 1.");
      assert.equal(view.urlField, await driver.getCurrentUrl());
      assert.deepEqual(await hiddenGuide(driver), [
        "step-write-events", "section-calendars", "step-share", "step-author-hidden", "step-reminders", "badge",
        "li:calendar.events.write", "li:calendar.calendars.read", "li:calendar.calendars.share",
        "li:calendar.reminders.écrire", "li:people.contacts.read",
      ]);

      const createEvent = await checkbox(driver, "Create An Event");
      await createEvent.click();
      assert.equal(await createEvent.isSelected(), true);
      await eventually(seenField(driver, "url"), "?actions=cal_list_events,cal_create_event", "the URL written");
      view = await seen(driver);
      assert.equal(view.scopes, "calendar.events.read calendar.events.write");
      assert.equal(view.count, "7 of 7 actions · 2 selected");
      assert.equal(await driver.executeScript(`return document.querySelector("#badge [data-guide-actions-badge-labels]").textContent`), "Create An Event");
      assert.deepEqual(await hiddenGuide(driver), [
        "section-calendars", "step-share", "step-author-hidden", "step-reminders",
        "li:calendar.calendars.read", "li:calendar.calendars.share", "li:calendar.reminders.écrire", "li:people.contacts.read",
      ]);

      await listEvents.click();
      assert.equal(await listEvents.isSelected(), false);
      await eventually(seenField(driver, "url"), "?actions=cal_create_event", "the URL written");
      assert.equal((await seen(driver)).count, "7 of 7 actions · 1 selected");
      assert.deepEqual(await pageErrors(driver), []);
    });

    test("Select all takes what the search shows; Clear restores the guide exactly as served", async () => {
      await open(driver, OWN);
      const served = await guideSnapshot(driver, "#guide", { served: true });
      assert.deepEqual(await guideSnapshot(driver, "#guide"), served, "the guide is as served before any choice");

      await search(driver, "calendar");
      await eventually(seenField(driver, "count"), "6 of 7 actions · 0 selected", "the search");
      await (await part(driver, "[data-guide-select-all]")).click();
      await eventually(
        seenField(driver, "url"),
        "?actions=cal_list_events,cal_create_event,cal_delete_event,cal_list_calendars,cal_share_calendar,rappel.cr%C3%A9er",
        "the URL written",
      );
      let view = await seen(driver);
      assert.equal(view.count, "6 of 7 actions · 6 selected");
      assert.equal(view.scopes, "calendar.calendars.read calendar.calendars.share calendar.events.read calendar.events.write calendar.reminders.écrire");
      assert.deepEqual(await hiddenGuide(driver), ["step-author-hidden", "li:people.contacts.read"]);
      assert.equal(
        await driver.executeScript(`return document.querySelector("#badge [data-guide-actions-badge-labels]").textContent`),
        "Create An Event, Delete An Event, Share A Calendar",
      );

      await search(driver, "");
      await eventually(seenField(driver, "count"), "7 of 7 actions · 6 selected", "the search cleared");
      await (await part(driver, "[data-guide-select-all]")).click();
      await eventually(seenField(driver, "url"), "?actions=all", "every action is written as all");
      assert.equal((await seen(driver)).count, "7 of 7 actions · 7 selected");

      await (await part(driver, "[data-guide-clear]")).click();
      await eventually(seenField(driver, "url"), "", "the parameter removed");
      view = await seen(driver);
      assert.equal(view.count, "7 of 7 actions · 0 selected");
      assert.equal(view.scopes, "");
      assert.equal(view.status, "Actions selected: 0. Scopes: 0.");
      assert.deepEqual(await guideSnapshot(driver, "#guide"), served, "the guide is as served after Clear");
      assert.deepEqual(await pageErrors(driver), []);
    });

    test("the URL: restored from a link, written without new history entries, re-read on back and forward", async () => {
      await open(driver, `${OWN}?lang=fr&actions=contacts.read%2Call,rappel.cr%C3%A9er,nope#notes`);
      let view = await seen(driver);
      assert.equal(view.count, "7 of 7 actions · 2 selected");
      assert.equal(view.scopes, "calendar.reminders.écrire people.contacts.read");
      assert.match(view.status, /left out: nope\.$/);
      await eventually(seenField(driver, "url"), "?lang=fr&actions=rappel.cr%C3%A9er,contacts.read%2Call#notes", "the unknown id dropped");
      assert.deepEqual(await hiddenGuide(driver), [
        "section-events", "step-read-events", "step-write-events", "section-calendars", "step-share", "step-author-hidden", "badge",
        "li:calendar.events.read", "li:calendar.events.write", "li:calendar.calendars.read", "li:calendar.calendars.share",
      ]);

      const length = await driver.executeScript("return history.length");
      await driver.executeScript(`history.replaceState({ kept: 42 }, "")`);
      const listEvents = await checkbox(driver, "List Events");
      await listEvents.click();
      assert.equal(await listEvents.isSelected(), true);
      await eventually(seenField(driver, "url"), "?lang=fr&actions=cal_list_events,rappel.cr%C3%A9er,contacts.read%2Call#notes", "the URL written");
      assert.equal(await driver.executeScript("return history.length"), length);
      assert.deepEqual(await driver.executeScript("return history.state"), { kept: 42 });
      assert.equal((await seen(driver)).urlField, await driver.getCurrentUrl());

      // Two entries of the page's own, then back and forward.
      await driver.executeScript(`history.pushState(null, "", "?actions=cal_share_calendar")`);
      await driver.executeScript(`history.pushState(null, "", "?actions=all")`);
      await driver.navigate().back();
      await eventually(seenField(driver, "scopes"), "calendar.calendars.share", "back re-reads the URL");
      assert.equal((await seen(driver)).count, "7 of 7 actions · 1 selected");
      assert.equal(await listEvents.isSelected(), false);
      await driver.navigate().back();
      await eventually(
        seenField(driver, "scopes"),
        "calendar.events.read calendar.reminders.écrire people.contacts.read",
        "back again re-reads the first URL",
      );
      assert.equal((await seen(driver)).count, "7 of 7 actions · 3 selected");
      assert.equal(await listEvents.isSelected(), true);
      assert.deepEqual(await hiddenGuide(driver), [
        "step-write-events", "section-calendars", "step-share", "step-author-hidden", "badge",
        "li:calendar.events.write", "li:calendar.calendars.read", "li:calendar.calendars.share",
      ]);
      await driver.navigate().forward();
      await eventually(seenField(driver, "scopes"), "calendar.calendars.share", "forward re-reads the URL");
      assert.deepEqual(await pageErrors(driver), []);
    });

    test("keyboard only: Tab through the controls, arrows and Space in the table, copy, Select all, Escape", async () => {
      await open(driver, DEMO);
      const tab = async (expected) => {
        await press(driver, Key.TAB);
        assert.equal(await focused(driver), expected);
      };
      await tab("Search actions");
      await press(driver, "workflow");
      await eventually(seenField(driver, "count"), "22 of 51 actions · 0 selected", "typed search");
      await tab("Select all");
      await tab("Read-only");
      await tab("Clear");
      await tab("Select every action shown");
      await tab("Select the actions shown in workflows");
      await tab("workflows");
      await tab("Create A Workflow Synchronously");
      await press(driver, Key.ARROW_DOWN);
      assert.equal(await focused(driver), "List All Workflows");
      await press(driver, Key.SPACE);
      assert.equal(await (await checkbox(driver, "List All Workflows")).isSelected(), true);
      let view = await seen(driver);
      assert.equal(view.count, "22 of 51 actions · 1 selected");
      assert.equal(view.scopes, "public.workflows.readWorkflows");
      await press(driver, Key.ARROW_DOWN);
      await press(driver, Key.ARROW_UP);
      assert.equal(await focused(driver), "List All Workflows");

      // Tab leaves the table in one step.
      await tab("Dynamic Guide URL");
      await tab("Copy URL");
      await tab("Scopes Selected");
      await tab("Separator");
      await tab("Copy scopes");
      await press(driver, Key.ENTER);
      await eventually(seenField(driver, "status"), "Copied the scopes.", "copied by keyboard");

      // "/" returns to the search; Select all by keyboard takes the shown rows.
      await press(driver, "/");
      assert.equal(await focused(driver), "Search actions");
      await tab("Select all");
      await press(driver, Key.ENTER);
      await eventually(seenField(driver, "count"), "22 of 51 actions · 22 selected", "Select all by keyboard");
      await driver.actions().keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
      assert.equal(await focused(driver), "Search actions");
      await press(driver, Key.ESCAPE);
      await eventually(seenField(driver, "count"), "51 of 51 actions · 22 selected", "Escape clears the search");
      view = await seen(driver);
      assert.equal(view.search, "");
    });

    test("copy: the scopes, the guide URL and a guide scope reach the clipboard, with feedback", async () => {
      await open(driver, OWN);
      const pasted = async () => {
        const field = await driver.findElement({ css: "#paste-here" });
        await field.clear();
        await field.click();
        await chord(driver, "v");
        return field.getAttribute("value");
      };
      await (await checkbox(driver, "List Events")).click();
      await (await checkbox(driver, "Create An Event")).click();
      await new Select(await part(driver, "[data-guide-scope-delimiter]")).selectByValue("comma");
      await eventually(seenField(driver, "scopes"), "calendar.events.read,calendar.events.write", "the comma separator");

      await (await part(driver, "[data-guide-copy-scopes]")).click();
      await eventually(seenField(driver, "status"), "Copied the scopes.", "the feedback");
      assert.equal(await pasted(), "calendar.events.read,calendar.events.write");

      await eventually(seenField(driver, "url"), "?actions=cal_list_events,cal_create_event", "the URL written");
      await (await part(driver, "[data-guide-copy-url]")).click();
      await eventually(seenField(driver, "status"), "Copied the guide URL.", "the feedback");
      assert.equal(await pasted(), await driver.getCurrentUrl());

      await driver.findElement({ css: 'button[data-copy="calendar.events.write"]' }).click();
      await eventually(seenField(driver, "status"), "Copied calendar.events.write.", "the feedback");
      assert.equal(await pasted(), "calendar.events.write");
      assert.deepEqual(await pageErrors(driver), []);
    });

    test("copy without the Clipboard API (a page on plain HTTP): the copy command copies the scopes shown", async () => {
      await open(driver, OWN);
      await driver.executeScript(`Object.defineProperty(navigator, "clipboard", { value: undefined });`);
      await (await checkbox(driver, "Create An Event")).click();
      await (await part(driver, "[data-guide-copy-scopes]")).click();
      await eventually(seenField(driver, "status"), "Copied the scopes.", "the feedback");
      const field = await driver.findElement({ css: "#paste-here" });
      await field.click();
      await chord(driver, "v");
      assert.equal(await field.getAttribute("value"), "calendar.events.read calendar.events.write");
    });

    test("copy where the clipboard is refused: the text is selected and the reader told to press Ctrl+C", async () => {
      await open(driver, OWN);
      // Every engine here lets the page write the clipboard, so the refusal is
      // made: no Clipboard API (as on plain HTTP) and execCommand refusing.
      await driver.executeScript(`
        Object.defineProperty(navigator, "clipboard", { value: undefined });
        document.execCommand = () => false;`);
      await (await checkbox(driver, "Create An Event")).click();
      await (await part(driver, "[data-guide-copy-scopes]")).click();
      await eventually(seenField(driver, "status"), "Press Ctrl+C to copy the selected text.", "the fallback's feedback");
      assert.equal(await driver.executeScript("return String(getSelection())"), "calendar.events.read calendar.events.write");
      // The reader does as told.
      await chord(driver, "c");
      const field = await driver.findElement({ css: "#paste-here" });
      await field.click();
      await chord(driver, "v");
      assert.equal(await field.getAttribute("value"), "calendar.events.read calendar.events.write");
    });

    test("the loader says so when the wasm cannot load, and the guide stays whole", async () => {
      const unavailable = (path) =>
        eventually(
          () => driver.executeScript(`const host = document.querySelector("[data-guides-scope-selector]");
            return [host.hasAttribute("data-guide-unavailable"), host.hasAttribute("data-guide-ready"),
                    host.querySelector("[data-guide-loading]").textContent, !!host.shadowRoot && host.shadowRoot.childNodes.length > 0];`),
          [true, false, UNAVAILABLE, false],
          `the loader's message on ${path}`,
        );
      // The wasm file missing (404).
      await open(driver, "/fixtures/no-wasm.html", { ready: false });
      await unavailable("/fixtures/no-wasm.html");
      assert.deepEqual(await hiddenGuide(driver), []);
      // WebAssembly forbidden by the page's Content-Security-Policy, on a link
      // that carries a selection: the guide stays whole all the same.
      await open(driver, `/csp-no-wasm${OWN}?actions=cal_list_events`, { ready: false });
      await unavailable(`/csp-no-wasm${OWN}`);
      assert.deepEqual(await hiddenGuide(driver), GUIDE_WHOLE);
      // The refusal is reported to the page, except by WebKitGTK, which fires
      // no securitypolicyviolation event for a blocked WebAssembly compile.
      assert.deepEqual(await pageErrors(driver), engine === "webkit" ? [] : ["CSP violation: script-src wasm-eval"]);
    });

    test("axe-core finds no violations: the demo in each state and theme, and the tests' own page", async () => {
      await open(driver, DEMO);
      assert.deepEqual(await axeViolations(driver), [], "the demo as loaded");
      await (await checkbox(driver, "List All Workflows")).click();
      await (await checkbox(driver, "Create A Workflow Synchronously")).click();
      const fold = await inWidget(driver, `return root.querySelector('[data-guide-group="workflows"] button');`);
      await fold.click();
      assert.equal(await fold.getAttribute("aria-expanded"), "false");
      assert.deepEqual(await axeViolations(driver), [], "with a selection and a folded group");
      await search(driver, "no such action");
      await eventually(seenField(driver, "noResults"), "No actions match your search.", "no results");
      assert.deepEqual(await axeViolations(driver), [], "with a search that matches nothing");
      // The dark theme, through the platforms' `.dark` marker.
      await driver.executeScript(`document.documentElement.classList.add("dark")`);
      await search(driver, "");
      assert.deepEqual(await axeViolations(driver), [], "dark, with a selection");

      await open(driver, `${OWN}?actions=cal_create_event`);
      assert.deepEqual(await axeViolations(driver), [], "the tests' own page with a selection");
      await open(driver, "/fixtures/errors.html");
      assert.deepEqual(await axeViolations(driver), [], "hosts with broken configuration");
    });
  });
}
