// What a JVM host (Kotlin or Java) reads without matching cases or unsigned types: the
// accessors of RuleException's base type for every family a call here throws, signed Kotlin
// Int/Long for every count, length and revision, and, through the JVM's own reflection (no
// kotlin-reflect), that no public method of the generated classes has a name Java cannot
// write (Kotlin mangles the accessors of unsigned types: `getRevision-s-VKNKU`).
package pbxrules.test

import de.pbxrules.ExtensionAccount
import de.pbxrules.ExtensionMasterData
import de.pbxrules.NumberPlan
import de.pbxrules.Rules
import de.pbxrules.createExtensionAccount
import de.pbxrules.parsePin
import de.pbxrules.policyPreset
import de.pbxrules.core.ExtensionAccountView
import de.pbxrules.core.PinPolicy
import de.pbxrules.core.RuleException
import de.pbxrules.core.SessionStamp
import java.lang.reflect.Modifier
import java.time.Instant
import java.util.jar.JarFile

fun jvmSurface() {
    val centrexx = policyPreset("centrexx")!!
    val cheap = centrexx.copy(hashing = centrexx.hashing.copy(mCostKib = 64, tCost = 1))
    val rules = Rules(cheap)
    val t0 = Instant.parse("2026-01-05T09:00:00Z")

    Harness.check("G2: code, messages, details and JSON on RuleException's base type, every family thrown here") {
        val thrown: List<Pair<String, () -> Unit>> = listOf(
            "NUMBER_HAS_LETTERS" to { NumberPlan.germany().normalize("0800 FLOWERS") },
            "LOGIN_ID_BAD_CHARACTER" to { ExtensionMasterData("x", "Ada") },
            "PIN_NOT_DIGITS" to { parsePin("12a4", rules) },
            "POLICY_OUT_OF_RANGE" to { Rules(centrexx.copy(pin = centrexx.pin.copy(minLen = 2))) },
            "STATE_MALFORMED" to { ExtensionAccount.fromJson("{") },
        )
        for ((code, call) in thrown) {
            val e = expectThrows<RuleException>(call)
            expectEq(e.code(), code, "code()")
            expect(e.messageDe().isNotEmpty() && e.messageDe() != e.messageEn()) { "$code: ${e.messageDe()}" }
            expect(e.details().startsWith("{")) { e.details() }
            expect(e.json().contains("\"code\":\"$code\"")) { e.json() }
            // The base type's answer is the case's own field.
            val field = when (e) {
                is RuleException.Number -> e.code
                is RuleException.LoginId -> e.code
                is RuleException.Pin -> e.code
                is RuleException.Policy -> e.code
                is RuleException.State -> e.code
                else -> "another case: $e"
            }
            expectEq(e.code(), field, "the case's field")
        }
        val locked = (1..12).fold(createExtensionAccount("10", t0, rules).account()) { a, _ -> a.login("9999", t0, rules).state() }
        val e = expectThrows<RuleException> { locked.login("9999", t0, rules).outcome() }
        expectEq(e.code(), "LOGIN_THROTTLED", "G5")
        expect(e.details().contains("retry_at")) { e.details() }
    }

    Harness.check("signed Int/Long at the boundary: lengths, counts, allowances, revisions, epochs") {
        val minLen: Int = centrexx.pin.minLen
        val window: Int = centrexx.pin.changeWindowDays
        val allowance: Int = rules.pinAllowance(minLen)
        expectEq(allowance, cheap.throttle.pinAllowanceAtMinLen, "G5 at the minimum length")
        expectEq(rules.pinAllowance(-1), allowance, "a negative length counts as the minimum")
        expectEq(rules.passwordAllowance(), minOf(cheap.throttle.passwordAllowance, cheap.throttle.hardLimit), "G5 password")
        expectEq(NumberPlan.germany().normalize("0171 12345678").countryCode(), 49, "country code")
        val account = createExtensionAccount("10", t0, rules).account()
        val view: ExtensionAccountView = account.view(t0, rules)
        val revision: Long = view.revision
        val failed: Int = view.failedLogins
        expect(revision >= 0 && failed == 0 && window == 42) { "$revision $failed $window" }
        val after = account.login("9999", t0, rules).state().view(t0, rules)
        expect(after.revision > revision && after.failedLogins == 1) { "$after" }
    }

    Harness.check("F6: a policy changed through its setters; negative values refused as Policy errors") {
        val policy = policyPreset("centrexx")!!
        policy.pin.maxLen = 8
        policy.session.idleTimeoutSecs = 600
        expectEq(Rules(policy).policy().pin.maxLen, 8, "setter")
        policy.pin.maxLen = -1
        val length = expectThrows<RuleException.Policy> { Rules(policy) }
        expectEq(length.code(), "POLICY_OUT_OF_RANGE", "negative length, refused while lifted")
        expect(length.details().contains("length")) { length.details() }
        policy.pin.maxLen = 8
        policy.pin.changeWindowDays = -1
        val days = expectThrows<RuleException.Policy> { Rules(policy) }
        expect(days.details().contains("pin.change_window_days")) { days.details() }
        policy.pin.changeWindowDays = 42
        policy.throttle.firstDelaySecs = -5
        val delay = expectThrows<RuleException.Policy> { Rules(policy) }
        expect(delay.details().contains("throttle.first_delay_secs")) { delay.details() }
    }

    Harness.check("Java: plain names for the values, no name-mangled public method in the generated classes") {
        expectEq(ExtensionAccountView::class.java.getMethod("getRevision").returnType, java.lang.Long.TYPE, "revision")
        expectEq(PinPolicy::class.java.getMethod("getMinLen").returnType, Integer.TYPE, "pin.min_len")
        PinPolicy::class.java.getMethod("setChangeWindowDays", Integer.TYPE)
        expectEq(SessionStamp::class.java.getMethod("getEpoch").returnType, java.lang.Long.TYPE, "epoch")
        Rules::class.java.getMethod("pinAllowance", Integer.TYPE)
        for (name in listOf("code", "messageDe", "messageEn", "details", "json")) {
            RuleException::class.java.getMethod(name)
        }
        // Every class of the two packages in the jar this test runs from.
        val jar = System.getProperty("java.class.path").split(java.io.File.pathSeparator)
            .first { JarFile(it).use { j -> j.getEntry("de/pbxrules/core/RuleException.class") != null } }
        val classes = JarFile(jar).use { j ->
            j.entries().toList().map { it.name }
                .filter { it.startsWith("de/pbxrules/") && it.endsWith(".class") }
                .map { Class.forName(it.removeSuffix(".class").replace('/', '.'), false, Harness::class.java.classLoader) }
        }
        expect(classes.size > 100) { "${classes.size} classes" }
        val mangled = classes
            // uniffi's own FFI plumbing (converters, buffers, handles) is public but no API.
            .filterNot { c ->
                val outer = c.name.substringAfterLast('.').substringBefore('$')
                listOf("FfiConverter", "Uniffi", "RustBuffer", "ForeignBytes").any { outer.startsWith(it) }
            }
            .filter { Modifier.isPublic(it.modifiers) }
            .flatMap { c -> c.declaredMethods.filter { Modifier.isPublic(it.modifiers) && '-' in it.name }.map { "${c.name}.${it.name}" } }
        expectEq(mangled, emptyList<String>(), "public methods Java cannot call by name")
    }
}
