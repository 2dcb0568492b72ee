// A Kotlin program outside the repository, compiled and run against the jar alone (plus
// JNA): jar.sh copies it to a scratch folder. No -Djna.library.path: the native library
// comes from the jar's linux-x86-64/ resource.
import java.time.Instant
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import de.pbxrules.NumberPlan
import de.pbxrules.RuleException
import de.pbxrules.Rules
import de.pbxrules.createExtensionAccount
import de.pbxrules.metadataVersion
import de.pbxrules.policyPreset
import de.pbxrules.version
import de.pbxrules.core.UserLogin

fun main(args: Array<String>) {
    check(version() == args[0]) { "version ${version()}, expected ${args[0]}" }
    check(Regex("""\d+\.\d+\.\d+""").matches(metadataVersion())) { metadataVersion() }
    println("Kotlin: pbx-rules ${version()}, libphonenumber metadata ${metadataVersion()}")

    val policy = policyPreset("centrexx")!!
    val plan = NumberPlan(policy.numbers.defaultRegion)
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
    val account = createExtensionAccount("10", now, rules).account()
    val pool = Executors.newFixedThreadPool(2)
    val logins = (1..4).map { pool.submit<UserLogin> { account.login("0000", now, rules).outcome() } }
    val outcomes = logins.map { it.get(60, TimeUnit.SECONDS) }
    pool.shutdown()
    check(outcomes.all { it is UserLogin.MustChangePin }) { "P6: $outcomes" }
    println("Kotlin: 4 logins verified on a thread pool: ${outcomes.first()::class.simpleName}")
}
