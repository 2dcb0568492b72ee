#!/usr/bin/env bash
# Checks the generated Swift without a Swift compiler (none exists on Linux CI here), for
# both uniffi components: the core's own types (PbxRulesCore, FFI symbols uniffi_pbx_rules_*)
# and the binding's handles (PbxRules, FFI symbols uniffi_pbx_rules_uniffi_*):
#   - <Module>.swift, <Module>FFI.h and <Module>FFI.modulemap exist, and the module map names
#     the header;
#   - every FFI function the library exports is declared in its header, exported by the
#     shared library, called from its .swift file, and has its public Swift func/init and its
#     Kotlin fun/constructor;
#   - RuleError is public with one case per core family, and RuleException (Kotlin) has
#     code(), messageDe(), messageEn(), details() and json() on its base type;
#   - the policy records' inits default every field uniffi can default (as Kotlin does);
#   - no generated Swift type shadows a Swift standard-library type (Hasher and
#     Actor are renamed PasswordHasher and PbxActor by the uniffi.toml files).
# Usage: check-swift.sh <generated dir> <shared library>
set -euo pipefail
gen=$1
lib=$2
fail=0
bad() { echo "SWIFT CHECK FAILED: $*"; fail=1; }
# lower camel case, as uniffi names functions in Swift and Kotlin
camel() { echo "$1" | awk -F_ '{ s=$1; for (i=2; i<=NF; i++) s=s toupper(substr($i,1,1)) substr($i,2); print s }'; }
exported_all=$(nm -D --defined-only "$lib" | awk '{print $3}' | sort -u)
count=0

# component: Swift module, Kotlin file, FFI symbol prefix (named after the crate)
check_component() {
  local module=$1 kotlin=$2 fn=$3
  local swift=$gen/swift/$module.swift header=$gen/swift/${module}FFI.h
  local modulemap=$gen/swift/${module}FFI.modulemap
  for f in "$swift" "$header" "$modulemap" "$kotlin"; do
    [ -s "$f" ] || bad "missing $f"
  done
  grep -q "header \"${module}FFI.h\"" "$modulemap" || bad "$modulemap does not name the header"
  local declared missing sym name swift_pat kotlin_pat
  declared=$(grep -o "${fn}[A-Za-z0-9_]*" "$header" | sort -u)
  [ -n "$declared" ] || bad "no functions declared in $header"
  missing=$(comm -23 <(echo "$declared") <(echo "$exported_all" | grep "^${fn}"))
  [ -z "$missing" ] || bad "declared in $header but not in the library: $missing"
  for sym in $declared; do
    case "$sym" in
      ${fn}clone_*|${fn}free_*) continue ;;
      # uniffi's Display export: Kotlin toString(), Swift description (masked secrets)
      ${fn}method_*_uniffi_trait_display)
        grep -q "$sym" "$swift" || bad "$sym is not called from $module.swift"
        grep -q "override fun toString()" "$kotlin" || bad "no Kotlin toString() for $sym"
        grep -q "public var description: String" "$swift" || bad "no Swift description for $sym"
        continue ;;
    esac
    grep -q "$sym" "$swift" || bad "$sym is not called from $module.swift"
    case "$sym" in
      ${fn}func_*)
        name=$(camel "${sym#${fn}func_}")
        swift_pat="public func \`\?$name\`\?("; kotlin_pat="fun \`\?$name\`\?(" ;;
      ${fn}method_*)
        name=$(camel "${sym#${fn}method_*_}")
        swift_pat="func \`\?$name\`\?("; kotlin_pat="fun \`\?$name\`\?(" ;;
      ${fn}constructor_*_new)
        swift_pat="public convenience init("; kotlin_pat="constructor(" ;;
      ${fn}constructor_*)
        name=$(camel "${sym#${fn}constructor_*_}")
        swift_pat="public static func \`\?$name\`\?("; kotlin_pat="fun \`\?$name\`\?(" ;;
    esac
    grep -q "$swift_pat" "$swift" || bad "no Swift '$swift_pat' for $sym"
    grep -q "$kotlin_pat" "$kotlin" || bad "no Kotlin '$kotlin_pat' for $sym"
    count=$((count + 1))
  done
}

check_component PbxRulesCore "$gen/kotlin/de/pbxrules/core/pbx_rules_core.kt" uniffi_pbx_rules_fn_
check_component PbxRules "$gen/kotlin/de/pbxrules/pbx_rules.kt" uniffi_pbx_rules_uniffi_fn_

# The error enum is public with one case per core family (declared in the core's component),
# and what every case carries is readable on the base type: Swift methods on RuleError,
# Kotlin functions on the sealed class RuleException (not only on its subclasses).
swift=$gen/swift/PbxRulesCore.swift
kotlin_core=$gen/kotlin/de/pbxrules/core/pbx_rules_core.kt
grep -B1 '^enum RuleError: Swift.Error' "$swift" | grep -q '^public' || bad "RuleError is not public"
for family in Number LoginId Backup Permission Pin Password Hash Generate Login Recovery Session Policy State Other; do
  grep -q "^    case $family(" "$swift" || bad "no Swift case RuleError.$family"
done
# (from the class to its converter: uniffi indents the methods' bodies to column 0)
base=$(awk '/^sealed class RuleException/ {p=1} /^public object FfiConverterTypeRuleError/ {exit} p' "$kotlin_core")
for accessor in code messageDe messageEn details json; do
  echo "$base" | grep -q "fun \`$accessor\`(): \|fun $accessor(): " \
    || bad "no Kotlin RuleException.$accessor() on the base type"
done

# No type of the standard library is shadowed, nor named in a signature.
for name in Hasher Actor; do
  grep -qE "^(public |open )*(class|struct|enum|protocol|typealias) $name\b" "$gen"/swift/*.swift \
    && bad "a generated Swift type shadows Swift.$name"
  grep -nE "(-> |: )$name\b" "$gen"/swift/*.swift | grep -v "Swift\.$name\|Foundation\." | head -3 | grep . \
    && bad "a generated Swift signature names $name"
done

# Policy records carry the centrexx preset's values as defaults in the Swift init and the
# Kotlin data class, except the fields uniffi's proc-macros cannot default (enums, non-empty
# lists) and the Policy sections holding them (core/src/policy/mod.rs names them).
swift_core=$gen/swift/PbxRulesCore.swift
kotlin_core=$gen/kotlin/de/pbxrules/core/pbx_rules_core.kt
defaults=0
for spec in Policy:3 PinPolicy:2 PasswordPolicy:1 NumberPolicy:1 HashPolicy:0 \
  SecondFactorPolicy:0 SessionPolicy:0 ThrottlePolicy:0 RecoveryPolicy:0; do
  record=${spec%:*} without=${spec#*:}
  params=$(awk -v r="$record" '$0 ~ "^public struct " r "[:{ ]" {f=1} f && /public init\(/ {p=1}
    p {print} p && /\) \{$/ {exit}' "$swift_core" | grep -E '(^|\*/)[[:space:]]*`?[a-z][A-Za-z0-9]*`?: ')
  total=$(echo "$params" | grep -c . || true)
  with=$(echo "$params" | grep -c ' = ' || true)
  [ "$total" -gt 0 ] && [ $((total - with)) -eq "$without" ] \
    || bad "Swift $record init: $with of $total parameters have a default, want all but $without"
  kparams=$(awk -v r="$record" '$0 ~ "^data class " r " \\(" {p=1} p {print} p && /^\)/{exit}' \
    "$kotlin_core" | grep -E '^    va[rl] `')
  ktotal=$(echo "$kparams" | grep -c . || true)
  kwith=$(echo "$kparams" | grep -c ' = ' || true)
  [ "$ktotal" -eq "$total" ] && [ "$kwith" -eq "$with" ] \
    || bad "Kotlin $record: $kwith of $ktotal fields have a default, Swift $with of $total"
  defaults=$((defaults + with))
done

[ "$fail" -eq 0 ] || exit 1
echo "swift: $defaults policy-record defaults in the Swift inits and the Kotlin data classes"
echo "swift: $count exported functions, methods and constructors in two components found in header, library, Swift and Kotlin; module maps ok; no standard-library type shadowed"
echo "swift: generated, NOT compiled here (no Swift toolchain); see README for the Mac commands"
