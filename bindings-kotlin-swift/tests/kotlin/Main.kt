// Entry point of the Kotlin tests: replays every shared vector file (the scenarios against
// the parity file) and checks the API surface, then prints "N passed, M failed" and exits
// non-zero on failure.
package pbxrules.test

import kotlin.system.exitProcess

fun main(args: Array<String>) {
    val vectors = args.firstOrNull() ?: "core/vectors"
    val replayed = setOf("numbers.json", "login_ids.json", "pins.json", "passwords.json", "scenarios.json", "peppered.json")
    Harness.check("every vector file in $vectors is replayed") {
        val files = java.io.File(vectors).list { _, n -> n.endsWith(".json") }!!.toSet()
        expectEq(files - replayed, emptySet<String>(), "files without a Kotlin replay")
    }
    numberVectors(vectors)
    metadataVersionCheck(vectors)
    loginIdVectors(vectors)
    pinVectors(vectors)
    passwordVectors(vectors)
    pepperedVectors(vectors)
    scenarioVectors(vectors)
    apiSurface()
    sessions()
    views()
    boundary()
    jvmSurface()
    exitProcess(Harness.report())
}
