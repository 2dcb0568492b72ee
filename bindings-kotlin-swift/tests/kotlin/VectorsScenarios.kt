// P2–P9, K3, K5, R1–R3, A1–A4, G5, G11 (parity): replays core/vectors/scenarios.json
// through the binding's public API, saving and loading every state as JSON between steps as
// a host does, and compares the JSON the binding hands out, line for line, with
// core/vectors/parity.jsonl, which the Rust replay writes and checks.
package pbxrules.test

import de.pbxrules.AdminAccount
import de.pbxrules.AdminSession
import de.pbxrules.BaseNumber
import de.pbxrules.ExtensionAccount
import de.pbxrules.ExtensionMasterData
import de.pbxrules.NumberPlan
import de.pbxrules.PbxMasterData
import de.pbxrules.core.RuleException
import de.pbxrules.Rules
import de.pbxrules.createExtensionAccount
import de.pbxrules.forgotPassword
import de.pbxrules.forgotPin
import de.pbxrules.passwordContextForPbx
import de.pbxrules.policyPreset
import de.pbxrules.sessionStampFromJson
import de.pbxrules.sessionStampToJson
import de.pbxrules.core.Actor
import de.pbxrules.core.Effect
import de.pbxrules.core.SessionStamp
import de.pbxrules.core.UserLogin
import java.time.Instant

/** The step's line before the placeholders: random salts and device ids differ per run. */
fun normalized(json: String): String = json
    .replace(Regex("\"\\\$(argon2|blake2b)[^\"]*\""), "\"<hash>\"")
    .replace(Regex("\"id\":\"[^\"]*\""), "\"id\":\"<id>\"")

/** `{"ok":…}` or `{"error":…}` of an operation that returns a value or throws. */
fun resultLine(body: () -> String): String = try {
    "{\"ok\":${body()}}"
} catch (e: RuleException) {
    "{\"error\":${errorJson(e)}}"
}

// The core's JSON of the error, read on the base type: no `when` over the 14 cases.
fun errorJson(e: RuleException): String = e.json()

class World(private val fx: Obj, preset: String) {
    private val rules = policyPreset(preset)!!.let { p ->
        val h = fx.obj("hashing")
        Rules(p.copy(hashing = p.hashing.copy(
            mCostKib = h.num("m_cost_kib").toInt(), tCost = h.num("t_cost").toInt(),
            pCost = h.num("p_cost").toInt(),
        )))
    }
    private var pbx = PbxMasterData(
        BaseNumber.parse(NumberPlan(fx.str("region")), fx.str("base_number")),
        fx.str("central_digits"), fx.str("central_backup_number"),
    ).withCompanyName(fx.str("company_name")).withAdminEmail(fx.str("admin_email"))
    private val accounts = sortedMapOf<String, ExtensionAccount>()
    private var admin = AdminAccount.create(fx.str("admin_password"), Instant.parse("2026-01-05T09:00:00Z"), rules)
    private var session: AdminSession? = null
    /** The session each extension's last successful login, change or check left (G11). */
    private val stamps = sortedMapOf<String, SessionStamp>()
    private var mailed: String? = null
    private var device: String? = null

    /** Saves and loads every state through its JSON, as a host does between requests. */
    fun reload() {
        admin = AdminAccount.fromJson(admin.toJson())
        pbx = PbxMasterData.fromJson(pbx.toJson())
        session = session?.let { AdminSession.fromJson(it.toJson()) }
        for (key in accounts.keys) accounts[key] = ExtensionAccount.fromJson(accounts[key]!!.toJson())
        for (key in stamps.keys) stamps[key] = sessionStampFromJson(sessionStampToJson(stamps[key]!!))
    }

    private fun actor(text: String): Actor =
        if (text.startsWith("user:")) Actor.User(text.removePrefix("user:")) else Actor.Admin(false)

    /** `$mailed` is the secret of the last mail effect, `$device` the last device token. */
    private fun resolve(text: String): String = when (text) {
        "\$mailed" -> mailed ?: error("no secret was mailed")
        "\$device" -> device ?: error("no device token")
        else -> text
    }

    private fun master(ext: String, step: Obj): ExtensionMasterData {
        val email = if (step.has("email") && step.strOrNull("email") == null) null else fx.str("user_email")
        return ExtensionMasterData(ext, fx.str("user_name")).withEmail(email).withMobileNumber(step.strOrNull("mobile"))
    }

    /** Keeps the secret of a mail effect for later steps; returns the decision's JSON. */
    private fun note(effects: List<Effect>, json: String): String {
        for (e in effects) if (e is Effect.SendSecret) mailed = e.secret.expose()
        return json
    }

    /** Keeps the session a successful login or change opened (G11); a refusal keeps none. */
    private fun keep(ext: String, opened: () -> SessionStamp) {
        try { stamps[ext] = opened() } catch (_: RuleException) {}
    }

    /** Whether an extension's session or the admin's (`"admin": true`) still holds (G11); a
     *  session that does is kept as the check returns it. */
    private fun checkSession(step: Obj, now: Instant): String = resultLine {
        val ext = step.strOrNull("extension")
        if (ext != null) {
            val stamp = accounts[ext]!!.checkSession(stamps[ext]!!, now, rules)
            stamps[ext] = stamp
            sessionStampToJson(stamp)
        } else {
            val next = admin.checkSession(session ?: error("no admin session"), now, rules)
            session = next
            next.toJson()
        }
    }

    fun run(step: Obj): String {
        val now = Instant.parse(step.str("at"))
        val op = step.str("op")
        val ext = step.strOrNull("extension") ?: ""
        return when (op) {
            "create_extension" -> resultLine {
                val created = createExtensionAccount(ext, now, rules)
                accounts[ext] = created.account()
                created.toJson()
            }
            "user_login" -> accounts[ext]!!.login(resolve(step.str("pin")), now, rules).let { d ->
                accounts[ext] = d.state()
                keep(ext) {
                    when (val login = d.outcome()) {
                        is UserLogin.LoggedIn -> login.session
                        is UserLogin.MustChangePin -> login.session
                    }
                }
                note(d.effects(), d.toJson())
            }
            "change_pin" -> accounts[ext]!!.changePin(
                actor(step.str("actor")), step.str("old"), step.str("new"), step.str("confirmation"),
                NO_PIN_CONTEXT, now, rules,
            ).let { d -> accounts[ext] = d.state(); keep(ext) { d.outcome().session }; note(d.effects(), d.toJson()) }
            "admin_set_pin" -> accounts[ext]!!.setPinByAdmin(actor(step.str("actor")), step.str("pin"), step.str("pin"), now, rules)
                .let { d -> accounts[ext] = d.state(); note(d.effects(), d.toJson()) }
            "mobile_login" -> accounts[ext]!!.mobileLogin(master(ext, step), step.str("pin"), now, rules)
                .let { d -> accounts[ext] = d.state(); keep(ext) { d.outcome() }; note(d.effects(), d.toJson()) }
            "forgot_pin" -> forgotPin(pbx, master(ext, step), accounts[ext], now, rules)
                .let { d -> d.state()?.let { accounts[ext] = it }; note(d.effects(), d.toJson()) }
            "check_session" -> checkSession(step, now)
            "set_self_service_pin_reset" -> resultLine {
                pbx = pbx.setSelfServicePinReset(actor(step.str("actor")), step.bool("on"))
                pbx.toJson()
            }
            else -> adminOp(op, step, now)
        }
    }

    private fun adminOp(op: String, step: Obj, now: Instant): String {
        fun current(): AdminSession = session ?: error("no admin session")
        return when (op) {
            "admin_login" -> {
                val defaults = accounts.values.map { it.view(now, rules) }.filter { it.hasDefaultPin }.map { it.extension }
                val token = step.strOrNull("device")?.let(::resolve)
                val d = admin.login(resolve(step.str("password")), token, defaults, now, rules)
                try { session = d.outcome() } catch (_: RuleException) {}
                admin = d.state()
                note(d.effects(), d.toJson())
            }
            "request_code" -> current().requestCode(admin, pbx.view().adminEmail, now, rules)
                .let { d -> session = d.state(); note(d.effects(), d.toJson()) }
            "confirm_code" -> {
                val d = current().confirmCode(admin, resolve(step.str("code")), now, rules)
                val line = note(d.effects(), d.toJson())
                session = d.state().session
                admin = d.state().account
                try {
                    d.outcome()?.let { token ->
                        device = token.token().expose()
                        admin = admin.remember(token.record())
                    }
                } catch (_: RuleException) {}
                line
            }
            "continue_without_extended_rights", "confirm_privacy_notice", "acknowledge_default_pins" -> resultLine {
                val next = when (op) {
                    "continue_without_extended_rights" -> current().continueWithoutExtendedRights()
                    "confirm_privacy_notice" -> current().confirmPrivacyNotice()
                    else -> current().acknowledgeDefaultPins()
                }
                session = next
                next.toJson()
            }
            "change_password" -> {
                val ctx = passwordContextForPbx(pbx, false)
                val new = step.str("new")
                val d = admin.changePassword(step.str("old"), new, new, ctx, now, rules)
                admin = d.state()
                note(d.effects(), d.toJson())
            }
            "forgot_password" -> forgotPassword(step.str("head"), pbx, admin, now, rules)
                .let { d -> d.state()?.let { admin = it }; note(d.effects(), d.toJson()) }
            else -> error("unknown op $op")
        }
    }
}

fun scenarioVectors(dir: String) {
    val doc = loadVectors(dir, "scenarios.json")
    val lines = StringBuilder()
    for (case in doc.objs("cases")) {
        Harness.check("scenarios.json ${case.str("id")}") {
            val world = World(doc.obj("fixture"), case.str("policy"))
            for (step in case.objs("steps")) {
                lines.append(normalized(world.run(step))).append('\n')
                world.reload()
            }
        }
    }
    Harness.check("the replay's JSON equals core/vectors/parity.jsonl byte for byte") {
        val want = java.io.File(dir, "parity.jsonl").readText()
        val got = lines.toString()
        if (got != want) {
            val (g, w) = got.lines() to want.lines()
            val i = g.indices.firstOrNull { it >= w.size || g[it] != w[it] } ?: g.size
            throw CheckFailed("first difference at line ${i + 1}:\n got ${g.getOrNull(i)}\nwant ${w.getOrNull(i)}")
        }
    }
}
