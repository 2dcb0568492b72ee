// N1–N6: replays core/vectors/numbers.json and login_ids.json through the binding, with the
// verdicts of core/tests/vectors_numbers.rs.
package pbxrules.test

import de.pbxrules.BaseNumber
import de.pbxrules.NumberPlan
import de.pbxrules.core.RuleException
import de.pbxrules.metadataVersion

fun numberVectors(dir: String) {
    val doc = loadVectors(dir, "numbers.json")
    val plans = mutableMapOf<String, NumberPlan>()
    for (case in doc.objs("cases")) {
        Harness.check("numbers.json ${case.str("id")}") {
            val plan = plans.getOrPut(case.str("region")) { NumberPlan(case.str("region")) }
            val error = case.strOrNull("error")
            if (error != null) {
                val e = expectThrows<RuleException.Number> { plan.normalize(case.str("input")) }
                expectEq(e.code, error, "code")
            } else {
                val n = plan.normalize(case.str("input"))
                expectEq(n.e164(), case.str("e164"), "e164")
                expectEq(n.kind().name.lowercase(), case.str("kind"), "kind (the core's snake_case code)")
                expectEq(n.region(), case.str("number_region"), "region")
                expectEq(n.international(), case.str("international"), "international")
                expectEq(n.national(), case.str("national"), "national")
            }
        }
    }
}

// The runtime names the phonenumbers version that the embedded XML's first line claims.
fun metadataVersionCheck(dir: String) {
    Harness.check("N1 metadata version") {
        val first = java.io.File(dir, "../metadata/PhoneNumberMetadata.xml").useLines { it.first() }
        expectEq(first.contains("from phonenumbers ${metadataVersion()};"), true, first)
    }
}

fun loginIdVectors(dir: String) {
    val doc = loadVectors(dir, "login_ids.json")
    val base = BaseNumber.parse(NumberPlan(doc.str("region")), doc.str("base_number"))
    val central = doc.str("central_digits")
    for (case in doc.objs("cases")) {
        Harness.check("login_ids.json ${case.str("id")}") {
            val input = case.str("input")
            val run: () -> String = when (case.str("role")) {
                "user" -> { { base.userLogin(input) } }
                else -> { { base.adminLogin(input, central); "ok" } }
            }
            val error = case.strOrNull("error")
            if (error != null) {
                expectEq(expectThrows<RuleException.LoginId> { run() }.code, error, "code")
            } else {
                expectEq(run(), case.strOrNull("extension") ?: "ok", "result")
            }
        }
    }
}
