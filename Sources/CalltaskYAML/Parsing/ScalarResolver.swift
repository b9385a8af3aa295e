/// Resolves plain scalars by the YAML 1.2 core schema.
///
/// Decision (documented in README): only `true`/`false` (any case form of the core schema) are
/// booleans; YAML 1.1's `yes`, `no`, `on`, `off` are strings, and decoding one where a boolean is
/// expected gives a hint. Quoted and block scalars are always strings.
public enum ScalarResolver {
    public enum Value: Equatable, Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string(String)
    }

    public static func resolve(_ scalar: YAMLNode.Scalar, tag: String? = nil) -> Value {
        if let tag {
            switch tag {
            case "tag:yaml.org,2002:str", "!!str": return .string(scalar.value)
            case "tag:yaml.org,2002:int", "!!int":
                if let value = parseInt(scalar.value) { return .int(value) }
            case "tag:yaml.org,2002:null", "!!null": return .null
            default: break
            }
        }
        guard scalar.isPlain else { return .string(scalar.value) }
        let text = scalar.value
        // No null, boolean or number is this long: skip scanning long text (aliases may repeat it).
        if text.utf8.count > 64 { return .string(text) }
        if isNullWord(text) { return .null }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let value = parseInt(text) { return .int(value) }
        if let value = parseFloat(text) { return .float(value) }
        return .string(text)
    }

    /// Whether the scalar resolves to null: the same answer as `resolve(_:tag:) == .null`, without
    /// parsing numbers (the decoder asks this of every value it reads).
    public static func isNull(_ scalar: YAMLNode.Scalar, tag: String?) -> Bool {
        if let tag {
            switch tag {
            case "tag:yaml.org,2002:null", "!!null": return true
            case "tag:yaml.org,2002:str", "!!str": return false
            case "tag:yaml.org,2002:int", "!!int":
                if parseInt(scalar.value) != nil { return false }
            default: break
            }
        }
        return scalar.isPlain && isNullWord(scalar.value)
    }

    /// The core schema's spellings of null, the empty text included.
    private static func isNullWord(_ text: String) -> Bool {
        guard text.utf8.count <= 4 else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+` (YAML 1.2 core). Out-of-range numbers are not ints.
    static func parseInt(_ text: String) -> Int? {
        let utf8 = text.utf8
        guard let first = utf8.first else { return nil }
        if text.hasPrefix("0x") { return utf8.count > 2 ? Int(text.dropFirst(2), radix: 16) : nil }
        if text.hasPrefix("0o") { return utf8.count > 2 ? Int(text.dropFirst(2), radix: 8) : nil }
        var digits = Substring(text)
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text)
    }

    /// True when the text has the shape of an integer, whether or not it fits in 64 bits.
    static func looksLikeInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.hasPrefix("-") || digits.hasPrefix("+") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    static func parseFloat(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
              text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 43 || $0 == 45 || $0 == 101 || $0 == 69 }),
              text.utf8.contains(where: { $0 >= 48 && $0 <= 57 })
        else { return nil }
        return Double(text)
    }

    /// YAML 1.1 booleans that YAML 1.2 reads as strings; used for hints.
    public static func isYAML11Bool(_ text: String) -> Bool {
        ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
    }
}
