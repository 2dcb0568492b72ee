// P1, P3, P8, K1–K4: replays core/vectors/pins.json and passwords.json through the binding,
// with the verdicts of core/tests/vectors_credentials.rs.
package pbxrules.test

import uniffi.pbx_rules.BlockReason
import uniffi.pbx_rules.Hasher
import uniffi.pbx_rules.Password
import uniffi.pbx_rules.PasswordContext
import uniffi.pbx_rules.Pin
import uniffi.pbx_rules.PinContext
import uniffi.pbx_rules.Policy
import uniffi.pbx_rules.RuleException
import uniffi.pbx_rules.StrengthLevel
import uniffi.pbx_rules.changePassword
import uniffi.pbx_rules.changePin
import uniffi.pbx_rules.evaluatePassword
import uniffi.pbx_rules.mobileAppCheck
import uniffi.pbx_rules.policyPreset
import uniffi.pbx_rules.validateNewPassword
import uniffi.pbx_rules.validateNewPin

/** Cheap argon2 costs, as the Rust harness uses: the vectors test rules, not hashing cost. */
fun cheapHasher(): Hasher =
    Hasher(Policy.centrexx().hashing().copy(mCostKib = 64u, tCost = 1u))

fun preset(case: Obj): Policy = policyPreset(case.str("policy")) ?: error("unknown policy")

fun pinVectors(dir: String) {
    val hasher = cheapHasher()
    for (case in loadVectors(dir, "pins.json").objs("cases")) {
        Harness.check("pins.json ${case.str("id")}") {
            val policy = preset(case)
            val expect = case.obj("expect")
            val run: () -> List<String> = when (val check = case.str("check")) {
                "parse" -> { { Pin.parse(case.str("pin"), policy); emptyList() } }
                "new" -> { {
                    validateNewPin(case.str("pin"), case.str("confirmation"), PinContext(), policy)
                        .warnings.map { it.code }
                } }
                "change" -> { {
                    val stored = hasher.hash(case.str("stored"))
                    changePin(
                        case.str("old"), case.str("pin"), case.str("confirmation"),
                        stored, hasher, PinContext(), policy,
                    ).accepted.warnings.map { it.code }
                } }
                "mobile" -> { {
                    mobileAppCheck(Pin.parse(case.str("pin"), policy), case.strOrNull("mobile"), policy)
                    emptyList()
                } }
                "trivial" -> { {
                    val ctx = PinContext(case.strOrNull("extension_digits"), case.strings("names"), case.strOrNull("phone_number"))
                    Pin.parse(case.str("pin"), policy).trivialFindings(ctx, policy).map { it.code }
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
                        expectEq(e.findings.map { it.code }, expect.strings("findings"), "findings")
                    }
                }
                else -> error("unknown verdict $verdict")
            }
        }
    }
}

fun level(name: String): StrengthLevel = when (name) {
    "red" -> StrengthLevel.RED
    "orange" -> StrengthLevel.ORANGE
    "yellow" -> StrengthLevel.YELLOW
    "light_green" -> StrengthLevel.LIGHT_GREEN
    "green" -> StrengthLevel.GREEN
    else -> error("unknown level $name")
}

fun reason(name: String): BlockReason = when (name) {
    "common_password" -> BlockReason.COMMON_PASSWORD
    "head_number" -> BlockReason.HEAD_NUMBER
    "company_name" -> BlockReason.COMPANY_NAME
    "admin_email" -> BlockReason.ADMIN_EMAIL
    else -> error("unknown reason $name")
}

fun passwordVectors(dir: String) {
    val hasher = cheapHasher()
    for (case in loadVectors(dir, "passwords.json").objs("cases")) {
        Harness.check("passwords.json ${case.str("id")}") {
            val policy = preset(case)
            val expect = case.obj("expect")
            val c = case.obj("context")
            val ctx = PasswordContext(
                c.strOrNull("head_number"), c.strOrNull("company_name"),
                c.strOrNull("admin_email"), case.bool("second_factor"),
            )
            val run: () -> Unit = when (val check = case.str("check")) {
                "parse" -> { { Password.parse(case.str("password"), policy, ctx.secondFactor) } }
                "new" -> { { validateNewPassword(case.str("password"), case.str("confirmation"), ctx, policy) } }
                "change" -> { {
                    val stored = hasher.hash(case.str("stored"))
                    changePassword(
                        case.str("old"), case.str("password"), case.str("confirmation"),
                        stored, hasher, ctx, policy,
                    )
                } }
                "meter" -> { {
                    val got = evaluatePassword(case.str("password"), ctx, policy).level
                    expect.strOrNull("level_at_most")?.let {
                        expect(got <= level(it)) { "level $got above $it" }
                    }
                    expect.strOrNull("level_at_least")?.let {
                        expect(got >= level(it)) { "level $got below $it" }
                    }
                } }
                else -> error("unknown check $check")
            }
            when (val verdict = expect.str("verdict")) {
                "accepted", "level" -> run()
                "refused" -> {
                    val e = expectThrows<RuleException.Password> { run() }
                    expectEq(e.code, expect.str("code"), "code")
                    if (e.code == "PASSWORD_BLOCKLISTED") {
                        expectEq(e.reason, reason(expect.str("reason")), "reason")
                    }
                }
                else -> error("unknown verdict $verdict")
            }
        }
    }
}
