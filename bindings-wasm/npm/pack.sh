#!/usr/bin/env bash
# The npm package from the modules of build.sh: assemble.mjs lays it out in pkg/npm/, then
# `npm pack` makes pkg/pbx-rules-<version>.tgz, copied to pkg/pbx-rules.tgz (the name the
# install checks and examples/web/package.json use).
set -euo pipefail
pkg=$(cd "$(dirname "$0")/.." && pwd)/pkg
node "$(dirname "$0")/assemble.mjs"
rm -f "$pkg"/pbx-rules-*.tgz
tarball=$(cd "$pkg" && npm pack --silent ./npm)
cp "$pkg/$tarball" "$pkg/pbx-rules.tgz"
echo "packed $pkg/$tarball"
