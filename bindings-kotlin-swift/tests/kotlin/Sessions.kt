// G11 through the binding: the session a login opens, checked on every request, ends with the
// credential, a lock or its time limits; RuleException.Session carries code and both
// messages; S7: requestCode takes the admin account; the lock in AdminAccount.view.
package pbxrules.test

import de.pbxrules.AdminAccount
import de.pbxrules.AdminSession
import de.pbxrules.ExtensionAccount
import de.pbxrules.ExtensionMasterData
import de.pbxrules.core.RuleException
import de.pbxrules.Rules
import de.pbxrules.createExtensionAccount
import de.pbxrules.policyPreset
import de.pbxrules.sessionStampFromJson
import de.pbxrules.sessionStampToJson
import de.pbxrules.core.AccountRef
import de.pbxrules.core.Actor
import de.pbxrules.core.Effect
import de.pbxrules.core.SessionStamp
import de.pbxrules.core.UserLogin
import java.time.Instant

private const val PASSWORD = "Kaffeetasse Nordwind 7!"

fun sessions() {
    val centrexx = policyPreset("centrexx")!!
    val cheap = centrexx.copy(hashing = centrexx.hashing.copy(mCostKib = 64, tCost = 1, pCost = 1))
    val rules = Rules(cheap)
    val t0 = Instant.parse("2026-01-05T09:00:00Z")
    fun min(n: Long): Instant = t0.plusSeconds(60 * n)

    /** The default PIN's login and the forced change to 4711 (P6): account and the changer's session. */
    fun ownPin(ext: String): Pair<ExtensionAccount, SessionStamp> {
        val login = createExtensionAccount(ext, t0, rules).account().login("0000", t0, rules)
        val changed = login.state().changePin(Actor.User(ext), "0000", "4711", "4711", NO_PIN_CONTEXT, t0, rules)
        return changed.state() to changed.outcome().session
    }

    Harness.check("G11: a session holds until the PIN changes; the changer's renewed one holds on") {
        var account = ownPin("10").first
        // Past the P10 delay after the user's own change.
        val login = account.login("4711", min(10), rules)
        val stamp = (login.outcome() as UserLogin.LoggedIn).session
        expectEq(stamp.account, AccountRef.Extension("10"), "whose")
        expectEq(stamp.openedAt to stamp.lastSeenAt, min(10) to min(10), "opened")
        account = login.state()
        val seen = account.checkSession(stamp, min(20), rules)
        expectEq(seen.lastSeenAt, min(20), "the check records the request (idle limit)")
        expectEq(seen.copy(lastSeenAt = stamp.lastSeenAt), stamp, "nothing else changes")
        val changed = account.changePin(Actor.User("10"), "4711", "2580", "2580", NO_PIN_CONTEXT, min(21), rules)
        account = changed.state()
        val ended = expectThrows<RuleException.Session> { account.checkSession(seen, min(22), rules) }
        expectEq(ended.code, "SESSION_CREDENTIAL_CHANGED", "another browser's session ends")
        val renewed = changed.outcome().session
        expect(renewed.epoch != stamp.epoch) { "new epoch" }
        expectEq(account.checkSession(renewed, min(22), rules).epoch, renewed.epoch, "the changer's session")
    }

    Harness.check("G11: an admin-set PIN ends the session") {
        val (account, stamp) = ownPin("10")
        account.checkSession(stamp, min(1), rules)
        val set = account.setPinByAdmin(Actor.Admin(false), "2580", "2580", min(2), rules).state()
        expectEq(expectThrows<RuleException.Session> { set.checkSession(stamp, min(3), rules) }.code,
            "SESSION_CREDENTIAL_CHANGED", "admin set")
    }

    Harness.check("G2 G11: RuleException.Session with code, German and English message, details") {
        val (account, stamp) = ownPin("10")
        val late = stamp.lastSeenAt.plusSeconds(cheap.session.idleTimeoutSecs.toLong())
        val e = expectThrows<RuleException.Session> { account.checkSession(stamp, late, rules) }
        expectEq(e.code, "SESSION_IDLE", "code")
        expectEq(e.messageEn, "The session ended after a time without activity; please log in again.", "en")
        expectEq(e.messageDe, "Die Sitzung wurde nach einer Zeit ohne Aktivität beendet; bitte melden Sie sich erneut an.", "de")
        expectEq(e.details, "{\"since\":\"2026-01-05T10:00:00Z\"}", "details")
        expectEq(e.family(), "session", "family")
    }

    Harness.check("G11: the absolute limit, and a stamp of another account") {
        var (account, stamp) = ownPin("10")
        val absolute = cheap.session.absoluteTimeoutSecs.toLong()
        var at = t0
        while (at.plusSeconds(1800) < t0.plusSeconds(absolute)) {
            at = at.plusSeconds(1800)
            stamp = account.checkSession(stamp, at, rules)
        }
        expectEq(expectThrows<RuleException.Session> { account.checkSession(stamp, t0.plusSeconds(absolute), rules) }.code,
            "SESSION_EXPIRED", "however active")
        val other = ownPin("11").first
        expectEq(expectThrows<RuleException.Session> { other.checkSession(stamp, min(1), rules) }.code,
            "SESSION_OTHER_ACCOUNT", "other account")
    }

    Harness.check("G11: the mobile login opens a session; a stamp keeps as the core's JSON") {
        val account = ownPin("10").first
        val master = ExtensionMasterData("10", "Ada").withMobileNumber("+4917112345678")
        val d = account.mobileLogin(master, "4711", min(10), rules)
        val stamp = d.outcome()
        expectEq(stamp.account, AccountRef.Extension("10"), "whose")
        expectEq(d.state().checkSession(stamp, min(11), rules).lastSeenAt, min(11), "holds")
        val text = sessionStampToJson(stamp)
        expectEq(text, "{\"account\":{\"extension\":\"10\"},\"epoch\":${stamp.epoch},\"opened_at\":\"2026-01-05T09:10:00Z\",\"last_seen_at\":\"2026-01-05T09:10:00Z\"}", "JSON")
        expectEq(sessionStampFromJson(text), stamp, "round trip")
        for (bad in listOf("", "{}", text.replace("\"epoch\"", "\"epoch\":1,\"epoch\""))) {
            expectEq(expectThrows<RuleException.State> { sessionStampFromJson(bad) }.code, "STATE_MALFORMED", bad)
        }
    }

    Harness.check("G11: the admin session ends with the password; its stamp is stored with it") {
        var admin = AdminAccount.create(PASSWORD, t0, rules)
        val login = admin.login(PASSWORD, null, listOf(), t0, rules)
        admin = login.state()
        val session = login.outcome()
        expectEq(session.view().stamp.account, AccountRef.Admin, "whose")
        val seen = admin.checkSession(session, min(1), rules)
        expectEq(seen.view().stamp.lastSeenAt, min(1), "seen")
        expectEq(seen.view().step, session.view().step, "step")
        expect(seen.toJson().contains("\"last_seen_at\":\"2026-01-05T09:01:00Z\"")) { seen.toJson() }
        val new = "Segelboot Blaubeere Nordwind 42"
        admin = admin.changePassword(PASSWORD, new, new, NO_PASSWORD_CONTEXT, min(2), rules).state()
        expectEq(expectThrows<RuleException.Session> { admin.checkSession(seen, min(3), rules) }.code,
            "SESSION_CREDENTIAL_CHANGED", "password changed")
    }

    Harness.check("S3 G11: an admin session stored before stamps reads through the core's upgrade and has ended") {
        val admin = AdminAccount.create(PASSWORD, t0, rules)
        val current = admin.login(PASSWORD, null, listOf(), t0, rules).outcome().toJson()
        val version = Regex("\"version\":(\\d+)").find(current)!!.groupValues[1].toInt()
        val stored = current.replace(Regex(",\"stamp\":\\{[^}]*\\}"), "").replace("\"version\":$version", "\"version\":2")
        expect(!stored.contains("stamp") && version > 2) { stored }
        val old = AdminSession.fromJson(stored)
        expect(old.toJson().contains("\"version\":$version")) { old.toJson() }
        expectEq(old.view().stamp.openedAt, Instant.EPOCH, "a stamp from the start of time")
        expectEq(expectThrows<RuleException.Session> { admin.checkSession(old, t0, rules) }.code, "SESSION_EXPIRED", "ended")
    }

    Harness.check("S7 F7 G11: requestCode takes the admin account; the view is locked after the wrong codes") {
        var admin = AdminAccount.create(PASSWORD, t0, rules)
        var at = t0
        while (admin.view(at, rules).failedCodes < cheap.secondFactor.accountAllowance) {
            expect(!admin.view(at, rules).isLocked) { "locked after ${admin.view(at, rules).failedCodes} wrong codes" }
            val login = admin.login(PASSWORD, null, listOf(), at, rules)
            admin = login.state()
            val requested = login.outcome().requestCode(admin, "admin@beispiel.de", at, rules)
            expectEq(requested.effects().filterIsInstance<Effect.SendSecret>().size, 1, "mailed")
            admin = requested.state().confirmCode(admin, "000000x", at, rules).state().account
            at = at.plusSeconds(3600)
        }
        expect(admin.view(at, rules).isLocked) { "F7 lock" }
        val login = admin.login(PASSWORD, null, listOf(), at, rules)
        val session = login.outcome()
        val refused = session.requestCode(login.state(), "admin@beispiel.de", at, rules)
        expectEq(expectThrows<RuleException.Login> { refused.outcome() }.code, "LOGIN_THROTTLE_LOCKED", "S7")
        expectEq(refused.effects(), listOf<Effect>(), "nothing mailed")
        expectEq(expectThrows<RuleException.Session> { login.state().checkSession(session, at, rules) }.code,
            "SESSION_ACCOUNT_LOCKED", "G11 locked")
    }

    Harness.check("G5: AdminAccount.view is locked after the failed logins") {
        var admin = AdminAccount.create(PASSWORD, t0, rules)
        var at = t0
        repeat(rules.passwordAllowance().toInt()) {
            expect(!admin.view(at, rules).isLocked) { "locked after ${admin.view(at, rules).failedLogins}" }
            admin = admin.login("wrong password", null, listOf(), at, rules).state()
            at = at.plusSeconds(3600)
        }
        expect(admin.view(at, rules).isLocked) { "G5 lock" }
    }

    Harness.check("G11 S4: the session limits are policy fields with their relations") {
        expectEq(centrexx.session.idleTimeoutSecs to centrexx.session.absoluteTimeoutSecs, 3600 to 86400, "centrexx")
        val swapped = centrexx.copy(session = centrexx.session.copy(idleTimeoutSecs = 7200, absoluteTimeoutSecs = 3600))
        expectEq(expectThrows<RuleException.Policy> { Rules(swapped) }.code, "POLICY_MIN_ABOVE_MAX", "idle within absolute")
        val slow = centrexx.copy(password = centrexx.password.copy(propagationDelaySecs = 3600))
        val e = expectThrows<RuleException.Policy> { Rules(slow) }
        expectEq(e.code, "POLICY_FIELDS_CONFLICT", "S4")
        expect(e.messageDe.contains("password.propagation_delay_secs")) { e.messageDe }
    }
}
