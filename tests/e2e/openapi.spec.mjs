// From an API description to a working guide: the OpenAPI command's `--html`
// output, pasted into a page with the release build, is a working widget.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { open, tick, expectNoErrors, expectSearch, visibleLabels } from "./helpers.mjs";

const SPEC = `openapi: 3.1.0
info: {title: Mail, version: "1"}
components:
  securitySchemes:
    mail_auth:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://example.com/authorize
          tokenUrl: https://example.com/token
          scopes: {mail.read: Read mail, mail.send: Send mail, contacts.read: Read contacts}
security:
  - mail_auth: [mail.read]
paths:
  /messages:
    get: {operationId: listMessages, summary: List messages, tags: [mail]}
    post:
      operationId: sendMessage
      summary: Send a message
      tags: [mail]
      security: [{mail_auth: [mail.send]}]
  /contacts:
    get:
      operationId: listContacts
      summary: List contacts
      tags: [contacts]
      security: [{mail_auth: [contacts.read]}]
  /health:
    get: {summary: Health, security: []}
`;

/** Runs the command (built by `cargo test -p guide-scopes-openapi` earlier in
 *  scripts/test; cargo builds it if not) on a document written here. */
function generate(spec, ...flags) {
  const dir = mkdtempSync(join(tmpdir(), "guide-scopes-openapi-"));
  const file = join(dir, "api.yaml");
  writeFileSync(file, spec);
  return execFileSync("cargo", ["run", "--quiet", "-p", "guide-scopes-openapi", "--", ...flags, file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

test("--html output on a page: every operation that needs OAuth is an action, and the scope list narrows", async ({ page }) => {
  test.setTimeout(180_000);
  const host = generate(SPEC, "--html");
  // Served from the test server's origin, with the README's two lines.
  await page.route("**/generated/openapi.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mail connector</title>
<link rel="stylesheet" href="/guide-scopes.css"><script src="/guide-scopes-embed.js" async></script></head>
<body><main><h1>Set up the Mail connector</h1>${host}</main></body></html>`,
    }),
  );
  const errors = await open(page, "/generated/openapi.html");
  const widget = page.locator("[data-guides-scope-selector]");
  await expect(widget.locator("[data-guide-count]")).toHaveText("3 of 3 actions · 0 selected");
  expect(await visibleLabels(widget)).toEqual(["List messages", "Send a message", "List contacts"]);
  const item = (scope) => page.locator(`li[data-guide-display-scope="${scope}"]`);
  for (const scope of ["contacts.read", "mail.read", "mail.send"]) await expect(item(scope)).toBeVisible();

  await tick(widget, "Send a message");
  await expect(widget.locator("[data-guide-scopes-output]")).toHaveText("mail.send");
  await expect(item("mail.send")).toBeVisible();
  await expect(item("mail.read")).toBeHidden();
  await expect(item("contacts.read")).toBeHidden();
  await expectSearch(page, "?actions=send_message");
  await expectNoErrors(errors);
});
