#!/usr/bin/env bash
# Packs the JVM jar and checks it from outside the repository.
#
#   bash bindings-kotlin-swift/jar.sh     # after build.sh (test.sh runs both, release)
#
# The jar `pbx-rules-kotlin-<version>.jar` (in .out/) holds the generated Kotlin classes,
# the Kotlin runtime, and the shared library under JNA's resource path
# (linux-x86-64/libpbx_rules_uniffi.so), so a Kotlin or Java program needs only this jar and
# JNA. Then, in a scratch folder, a Kotlin program (jar/JarCheck.kt) and a Java program
# (jar/JarCheck.java) are compiled against the jar and run with `java -cp jar:jna` alone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
gen=$here/generated
lib=$(cat "$gen/LIBRARY")
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
kotlinc=${KOTLINC:-$here/.tools/node_modules/kotlin-compiler/bin/kotlinc-jvm}
JNA=${JNA:-/usr/share/java/jna.jar}
jar=$here/.out/pbx-rules-kotlin-$version.jar
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) resource=linux-x86-64 ;;
  Linux-aarch64) resource=linux-aarch64 ;;
  Darwin-arm64) resource=darwin-aarch64 ;;
  Darwin-x86_64) resource=darwin-x86-64 ;;
  *) echo "no JNA resource folder known for $(uname -sm)"; exit 1 ;;
esac

staging=$(mktemp -d)
scratch=$(mktemp -d)
trap 'rm -rf "$staging" "$scratch"' EXIT
mkdir -p "$(dirname "$jar")" "$staging/$resource"
"$kotlinc" -nowarn -include-runtime -cp "$JNA" -d "$jar" "$gen/kotlin"
cp "$lib" "$staging/$resource/"
# No symbol table in the shipped library (the exported functions stay in .dynsym).
strip --strip-unneeded "$staging/$resource/$(basename "$lib")" 2>/dev/null || true
cat > "$staging/manifest.txt" <<MF
Implementation-Title: pbx-rules-kotlin
Implementation-Version: $version
MF
jar ufm "$jar" "$staging/manifest.txt" -C "$staging" "$resource"
jar tf "$jar" | grep -qx "$resource/$(basename "$lib")"
echo "jar: $jar ($(du -k "$jar" | cut -f1) KB)"

cp "$here/jar/JarCheck.kt" "$here/jar/JarCheck.java" "$scratch/"
cd "$scratch"
"$kotlinc" -nowarn -cp "$jar:$JNA" -d kotlin-check.jar JarCheck.kt
java -cp "kotlin-check.jar:$jar:$JNA" JarCheckKt "$version"
mkdir -p java-classes
javac -cp "$jar:$JNA" -d java-classes JarCheck.java
java -cp "java-classes:$jar:$JNA" JarCheck "$version"
echo "jar ok, used from $scratch"
