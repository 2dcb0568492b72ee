// Two rules of the boundary: a policy record built by naming only some fields gets the
// centrexx preset's values for the others (a new field is no source break), and a malformed
// value handed back in a record or an actor is the family's typed RuleException with its
// code and both messages, never uniffi's InternalException, and changes nothing.
package pbxrules.test

import de.pbxrules.ExtensionMasterData
import de.pbxrules.core.RuleException
import de.pbxrules.Rules
import de.pbxrules.authorize
import de.pbxrules.createExtensionAccount
import de.pbxrules.mobileAppCheck
import de.pbxrules.needsExtendedRights
import de.pbxrules.parsePin
import de.pbxrules.policyPreset
import de.pbxrules.previewFooter
import de.pbxrules.sessionStampToJson
import de.pbxrules.trivialPinFindings
import de.pbxrules.validateNewPin
import de.pbxrules.core.AccountRef
import de.pbxrules.core.Action
import de.pbxrules.core.Actor
import de.pbxrules.core.HashPolicy
import de.pbxrules.core.NumberPolicy
import de.pbxrules.core.PasswordPolicy
import de.pbxrules.core.PinContext
import de.pbxrules.core.PinPolicy
import de.pbxrules.core.Policy
import de.pbxrules.core.PreviewMode
import de.pbxrules.core.RecoveryPolicy
import de.pbxrules.core.SecondFactorPolicy
import de.pbxrules.core.SessionPolicy
import de.pbxrules.core.SessionStamp
import de.pbxrules.core.ThrottlePolicy
import java.time.Instant

fun boundary() {
    val centrexx = policyPreset("centrexx")!!
    val cheap = centrexx.copy(hashing = centrexx.hashing.copy(mCostKib = 64, tCost = 1, pCost = 1))
    val rules = Rules(cheap)
    val t0 = Instant.parse("2026-01-05T09:00:00Z")

    Harness.check("G6: policy records named in part get the centrexx preset's values for the rest") {
        expectEq(HashPolicy(mCostKib = 64), centrexx.hashing.copy(mCostKib = 64), "hashing")
        expectEq(SecondFactorPolicy(codeDigits = 8), centrexx.secondFactor.copy(codeDigits = 8), "second factor")
        expectEq(SessionPolicy(idleTimeoutSecs = 900), centrexx.session.copy(idleTimeoutSecs = 900), "session")
        expectEq(ThrottlePolicy(freeFailures = 2), centrexx.throttle.copy(freeFailures = 2), "throttle")
        expectEq(RecoveryPolicy(uniformAnswers = true), centrexx.recovery.copy(uniformAnswers = true), "recovery")
        expectEq(SecondFactorPolicy(), centrexx.secondFactor, "no field named")
        // Enum fields and non-empty lists have no default (uniffi's proc-macros cannot write
        // one): they are named; every other field comes from the preset.
        expectEq(
            PinPolicy(mobileRefused = centrexx.pin.mobileRefused, trivial = centrexx.pin.trivial, minLen = 6),
            centrexx.pin.copy(minLen = 6), "pin",
        )
        expectEq(PasswordPolicy(minLevel = centrexx.password.minLevel, nfkc = true), centrexx.password.copy(nfkc = true), "password")
        expectEq(NumberPolicy(backupKinds = centrexx.numbers.backupKinds), centrexx.numbers, "numbers")
        expectEq(
            Policy(numbers = centrexx.numbers, pin = centrexx.pin, password = centrexx.password),
            centrexx, "policy: the nested records without required fields default whole",
        )
        expect(policyPreset("strict")!!.hashing != HashPolicy()) { "the default is centrexx, not strict" }
    }

    /** The typed error of [family] with [code], both messages set and different. */
    fun RuleException.expectTyped(family: String, code: String) {
        expectEq(this.family(), family, "family")
        val (c, de, en) = when (this) {
            is RuleException.LoginId -> Triple(this.code, messageDe, messageEn)
            is RuleException.Number -> Triple(this.code, messageDe, messageEn)
            else -> throw CheckFailed("expected LoginId or Number, got $this")
        }
        expectEq(c, code, "code")
        expect(de.isNotEmpty() && en.isNotEmpty() && de != en) { "messages: $de / $en" }
    }

    Harness.check("G2: malformed digits in an actor or action handed back are RuleException.LoginId") {
        expectThrows<RuleException.LoginId> { authorize(Actor.User("1a"), Action.ManageExtensions) }
            .expectTyped("login_id", "LOGIN_ID_BAD_CHARACTER")
        expectThrows<RuleException.LoginId> { authorize(Actor.Admin(true), Action.SetPin("")) }
            .expectTyped("login_id", "LOGIN_ID_NO_EXTENSION")
        expectThrows<RuleException.LoginId> { needsExtendedRights(Action.ChangePin("123456789")) }
            .expectTyped("login_id", "LOGIN_ID_EXTENSION_TOO_LONG")
        expectThrows<RuleException.LoginId> { previewFooter(PreviewMode.PREVIEW, Actor.User("")) }
            .expectTyped("login_id", "LOGIN_ID_NO_EXTENSION")
        val forged = SessionStamp(AccountRef.Extension("x"), 1, t0, t0)
        expectThrows<RuleException.LoginId> { sessionStampToJson(forged) }
            .expectTyped("login_id", "LOGIN_ID_BAD_CHARACTER")
    }

    Harness.check("G2: a malformed E.164 in a record handed back is RuleException.Number") {
        val pin = parsePin("4711", rules)
        val bad = PinContext(null, emptyList(), "0171 1234")
        expectThrows<RuleException.Number> { trivialPinFindings(pin, bad, rules) }
            .expectTyped("number", "NUMBER_NOT_E164")
        expectThrows<RuleException.Number> { validateNewPin("4711", "4711", bad, rules) }
            .expectTyped("number", "NUMBER_NOT_E164")
        expectThrows<RuleException.Number> { mobileAppCheck(pin, "+0171", rules) }
            .expectTyped("number", "NUMBER_NOT_E164")
    }

    Harness.check("G2: a refused value changes nothing: the account and master data stay as they were") {
        val account = createExtensionAccount("10", t0, rules).account()
        val before = account.toJson()
        expectThrows<RuleException.LoginId> {
            account.changePin(Actor.User("1-0"), "0000", "4711", "4711", NO_PIN_CONTEXT, t0, rules)
        }.expectTyped("login_id", "LOGIN_ID_BAD_CHARACTER")
        expectThrows<RuleException.Number> {
            account.changePin(Actor.User("10"), "0000", "4711", "4711", PinContext(null, emptyList(), "4711"), t0, rules)
        }.expectTyped("number", "NUMBER_NOT_E164")
        expectThrows<RuleException.LoginId> {
            account.setPinByAdmin(Actor.User("x"), "4711", "4711", t0, rules)
        }.expectTyped("login_id", "LOGIN_ID_BAD_CHARACTER")
        expectEq(account.toJson(), before, "account unchanged")
        // The same change with well-formed values goes through: the refusal was the value's.
        val changed = account.changePin(Actor.User("10"), "0000", "4711", "4711", NO_PIN_CONTEXT, t0, rules)
        expect(changed.state().toJson() != before) { "a good change changes the account" }

        val master = ExtensionMasterData("10", "Ada")
        val masterBefore = master.toJson()
        expectThrows<RuleException.LoginId> { master.setBackupNumber(Actor.User("ten"), "0171 12345678", rules) }
            .expectTyped("login_id", "LOGIN_ID_BAD_CHARACTER")
        expectEq(master.toJson(), masterBefore, "master data unchanged")
        expectEq(master.view().backupNumber, null, "no backup number stored")
    }
}
