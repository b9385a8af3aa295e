/// An integer the platform may send as a number or as a string of digits.
///
/// The update call takes ids as ints (`"destination_extension": 123`) while GET answers return them as
/// strings (`"destination_extension": "102"`); seed 001's own multi-config example sends `"13601"`.
/// Both decode to the same value and compare equal; it is encoded as a number.
///
/// Text that is not a number (seed 000's own example has the placeholder `"XXXXX"`) is kept verbatim
/// in `text` rather than failing a whole list answer; specs reject it (`NumericIDRule`).
public struct LenientInt: Hashable, Sendable, Codable, ExpressibleByIntegerLiteral, CustomStringConvertible, Comparable {
    public var value: Int
    /// The text as sent, when it is not a number; `value` is then 0.
    public var text: String?

    public init(_ value: Int) { self.value = value }
    public init(integerLiteral value: Int) { self.value = value }
    public init(text: String) {
        self.value = 0
        self.text = text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let int = try? container.decode(Int.self) {
            value = int
            return
        }
        if let text = try? container.decode(String.self) {
            let trimmed = text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
            let digits = String(trimmed)
            if let int = Int(digits) {
                value = int
                return
            }
            value = 0
            self.text = text
            return
        }
        throw DecodingError.typeMismatch(Int.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a number"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let text {
            try container.encode(text)
        } else {
            try container.encode(value)
        }
    }

    public var description: String { text ?? String(value) }
    public var isNumber: Bool { text == nil }
    public static func < (lhs: LenientInt, rhs: LenientInt) -> Bool { (lhs.value, lhs.text ?? "") < (rhs.value, rhs.text ?? "") }
}

/// A boolean the platform may send as `true`/`false`, `0`/`1` or `"0"`/`"1"`. A spec (`SpecInput`)
/// may not quote it.
///
/// Encoded as a JSON boolean (the docs' type for `elasticity_type`, `enable`).
public struct LenientBool: Hashable, Sendable, Codable, ExpressibleByBooleanLiteral, CustomStringConvertible {
    public var value: Bool

    public init(_ value: Bool) { self.value = value }
    public init(booleanLiteral value: Bool) { self.value = value }

    public init(from decoder: any Decoder) throws {
        value = try decodeFlexibleBool(decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { String(value) }
}

/// A boolean the update call takes as `0`/`1` (seed 001 sends `"redial_enabled": 0`).
///
/// Decodes `true`/`false` as well as `0`/`1` (and from the platform's JSON `"0"`/`"1"`; a spec,
/// `SpecInput`, may not quote it); always encoded as the number 0 or 1.
public struct Flag: Hashable, Sendable, Codable, ExpressibleByBooleanLiteral, CustomStringConvertible {
    public var value: Bool

    public init(_ value: Bool) { self.value = value }
    public init(booleanLiteral value: Bool) { self.value = value }

    public init(from decoder: any Decoder) throws {
        value = try decodeFlexibleBool(decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value ? 1 : 0)
    }

    public var description: String { String(value) }
}

private func decodeFlexibleBool(_ decoder: any Decoder) throws -> Bool {
    let container = try decoder.singleValueContainer()
    if let bool = try? container.decode(Bool.self) { return bool }
    if let int = try? container.decode(Int.self) {
        switch int {
        case 0: return false
        case 1: return true
        default:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected true, false, 0 or 1, found \(int)")
        }
    }
    if let text = try? container.decode(String.self) {
        // The platform's JSON may send a flag as text; in a spec a quoted number or boolean is text.
        if ["0", "1", "false", "true"].contains(text), decoder.isSpecInput {
            throw SpecInput.quotedText(in: container, expected: "true, false, 0 or 1", text)
        }
        switch text {
        case "0", "false": return false
        case "1", "true": return true
        default:
            throw DecodingHint.dataCorrupted(
                in: container, "expected true, false, 0 or 1, found '\(text)'",
                hint: ["yes", "no", "on", "off"].contains(text.lowercased()) ? "YAML 1.2 reads '\(text)' as text; write true or false" : nil)
        }
    }
    throw DecodingError.typeMismatch(Bool.self, .init(codingPath: decoder.codingPath, debugDescription: "expected true, false, 0 or 1"))
}
