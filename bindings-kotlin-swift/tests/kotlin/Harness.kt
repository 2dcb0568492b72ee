// A small test runner: named checks, a failure list, and the closing "N passed, M failed"
// line test.sh reports. JUnit would need a Maven download; this needs nothing.
package pbxrules.test

object Harness {
    var passed = 0
    var failed = 0
    private val failures = mutableListOf<String>()

    fun check(name: String, body: () -> Unit) {
        try {
            body()
            passed++
        } catch (e: Throwable) {
            failed++
            failures.add("$name: $e")
        }
    }

    fun report(): Int {
        failures.forEach { println("FAIL $it") }
        println("$passed passed, $failed failed")
        return if (failed == 0) 0 else 1
    }
}

class CheckFailed(message: String) : AssertionError(message)

fun expect(cond: Boolean, what: () -> String) {
    if (!cond) throw CheckFailed(what())
}

fun <T> expectEq(got: T, want: T, what: String = "") {
    if (got != want) throw CheckFailed("$what: got $got, want $want")
}

/** Runs [body] and returns the exception of type [E] it throws, failing otherwise. */
inline fun <reified E : Throwable> expectThrows(body: () -> Unit): E {
    try {
        body()
    } catch (e: Throwable) {
        if (e is E) return e
        throw CheckFailed("expected ${E::class.simpleName}, got $e")
    }
    throw CheckFailed("expected ${E::class.simpleName}, nothing was thrown")
}
