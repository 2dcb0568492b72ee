// P1, P3, P8, K1–K4: replays core/vectors/pins.json and passwords.json through the binding,
// with the verdicts of core/tests/vectors_credentials.rs; the `change` checks go through the
// lifecycle (the one credential-change path), as the Rust replay does. Every check takes the
// Rules handle, the one context; the input contexts are the core's own records.
package pbxrules.test

import de.pbxrules.AdminAccount
import de.pbxrules.core.RuleException
import de.pbxrules.Rules
import de.pbxrules.createExtensionAccount
import de.pbxrules.evaluatePassword
import de.pbxrules.mobileAppCheck
import de.pbxrules.parsePassword
import de.pbxrules.parsePin
import de.pbxrules.policyPreset
import de.pbxrules.trivialPinFindings
import de.pbxrules.validateNewPassword
import de.pbxrules.validateNewPin
import de.pbxrules.core.Actor
import de.pbxrules.core.PasswordContext
import de.pbxrules.core.PinContext
import de.pbxrules.core.StrengthLevel
import de.pbxrules.core.TrivialPinFinding
import java.time.Instant

/** The rules of a preset with cheap argon2 costs, as the Rust harness uses; built once. */
private val presets = mutableMapOf<String, Rules>()

fun preset(case: Obj): Rules = presets.getOrPut(case.str("policy")) {
    policyPreset(case.str("policy"))!!.let { Rules(it.copy(hashing = it.hashing.copy(mCostKib = 64, tCost = 1))) }
}

/** A PIN context that knows nothing about the user (the core's `PinContext::default()`). */
val NO_PIN_CONTEXT = PinContext(null, emptyList(), null)

/** A password context without master data or second factor. */
val NO_PASSWORD_CONTEXT = PasswordContext(null, null, null, false)

/** The vectors name findings by their error code (`PIN_TRIVIAL_YEAR`). */
fun code(f: TrivialPinFinding): String = "PIN_TRIVIAL_${f.name}"

val T0: Instant = Instant.parse("2026-01-05T09:00:00Z")

/** P3 through the lifecycle: an account with the PIN `stored`, changed by its user. */
fun changePin(case: Obj, rules: Rules): List<String> {
    var account = createExtensionAccount("10", T0, rules).account()
    val stored = case.str("stored")
    if (rules.policy().pin.defaultPin != stored) {
        account = account.setPinByAdmin(Actor.Admin(false), stored, stored, T0, rules).state()
    }
    val d = account.changePin(
        Actor.User("10"), case.str("old"), case.str("pin"), case.str("confirmation"),
        NO_PIN_CONTEXT, T0.plusSeconds(60), rules,
    )
    return d.outcome().warnings.map(::code)
}

fun pinVectors(dir: String) {
    for (case in loadVectors(dir, "pins.json").objs("cases")) {
        Harness.check("pins.json ${case.str("id")}") {
            val rules = preset(case)
            val expect = case.obj("expect")
            val run: () -> List<String> = when (val check = case.str("check")) {
                "parse" -> { { parsePin(case.str("pin"), rules); emptyList() } }
                "new" -> { {
                    validateNewPin(case.str("pin"), case.str("confirmation"), NO_PIN_CONTEXT, rules).warnings.map(::code)
                } }
                "change" -> { { changePin(case, rules) } }
                "mobile" -> { {
                    mobileAppCheck(parsePin(case.str("pin"), rules), case.strOrNull("mobile"), rules)
                    emptyList()
                } }
                "trivial" -> { {
                    val ctx = PinContext(case.strOrNull("extension_digits"), case.strings("names"), case.strOrNull("phone_number"))
                    trivialPinFindings(parsePin(case.str("pin"), rules), ctx, rules).map(::code)
                } }
                else -> error("unknown check $check")
            }
            when (val verdict = expect.str("verdict")) {
                "accepted" -> expectEq(run(), emptyList(), "warnings")
                "warned", "findings" -> expectEq(run(), expect.strings("findings"), "findings")
                "refused" -> {
                    val e = expectThrows<RuleException.Pin> { run() }
                    expectEq(e.code, expect.str("code"), "code")
                    if (e.code == "PIN_TRIVIAL") {
                        val findings = expect.strings("findings").map { it.removePrefix("PIN_TRIVIAL_").lowercase() }
                        expectEq(Json.parse(e.details), mapOf("findings" to findings), "details")
                    }
                }
                else -> error("unknown verdict $verdict")
            }
        }
    }
}

fun level(name: String): StrengthLevel = StrengthLevel.valueOf(name.uppercase())

fun passwordVectors(dir: String) {
    for (case in loadVectors(dir, "passwords.json").objs("cases")) {
        Harness.check("passwords.json ${case.str("id")}") {
            val rules = preset(case)
            val expect = case.obj("expect")
            val c = case.obj("context")
            val ctx = PasswordContext(
                c.strOrNull("head_number"), c.strOrNull("company_name"),
                c.strOrNull("admin_email"), case.bool("second_factor"),
            )
            val run: () -> Unit = when (val check = case.str("check")) {
                "parse" -> { { parsePassword(case.str("password"), case.bool("second_factor"), rules) } }
                "new" -> { { validateNewPassword(case.str("password"), case.str("confirmation"), ctx, rules) } }
                "change" -> { {
                    val admin = AdminAccount.create(case.str("stored"), T0, rules)
                    val new = case.str("password")
                    admin.changePassword(case.str("old"), new, case.str("confirmation"), ctx, T0.plusSeconds(60), rules).outcome()
                } }
                "meter" -> { {
                    val got = evaluatePassword(case.str("password"), ctx, rules).level
                    expect.strOrNull("level_at_most")?.let { expect(got <= level(it)) { "level $got above $it" } }
                    expect.strOrNull("level_at_least")?.let { expect(got >= level(it)) { "level $got below $it" } }
                } }
                else -> error("unknown check $check")
            }
            when (val verdict = expect.str("verdict")) {
                "accepted", "level" -> run()
                "refused" -> {
                    val e = expectThrows<RuleException.Password> { run() }
                    expectEq(e.code, expect.str("code"), "code")
                    if (e.code == "PASSWORD_BLOCKLISTED") {
                        expect(e.details.contains(expect.str("reason"))) { "reason ${expect.str("reason")} not in ${e.details}" }
                    }
                }
                else -> error("unknown verdict $verdict")
            }
        }
    }
}
