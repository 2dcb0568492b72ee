#!/usr/bin/env bash
# The Kotlin/Swift binding's test command, from a fresh machine:
#   1. installs what it needs: a JDK if `java` is missing, JNA (Debian libjna-java), and
#      kotlinc from the npm package kotlin-compiler into .tools/ (gitignored);
#   2. runs the binding's Rust tests (the error mapping);
#   3. builds the shared library (release, as it ships) and generates Kotlin + Swift (build.sh);
#   4. compiles the Kotlin tests and the example with kotlinc-jvm, runs them on Java + JNA;
#   5. lays the JVM artifacts (classes, native library, POMs) out as a local Maven
#      repository and runs a Kotlin and a Java program built against it outside the
#      repository (jar.sh);
#   6. checks the generated Swift without a compiler.
# The Kotlin tests end with "N passed, M failed".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
KOTLIN_COMPILER_VERSION=2.4.20
tools=$here/.tools
out=$here/.out
gen=$here/generated
step() { printf '\n--- %s ---\n' "$*"; }
now() { date +%s; }
apt_install() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null
}

step "toolchain"
command -v java >/dev/null || apt_install default-jdk-headless
JNA=${JNA:-/usr/share/java/jna.jar}
[ -f "$JNA" ] || apt_install libjna-java
kotlinc=$tools/node_modules/kotlin-compiler/bin/kotlinc-jvm
if [ ! -x "$kotlinc" ]; then
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" "kotlin-compiler@$KOTLIN_COMPILER_VERSION"
fi
java -version 2>&1 | head -1

step "rust tests of the binding (every core error code maps)"
cargo test -p pbx-rules-uniffi --locked --quiet

step "build the library, generate Kotlin and Swift"
t=$(now)
PROFILE=release bash "$here/build.sh"
lib=$(cat "$gen/LIBRARY")
echo "build + generate: $(( $(now) - t ))s"

step "compile the Kotlin tests and the example (kotlinc-jvm)"
t=$(now)
mkdir -p "$out"
"$kotlinc" -nowarn -include-runtime -cp "$JNA" -d "$out/kotlin-tests.jar" \
  "$gen/kotlin" "$here/tests/kotlin" "$root/examples/kotlin"
echo "kotlinc: $(( $(now) - t ))s"

step "run the Kotlin tests on the JVM"
t=$(now)
run_java() { java -Djna.library.path="$(dirname "$lib")" -cp "$out/kotlin-tests.jar:$JNA" "$@"; }
set +e
run_java pbxrules.test.MainKt "$root/core/vectors"
status=$?
set -e
echo "kotlin tests: $(( $(now) - t ))s"
[ "$status" -eq 0 ] || { echo "kotlin tests failed"; exit "$status"; }

step "run the Kotlin example (examples/kotlin/AppFlows.kt)"
run_java AppFlowsKt

step "the JVM artifacts in a local Maven layout; Kotlin and Java programs built against it, outside the repository"
t=$(now)
KOTLINC="$kotlinc" JNA="$JNA" bash "$here/jar.sh"
echo "jar + checks: $(( $(now) - t ))s"

step "check the generated Swift (no Swift compiler here)"
bash "$here/check-swift.sh" "$gen" "$lib"
