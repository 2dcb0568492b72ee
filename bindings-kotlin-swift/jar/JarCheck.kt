// A Kotlin program outside the repository, compiled and run against the jar alone (plus
// JNA): jar.sh copies it to a scratch folder. No -Djna.library.path: the native library
// comes from the jar's linux-x86-64/ resource.
import java.time.Instant
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import uniffi.pbx_rules.Policy
import uniffi.pbx_rules.RuleException
import uniffi.pbx_rules.Rules
import uniffi.pbx_rules.UserLogin
import uniffi.pbx_rules.createExtensionAccount
import uniffi.pbx_rules.metadataVersion
import uniffi.pbx_rules.version

fun main(args: Array<String>) {
    check(version() == args[0]) { "version ${version()}, expected ${args[0]}" }
    check(Regex("""\d+\.\d+\.\d+""").matches(metadataVersion())) { metadataVersion() }
    println("Kotlin: pbx-rules ${version()}, libphonenumber metadata ${metadataVersion()}")

    val policy = Policy.centrexx()
    val plan = policy.numberPlan()
    check(plan.normalize("0171 / 123 456-78").international() == "+49 171 12345678")
    try {
        plan.normalize("0800 FLOWERS")
        error("letters must be refused")
    } catch (e: RuleException.Number) {
        check(e.code == "NUMBER_HAS_LETTERS") { e.code }
    }

    // Hashing off the caller's thread (a UI or request thread): a pool thread per login.
    // With coroutines: withContext(Dispatchers.Default) { account.login(...) }.
    val rules = Rules(policy)
    val now = Instant.parse("2026-01-05T09:00:00Z")
    val account = createExtensionAccount("10", now, rules).account
    val pool = Executors.newFixedThreadPool(2)
    val logins = (1..4).map { pool.submit<UserLogin> { account.login("0000", now, rules).outcome() } }
    val outcomes = logins.map { it.get(60, TimeUnit.SECONDS) }
    pool.shutdown()
    check(outcomes.all { it is UserLogin.MustChangePin }) { "P6: $outcomes" }
    println("Kotlin: 4 logins verified on a thread pool: ${outcomes.first()::class.simpleName}")
}
