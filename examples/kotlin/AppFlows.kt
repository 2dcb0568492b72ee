// The mobile app's flows through the Kotlin binding, step by step:
//   1. a new extension logs in with the default PIN and must change it (P2, P5, P6),
//   2. changes it (a typo first), the state saved and loaded as JSON between requests (P3),
//   3. the app refuses the PIN 1234 and says why (P8),
//   4. the user enters a backup number as 0171 … and gets it back as +49 … (N1, N3, B5).
// Run it with bindings-kotlin-swift/test.sh (it compiles and runs this file too).
import de.pbxrules.ExtensionAccount
import de.pbxrules.ExtensionMasterData
import de.pbxrules.core.RuleException
import de.pbxrules.Rules
import de.pbxrules.createExtensionAccount
import de.pbxrules.mobileAppCheck
import de.pbxrules.parsePin
import de.pbxrules.policyPreset
import de.pbxrules.core.Actor
import de.pbxrules.core.PinContext
import de.pbxrules.core.UserLogin
import java.time.Instant

fun main() {
    val preset = policyPreset("centrexx")!!
    // A server keeps the preset's hashing costs; the example makes argon2 cheap to run fast.
    val rules = Rules(preset.copy(hashing = preset.hashing.copy(mCostKib = 1024, tCost = 1)))
    val now = Instant.parse("2026-01-05T09:00:00Z")

    println("1. Extension 10 is created and logs in with the default PIN.")
    var stored: String = createExtensionAccount("10", now, rules).account().toJson()
    val login = ExtensionAccount.fromJson(stored).login("0000", now, rules)
    stored = login.state().toJson()
    when (val outcome = login.outcome()) {
        is UserLogin.MustChangePin -> println("   must change the PIN by ${outcome.deadline}")
        is UserLogin.LoggedIn -> println("   logged in")
    }

    println("2. The user changes the PIN: old 0000, new 4713 twice (a typo first).")
    val me = Actor.User(extension = "10")
    // What the P3 checks know about the user; pinContextForExtension(pbx, extension) builds it
    // from the master data.
    val known = PinContext(extensionDigits = "10", names = listOf("Ada", "Lovelace"), phoneNumber = null)
    val typo = ExtensionAccount.fromJson(stored).changePin(me, "0000", "4713", "4731", known, now, rules)
    try {
        typo.outcome()
    } catch (e: RuleException.Pin) {
        println("   refused: ${e.code}: ${e.messageEn}")
    }
    val change = ExtensionAccount.fromJson(stored).changePin(me, "0000", "4713", "4713", known, now, rules)
    println("   changed, completes the login: ${change.outcome().completesLogin}")
    println("   effects: ${change.effects()}")
    stored = change.state().toJson()
    println("   stored JSON starts ${stored.take(60)}…")

    println("3. The app refuses the PIN 1234.")
    var extension = ExtensionMasterData("10", "Ada Lovelace")
    try {
        mobileAppCheck(parsePin("1234", rules), extension.view().mobileNumber, rules)
    } catch (e: RuleException.Pin) {
        println("   ${e.code}; de: ${e.messageDe}")
    }

    println("4. The user enters the backup number 0171 12345678.")
    extension = extension.setBackupNumber(me, "0171 12345678", rules)
    val backup = extension.view().backupNumber!!
    println("   stored as $backup, shown as ${rules.numberPlan().normalize(backup).international()}")
    println("   mirrored as mobile number: ${extension.view().mobileNumber}")
}
