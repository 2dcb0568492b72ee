// The lifecycle surface beyond what the scenario replay touches: account and session
// getters, remembered browsers, peppered rules, preview mode (V1, V2).
package pbxrules.test

import java.time.Instant
import uniffi.pbx_rules.AccountRef
import uniffi.pbx_rules.Actor
import uniffi.pbx_rules.AdminAccount
import uniffi.pbx_rules.AdminStep
import uniffi.pbx_rules.ChangeKind
import uniffi.pbx_rules.Effect
import uniffi.pbx_rules.Feature
import uniffi.pbx_rules.Password
import uniffi.pbx_rules.PinOrigin
import uniffi.pbx_rules.Policy
import uniffi.pbx_rules.PreviewMode
import uniffi.pbx_rules.RuleException
import uniffi.pbx_rules.Rules
import uniffi.pbx_rules.createExtensionAccount
import uniffi.pbx_rules.featureIsAvailable
import uniffi.pbx_rules.previewFooter
import uniffi.pbx_rules.previewToggled

fun apiLifecycle() {
    val cheap = Policy.centrexx().let { it.withHashing(it.hashing().copy(mCostKib = 64u, tCost = 1u)) }
    val rules = Rules(cheap)
    val t0 = Instant.parse("2026-01-05T09:00:00Z")
    val day = 24L * 3600

    Harness.check("P2 P5 G5 account getters") {
        val account = createExtensionAccount("10", t0, rules).account
        expect(account.pinHash().startsWith("\$argon2id\$")) { "hash" }
        expectEq(account.pinOrigin(), PinOrigin.INITIAL, "origin")
        expectEq(account.pinSetAt(), t0, "set at")
        expect(account.mustChangePin()) { "must change" }
        expectEq(account.changeDeadline(rules.policy()), t0.plusSeconds(42 * day), "deadline")
        expect(!account.isPinExpired(t0, cheap) && account.isPinExpired(t0.plusSeconds(42 * day), cheap)) { "expiry" }
        val failed = account.login("9999", t0, rules).state()
        expectEq(failed.failedLogins(), 1u, "failures")
        expect(!failed.isLocked(t0, cheap)) { "not locked after one failure" }
    }

    Harness.check("P4 P9 admin set PIN effects") {
        val account = createExtensionAccount("10", t0, rules).account
        val d = account.setPinByAdmin(Actor.Admin(false), "4713", "4713", t0, rules)
        d.outcome()
        expectEq(d.state().pinOrigin(), PinOrigin.ADMIN, "origin")
        val effects = d.effects()
        expect(effects[0] is Effect.SyncPin && (effects[0] as Effect.SyncPin).pin.expose() == "4713") { "sync" }
        expectEq(effects[1], Effect.RestartPhone("10"), "restart")
        expectEq(effects[2], Effect.NotifyCredentialChanged(AccountRef.Extension("10"), ChangeKind.SET_BY_ADMIN), "notify")
    }

    Harness.check("A2 A4 admin session, remembered browser, actor") {
        val pw = Password.parse("Kaffeetasse Nordwind 7!", cheap, false)
        val admin = AdminAccount.create(pw, t0, rules.hasher())
        expectEq(admin.effectiveAt(), t0, "effective")
        expectEq(admin.failedLogins(), 0u, "failures")
        expect(admin.passwordHash().isNotEmpty()) { "hash" }
        val session = admin.login("Kaffeetasse Nordwind 7!", null, emptyList(), t0, rules).outcome()
        expectEq(session.step(), AdminStep.SECOND_FACTOR, "step")
        expectEq(session.actor(), null, "no actor before the main menu")
        val sent = session.requestCode("admin@beispiel.de", t0, rules)
        val code = (sent.effects().single() as Effect.SendSecret).secret.expose()
        val confirmed = sent.state().confirmCode(admin, code, t0, rules)
        val token = confirmed.outcome() ?: error("no token")
        expect(token.record.expiresAt().isAfter(t0)) { "expiry" }
        val menu = confirmed.state().session.confirmPrivacyNotice()
        expectEq(menu.actor(), Actor.Admin(extendedRights = true), "actor")
        val again = admin.remember(token.record)
            .login("Kaffeetasse Nordwind 7!", token.token.expose(), emptyList(), t0, rules).outcome()
        expectEq(again.step(), AdminStep.PRIVACY_NOTICE, "remembered browser skips A2")
    }

    Harness.check("G4 peppered rules verify only their own hashes") {
        val peppered = Rules.withPepper(cheap, "pfeffer".toByteArray())
        val stored = peppered.hasher().hash("4711")
        expect(peppered.hasher().verify("4711", stored) && !rules.hasher().verify("4711", stored)) { "pepper" }
    }

    Harness.check("V1 V2 preview mode") {
        val partner = Actor.Partner(advancedTraining = true)
        expectEq(previewFooter(PreviewMode.STANDARD, partner), "Preview: nein", "footer")
        expectEq(previewFooter(PreviewMode.PREVIEW, Actor.Staff), "Preview: ja", "staff footer")
        expectEq(previewFooter(PreviewMode.PREVIEW, Actor.Admin(true)), null, "admin sees no switch")
        expectEq(previewToggled(PreviewMode.STANDARD, partner), PreviewMode.PREVIEW, "toggle")
        expectEq(expectThrows<RuleException.Permission> { previewToggled(PreviewMode.STANDARD, Actor.User("10")) }.code,
            "PERMISSION_PREVIEW_NOT_ALLOWED", "code")
        val beta = Feature("Neue Statistik", previewOnly = true)
        expect(!featureIsAvailable(beta, PreviewMode.STANDARD) && featureIsAvailable(beta, PreviewMode.PREVIEW)) { "V2" }
    }

    Harness.check("R3 self-service switch and master data e-mail") {
        val plan = uniffi.pbx_rules.NumberPlan.germany()
        val pbx = uniffi.pbx_rules.PbxMasterData(uniffi.pbx_rules.BaseNumber.parse(plan, "06131 62468"), "0", "+496131624680")
        expect(pbx.selfServicePinReset()) { "on by default" }
        expect(!pbx.setSelfServicePinReset(Actor.Admin(false), false).selfServicePinReset()) { "off" }
        expectEq(uniffi.pbx_rules.ExtensionMasterData("10", "Ada").withEmail("ada@beispiel.de").email(), "ada@beispiel.de", "email")
    }
}
