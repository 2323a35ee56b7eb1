// Minifies the JavaScript every docs page downloads, the wasm-bindgen glue and
// the loader (about 1.6 KB brotli together). Trunk runs it after each build
// (Trunk.toml, [[hooks]]), on the files it is about to publish; debug builds
// stay readable.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

if (process.env.TRUNK_PROFILE === "release") {
  const staging = process.env.TRUNK_STAGING_DIR;
  for (const [file, module] of [["guide-scopes.js", true], ["guide-scopes-embed.js", false]]) {
    const path = join(staging, file);
    const { code } = await minify(await readFile(path, "utf8"), { module, compress: true, mangle: true });
    await writeFile(path, code);
  }
}
