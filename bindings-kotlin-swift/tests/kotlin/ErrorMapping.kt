// G2 at the boundary: each core error family arrives as its own RuleException subclass,
// carrying the stable code and the German and English messages.
package pbxrules.test

import uniffi.pbx_rules.Action
import uniffi.pbx_rules.AdminAccount
import uniffi.pbx_rules.Actor
import uniffi.pbx_rules.BaseNumber
import uniffi.pbx_rules.BlockReason
import uniffi.pbx_rules.ExtensionMasterData
import uniffi.pbx_rules.NumberPlan
import uniffi.pbx_rules.Password
import uniffi.pbx_rules.PasswordContext
import uniffi.pbx_rules.PbxMasterData
import uniffi.pbx_rules.Pin
import uniffi.pbx_rules.PinContext
import uniffi.pbx_rules.Policy
import uniffi.pbx_rules.RuleException
import uniffi.pbx_rules.authorize
import uniffi.pbx_rules.parseE164
import uniffi.pbx_rules.validateNewPassword
import uniffi.pbx_rules.validateNewPin

/** Code and both messages of any family, to check them the same way. */
fun parts(e: RuleException): Triple<String, String, String> = when (e) {
    is RuleException.Number -> Triple(e.code, e.messageDe, e.messageEn)
    is RuleException.LoginId -> Triple(e.code, e.messageDe, e.messageEn)
    is RuleException.Backup -> Triple(e.code, e.messageDe, e.messageEn)
    is RuleException.Permission -> Triple(e.code, e.messageDe, e.messageEn)
    is RuleException.Pin -> Triple(e.code, e.messageDe, e.messageEn)
    is RuleException.Password -> Triple(e.code, e.messageDe, e.messageEn)
    is RuleException.Hash -> Triple(e.code, e.messageDe, e.messageEn)
    is RuleException.Generate -> Triple(e.code, e.messageDe, e.messageEn)
    is RuleException.Login -> Triple(e.code, e.messageDe, e.messageEn)
    is RuleException.Recovery -> Triple(e.code, e.messageDe, e.messageEn)
    is RuleException.Policy -> Triple(e.code, e.messageDe, e.messageEn)
    is RuleException.Other -> Triple(e.code, e.messageDe, e.messageEn)
}

inline fun <reified E : RuleException> mapsTo(name: String, code: String, crossinline body: () -> Unit) {
    Harness.check("error mapping $name -> ${E::class.simpleName} $code") {
        val e = expectThrows<E> { body() }
        val (got, de, en) = parts(e)
        expectEq(got, code, "code")
        expect(de.isNotBlank() && en.isNotBlank() && de != en) { "messages: '$de' / '$en'" }
        expect(e is Exception) { "not an Exception" }
    }
}

fun errorMapping() {
    val centrexx = Policy.centrexx()
    val plan = NumberPlan.germany()
    val base = BaseNumber.parse(plan, "06131 62468")
    val pbx = PbxMasterData(base, "0", "+4961316246800")
    val admin = Actor.Admin(extendedRights = false)

    mapsTo<RuleException.Number>("normalize letters", "NUMBER_HAS_LETTERS") { plan.normalize("0800-FLOWERS") }
    mapsTo<RuleException.Number>("unknown region", "NUMBER_UNKNOWN_REGION") { NumberPlan("XX") }
    mapsTo<RuleException.Number>("stored not E.164", "NUMBER_NOT_E164") { parseE164("0171") }
    mapsTo<RuleException.LoginId>("empty login", "LOGIN_ID_EMPTY") { base.userLogin("") }
    mapsTo<RuleException.LoginId>("bad extension digits", "LOGIN_ID_BAD_CHARACTER") { ExtensionMasterData("1 0", "Ada") }
    mapsTo<RuleException.Backup>("empty central number", "BACKUP_CENTRAL_REQUIRED") {
        pbx.setCentralBackupNumber(plan, admin, " ")
    }
    mapsTo<RuleException.Backup>("premium-rate backup number", "BACKUP_NUMBER_KIND_REFUSED") {
        ExtensionMasterData("10", "Ada").setBackupNumber(plan, Actor.User("10"), "0900 1 234567")
    }
    mapsTo<RuleException.Permission>("user sets central", "PERMISSION_ADMIN_ONLY") {
        pbx.setCentralBackupNumber(plan, Actor.User("10"), "0171 12345678")
    }
    mapsTo<RuleException.Permission>("other extension", "PERMISSION_NOT_OWN_EXTENSION") {
        ExtensionMasterData("11", "Bo").setBackupNumber(plan, Actor.User("10"), "0171 12345678")
    }
    mapsTo<RuleException.Number>("backup number with letters", "NUMBER_HAS_LETTERS") {
        ExtensionMasterData("10", "Ada").setBackupNumber(plan, Actor.User("10"), "0171-ABC")
    }
    mapsTo<RuleException.Permission>("extended rights", "PERMISSION_EXTENDED_RIGHTS_REQUIRED") {
        authorize(admin, Action.ViewStatistics)
    }
    mapsTo<RuleException.Permission>("preview", "PERMISSION_PREVIEW_NOT_ALLOWED") {
        authorize(Actor.Partner(advancedTraining = false), Action.SwitchPreviewMode)
    }
    mapsTo<RuleException.Pin>("pin letters", "PIN_NOT_DIGITS") { Pin.parse("12a4", centrexx) }
    mapsTo<RuleException.Pin>("pin mismatch", "PIN_MISMATCH") {
        validateNewPin("4713", "4714", PinContext(), centrexx)
    }
    mapsTo<RuleException.Password>("password short", "PASSWORD_TOO_SHORT") {
        Password.parse("kurz", centrexx, false)
    }
    mapsTo<RuleException.Hash>("stored hash garbage", "HASH_MALFORMED") {
        cheapHasher().verify("4711", "garbage")
    }
    mapsTo<RuleException.Pin>("change with garbage hash", "PIN_STORED_HASH_INVALID") {
        uniffi.pbx_rules.changePin("0000", "4713", "4713", "garbage", cheapHasher(), PinContext(), centrexx)
    }

    mapsTo<RuleException.Policy>("policy out of bounds", "POLICY_OUT_OF_RANGE") {
        uniffi.pbx_rules.Rules(centrexx.withHashing(centrexx.hashing().copy(mCostKib = 4u, tCost = 1u)))
    }
    val rules = uniffi.pbx_rules.Rules(centrexx.withHashing(centrexx.hashing().copy(mCostKib = 64u, tCost = 1u)))
    val t0 = java.time.Instant.parse("2026-01-05T09:00:00Z")
    val account = uniffi.pbx_rules.createExtensionAccount("10", t0, rules).account
    mapsTo<RuleException.Login>("wrong PIN", "LOGIN_WRONG_CREDENTIALS") { account.login("9999", t0, rules).outcome() }
    mapsTo<RuleException.Login>("step out of order", "LOGIN_STEP_OUT_OF_ORDER") {
        val admin = AdminAccount.create(Password.parse("Kaffeetasse Nordwind 7!", centrexx, false), t0, rules.hasher())
        admin.login("Kaffeetasse Nordwind 7!", null, emptyList(), t0, rules).outcome().confirmPrivacyNotice()
    }
    mapsTo<RuleException.Recovery>("forgot PIN, unknown extension", "RECOVERY_UNKNOWN_EXTENSION") {
        uniffi.pbx_rules.forgotPin(pbx, null, null, t0, rules).outcome()
    }
    Harness.check("error mapping LOGIN_PIN_EXPIRED carries its time") {
        val late = t0.plusSeconds(43L * 24 * 3600)
        val e = expectThrows<RuleException.Login> { account.login("0000", late, rules).outcome() }
        expectEq(e.code, "LOGIN_PIN_EXPIRED", "code")
        expectEq(e.at, t0.plusSeconds(42L * 24 * 3600), "since")
    }

    Harness.check("error mapping PIN_TRIVIAL carries its findings") {
        val e = expectThrows<RuleException.Pin> {
            validateNewPin("123456", "123456", PinContext(), Policy.strict())
        }
        expectEq(e.code, "PIN_TRIVIAL", "code")
        expectEq(e.findings.map { it.code }, listOf("PIN_TRIVIAL_SEQUENCE", "PIN_TRIVIAL_KEYPAD_LINE"), "findings")
        expect(e.findings.all { it.messageDe.isNotBlank() && it.messageEn.isNotBlank() }) { "finding texts" }
    }
    Harness.check("error mapping PASSWORD_BLOCKLISTED carries its reason") {
        val ctx = PasswordContext(companyName = "Brötchenbäckerei Mainz")
        val e = expectThrows<RuleException.Password> {
            validateNewPassword("brötchenbäckerei-superlang", "brötchenbäckerei-superlang", ctx, Policy.strict())
        }
        expectEq(e.code, "PASSWORD_BLOCKLISTED", "code")
        expectEq(e.reason, BlockReason.COMPANY_NAME, "reason")
    }
    Harness.check("error mapping message of the exception names the code") {
        val e = expectThrows<RuleException> { Pin.parse("1", centrexx) }
        expect(e.message?.contains("PIN_TOO_SHORT") == true) { "message: ${e.message}" }
    }
}
