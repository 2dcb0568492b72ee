// P2–P9, K3, K5, R1–R3, A1–A4, G5: replays the lifecycle scenarios of
// core/vectors/scenarios.json through the binding, step by step, with the world and the
// comparisons of core/tests/vectors_scenarios.rs.
package pbxrules.test

import java.time.Instant
import uniffi.pbx_rules.Actor
import uniffi.pbx_rules.AdminAccount
import uniffi.pbx_rules.AdminSession
import uniffi.pbx_rules.AdminStep
import uniffi.pbx_rules.BaseNumber
import uniffi.pbx_rules.Effect
import uniffi.pbx_rules.ExtensionAccount
import uniffi.pbx_rules.ExtensionMasterData
import uniffi.pbx_rules.NumberPlan
import uniffi.pbx_rules.Password
import uniffi.pbx_rules.PasswordContext
import uniffi.pbx_rules.PbxMasterData
import uniffi.pbx_rules.PinContext
import uniffi.pbx_rules.RuleException
import uniffi.pbx_rules.Rules
import uniffi.pbx_rules.UserLogin
import uniffi.pbx_rules.createExtensionAccount
import uniffi.pbx_rules.forgotPassword
import uniffi.pbx_rules.forgotPin
import uniffi.pbx_rules.policyPreset

/** What one step produced, in the vocabulary of the file. */
class Got {
    var error: String? = null
    val effects = mutableListOf<String>()
    val fields = mutableMapOf<String, Any?>()
}

fun effectName(e: Effect): String = when (e) {
    is Effect.SendSecret -> "send_secret"
    is Effect.NotifyAdminNoUserEmail -> "notify_admin_no_user_email"
    is Effect.SyncPin -> "sync_pin"
    is Effect.RestartPhone -> "restart_phone"
    is Effect.NotifyCredentialChanged -> "notify_credential_changed"
    is Effect.Unsupported -> "unknown"
}

fun stepName(step: AdminStep): String = when (step) {
    AdminStep.SECOND_FACTOR -> "second_factor"
    AdminStep.PRIVACY_NOTICE -> "privacy_notice"
    AdminStep.DEFAULT_PINS -> "default_pins"
    AdminStep.MAIN_MENU -> "main_menu"
}

class World(private val fx: Obj, preset: String) {
    private val policy = policyPreset(preset)!!.let { p ->
        val h = fx.obj("hashing")
        p.withHashing(p.hashing().copy(
            mCostKib = h.num("m_cost_kib").toUInt(), tCost = h.num("t_cost").toUInt(),
            pCost = h.num("p_cost").toUInt(),
        ))
    }
    private val rules = Rules(policy)
    private var pbx = PbxMasterData(
        BaseNumber.parse(NumberPlan(fx.str("region")), fx.str("base_number")),
        fx.str("central_digits"), fx.str("central_backup_number"),
    ).withCompanyName(fx.str("company_name")).withAdminEmail(fx.str("admin_email"))
    private val accounts = sortedMapOf<String, ExtensionAccount>()
    private var admin = AdminAccount.create(
        Password.parse(fx.str("admin_password"), policy, false),
        Instant.parse("2026-01-05T09:00:00Z"), rules.hasher(),
    )
    private var session: AdminSession? = null
    private var mailed: String? = null
    private var device: String? = null

    private fun actor(text: String): Actor =
        if (text.startsWith("user:")) Actor.User(text.removePrefix("user:")) else Actor.Admin(false)

    /** `$mailed` is the secret of the last mail effect, `$device` the last device token. */
    private fun resolve(text: String): String = when (text) {
        "\$mailed" -> mailed ?: error("no secret was mailed")
        "\$device" -> device ?: error("no device token")
        else -> text
    }

    private fun master(ext: String, step: Obj): ExtensionMasterData =
        ExtensionMasterData(ext, fx.str("user_name"))
            .withEmail(if (step.has("email") && step.map["email"] == null) null else fx.str("user_email"))
            .withMobileNumber(step.strOrNull("mobile"))

    /** Runs the decision's outcome, recording a refusal's code (and a throttle's retry time). */
    private fun <T> outcome(got: Got, body: () -> T): T? = try {
        body()
    } catch (e: RuleException) {
        got.error = parts(e).first
        if (e is RuleException.Login && e.code == "LOGIN_THROTTLED") got.fields["retry_at"] = e.at
        null
    }

    /** Records effects; keeps the mailed secret for later steps. */
    private fun note(got: Got, effects: List<Effect>) {
        for (e in effects) {
            if (e is Effect.SendSecret) mailed = e.secret.expose()
            got.effects.add(effectName(e))
        }
    }

    private fun setStep(got: Got, s: AdminSession) {
        got.fields["outcome"] = stepName(s.step())
        got.fields["extended_rights"] = s.hasExtendedRights()
        got.fields["default_pin_extensions"] = s.defaultPinExtensions()
    }

    fun run(step: Obj): Got {
        val now = Instant.parse(step.str("at"))
        val got = Got()
        when (val op = step.str("op")) {
            "create_extension" -> {
                val created = createExtensionAccount(step.str("extension"), now, rules)
                got.fields["default_pin"] = created.account.hasDefaultPin()
                accounts[step.str("extension")] = created.account
            }
            "user_login", "change_pin", "admin_set_pin", "mobile_login" -> extensionOp(op, step, now, got)
            "forgot_pin" -> {
                val ext = step.str("extension")
                val account = accounts[ext]
                val d = forgotPin(pbx, account?.let { master(ext, step) }, account, now, rules)
                outcome(got) { d.outcome() }
                note(got, d.effects())
                d.state()?.let { accounts[ext] = it }
            }
            "set_self_service_pin_reset" -> outcome(got) {
                pbx = pbx.setSelfServicePinReset(actor(step.str("actor")), step.bool("on"))
            }
            else -> adminOp(op, step, now, got)
        }
        return got
    }

    private fun extensionOp(op: String, step: Obj, now: Instant, got: Got) {
        val ext = step.str("extension")
        val account = accounts[ext] ?: error("no account $ext")
        val next = when (op) {
            "user_login" -> {
                val d = account.login(resolve(step.str("pin")), now, rules)
                when (val login = outcome(got) { d.outcome() }) {
                    is UserLogin.LoggedIn -> got.fields["outcome"] = "logged_in"
                    is UserLogin.MustChangePin -> {
                        got.fields["outcome"] = "must_change_pin"
                        got.fields["deadline"] = login.deadline
                    }
                    null -> {}
                }
                note(got, d.effects())
                d.state()
            }
            "change_pin" -> {
                val d = account.changePin(
                    actor(step.str("actor")), step.str("old"), step.str("new"),
                    step.str("confirmation"), PinContext(), now, rules,
                )
                outcome(got) { d.outcome() }?.let { got.fields["completes_login"] = it.completesLogin }
                note(got, d.effects())
                d.state()
            }
            "admin_set_pin" -> {
                val pin = step.str("pin")
                val d = account.setPinByAdmin(actor(step.str("actor")), pin, pin, now, rules)
                outcome(got) { d.outcome() }
                note(got, d.effects())
                d.state()
            }
            else -> {
                val d = account.mobileLogin(master(ext, step), step.str("pin"), now, rules)
                outcome(got) { d.outcome() }
                note(got, d.effects())
                d.state()
            }
        }
        accounts[ext] = next
    }

    private fun adminOp(op: String, step: Obj, now: Instant, got: Got) {
        fun current(): AdminSession = session ?: error("no admin session")
        when (op) {
            "admin_login" -> {
                val defaults = accounts.values.filter { it.hasDefaultPin() }.map { it.digits() }
                val token = step.strOrNull("device")?.let(::resolve)
                val d = admin.login(resolve(step.str("password")), token, defaults, now, rules)
                outcome(got) { d.outcome() }?.let { setStep(got, it); session = it }
                note(got, d.effects())
                admin = d.state()
            }
            "request_code" -> {
                val d = current().requestCode(pbx.adminEmail(), now, rules)
                outcome(got) { d.outcome() }
                note(got, d.effects())
                session = d.state()
            }
            "confirm_code" -> {
                val d = current().confirmCode(admin, resolve(step.str("code")), now, rules)
                admin = d.state().account
                var confirmed = false
                val token = outcome(got) { d.outcome().also { confirmed = true } }
                if (confirmed) {
                    setStep(got, d.state().session)
                    got.fields["device_token"] = token != null
                    if (token != null) {
                        device = token.token.expose()
                        admin = admin.remember(token.record)
                    }
                }
                note(got, d.effects())
                session = d.state().session
            }
            "continue_without_extended_rights", "confirm_privacy_notice", "acknowledge_default_pins" -> {
                val s = current()
                outcome(got) {
                    when (op) {
                        "continue_without_extended_rights" -> s.continueWithoutExtendedRights()
                        "confirm_privacy_notice" -> s.confirmPrivacyNotice()
                        else -> s.acknowledgeDefaultPins()
                    }
                }?.let { setStep(got, it); session = it }
            }
            "change_password" -> {
                val ctx = PasswordContext(pbx.headNumber(), pbx.companyName(), pbx.adminEmail(), false)
                val new = step.str("new")
                val d = admin.changePassword(step.str("old"), new, new, ctx, now, rules)
                outcome(got) { d.outcome() }?.let { got.fields["effective_at"] = it.effectiveAt }
                note(got, d.effects())
                admin = d.state()
            }
            "forgot_password" -> {
                val d = forgotPassword(step.str("head"), pbx, admin, now, rules)
                outcome(got) { d.outcome() }
                note(got, d.effects())
                d.state()?.let { admin = it }
            }
            else -> error("unknown op $op")
        }
    }
}

/** Compares one step's result with its `expect` object; returns what differs. */
fun differences(got: Got, expect: Obj): List<String> = expect.map.mapNotNull { (key, want) ->
    val ok = when (key) {
        "ok" -> got.error == null
        "error" -> got.error == want
        "effects" -> got.effects == want
        "deadline", "retry_at", "effective_at" -> got.fields[key] == Instant.parse(want as String)
        else -> got.fields[key] == want
    }
    if (ok) null else "$key: want $want, got error=${got.error} effects=${got.effects} fields=${got.fields}"
}

fun scenarioVectors(dir: String) {
    val doc = loadVectors(dir, "scenarios.json")
    var steps = 0
    for (case in doc.objs("cases")) {
        val world = World(doc.obj("fixture"), case.str("policy"))
        case.objs("steps").forEachIndexed { i, step ->
            steps++
            Harness.check("scenarios.json ${case.str("id")} step $i (${step.str("op")})") {
                val diff = differences(world.run(step), step.obj("expect"))
                expect(diff.isEmpty()) { diff.joinToString("; ") }
            }
        }
    }
    Harness.check("scenarios.json has more than 80 steps") { expect(steps > 80) { "$steps steps" } }
}
