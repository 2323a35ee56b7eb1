#!/usr/bin/env bash
# The npm package as an author uses it. Packs it from dist/ (scripts/package
# --no-build), installs the tarball in an empty folder and checks its files and
# exports (check-install.mjs), then installs it in a fresh copy of the
# Docusaurus test site, turns its plugin on with one config line in place of the
# site's own stylesheets/scripts lines (the copy gets no static/guide-scopes/),
# and builds that site into target/npm/site/build/, which
# tests/e2e/docusaurus-npm.spec.mjs drives under /docusaurus-npm/.
#
# Run by scripts/test after tests/docusaurus/build.sh: the copy reuses that
# site's node_modules as hard links (npm install then only adds the package;
# the original is checked to be left as it was). About 40 s.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
seed="${GUIDE_SCOPES_SEED:-$repo/../shared/seed/ironclad-oauth-guide.mdx}"
fixture=tests/docusaurus
work=target/npm
say() { printf 'npm package test: %s\n' "$*"; }
fail() { printf 'npm package test: %s\n' "$*" >&2; exit 1; }

[ -f "$seed" ] || fail "the seed guide $seed is missing"
[ -d "$fixture/node_modules/@docusaurus/core" ] || fail "$fixture/node_modules is missing; run bash tests/docusaurus/build.sh first"

mkdir -p "$work"
rm -f "$work"/guide-scopes-*.tgz
scripts/package --no-build --out "$work"
tarball=$(ls "$repo/$work"/guide-scopes-*.tgz)

say "installing $(basename "$tarball") in an empty folder"
empty="$work/empty"
rm -rf "$empty" && mkdir -p "$empty"
echo '{ "name": "empty", "private": true }' > "$empty/package.json"
(cd "$empty" && npm install --offline --no-audit --no-fund --ignore-scripts --loglevel=error "$tarball")
node --test-reporter=spec tests/npm/check-install.mjs "$empty"

say "installing it in a fresh copy of the Docusaurus test site"
site="$work/site"
rm -rf "$site" && mkdir -p "$site"
cp -r "$fixture"/{docusaurus.config.js,package.json,package-lock.json,sidebars.js,src,docs} "$site/"
cp "$seed" "$site/docs/ironclad.mdx"
stamp="$work/before-install"
touch "$stamp"
# Hard links where the file system allows (fast), else a copy. npm rewrites
# only its own record of the tree in place, so that one is the copy's own; the
# bundler's cache starts empty.
cp -al "$fixture/node_modules" "$site/node_modules" 2>/dev/null \
  || { rm -rf "$site/node_modules" && cp -a "$fixture/node_modules" "$site/node_modules"; }
cp --remove-destination "$fixture/node_modules/.package-lock.json" "$site/node_modules/.package-lock.json"
rm -rf "$site/node_modules/.cache"
(cd "$site" && npm install --offline --no-audit --no-fund --ignore-scripts --loglevel=error "$tarball")
changed=$(find "$fixture/node_modules" -newer "$stamp" -print -quit)
[ -z "$changed" ] || fail "npm install in the copy changed the original site's $changed"
[ -f "$site/node_modules/guide-scopes/docusaurus.js" ] || fail "npm install did not install the package in the copy"

# The one config line: the plugin in place of the site's stylesheets/scripts.
node - "$site/docusaurus.config.js" <<'JS'
const fs = require("node:fs");
const file = process.argv[2];
let config = fs.readFileSync(file, "utf8");
const edits = [
  [/^  baseUrl: '\/docusaurus\/',$/m, "  baseUrl: '/docusaurus-npm/',"],
  [/^  scripts: \[.*guide-scopes-embed\.js.*\],$/m, "  plugins: ['guide-scopes/docusaurus'],"],
  [/^  stylesheets: \[.*guide-scopes\.css.*\],\n/m, ""],
];
for (const [pattern, replacement] of edits) {
  if (!pattern.test(config)) throw new Error(`${file}: no line matches ${pattern}`);
  config = config.replace(pattern, replacement);
}
if (/guide-scopes\/guide-scopes/.test(config)) throw new Error(`${file} still names the widget's files`);
fs.writeFileSync(file, config);
JS

say "building the site with the plugin"
(cd "$site" && npx --no-install docusaurus build --out-dir build)
for f in guide-scopes-embed.js guide-scopes.js guide-scopes_bg.wasm guide-scopes.css; do
  cmp -s "dist/$f" "$site/build/guide-scopes/$f" || fail "the built site's guide-scopes/$f is not dist/$f"
done
say "built $site/build (served under /docusaurus-npm/ by tests/e2e/server.mjs)"
