// Connector pages built from real providers' scope shapes: the groups a reader
// sees name resources, and Read-only keeps to the scopes that only read.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { open, addHost, groupNames, tick, expectNoErrors } from "./helpers.mjs";

const PAGE = "/fixtures/embed.html";
const google = (scope) => `https://www.googleapis.com/auth/${scope}`;

/** Each provider: its actions (label, scopes), the groups a reader should
 *  see, and the scopes Read-only leaves in the output. */
const PROVIDERS = {
  "Microsoft Graph": {
    actions: [
      ["List messages", ["Mail.Read"]],
      ["Send mail", ["Mail.Send"]],
      ["Move a message", ["Mail.ReadWrite"]],
      ["Get my profile", ["User.Read"]],
      ["List users", ["User.ReadBasic.All"]],
      ["Update a user", ["User.ReadWrite.All"]],
      ["List groups", ["Directory.Read.All"]],
      ["Delete a group", ["Directory.ReadWrite.All"]],
      ["List events", ["Calendars.Read"]],
      ["Create an event", ["Calendars.ReadWrite"]],
    ],
    groups: ["Mail", "User", "Directory", "Calendars"],
    reads: "Calendars.Read Directory.Read.All Mail.Read User.Read User.ReadBasic.All",
  },
  GitHub: {
    actions: [
      ["Get a repository", ["repo"]],
      ["Create a commit status", ["repo:status"]],
      ["Create a public repository", ["public_repo"]],
      ["Create a deployment", ["repo_deployment"]],
      ["List organisation members", ["read:org"]],
      ["Update an organisation", ["admin:org"]],
      ["Set a membership", ["write:org"]],
      ["List emails", ["user:email"]],
      ["Get the signed-in user", ["read:user"]],
      ["List packages", ["read:packages"]],
      ["Publish a package", ["write:packages"]],
    ],
    groups: ["repo", "org", "user", "packages"],
    reads: "read:org read:packages read:user repo user:email",
  },
  Slack: {
    actions: [
      ["List channels", ["channels:read"]],
      ["Get channel history", ["channels:history"]],
      ["Post a message", ["chat:write"]],
      ["Delete a message", ["chat:write"]],
      ["List users", ["users:read"]],
      ["Look up a user by email", ["users:read", "users:read.email"]],
      ["Upload a file", ["files:write"]],
      ["List files", ["files:read"]],
    ],
    groups: ["channels", "chat", "users", "files"],
    reads: "channels:history channels:read files:read users:read users:read.email",
  },
  Google: {
    actions: [
      ["List messages", [google("gmail.readonly")]],
      ["Send a message", [google("gmail.send")]],
      ["Archive a message", [google("gmail.modify")]],
      ["Delete a message forever", ["https://mail.google.com/"]],
      ["List files", [google("drive.readonly")]],
      ["Get file metadata", [google("drive.metadata.readonly")]],
      ["Create a file", [google("drive.file")]],
      ["List events", [google("calendar.events.readonly")]],
      ["Create an event", [google("calendar.events")]],
    ],
    groups: ["gmail", "mail", "drive", "calendar"],
    reads: [google("calendar.events.readonly"), google("drive.metadata.readonly"), google("drive.readonly"), google("gmail.readonly")].join(" "),
  },
};

for (const [provider, { actions, groups, reads }] of Object.entries(PROVIDERS)) {
  test(`${provider}-style scopes: groups name resources, Read-only keeps the reads, no axe violations`, async ({ page }) => {
    const errors = await open(page, PAGE);
    const json = JSON.stringify(actions.map(([label, scopes], i) => ({ id: `a${i}`, label, scopes })));
    const widget = await addHost(page, "provider", json);
    expect(await groupNames(widget)).toEqual(groups);
    await widget.locator("[data-guide-select-read-only]").click();
    await expect(widget.locator("[data-guide-scopes-output]")).toHaveText(reads);
    // A write added by hand joins them.
    const [write] = actions.find(([, scopes]) => !reads.split(" ").includes(scopes[0]));
    await tick(widget, write);
    await expect(widget.locator("[data-guide-scopes-output]")).not.toHaveText(reads);
    const { violations } = await new AxeBuilder({ page }).include("#provider").analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await expectNoErrors(errors);
  });
}
