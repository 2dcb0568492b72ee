// A Kotlin program outside the repository, compiled and run by jar.sh with a class path
// assembled from the local Maven layout alone (the classes artifact, the native artifact,
// JNA and kotlin-stdlib as the POMs name them). No -Djna.library.path: the native library
// comes from the native artifact's linux-x86-64/ resource.
import java.time.Instant
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import de.pbxrules.NumberPlan
import de.pbxrules.Rules
import de.pbxrules.createExtensionAccount
import de.pbxrules.metadataVersion
import de.pbxrules.policyPreset
import de.pbxrules.version
import de.pbxrules.core.RuleException
import de.pbxrules.core.UserLogin

fun main(args: Array<String>) {
    // The first call loads the library (JNA extracts it on every JVM start): printed only.
    val jvmUpMs = java.lang.management.ManagementFactory.getRuntimeMXBean().uptime
    var t0 = System.nanoTime()
    val version = version()
    val firstNs = System.nanoTime() - t0
    t0 = System.nanoTime()
    version()
    val secondNs = System.nanoTime() - t0
    println("Kotlin: first call %.1f ms (JVM up %d ms before it), second call %.3f ms"
        .format(firstNs / 1e6, jvmUpMs, secondNs / 1e6))
    check(version == args[0]) { "version $version, expected ${args[0]}" }
    check(Regex("""\d+\.\d+\.\d+""").matches(metadataVersion())) { metadataVersion() }
    println("Kotlin: pbx-rules $version, libphonenumber metadata ${metadataVersion()}")

    val policy = policyPreset("centrexx")!!
    val plan = NumberPlan(policy.numbers.defaultRegion)
    check(plan.normalize("0171 / 123 456-78").international() == "+49 171 12345678")
    try {
        plan.normalize("0800 FLOWERS")
        error("letters must be refused")
    } catch (e: RuleException) {
        // Logged from the base type, no `when` over the families.
        check(e is RuleException.Number) { e::class.simpleName.toString() }
        check(e.code() == "NUMBER_HAS_LETTERS") { e.code() }
        check(e.messageDe().isNotEmpty() && e.messageDe() != e.messageEn()) { e.messageDe() }
        check(e.details().startsWith("{")) { e.details() }
    }

    // Plain Kotlin Int/Long, no unsigned types: a length, an allowance, a revision.
    val minLen: Int = policy.pin.minLen
    val rules = Rules(policy)
    val allowance: Int = rules.pinAllowance(minLen)
    check(allowance == policy.throttle.pinAllowanceAtMinLen) { "G5 $allowance" }

    // Hashing off the caller's thread (a UI or request thread): a pool thread per login.
    // With coroutines: withContext(Dispatchers.Default) { account.login(...) }.
    val now = Instant.parse("2026-01-05T09:00:00Z")
    val account = createExtensionAccount("10", now, rules).account()
    val revision: Long = account.view(now, rules).revision
    val pool = Executors.newFixedThreadPool(2)
    val logins = (1..4).map { pool.submit<UserLogin> { account.login("0000", now, rules).outcome() } }
    val outcomes = logins.map { it.get(60, TimeUnit.SECONDS) }
    pool.shutdown()
    check(outcomes.all { it is UserLogin.MustChangePin }) { "P6: $outcomes" }
    println("Kotlin: 4 logins verified on a thread pool: ${outcomes.first()::class.simpleName}; " +
        "revision $revision, pin allowance $allowance")
}
