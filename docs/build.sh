#!/usr/bin/env bash
# Builds the book with every link checked, and checks that no internal issue number stands in
# the repository's docs, comments, stubs or messages. Installs mdBook and its link checker from
# crates.io at pinned versions when they are missing (a few minutes, once per machine).
set -euo pipefail
cd "$(dirname "$0")/.."

MDBOOK_VERSION=0.5.1
LINKCHECK_VERSION=0.13.0

have() { command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -q "$2"; }
install() {
  # --locked first (the releases' own lock files); this registry mirror can lack a locked
  # version, so fall back to a fresh resolution.
  cargo install "$1" --version "$2" --locked || cargo install "$1" --version "$2"
}
have mdbook "v$MDBOOK_VERSION" || install mdbook "$MDBOOK_VERSION"
have mdbook-linkcheck2 "$LINKCHECK_VERSION" || install mdbook-linkcheck2 "$LINKCHECK_VERSION"

# The book: mdBook's HTML and the link checker (book.toml: broken links are errors).
mkdir -p target
mdbook build docs 2>&1 | tee target/book.log
if grep -E '^\s*(WARN|ERROR)|warning:|error:' target/book.log; then
  echo "the book built with warnings" >&2
  exit 1
fi

# No internal tracker numbers anywhere a reader or user sees them (README, book, CHANGELOG,
# doc comments, generated stubs and declarations, messages, CLI help, test names).
if git grep -nIiE '\bissues?[ -]?#?[0-9]+' -- . ':!*.lock' ':!*package-lock.json'; then
  echo "internal issue numbers found above: name the rule or the decision instead" >&2
  exit 1
fi
if git grep -nIiE -A1 '\bissues?$' | grep -E '^[^:]+-[0-9]+-\W*#?[0-9]+\b'; then
  echo "an internal issue number across a line break above" >&2
  exit 1
fi
echo "book ok: $(grep -c '' docs/SUMMARY.md) summary lines, links checked; no internal issue numbers"
