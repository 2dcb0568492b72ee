// A minimal JSON reader for the shared vectors: objects become Map<String, Any?>, arrays
// List<Any?>, numbers Double, plus String, Boolean and null. It exists because the JVM has
// no JSON parser built in and the test must not download one; it holds no rule logic.
package pbxrules.test

class Json private constructor(private val text: String) {
    private var i = 0

    companion object {
        fun parse(text: String): Any? {
            val p = Json(text)
            val value = p.value()
            p.ws()
            require(p.i == text.length) { "trailing text at ${p.i}" }
            return value
        }
    }

    private fun ws() {
        while (i < text.length && text[i].isWhitespace()) i++
    }

    private fun value(): Any? {
        ws()
        return when (val c = text[i]) {
            '{' -> obj()
            '[' -> arr()
            '"' -> str()
            't' -> lit("true", true)
            'f' -> lit("false", false)
            'n' -> lit("null", null)
            else -> if (c == '-' || c.isDigit()) num() else error("unexpected '$c' at $i")
        }
    }

    private fun lit(word: String, v: Any?): Any? {
        require(text.startsWith(word, i)) { "bad literal at $i" }
        i += word.length
        return v
    }

    private fun num(): Double {
        val start = i
        while (i < text.length && (text[i].isDigit() || text[i] in "+-.eE")) i++
        return text.substring(start, i).toDouble()
    }

    private fun str(): String {
        val sb = StringBuilder()
        i++ // opening quote
        while (true) {
            val c = text[i++]
            when (c) {
                '"' -> return sb.toString()
                '\\' -> {
                    when (val e = text[i++]) {
                        'n' -> sb.append('\n')
                        't' -> sb.append('\t')
                        'r' -> sb.append('\r')
                        'b' -> sb.append('\b')
                        'f' -> sb.append('\u000c')
                        'u' -> { sb.append(text.substring(i, i + 4).toInt(16).toChar()); i += 4 }
                        else -> sb.append(e) // \" \\ \/
                    }
                }
                else -> sb.append(c)
            }
        }
    }

    private fun arr(): List<Any?> {
        val out = mutableListOf<Any?>()
        i++
        ws()
        if (text[i] == ']') { i++; return out }
        while (true) {
            out.add(value())
            ws()
            if (text[i++] == ']') return out
        }
    }

    private fun obj(): Map<String, Any?> {
        val out = linkedMapOf<String, Any?>()
        i++
        ws()
        if (text[i] == '}') { i++; return out }
        while (true) {
            ws()
            val key = str()
            ws()
            require(text[i++] == ':') { "':' expected at $i" }
            out[key] = value()
            ws()
            if (text[i++] == '}') return out
        }
    }
}

/** Typed access to one parsed JSON object, failing loudly on a missing key. */
@Suppress("UNCHECKED_CAST")
class Obj(val map: Map<String, Any?>) {
    fun str(key: String): String = map[key] as? String ?: error("no string '$key' in $map")
    fun strOrNull(key: String): String? = map[key] as String?
    fun bool(key: String): Boolean = map[key] as? Boolean ?: false
    fun num(key: String): Double = map[key] as? Double ?: error("no number '$key' in $map")
    fun obj(key: String): Obj = Obj(map[key] as? Map<String, Any?> ?: emptyMap())
    fun strings(key: String): List<String> = (map[key] as? List<String>) ?: emptyList()
    fun objs(key: String): List<Obj> = (map[key] as List<Map<String, Any?>>).map(::Obj)
    fun has(key: String): Boolean = map.containsKey(key)
    override fun toString(): String = map.toString()
}

fun loadVectors(dir: String, name: String): Obj {
    @Suppress("UNCHECKED_CAST")
    return Obj(Json.parse(java.io.File(dir, name).readText()) as Map<String, Any?>)
}
