// Scope implication (data-guide-scope-implies) on connector pages of real
// providers' shapes: the output, the copied text and the change event hold the
// smallest grant; "Why each scope?" names the scope that covers one left out;
// a pasted broad scope covers what it includes; a bad attribute is said and
// ignored.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { open, addHost, groupNames, tick, expectNoErrors } from "./helpers.mjs";

const PAGE = "/fixtures/embed.html";
const google = (scope) => `https://www.googleapis.com/auth/${scope}`;

/** Mounts a connector page of `actions` ([label, scopes]) with `implies`
 *  (an object, or the attribute's text as it stands). */
async function addConnector(page, id, actions, implies) {
  const json = JSON.stringify(actions.map(([label, scopes], i) => ({ id: `a${i}`, label, scopes })));
  const text = typeof implies === "string" ? implies : JSON.stringify(implies);
  return addHost(page, id, json, { "data-guide-scope-implies": text });
}

const output = (widget) => widget.locator("[data-guide-scopes-output]");

const PROVIDERS = {
  GitHub: {
    actions: [
      ["Get a repository", ["repo"]],
      ["Create a commit status", ["repo:status"]],
      ["Create a deployment", ["repo_deployment"]],
      ["List organisation members", ["read:org"]],
      ["Update an organisation", ["admin:org"]],
      ["List emails", ["user:email"]],
      ["Get the signed-in user", ["read:user"]],
    ],
    implies: {
      repo: ["repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events"],
      "admin:org": ["write:org"],
      "write:org": ["read:org"],
      user: ["read:user", "user:email", "user:follow"],
    },
    groups: ["repo", "org", "user"],
    chosen: ["Create a commit status", "Get a repository", "List organisation members", "Update an organisation"],
    scopes: ["admin:org", "read:org", "repo", "repo:status"],
    grant: ["admin:org", "repo"],
    covered: "read:org (read): List organisation members; included in admin:org",
    paste: "user",
    pasted: ["List emails", "Get the signed-in user"],
  },
  "Microsoft Graph": {
    actions: [
      ["List messages", ["Mail.Read"]],
      ["Move a message", ["Mail.ReadWrite"]],
      ["Get my profile", ["User.Read"]],
      ["Update a user", ["User.ReadWrite.All"]],
      ["List groups", ["Directory.Read.All"]],
    ],
    implies: {
      "Mail.ReadWrite": ["Mail.Read"],
      "User.ReadWrite.All": ["User.Read.All"],
      "User.Read.All": ["User.ReadBasic.All", "User.Read"],
      "Directory.ReadWrite.All": ["Directory.Read.All"],
    },
    groups: ["Mail", "User", "Directory"],
    chosen: ["List messages", "Move a message", "Get my profile", "Update a user"],
    scopes: ["Mail.Read", "Mail.ReadWrite", "User.Read", "User.ReadWrite.All"],
    grant: ["Mail.ReadWrite", "User.ReadWrite.All"],
    covered: "User.Read (read): Get my profile; included in User.ReadWrite.All",
    paste: "Directory.ReadWrite.All",
    pasted: ["List groups"],
  },
  Google: {
    actions: [
      ["List messages", [google("gmail.readonly")]],
      ["Send a message", [google("gmail.send")]],
      ["Delete a message forever", ["https://mail.google.com/"]],
      ["List files", [google("drive.readonly")]],
      ["Create a file", [google("drive.file")]],
    ],
    implies: {
      "https://mail.google.com/": [google("gmail.readonly"), google("gmail.send"), google("gmail.modify")],
      [google("drive")]: [google("drive.readonly"), google("drive.file")],
    },
    groups: ["gmail", "mail", "drive"],
    chosen: ["List messages", "Send a message", "Delete a message forever"],
    scopes: ["https://mail.google.com/", google("gmail.readonly"), google("gmail.send")],
    grant: ["https://mail.google.com/"],
    covered: `${google("gmail.send")} (write): Send a message; included in https://mail.google.com/`,
    paste: google("drive"),
    pasted: ["List files", "Create a file"],
  },
  Slack: {
    actions: [
      ["List channels", ["channels:read"]],
      ["Post a message", ["chat:write"]],
      ["Post as any user", ["chat:write.customize"]],
      ["List users", ["users:read"]],
      ["Look up a user by email", ["users:read", "users:read.email"]],
    ],
    implies: { "chat:write": ["chat:write.customize"], "users:read.email": ["users:read"] },
    groups: ["channels", "chat", "users"],
    chosen: ["Post a message", "Post as any user", "Look up a user by email"],
    scopes: ["chat:write", "chat:write.customize", "users:read", "users:read.email"],
    grant: ["chat:write", "users:read.email"],
    covered: "users:read (read): Look up a user by email; included in users:read.email",
    paste: "chat:write",
    pasted: ["Post a message", "Post as any user"],
  },
};

for (const [provider, p] of Object.entries(PROVIDERS)) {
  test(`${provider}-style implication: the smallest grant in the output, the copied text and the change event; a broad scope pasted`, async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const errors = await open(page, PAGE);
    await page.evaluate(() => {
      window.__events = [];
      document.addEventListener("guide-scopes-change", (e) => window.__events.push(e.detail));
    });
    const widget = await addConnector(page, "provider", p.actions, p.implies);
    expect(await groupNames(widget)).toEqual(p.groups);
    for (const label of p.chosen) await tick(widget, label);

    // Every separator lists the grant, in order.
    await expect(output(widget)).toHaveText(p.grant.join(" "));
    await widget.locator("[data-guide-scope-delimiter]").selectOption("newline");
    await expect(output(widget)).toHaveText(p.grant.join("\n"));
    await widget.locator("[data-guide-copy-scopes]").click();
    await expect(widget.locator("[data-guide-status]")).toHaveText("Copied the scopes.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(p.grant.join("\n"));
    await widget.locator("[data-guide-scope-delimiter]").selectOption("oauth");
    await expect(output(widget)).toHaveText(/^scope=/);
    expect(decodeURIComponent((await output(widget).innerText()).slice("scope=".length))).toBe(p.grant.join(" "));

    // The event carries what the actions need and what to grant.
    const last = await page.evaluate(() => window.__events.at(-1));
    expect(last.scopes).toEqual(p.scopes);
    expect(last.grant).toEqual(p.grant);

    // "Why each scope?" still lists every needed scope, and says what covers
    // the ones left out.
    await widget.getByText("Why each scope?").click();
    const why = widget.locator("[data-guide-scopes-needed-by]");
    await expect(why).toContainText(p.covered);
    expect((await why.innerText()).split("\n")).toHaveLength(p.scopes.length);

    // A pasted broad scope covers the actions of the scopes it includes, and
    // is no unknown scope.
    await widget.locator("[data-guide-clear]").click();
    await widget.getByText("What do my scopes allow?").click();
    await widget.locator("[data-guide-paste-scopes]").fill(p.paste);
    await expect(widget.locator("[data-guide-status]")).toHaveText(
      `Actions your scopes fully cover, now selected: ${p.pasted.length}.`,
    );
    await expect(widget.locator("[data-guide-paste-unknown]")).toBeHidden();

    const { violations } = await new AxeBuilder({ page }).include("#provider").analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await expectNoErrors(errors);
  });
}

const BAD = [
  ["not JSON", '{"repo": ["repo:status"]', "is not valid JSON: EOF while parsing an object (line 1, column 24)."],
  ["not an object", '["repo"]', "must be a JSON object from a scope to the scopes it includes, but is an array."],
  ["a non-string", '{"repo": ["repo:status", 7]}', 'scope 1 of "repo" must be a string, but is a number.'],
  ["a cycle", '{"repo": ["repo:status"], "repo:status": ["repo"]}', '"repo" → "repo:status" → "repo" is a cycle'],
];

for (const [name, implies, message] of BAD) {
  test(`a bad data-guide-scope-implies (${name}) is named in the status line, and scopes are listed without it`, async ({ page }) => {
    const errors = await open(page, PAGE);
    const widget = await addConnector(page, "provider", PROVIDERS.GitHub.actions, implies);
    const status = widget.locator("[data-guide-status]");
    await expect(status).toContainText(`data-guide-scope-implies`);
    await expect(status).toContainText(message);
    await expect(status).toContainText("Scopes are listed without it.");
    await tick(widget, "Get a repository");
    await tick(widget, "Create a commit status");
    await expect(output(widget)).toHaveText("repo repo:status");
    await expectNoErrors(errors);
  });
}
