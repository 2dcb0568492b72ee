// G4: a hash made with a pepper in any language verifies in Kotlin with the same pepper, and
// not without it or with the wrong secret (core/vectors/peppered.json; Rust, Python and Node
// replay the same file).
package pbxrules.test

import de.pbxrules.Rules
import de.pbxrules.policyPreset

fun pepperedVectors(dir: String) {
    val file = loadVectors(dir, "peppered.json")
    val pepper = file.str("pepper_hex").chunked(2).map { it.toInt(16).toByte() }.toByteArray()
    val centrexx = policyPreset("centrexx")!!
    val peppered = Rules.withPepper(centrexx, pepper).hasher()
    val plain = Rules(centrexx).hasher()
    val hashes = file.objs("hashes")
    Harness.check("peppered.json holds hashes of several languages") {
        expect(hashes.size >= 2) { "only ${hashes.size} hashes" }
    }
    for (hash in hashes) {
        Harness.check("peppered.json G4 the ${hash.str("made_by")} hash verifies with the pepper only") {
            val phc = hash.str("phc")
            expect(peppered.verify(phc, file.str("secret"))) { "right secret, pepper" }
            expect(!peppered.verify(phc, file.str("wrong_secret"))) { "wrong secret" }
            expect(!plain.verify(phc, file.str("secret"))) { "no pepper" }
            val other = Rules.withPepper(centrexx, pepper + byteArrayOf(1)).hasher()
            expect(!other.verify(phc, file.str("secret"))) { "another pepper" }
        }
    }
}
