// The size budget: every reader of every docs page pays for these bytes.
// Not a timing test: it compresses the release files and adds up the bytes.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";

// Brotli -q 11 bytes of wasm + js + css + loader: the product's ceiling, 100 KB
// (ARCHITECTURE.md says where the bytes go).
const BUDGET = 100_000;

test("the release bundle stays within its brotli size budget", () => {
  const files = ["guide-scopes_bg.wasm", "guide-scopes.js", "guide-scopes.css", "guide-scopes-embed.js"];
  const sizes = Object.fromEntries(
    files.map((f) => [
      f,
      brotliCompressSync(readFileSync(`dist/${f}`), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    ]),
  );
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`brotli bytes: ${JSON.stringify(sizes)}, total ${total}`);
  expect(total).toBeLessThanOrEqual(BUDGET);
});
