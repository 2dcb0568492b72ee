#!/usr/bin/env bash
# Packs the JVM artifacts into a local Maven repository layout and checks them from outside
# the repository.
#
#   bash bindings-kotlin-swift/jar.sh     # after build.sh (test.sh runs both, release)
#
# Two artifacts, each a jar with its POM, laid out as Maven lays out a repository
# (`<group path>/<artifactId>/<version>/<artifactId>-<version>.{jar,pom}`) under
# .out/m2/ (or $REPO):
#   de.pbxrules:pbx-rules-kotlin                 the generated Kotlin classes (packages
#       de.pbxrules and de.pbxrules.core), no Kotlin runtime, no kotlin-reflect; its POM
#       names JNA and kotlin-stdlib as dependencies;
#   de.pbxrules:pbx-rules-kotlin-<platform>      the shared library under JNA's resource
#       path (linux-x86-64/libpbx_rules_uniffi.so on this machine), nothing else.
# groupId is de.pbxrules, the version the workspace Cargo.toml's. kotlin-stdlib is copied
# into the same layout from the compiler's own lib/ (this machine reaches no Maven
# repository); JNA comes from Debian's layout, /usr/share/maven-repo (libjna-java).
#
# Then, in a scratch folder, a Kotlin program (jar/JarCheck.kt) and a Java program
# (jar/JarCheck.java) are compiled and run with a class path assembled from the POMs alone:
# the classes artifact, the native artifact and each dependency the POM names, found in
# the two layouts. Each prints how long its first call took (JNA extracts the library from
# the jar on every JVM start); a last run loads the library from a folder with
# -Djna.library.path instead, for the comparison.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
gen=$here/generated
lib=$(cat "$gen/LIBRARY")
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
kotlinc=${KOTLINC:-$here/.tools/node_modules/kotlin-compiler/bin/kotlinc-jvm}
kotlin_home=$(cd "$(dirname "$kotlinc")/.." && pwd)
kotlin_version=$(cat "$kotlin_home/build.txt")
JNA=${JNA:-/usr/share/java/jna.jar}
jna_version=$(basename "$(readlink -f "$JNA")" .jar)
jna_version=${jna_version#jna-}
repo=${REPO:-$here/.out/m2}
# Debian's Maven layout (libjna-java installs JNA there too).
system_repo=${SYSTEM_REPO:-/usr/share/maven-repo}
group=de.pbxrules
artifact=pbx-rules-kotlin
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) resource=linux-x86-64 ;;
  Linux-aarch64) resource=linux-aarch64 ;;
  Darwin-arm64) resource=darwin-aarch64 ;;
  Darwin-x86_64) resource=darwin-x86-64 ;;
  *) echo "no JNA resource folder known for $(uname -sm)"; exit 1 ;;
esac
native_artifact=$artifact-$resource

staging=$(mktemp -d)
scratch=$(mktemp -d)
trap 'rm -rf "$staging" "$scratch"' EXIT

# The folder of one artifact in a layout.
artifact_dir() { echo "$1/${2//.//}/$3/$4"; }

# Lays a jar and its POM out in $repo. Arguments: groupId artifactId version jar name
# description, then the <dependency> elements of the POM (may be none).
lay_out() {
  local g=$1 a=$2 v=$3 jar=$4 name=$5 description=$6 dependencies=$7
  local dir
  dir=$(artifact_dir "$repo" "$g" "$a" "$v")
  mkdir -p "$dir"
  cp "$jar" "$dir/$a-$v.jar"
  cat > "$dir/$a-$v.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>$g</groupId>
  <artifactId>$a</artifactId>
  <version>$v</version>
  <packaging>jar</packaging>
  <name>$name</name>
  <description>$description</description>
  <licenses>
    <license><name>Apache-2.0</name></license>
  </licenses>
$dependencies</project>
POM
  echo "laid out $dir/$a-$v.{jar,pom} ($(du -k "$dir/$a-$v.jar" | cut -f1) KB)"
}

dependency() {
  printf '    <dependency>\n      <groupId>%s</groupId>\n      <artifactId>%s</artifactId>\n      <version>%s</version>\n    </dependency>\n' "$1" "$2" "$3"
}

manifest() {
  printf 'Implementation-Title: %s\nImplementation-Version: %s\n' "$1" "$version" > "$staging/manifest.txt"
  [ -z "${2:-}" ] || printf 'Automatic-Module-Name: %s\n' "$2" >> "$staging/manifest.txt"
}

rm -rf "$(artifact_dir "$repo" "$group" "$artifact" "$version")" \
  "$(artifact_dir "$repo" "$group" "$native_artifact" "$version")"

# 1. The classes: the generated Kotlin only. -no-reflect: nothing of kotlin-reflect on the
#    compile class path, so nothing can come to need it.
"$kotlinc" -nowarn -no-reflect -cp "$JNA" -d "$staging/classes.jar" "$gen/kotlin"
manifest "$artifact" de.pbxrules
jar ufm "$staging/classes.jar" "$staging/manifest.txt"
if jar tf "$staging/classes.jar" | grep -q '^kotlin/'; then
  echo "the classes jar carries Kotlin runtime classes"; exit 1
fi
lay_out "$group" "$artifact" "$version" "$staging/classes.jar" \
  "pbx-rules for Kotlin and Java" \
  "The rules of the hosted PBX (uniffi): packages de.pbxrules and de.pbxrules.core. Add the native artifact of your platform ($group:$artifact-&lt;platform&gt;)." \
  "  <dependencies>
$(dependency net.java.dev.jna jna "$jna_version")
$(dependency org.jetbrains.kotlin kotlin-stdlib "$kotlin_version")
  </dependencies>
"

# 2. The native library for this platform, under JNA's resource path.
mkdir -p "$staging/native/$resource"
cp "$lib" "$staging/native/$resource/"
# No symbol table in the shipped library (the exported functions stay in .dynsym).
strip --strip-unneeded "$staging/native/$resource/$(basename "$lib")" 2>/dev/null || true
manifest "$native_artifact"
jar cfm "$staging/native.jar" "$staging/manifest.txt" -C "$staging/native" "$resource"
jar tf "$staging/native.jar" | grep -qx "$resource/$(basename "$lib")"
lay_out "$group" "$native_artifact" "$version" "$staging/native.jar" \
  "pbx-rules native library, $resource" \
  "libpbx_rules_uniffi for $resource under JNA's resource path; use with $group:$artifact." ""

# 3. kotlin-stdlib into the same layout, from the compiler that built the classes (the
#    machine reaches no Maven repository; on one with Maven Central this step is not needed).
stdlib_dir=$(artifact_dir "$repo" org.jetbrains.kotlin kotlin-stdlib "$kotlin_version")
if [ ! -f "$stdlib_dir/kotlin-stdlib-$kotlin_version.jar" ]; then
  mkdir -p "$stdlib_dir"
  cp "$kotlin_home/lib/kotlin-stdlib.jar" "$stdlib_dir/kotlin-stdlib-$kotlin_version.jar"
  printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
    '<project xmlns="http://maven.apache.org/POM/4.0.0">' \
    '  <modelVersion>4.0.0</modelVersion>' \
    '  <groupId>org.jetbrains.kotlin</groupId>' \
    '  <artifactId>kotlin-stdlib</artifactId>' \
    "  <version>$kotlin_version</version>" \
    '</project>' > "$stdlib_dir/kotlin-stdlib-$kotlin_version.pom"
fi

# The class path of an artifact as Maven resolves it: the artifact's jar, then each
# dependency its POM names (transitively), each looked up in $repo, then in Debian's layout.
resolved=()
resolve() {
  local g=$1 a=$2 v=$3 dir found="" pom
  for r in "$repo" "$system_repo"; do
    dir=$(artifact_dir "$r" "$g" "$a" "$v")
    if [ -f "$dir/$a-$v.jar" ]; then found=$dir; break; fi
  done
  [ -n "$found" ] || { echo "$g:$a:$v is in neither $repo nor $system_repo"; exit 1; }
  local jar=$found/$a-$v.jar
  for seen in "${resolved[@]+"${resolved[@]}"}"; do [ "$seen" = "$jar" ] && return 0; done
  resolved+=("$jar")
  pom=$found/$a-$v.pom
  [ -f "$pom" ] || return 0
  # Each <dependency> as "group artifact version" (test and optional scopes are not run-time).
  while read -r dg da dv; do
    [ -n "$dg" ] && resolve "$dg" "$da" "$dv"
  done < <(tr -d '\n' < "$pom" | grep -o '<dependency>.*</dependency>' \
    | sed 's#</dependency>#\n#g' | grep -v '<scope>test</scope>\|<optional>true</optional>' \
    | sed -n 's#.*<groupId>\([^<]*\)</groupId>.*<artifactId>\([^<]*\)</artifactId>.*<version>\([^<]*\)</version>.*#\1 \2 \3#p')
}
resolve "$group" "$artifact" "$version"
resolve "$group" "$native_artifact" "$version"
classpath=$(IFS=:; echo "${resolved[*]}")
echo "class path from the layout: $classpath"
case ":$classpath:" in
  *kotlin-reflect*) echo "kotlin-reflect on the class path"; exit 1 ;;
esac

cp "$here/jar/JarCheck.kt" "$here/jar/JarCheck.java" "$scratch/"
cd "$scratch"
"$kotlinc" -nowarn -no-reflect -cp "$classpath" -d kotlin-check.jar JarCheck.kt
java -cp "kotlin-check.jar:$classpath" JarCheckKt "$version"
mkdir -p java-classes
javac -cp "$classpath" -d java-classes JarCheck.java
java -cp "java-classes:$classpath" JarCheck "$version"

# The same Java program with the library loaded from a folder (no extraction), without the
# native artifact on the class path: the first-call figure to compare with.
native_jar=$(artifact_dir "$repo" "$group" "$native_artifact" "$version")/$native_artifact-$version.jar
mkdir -p unpacked
(cd unpacked && jar xf "$native_jar" "$resource/$(basename "$lib")")
without_native=$(echo "$classpath" | tr ':' '\n' | grep -vx "$native_jar" | paste -sd:)
java -Djna.library.path="$scratch/unpacked/$resource" -cp "java-classes:$without_native" \
  JarCheck "$version" "(library from a folder, -Djna.library.path)"
echo "jar ok, used from $scratch"
