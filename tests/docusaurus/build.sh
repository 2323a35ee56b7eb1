#!/usr/bin/env bash
# Builds the Docusaurus test site (tests/docusaurus/build/) around the current
# release bundle (dist/) and the seed guide, for tests/e2e/docusaurus.spec.mjs.
# Run by scripts/test after `trunk build --release`; safe to run again (npm ci
# only when node_modules is missing or older than package-lock.json).
set -euo pipefail
site="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$site/../.." && pwd)"
seed="${GUIDE_SCOPES_SEED:-$repo/../shared/seed/ironclad-oauth-guide.mdx}"
cd "$site"

[ -f "$seed" ] || { echo "build.sh: the seed guide $seed is missing" >&2; exit 1; }
for f in guide-scopes-embed.js guide-scopes.js guide-scopes_bg.wasm guide-scopes.css; do
  [ -f "$repo/dist/$f" ] || { echo "build.sh: dist/$f is missing; run trunk build --release first" >&2; exit 1; }
done

if ! [ -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "build.sh: npm ci (about a minute the first time)"
  # Nothing here downloads a browser; the variable only guards against it.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# The seed compiles unchanged: its components are mapped in src/theme/MDXComponents.js.
cp "$seed" docs/ironclad.mdx

mkdir -p static/guide-scopes
cp "$repo"/dist/{guide-scopes-embed.js,guide-scopes.js,guide-scopes_bg.wasm,guide-scopes.css} static/guide-scopes/

rm -rf build
npx --no-install docusaurus build --out-dir build
