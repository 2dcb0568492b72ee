#!/usr/bin/env bash
# Checks the generated Swift without a Swift compiler (none exists on Linux CI here):
#   - pbx_rules.swift, pbx_rulesFFI.h and pbx_rulesFFI.modulemap exist, and the module map
#     names the header;
#   - every FFI function the library exports (uniffi_pbx_rules_uniffi_fn_*) is declared in the
#     header, exported by the shared library, called from pbx_rules.swift, and has its
#     public Swift func/init and its Kotlin fun/constructor.
# Usage: check-swift.sh <generated dir> <shared library>
set -euo pipefail
gen=$1
lib=$2
swift=$gen/swift/pbx_rules.swift
header=$gen/swift/pbx_rulesFFI.h
modulemap=$gen/swift/pbx_rulesFFI.modulemap
kotlin=$(find "$gen/kotlin" -name '*.kt' | head -1)
fail=0
# uniffi names the FFI symbols after the crate (pbx_rules_uniffi), not the namespace.
fn=uniffi_pbx_rules_uniffi_fn_
bad() { echo "SWIFT CHECK FAILED: $*"; fail=1; }

for f in "$swift" "$header" "$modulemap"; do
  [ -s "$f" ] || bad "missing $f"
done
grep -q 'header "pbx_rulesFFI.h"' "$modulemap" || bad "module map does not name the header"

# lower camel case, as uniffi names functions in Swift and Kotlin
camel() { echo "$1" | awk -F_ '{ s=$1; for (i=2; i<=NF; i++) s=s toupper(substr($i,1,1)) substr($i,2); print s }'; }

exported=$(nm -D --defined-only "$lib" | awk '{print $3}' | grep "^${fn}" | sort -u)
declared=$(grep -o "${fn}[A-Za-z0-9_]*" "$header" | sort -u)
[ -n "$declared" ] || bad "no functions declared in the header"
missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
[ -z "$missing" ] || bad "declared in the header but not in the library: $missing"

count=0
for sym in $declared; do
  case "$sym" in
    ${fn}clone_*|${fn}free_*) continue ;;
  esac
  grep -q "$sym" "$swift" || bad "$sym is not called from pbx_rules.swift"
  case "$sym" in
    ${fn}func_*)
      name=$(camel "${sym#${fn}func_}")
      swift_pat="public func \`\?$name\`\?("
      kotlin_pat="fun \`\?$name\`\?("
      ;;
    ${fn}method_*)
      name=$(camel "${sym#${fn}method_*_}")
      swift_pat="func \`\?$name\`\?("
      kotlin_pat="fun \`\?$name\`\?("
      ;;
    ${fn}constructor_*_new)
      name=init
      swift_pat="public convenience init("
      kotlin_pat="constructor("
      ;;
    ${fn}constructor_*)
      name=$(camel "${sym#${fn}constructor_*_}")
      swift_pat="public static func \`\?$name\`\?("
      kotlin_pat="fun \`\?$name\`\?("
      ;;
  esac
  grep -q "$swift_pat" "$swift" || bad "no Swift '$swift_pat' for $sym"
  grep -q "$kotlin_pat" "$kotlin" || bad "no Kotlin '$kotlin_pat' for $sym"
  count=$((count + 1))
done

# The error enum is public with one case per core family, as the README promises.
grep -B1 '^enum RuleError: Swift.Error' "$swift" | grep -q '^public' || bad "RuleError is not public"
for family in Number LoginId Backup Permission Pin Password Hash Generate Login Recovery Other; do
  grep -q "^    case $family(" "$swift" || bad "no Swift case RuleError.$family"
done

[ "$fail" -eq 0 ] || exit 1
echo "swift: $count exported functions, methods and constructors found in header, library, Swift and Kotlin; module map ok"
echo "swift: generated, NOT compiled here (no Swift toolchain); see README for the Mac commands"
