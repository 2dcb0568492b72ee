// The view records through the binding: each state handle's view() returns the core's record
// (no field-by-field accessors), its fields say what the stored JSON says, a view taken later
// decides the time-dependent facts then (P5), and no view carries a hash (F9). Then the bulk
// calls: NumberPlan.normalizeMany and Hasher.hashMany, one row per input at its index.
package pbxrules.test

import de.pbxrules.AdminAccount
import de.pbxrules.BaseNumber
import de.pbxrules.ExtensionMasterData
import de.pbxrules.HashRow
import de.pbxrules.Hasher
import de.pbxrules.NumberPlan
import de.pbxrules.NumberRow
import de.pbxrules.PbxMasterData
import de.pbxrules.core.RuleException
import de.pbxrules.Rules
import de.pbxrules.createExtensionAccount
import de.pbxrules.policyPreset
import de.pbxrules.core.Actor
import de.pbxrules.core.Effect
import java.time.Instant

private const val ADMIN_PASSWORD = "Kaffeetasse Nordwind 7!"

/** The state's JSON as an object, for comparing a view with what the host stores. */
private fun stored(json: String): Obj {
    @Suppress("UNCHECKED_CAST")
    return Obj(Json.parse(json) as Map<String, Any?>)
}

/** A time as the core writes it in JSON (RFC 3339, UTC), for comparing with an Instant. */
private fun instant(text: String?): Instant? = text?.let(Instant::parse)

/** An enum case as the core's JSON spells it (snake_case). */
private fun snake(e: Enum<*>): String = e.name.lowercase()

fun views() {
    val centrexx = policyPreset("centrexx")!!
    val cheap = centrexx.copy(hashing = centrexx.hashing.copy(mCostKib = 64, tCost = 1, pCost = 1))
    val rules = Rules(cheap)
    val plan = NumberPlan.germany()
    val t0 = Instant.parse("2026-01-05T09:00:00Z")

    Harness.check("I5 P5 G5 F9: ExtensionAccount.view says what the state JSON says, without the hash") {
        // A history that moves every stored field: failed logins, then an admin-set PIN.
        var account = createExtensionAccount("10", t0, rules).account()
        repeat(3) { account = account.login("9999", t0, rules).state() }
        for (a in listOf(account, account.setPinByAdmin(Actor.Admin(false), "2580", "2580", t0, rules).state())) {
            val view = a.view(t0, rules)
            val json = stored(a.toJson())
            expectEq(view.revision.toDouble(), json.num("revision"), "revision")
            expectEq(view.extension, json.str("extension"), "extension")
            expectEq(snake(view.pinOrigin), json.str("pin_origin"), "pin_origin")
            expectEq(view.pinSetAt, instant(json.str("pin_set_at")), "pin_set_at")
            expectEq(view.pinEffectiveAt, instant(json.strOrNull("pin_effective_at")), "pin_effective_at")
            expectEq(view.hasDefaultPin, json.bool("pin_is_default"), "pin_is_default")
            expectEq(view.failedLogins.toDouble(), json.obj("throttle").num("failures"), "failed logins")
            expectEq(view.hasPendingReset, json.map["pending_reset"] != null, "pending reset")
            val hash = json.str("pin_hash")
            expect(hash.startsWith("\$argon2id\$") && hash == a.pinHash()) { "pinHash stays for hosts with a hash column" }
            expect(!view.toString().contains(hash) && !view.toString().contains("argon2")) { "F9: $view" }
        }
        expectEq(account.view(t0, rules).failedLogins, 3, "three wrong PINs counted")
        expect(account.view(t0, rules).revision > 0) { "the failures moved the revision" }
    }

    Harness.check("P5: a view taken one second before the change deadline is open, at the deadline locked") {
        val fresh = createExtensionAccount("10", t0, rules).account()
        val deadline = fresh.view(t0, rules).changeDeadline!!
        expectEq(deadline, t0.plusSeconds(cheap.pin.changeWindowDays.toLong() * 86_400), "P5 window")
        val before = fresh.view(deadline.minusSeconds(1), rules)
        val at = fresh.view(deadline, rules)
        expect(before.mustChangePin && !before.isPinExpired && !before.isLocked) { "open before: $before" }
        expect(at.isPinExpired && at.isLocked) { "locked at the deadline: $at" }
        expectEq(at.copy(isPinExpired = false, isLocked = false), before, "only the time-dependent facts differ")
    }

    Harness.check("I5 F7 A2 F9: AdminAccount.view and RememberedDevice.view say what the state JSON says") {
        var admin = AdminAccount.create(ADMIN_PASSWORD, t0, rules)
        val login = admin.login(ADMIN_PASSWORD, null, listOf("10"), t0, rules)
        admin = login.state()
        val asked = login.outcome().requestCode(admin, "admin@beispiel.de", t0, rules)
        // One wrong code (counted over all sessions, F7), then the right one with a browser token.
        val wrong = asked.state().confirmCode(admin, "000000x", t0, rules)
        admin = wrong.state().account
        val code = asked.effects().filterIsInstance<Effect.SendSecret>().single().secret.expose()
        val confirmed = wrong.state().session.confirmCode(admin, code, t0, rules)
        val token = confirmed.outcome()!!
        admin = confirmed.state().account.remember(token.record())
        admin = admin.login("wrong password", null, listOf(), t0, rules).state()
        val view = admin.view(t0, rules)
        val json = stored(admin.toJson())
        expectEq(view.revision.toDouble(), json.num("revision"), "revision")
        expectEq(view.effectiveAt, instant(json.str("effective_at")), "effective_at")
        expectEq(view.failedLogins.toDouble(), json.obj("throttle").num("failures"), "failed logins")
        expectEq(view.failedLogins, 1, "one wrong password")
        expectEq(view.failedCodes.toDouble(), json.obj("code_throttle").num("failures"), "failed codes")
        expectEq(view.hasPendingReset, json.map["pending_reset"] != null, "pending reset")
        expectEq(view.isLocked, false, "not locked")
        expectEq(view.devices.map { it.expiresAt }, json.objs("devices").map { instant(it.str("expires_at")) }, "devices")
        expectEq(view.devices, listOf(token.record().view()), "the remembered browser's own view")
        val hash = json.str("password_hash")
        expect(hash == admin.passwordHash()) { "passwordHash stays for hosts with a hash column" }
        val text = view.toString()
        expect(!text.contains(hash) && !text.contains("argon2")) { "F9: $text" }
        val deviceJson = token.record().toJson()
        val deviceHash = stored(deviceJson).str("hash")
        expect(!text.contains(deviceHash) && !token.record().view().toString().contains(deviceHash)) { "F9 device: $text" }
    }

    Harness.check("I5 A2 A3 P7 G11: AdminSession.view says what the state JSON says") {
        val admin = AdminAccount.create(ADMIN_PASSWORD, t0, rules)
        val login = admin.login(ADMIN_PASSWORD, null, listOf("10", "11"), t0, rules)
        val asked = login.outcome().requestCode(login.state(), "admin@beispiel.de", t0, rules)
        val wrong = asked.state().confirmCode(login.state(), "000000x", t0, rules).state().session
        for (s in listOf(login.outcome(), asked.state(), wrong, wrong.continueWithoutExtendedRights())) {
            val view = s.view()
            val json = stored(s.toJson())
            expectEq(view.revision.toDouble(), json.num("revision"), "revision")
            expectEq(snake(view.step), json.str("step"), "step")
            expectEq(view.hasExtendedRights, json.bool("extended_rights"), "extended rights")
            expectEq(view.defaultPinExtensions, json.strings("default_pin_extensions"), "P7 list")
            expectEq(view.failedCodes.toDouble(), json.num("code_failures"), "wrong codes")
            val stamp = json.obj("stamp")
            expectEq(view.stamp.epoch.toDouble(), stamp.num("epoch"), "stamp epoch")
            expectEq(view.stamp.openedAt, instant(stamp.str("opened_at")), "stamp opened")
            expect(!view.toString().contains("argon2")) { "F9: $view" }
        }
        expectEq(wrong.view().failedCodes, 1, "one wrong code")
        expectEq(wrong.view().defaultPinExtensions, listOf("10", "11"), "P7 list as given")
    }

    Harness.check("N5 B1 R1 R3: the master data views say what the JSON says, with the head number") {
        val pbx = PbxMasterData(BaseNumber.parse(plan, "06131 62468"), "0", "+4961316246800")
            .withCompanyName("Beispiel GmbH").withAdminEmail("admin@beispiel.de")
            .setSelfServicePinReset(Actor.Admin(false), false)
        val view = pbx.view()
        val json = stored(pbx.toJson())
        expectEq(view.centralDigits, json.str("central_digits"), "central digits")
        expectEq(view.companyName, json.str("company_name"), "company")
        expectEq(view.adminEmail, json.strOrNull("admin_email"), "admin e-mail")
        expectEq(view.centralBackupNumber, json.str("central_backup_number"), "B1")
        expectEq(view.selfServicePinReset, false, "R3 off")
        expectEq(view.selfServicePinReset, json.bool("self_service_pin_reset"), "R3 as stored")
        expectEq(view.headNumber, pbx.headNumber(), "N5 head number")
        expectEq(view.baseNumber + view.centralDigits, view.headNumber, "base plus central digits")
        expectEq(view.areaCode to view.subscriber, "06131" to "62468", "base number parts")

        val ext = ExtensionMasterData("10", "Ada Lovelace").withEmail("ada@beispiel.de")
            .setBackupNumber(Actor.User("10"), "0171 12345678", rules)
        val e = ext.view()
        val ej = stored(ext.toJson())
        expectEq(e.digits, ej.str("digits"), "digits")
        expectEq(e.name, ej.str("name"), "name")
        expectEq(e.email, ej.strOrNull("email"), "e-mail")
        expectEq(e.mobileNumber, ej.strOrNull("mobile_number"), "mobile")
        expectEq(e.backupNumber, ej.strOrNull("backup_number"), "backup")
        expectEq(e.backupNumber, "+4917112345678", "B5 typed number stored")
        expectEq(e.selfServicePinReset, ej.bool("self_service_pin_reset"), "R3")
    }

    Harness.check("N1 N2: normalizeMany - a bad row at its index with its code, good rows as normalize") {
        val inputs = listOf("0171 12345678", "12", "06131 62468", "", "+49 30 1234567")
        val batch = plan.normalizeMany(inputs)
        expectEq(batch.results.size, inputs.size, "one row per input")
        batch.results.zip(inputs).forEachIndexed { i, (row, input) ->
            when (row) {
                is NumberRow.Ok -> expectEq(row.number.e164(), plan.normalize(input).e164(), "row $i")
                is NumberRow.Err -> {
                    val single = expectThrows<RuleException.Number> { plan.normalize(input) }
                    expectEq(row.error.code, single.code, "row $i code")
                    expectEq(row.error.family, "number", "row $i family")
                    expectEq(row.error.messageDe to row.error.messageEn, single.messageDe to single.messageEn, "row $i messages")
                    expectEq(row.error.json, single.json, "row $i JSON")
                }
            }
        }
        expectEq(batch.results.map { it is NumberRow.Ok }, listOf(true, false, true, false, true), "which rows failed")
        expectEq(plan.normalizeMany(listOf()).results, listOf<NumberRow>(), "empty batch")
    }

    Harness.check("G4: hashMany - one PHC string per secret that verifies it; a refused policy fails every row") {
        val hasher = rules.hasher()
        val secrets = listOf("4711", "2580", "4711")
        val batch = hasher.hashMany(secrets)
        expectEq(batch.results.size, secrets.size, "one row per secret")
        val hashes = batch.results.mapIndexed { i, row ->
            val hash = (row as? HashRow.Ok ?: throw CheckFailed("row $i: $row")).hash
            expect(hasher.verify(hash, secrets[i]) && !hasher.verify(hash, "0000")) { "row $i verifies its own secret" }
            hash
        }
        expect(hashes[0] != hashes[2]) { "fresh salt per row" }
        val refused = Hasher(cheap.hashing.copy(saltLen = 4))
        val single = expectThrows<RuleException.Hash> { refused.hash("4711") }
        val rows = refused.hashMany(listOf("4711", "2580")).results
        expectEq(rows.map { (it as? HashRow.Err)?.error?.code }, listOf(single.code, single.code), "every row refused")
        expect(rows.none { it.toString().contains("4711") }) { "no secret in a row: $rows" }
    }
}
