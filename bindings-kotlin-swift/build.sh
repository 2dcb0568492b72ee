#!/usr/bin/env bash
# Builds the shared library and generates the Kotlin and Swift sources (plus the Swift
# header and module map) with the uniffi-bindgen of this workspace, which is pinned to the
# same uniffi version as the scaffolding.
#
#   bash bindings-kotlin-swift/build.sh            # debug build, sources in generated/
#   PROFILE=release bash bindings-kotlin-swift/build.sh
#
# Output: two uniffi components, the core's own types (crate pbx-rules, feature uniffi,
# configured by core/uniffi.toml) and this crate's handles (uniffi.toml here):
#   generated/kotlin/de/pbxrules/core/pbx_rules_core.kt  (package de.pbxrules.core)
#   generated/kotlin/de/pbxrules/pbx_rules.kt            (package de.pbxrules)
#   generated/swift/{PbxRulesCore,PbxRules}.swift, {PbxRulesCore,PbxRules}FFI.{h,modulemap}
#     (both .swift files go into one Swift module)
# and the library path in generated/LIBRARY.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
profile=${PROFILE:-debug}
out=${OUT:-$here/generated}
cd "$root"

flags=(--locked)
[ "$profile" = release ] && flags+=(--release)
cargo build -p pbx-rules-uniffi "${flags[@]}"
# The generator is a build tool: always the debug build, which `cargo test --workspace`
# has already made (a release build of it costs CI minutes and changes nothing).
cargo build -p uniffi-bindgen --locked

target_dir=${CARGO_TARGET_DIR:-$root/target}/$profile
bindgen=${CARGO_TARGET_DIR:-$root/target}/debug/uniffi-bindgen
case "$(uname -s)" in
  Darwin) lib=$target_dir/libpbx_rules_uniffi.dylib ;;
  *) lib=$target_dir/libpbx_rules_uniffi.so ;;
esac

rm -rf "$out"
mkdir -p "$out/kotlin" "$out/swift"
for language in kotlin swift; do
  "$bindgen" generate --library "$lib" --language "$language" \
    --out-dir "$out/$language" --no-format
done
echo "$lib" > "$out/LIBRARY"
echo "built $lib"
echo "generated $(find "$out" -type f ! -name LIBRARY | sort | tr '\n' ' ')"
