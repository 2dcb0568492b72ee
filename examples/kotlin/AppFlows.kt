// The mobile app's flows through the Kotlin binding, step by step:
//   1. the user types the PIN 1234 and sees why the app refuses it (P8),
//   2. changes the PIN with the old one and the new one twice (P3),
//   3. enters a backup number as 0171 … and gets it back as +49 … (N1, N3, B5).
// Run it with bindings-kotlin-swift/test.sh (it compiles and runs this file too).
import uniffi.pbx_rules.Actor
import uniffi.pbx_rules.ExtensionMasterData
import uniffi.pbx_rules.Hasher
import uniffi.pbx_rules.Pin
import uniffi.pbx_rules.PinContext
import uniffi.pbx_rules.Policy
import uniffi.pbx_rules.RuleException
import uniffi.pbx_rules.changePin
import uniffi.pbx_rules.mobileAppCheck

fun main() {
    val policy = Policy.centrexx()
    // A server would use policy.hashing(); the example keeps argon2 cheap so it runs fast.
    val hasher = Hasher(policy.hashing().copy(mCostKib = 1024u, tCost = 1u))
    val plan = policy.numberPlan()
    val me = Actor.User(extension = "10")
    var extension = ExtensionMasterData("10", "Ada Lovelace")

    println("1. The user types the PIN 1234.")
    val typed = Pin.parse("1234", policy)
    try {
        mobileAppCheck(typed, extension.mobileNumber(), policy)
    } catch (e: RuleException.Pin) {
        println("   refused: ${e.code}")
        println("   de: ${e.messageDe}")
        println("   en: ${e.messageEn}")
    }
    val findings = typed.trivialFindings(PinContext(extensionDigits = "10"), policy)
    println("   and it is easy to guess: ${findings.joinToString { it.messageEn }}")

    println("2. The user changes the PIN: old 1234, new 4713 twice.")
    val stored = hasher.hash("1234")
    try {
        changePin("1234", "4713", "4731", stored, hasher, PinContext(extensionDigits = "10"), policy)
    } catch (e: RuleException.Pin) {
        println("   typo in the confirmation: ${e.code}: ${e.messageEn}")
    }
    val changed = changePin("1234", "4713", "4713", stored, hasher, PinContext(extensionDigits = "10"), policy)
    println("   changed; the host stores the new argon2id hash (${changed.hash.length} characters)")
    println("   warnings: ${changed.accepted.warnings.map { it.messageEn }}")

    println("3. The user enters the backup number 0171 12345678.")
    extension = extension.setBackupNumber(plan, me, "0171 12345678")
    val backup = extension.backupNumber()!!
    println("   stored as $backup, shown as ${plan.normalize(backup).international()}")
    println("   mirrored as mobile number: ${extension.mobileNumber()}")

    println("4. The app checks the login again with the new PIN.")
    mobileAppCheck(changed.accepted.pin, extension.mobileNumber(), policy)
    println("   the app may log in.")
}
