// The surface through the binding that the vectors do not reach, and what the shared data model asks of
// every language: secrets opaque, the hasher's (hash, secret) order, full policy
// customisation, every state object to and from JSON, malformed JSON as a typed error, one
// exception subclass per core family, Rules as the one context and the input contexts as the
// core's own records. check-swift.sh checks that every export exists in
// Kotlin and Swift.
package pbxrules.test

import de.pbxrules.AdminAccount
import de.pbxrules.AdminSession
import de.pbxrules.BaseNumber
import de.pbxrules.ExtensionAccount
import de.pbxrules.ExtensionMasterData
import de.pbxrules.NumberPlan
import de.pbxrules.PbxMasterData
import de.pbxrules.RememberedDevice
import de.pbxrules.core.RuleException
import de.pbxrules.Rules
import de.pbxrules.authorize
import de.pbxrules.createExtensionAccount
import de.pbxrules.decideRoute
import de.pbxrules.evaluatePassword
import de.pbxrules.forgotPassword
import de.pbxrules.generateCode
import de.pbxrules.generatePassword
import de.pbxrules.generatePin
import de.pbxrules.parsePin
import de.pbxrules.passwordContextForPbx
import de.pbxrules.pinContextForExtension
import de.pbxrules.policyFromJson
import de.pbxrules.policyPreset
import de.pbxrules.policyToJson
import de.pbxrules.routingTable
import de.pbxrules.trivialPinFindings
import de.pbxrules.warningText
import de.pbxrules.core.Action
import de.pbxrules.core.Actor
import de.pbxrules.core.Effect
import de.pbxrules.core.Lang
import de.pbxrules.core.PasswordContext
import de.pbxrules.core.PinContext
import de.pbxrules.core.Reachability
import de.pbxrules.core.RouteRule
import de.pbxrules.core.StrengthLevel
import de.pbxrules.core.TrivialPinFinding
import de.pbxrules.core.TrivialPinMode
import java.time.Instant

fun apiSurface() {
    val centrexx = policyPreset("centrexx")!!
    val cheap = centrexx.copy(hashing = centrexx.hashing.copy(mCostKib = 64, tCost = 1))
    val rules = Rules(cheap)
    val plan = NumberPlan.germany()
    val t0 = Instant.parse("2026-01-05T09:00:00Z")

    Harness.check("G6 every policy field readable, changeable, to and from JSON") {
        expectEq(centrexx.pin.minLen, 4, "P1 min")
        expectEq(centrexx.pin.defaultPin, "0000", "P2")
        expectEq(centrexx.pin.changeWindowDays, 42, "P5")
        expectEq(centrexx.password.minLevel, StrengthLevel.YELLOW, "K2")
        expectEq(centrexx.numbers.defaultRegion, "DE", "N1")
        expectEq(policyPreset("nope"), null, "unknown preset")
        val custom = centrexx.copy(
            pin = centrexx.pin.copy(maxLen = 8, trivial = TrivialPinMode.REFUSE),
            throttle = centrexx.throttle.copy(freeFailures = 5),
        )
        val back = policyFromJson(policyToJson(custom))
        expectEq(back, custom, "JSON round trip")
        expect(policyToJson(custom).contains("\"max_len\":8")) { "snake_case JSON" }
        val e = expectThrows<RuleException.Policy> { Rules(centrexx.copy(pin = centrexx.pin.copy(minLen = 2))) }
        expectEq(e.code, "POLICY_OUT_OF_RANGE", "F6")
        expect(e.messageDe.isNotEmpty() && e.messageEn.isNotEmpty()) { "messages" }
        expectEq(expectThrows<RuleException.Policy> { policyFromJson(policyToJson(centrexx).replace("\"min_len\":4", "\"min_len\":99")) }.code,
            "POLICY_OUT_OF_RANGE", "F6 from JSON")
    }

    Harness.check("malformed or newer JSON is a typed State error with both messages") {
        for (text in listOf("", "{", "[]", "{\"version\":2}", "null")) {
            val e = expectThrows<RuleException.State> { ExtensionAccount.fromJson(text) }
            expectEq(e.code, "STATE_MALFORMED", text)
            expect(e.messageDe != e.messageEn && e.json.contains("\"family\":\"state\"")) { e.json }
        }
        expectEq(expectThrows<RuleException.State> { policyFromJson("{\"pin\":1}") }.code, "STATE_MALFORMED", "policy")
        val account = createExtensionAccount("10", t0, rules).account()
        val newer = account.toJson().replace(Regex("\"version\":\\d+"), "\"version\":99")
        expect(newer != account.toJson()) { "no version in ${account.toJson()}" }
        expectEq(expectThrows<RuleException.State> { ExtensionAccount.fromJson(newer) }.code, "STATE_VERSION_NEWER", "newer")
    }

    Harness.check("every state object to and from JSON, the same text") {
        val account = createExtensionAccount("10", t0, rules).account()
        expectEq(ExtensionAccount.fromJson(account.toJson()).toJson(), account.toJson(), "account")
        val admin = AdminAccount.create("Kaffeetasse Nordwind 7!", t0, rules)
        expectEq(AdminAccount.fromJson(admin.toJson()).toJson(), admin.toJson(), "admin")
        val session = admin.login("Kaffeetasse Nordwind 7!", null, listOf("10"), t0, rules).outcome()
        expectEq(AdminSession.fromJson(session.toJson()).toJson(), session.toJson(), "session")
        val pbx = PbxMasterData(BaseNumber.parse(plan, "06131 62468"), "0", "+4961316246800")
        expectEq(PbxMasterData.fromJson(pbx.toJson()).toJson(), pbx.toJson(), "pbx")
        val ext = ExtensionMasterData("10", "Ada").withEmail("ada@beispiel.de")
        expectEq(ExtensionMasterData.fromJson(ext.toJson()).toJson(), ext.toJson(), "extension")
        val code = session.requestCode(admin, "admin@beispiel.de", t0, rules)
        val mailed = code.effects().filterIsInstance<Effect.SendSecret>().single().secret.expose()
        val token = code.state().confirmCode(admin, mailed, t0, rules).outcome()!!
        val device = token.record()
        expectEq(RememberedDevice.fromJson(device.toJson()).toJson(), device.toJson(), "device")
    }

    Harness.check("G3 secrets are opaque, masked when printed and in JSON") {
        val d = createExtensionAccount("10", t0, rules).account().setPinByAdmin(Actor.Admin(false), "4711", "4711", t0, rules)
        val sync = d.effects().filterIsInstance<Effect.SyncPin>().single()
        expectEq(sync.pin.toString(), "***", "toString")
        expectEq(sync.pin.expose(), "4711", "expose")
        expect(!sync.toString().contains("4711") && !d.toJson().contains("4711")) { "leak: $sync ${d.toJson()}" }
        expect(d.toJson().contains("\"pin\":\"***\"")) { d.toJson() }
        expectEq(parsePin("4711", rules).toString(), "***", "parsed PIN")
        val generated = listOf(generatePin(NO_PIN_CONTEXT, rules), generatePassword(NO_PASSWORD_CONTEXT, rules), generateCode(rules))
        expect(generated.all { it.toString() == "***" && it.expose().length >= 6 }) { "generated" }
    }

    Harness.check("G4 Hasher.verify(hash, secret), needsRehash") {
        val hasher = rules.hasher()
        val stored = hasher.hash("4711")
        expect(stored.startsWith("\$argon2id\$")) { stored }
        expect(hasher.verify(stored, "4711") && !hasher.verify(stored, "4712")) { "verify" }
        expect(Rules(centrexx).hasher().needsRehash(stored)) { "cheap costs need a rehash" }
        expect(!Rules.withPepper(cheap, "pepper".toByteArray()).hasher().verify(stored, "4711")) { "pepper" }
        expectEq(expectThrows<RuleException.Hash> { hasher.verify("not a hash", "4711") }.family(), "hash", "family")
    }

    Harness.check("G2 each family arrives as its own subclass with code, messages, details") {
        expectEq(expectThrows<RuleException.Number> { plan.normalize("12") }.family(), "number", "number")
        expectEq(expectThrows<RuleException.LoginId> { ExtensionMasterData("x", "Ada") }.family(), "login_id", "login_id")
        expectEq(expectThrows<RuleException.Pin> { parsePin("12a4", rules) }.code, "PIN_NOT_DIGITS", "pin")
        expectEq(expectThrows<RuleException.Permission> { authorize(Actor.User("10"), Action.ChangePin("11")) }.family(), "permission", "permission")
        val locked = (1..12).fold(createExtensionAccount("10", t0, rules).account()) { a, _ -> a.login("9999", t0, rules).state() }
        val e = expectThrows<RuleException.Login> { locked.login("9999", t0, rules).outcome() }
        expectEq(e.code, "LOGIN_THROTTLED", "G5")
        expect(e.details.contains("retry_at")) { e.details }
    }

    Harness.check("N1 N3 B1 B3 B5 numbers, master data and routing") {
        val n = plan.normalize("0171 12345678")
        expectEq(n.e164(), "+4917112345678", "e164")
        expectEq(n.international(), "+49 171 12345678", "E.123")
        val base = BaseNumber.parse(plan, "06131 62468")
        expectEq(base.displayExtension("10"), "+49 6131 62468-10", "DIN 5008")
        val pbx = PbxMasterData(base, "0", "+4961316246800")
        val own = ExtensionMasterData("10", "Ada").setBackupNumber(Actor.User("10"), "0171 12345678", rules)
        expectEq(own.view().mobileNumber, "+4917112345678", "B5 mirror")
        expectEq(decideRoute(pbx, own, Reachability.UNREACHABLE).rule, RouteRule.INDIVIDUAL_BACKUP, "B3")
        val table = routingTable(pbx, listOf(own, ExtensionMasterData("11", "Bo")))
        expectEq(table.map { it.rerouteTo }, listOf("+4917112345678", "+4961316246800"), "targets")
    }

    Harness.check("K2 meter feedback as codes and texts") {
        val s = evaluatePassword("password", NO_PASSWORD_CONTEXT, rules)
        expectEq(s.level, StrengthLevel.RED, "level")
        val w = s.warning!!
        expect(warningText(w, Lang.DE) != warningText(w, Lang.EN)) { "texts" }
    }

    Harness.check("P3 K4 the input contexts are the core's records, also from the master data") {
        val base = BaseNumber.parse(plan, "06131 62468")
        val pbx = PbxMasterData(base, "0", "+4961316246800")
        val ada = ExtensionMasterData("10", "Ada Lovelace")
        val ctx = pinContextForExtension(pbx, ada)
        expectEq(ctx, PinContext("10", listOf("Ada", "Lovelace", "Ada Lovelace"), base.extensionE164("10")), "P3 inputs")
        val pin = parsePin("6810", rules) // the last four digits of +49 6131 62468-10
        expect(TrivialPinFinding.PHONE_NUMBER in trivialPinFindings(pin, ctx, rules)) { "P3 phone number" }
        expect(TrivialPinFinding.PHONE_NUMBER !in trivialPinFindings(pin, ctx.copy(phoneNumber = null), rules)) { "copy" }
        val company = pbx.withCompanyName("Beispiel GmbH").withAdminEmail("admin@beispiel.de")
        expectEq(passwordContextForPbx(company, true),
            PasswordContext(pbx.headNumber(), "Beispiel GmbH", "admin@beispiel.de", true), "K4 inputs")
        expectEq(passwordContextForPbx(pbx, false).companyName, null, "K4: no empty company name")
        // A malformed E.164 in a hand-built record is refused by the core's parser when lifted,
        // as the number family's typed error.
        val lifted = expectThrows<RuleException.Number> { trivialPinFindings(pin, ctx.copy(phoneNumber = "0171 1234"), rules) }
        expectEq(lifted.code, "NUMBER_NOT_E164", "lift refusal code")
    }

    Harness.check("G5 N1 I2 Rules is the one context - number plan, allowances, queries, backup edits") {
        val throttle = cheap.throttle
        expectEq(rules.pinAllowance(cheap.pin.minLen), throttle.pinAllowanceAtMinLen, "G5 at the minimum")
        expectEq(rules.pinAllowance(cheap.pin.minLen + 1), minOf(2 * throttle.pinAllowanceAtMinLen, throttle.hardLimit), "G5 doubled")
        expectEq(rules.pinAllowance(64), throttle.hardLimit, "G5 hard limit")
        expectEq(rules.passwordAllowance(), minOf(throttle.passwordAllowance, throttle.hardLimit), "G5 password")
        expectEq(rules.numberPlan().region(), "DE", "N1 default region")
        val austria = Rules(cheap.copy(numbers = cheap.numbers.copy(defaultRegion = "AT")))
        expectEq(austria.numberPlan().normalize("0664 1234567").e164(), "+436641234567", "N1 region from the policy")
        val premium = expectThrows<RuleException.Backup> {
            ExtensionMasterData("10", "Ada").setBackupNumber(Actor.User("10"), "0900 1 234567", rules)
        }
        expectEq(premium.code, "BACKUP_NUMBER_KIND_REFUSED", "I2 kinds from the rules")
        expectEq(expectThrows<RuleException.Permission> {
            PbxMasterData(BaseNumber.parse(plan, "06131 62468"), "0", "+4961316246800")
                .setCentralBackupNumber(Actor.User("10"), "0171 12345678", rules)
        }.family(), "permission", "B4 through the umbrella error")
        val fresh = createExtensionAccount("10", t0, rules).account()
        val deadline = fresh.view(t0, rules).changeDeadline!!
        expectEq(deadline, t0.plusSeconds(cheap.pin.changeWindowDays.toLong() * 86_400), "P5 window")
        expect(!fresh.view(t0, rules).hasPendingReset) { "F2" }
        val admin = AdminAccount.create("Kaffeetasse Nordwind 7!", t0, rules)
        val pbx = PbxMasterData(BaseNumber.parse(plan, "06131 62468"), "0", "+4961316246800")
            .withAdminEmail("admin@beispiel.de")
        val reset = forgotPassword("06131-624680", pbx, admin, t0, rules).state()!!
        expect(!admin.view(t0, rules).hasPendingReset && reset.view(t0, rules).hasPendingReset) { "R1 F2 admin" }
    }

    Harness.check("F5: Rules.dummyVerify spends about one verification's time (no account named)") {
        val real = Rules(centrexx)
        val stored = real.hasher().hash("4711")
        fun median(body: () -> Unit): Long = List(3) { System.nanoTime().also { body() }.let { System.nanoTime() - it } }.sorted()[1]
        val verify = median { real.hasher().verify(stored, "4712") }
        val dummy = median { real.dummyVerify("4712") }
        expect(dummy * 3 >= verify) { "dummy ${dummy / 1000} µs, verify ${verify / 1000} µs" }
    }
}

/** The family of any RuleException, from its JSON. */
fun RuleException.family(): String = Regex("\"family\":\"([a-z_]+)\"").find(errorJson(this))!!.groupValues[1]
