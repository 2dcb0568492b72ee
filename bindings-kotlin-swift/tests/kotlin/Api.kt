// The non-lifecycle surface through the binding (numbers, backup routing, permissions,
// hashing, PIN and password objects, generation, policy), so a signature that does not
// survive the boundary fails here, not in the app. ApiLifecycle.kt and the scenario replay
// cover the lifecycle; check-swift.sh checks that every export exists in Kotlin and Swift.
package pbxrules.test

import uniffi.pbx_rules.Action
import uniffi.pbx_rules.Actor
import uniffi.pbx_rules.BaseNumber
import uniffi.pbx_rules.ExtensionMasterData
import uniffi.pbx_rules.Hasher
import uniffi.pbx_rules.NumberPlan
import uniffi.pbx_rules.PasswordContext
import uniffi.pbx_rules.PbxMasterData
import uniffi.pbx_rules.Pin
import uniffi.pbx_rules.PinContext
import uniffi.pbx_rules.Policy
import uniffi.pbx_rules.Reachability
import uniffi.pbx_rules.RouteRule
import uniffi.pbx_rules.StrengthLevel
import uniffi.pbx_rules.authorize
import uniffi.pbx_rules.decideRoute
import uniffi.pbx_rules.generateCode
import uniffi.pbx_rules.generatePassword
import uniffi.pbx_rules.generatePin
import uniffi.pbx_rules.parseE164
import uniffi.pbx_rules.policyPreset
import uniffi.pbx_rules.routingTable
import uniffi.pbx_rules.validateNewPassword

fun apiSurface() {
    val centrexx = Policy.centrexx()
    val plan = NumberPlan.germany()

    Harness.check("G6 policy presets and their numbers") {
        expectEq(centrexx.pinRules().minLen, 4u, "min")
        expectEq(centrexx.pinRules().maxLen, 10u, "max")
        expectEq(centrexx.pinRules().defaultPin, "0000", "default")
        expectEq(centrexx.pinRules().mobileRefused, listOf("0000", "1234"), "refused")
        expectEq(centrexx.pinRules().changeWindowDays, 42u, "window")
        expectEq(Policy.strict().pinRules().refusesTrivial, true, "strict trivial")
        expectEq(centrexx.passwordRules().minLevel, StrengthLevel.YELLOW, "level")
        expectEq(centrexx.passwordRules().maxLen, 32u, "max")
        expectEq(centrexx.passwordRules().propagationDelaySecs, 180u, "K5")
        expectEq(Policy.strict().passwordRules().minLenWithSecondFactor, 8u, "2fa")
        expectEq(policyPreset("nope"), null, "unknown preset")
        expectEq(centrexx.numberPlan().region(), "DE", "region")
        expectEq(centrexx.withDefaultRegion("AT").numberPlan().region(), "AT", "AT")
        expectEq(centrexx.withHashing(centrexx.hashing().copy(tCost = 3u)).hashing().tCost, 3u, "t")
    }

    Harness.check("N1 N3 number plan and display forms") {
        val n = plan.normalize("0171 12345678")
        expectEq(n.e164(), "+4917112345678", "e164")
        expectEq(n.countryCode(), 49.toUShort(), "cc")
        expectEq(n.nationalNumber(), "17112345678", "nn")
        expectEq(plan.region(), "DE", "region")
        expectEq(parseE164("+4917112345678"), "+4917112345678", "parse")
    }

    Harness.check("N3 N4 base number forms") {
        val base = BaseNumber.parse(plan, "06131 62468")
        expectEq(base.areaCode(), "06131", "area")
        expectEq(base.subscriber(), "62468", "subscriber")
        expectEq(base.e164(), "+49613162468", "e164")
        expectEq(base.extensionE164("10"), "+4961316246810", "extension")
        expectEq(base.displayExtension("10"), "+49 6131 62468-10", "display")
        expectEq(base.loginForm("10"), "06131-62468-10", "login form")
    }

    Harness.check("B1 B3 B5 backup routing") {
        val base = BaseNumber.parse(plan, "06131 62468")
        val pbx = PbxMasterData(base, "0", "+4961316246800")
        expectEq(pbx.headNumber(), "+496131624680", "head")
        val admin = Actor.Admin(extendedRights = false)
        val pbx2 = pbx.setCentralBackupNumber(plan, admin, "06131 9999")
        expectEq(pbx2.centralBackupNumber(), "+4961319999", "central")
        val ten = ExtensionMasterData("10", "Ada")
        expectEq(ten.digits(), "10", "digits")
        expectEq(ten.name(), "Ada", "name")
        val own = ten.setBackupNumber(plan, Actor.User("10"), "0171 12345678")
        expectEq(own.backupNumber(), "+4917112345678", "backup")
        expectEq(own.mobileNumber(), "+4917112345678", "B5 mirror")
        expectEq(own.setBackupNumber(plan, admin, "").backupNumber(), null, "cleared")
        expectEq(decideRoute(pbx, own, Reachability.REACHABLE).rule, RouteRule.REACHABLE, "reachable")
        val table = routingTable(pbx, listOf(own, ExtensionMasterData("11", "Bo")))
        expectEq(table.map { it.rule }, listOf(RouteRule.INDIVIDUAL_BACKUP, RouteRule.CENTRAL_BACKUP), "rules")
        expectEq(table.map { it.rerouteTo }, listOf("+4917112345678", "+4961316246800"), "targets")
    }

    Harness.check("B4 A3 permissions") {
        authorize(Actor.User("10"), Action.ChangePin("10"))
        authorize(Actor.Admin(extendedRights = true), Action.ContractChanges)
        authorize(Actor.Admin(extendedRights = false), Action.SetPin("11"))
        authorize(Actor.Staff, Action.SwitchPreviewMode)
    }

    Harness.check("G4 hashing, pepper and rehash") {
        val hasher = cheapHasher()
        val stored = hasher.hash("4711")
        expect(stored.startsWith("\$argon2id\$")) { stored }
        expect(hasher.verify("4711", stored) && !hasher.verify("4712", stored)) { "verify" }
        expect(Hasher(centrexx.hashing()).needsRehash(stored)) { "cheap costs need a rehash" }
        val peppered = Hasher.withPepper(centrexx.hashing().copy(mCostKib = 64u, tCost = 1u), "pepper".toByteArray())
        expect(!peppered.verify("4711", stored)) { "pepper changes the hash" }
    }

    Harness.check("P2 P8 PIN object") {
        val pin = Pin.parse("0000", centrexx)
        expect(pin.isDefault(centrexx) && pin.matches("0000") && pin.expose() == "0000") { "pin" }
        expectEq(Pin.parse("2580", centrexx).trivialFindings(PinContext(), centrexx).map { it.code },
            listOf("PIN_TRIVIAL_KEYPAD_LINE"), "findings")
    }

    Harness.check("K2 meter feedback in both languages") {
        val s = uniffi.pbx_rules.evaluatePassword("passwort", PasswordContext(), centrexx)
        expect(s.level == StrengthLevel.RED || s.level == StrengthLevel.ORANGE) { "level" }
        expect(s.warningDe != null && s.warningEn != null && s.warningDe != s.warningEn) { "warning" }
        expectEq(s.suggestionsDe.size, s.suggestionsEn.size, "suggestions")
        val top = uniffi.pbx_rules.evaluatePassword("password", PasswordContext(), centrexx)
        expectEq(top.warningCode, "top10_password", "warning code")
        expectEq(top.suggestionCodes, listOf("add_another_word"), "suggestion codes")
        val ok = validateNewPassword("Kaffeetasse Nordwind", "Kaffeetasse Nordwind", PasswordContext(), centrexx)
        expect(ok.strength.score >= 2u.toUByte() && ok.password.matches("Kaffeetasse Nordwind")) { "accepted" }
    }

    Harness.check("R1 R2 R4 A2 generated secrets") {
        val pin = generatePin(centrexx, PinContext())
        expectEq(pin.expose().length, 6, "pin length")
        expect(pin.trivialFindings(PinContext(), centrexx).isEmpty()) { "trivial" }
        val pw = generatePassword(centrexx, PasswordContext())
        expectEq(pw.expose().length, 20, "password length")
        expectEq(uniffi.pbx_rules.evaluatePassword(pw.expose(), PasswordContext(), centrexx).level, StrengthLevel.GREEN, "green")
        val code = generateCode(centrexx)
        expect(code.expose().length == 6 && code.matches(code.expose())) { "code" }
    }
}
