import Foundation

/// A JSON-like value for showing old and new values in plans (text, JSON, Markdown).
public indirect enum PlanValue: Codable, Hashable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([PlanValue])
    case object([String: PlanValue])

    /// The value as JSON would show it, through the model's own `Encodable` form.
    public init<T: Encodable>(encoding value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value), let decoded = try? JSONDecoder().decode(PlanValue.self, from: data) else {
            self = .string(String(describing: value))
            return
        }
        self = decoded
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([PlanValue].self) {
            self = .list(value)
        } else {
            self = .object(try container.decode([String: PlanValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Compact flow form, as YAML's flow style writes it: `sequential`, `"09:00"`, `[1, 2]`,
    /// `{start: "2026-04-04 00:00", end: "2026-04-06 23:59"}`. Text is quoted unless it is a plain word
    /// that reads as nothing else (a coded value's name: `sequential`, `by_time`); object keys come in
    /// `displayOrder`.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value):
            if Self.isPlainWord(value) { return value }
            return "\"" + InertText.line(value.replacingOccurrences(of: "\"", with: "\\\"")) + "\""
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + Self.displayOrder(Set(fields.keys)).map { "\($0): \(fields[$0]?.description ?? "null")" }.joined(separator: ", ") + "}"
        }
    }

    /// Words YAML would read as something other than text, so they are quoted.
    static let reservedWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null"]

    /// A lowercase word of letters, digits and `_`, starting with a letter, that YAML reads as text.
    static func isPlainWord(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.unicodeScalars.count <= 40 else { return false }
        guard text.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else { return false }
        return !reservedWords.contains(text)
    }

    /// The order object keys are shown in: a task's identifying keys and time windows first, in the
    /// order a spec writes them (`id` before `limit`, `start` before `end`), then the rest alphabetically.
    static let leadingKeys = ["id", "wday", "start", "begin", "end", "switch_start", "switch_end", "re_call_time", "call_interval",
                              "mode", "values", "dial_mode", "list", "destination_extension", "group_id", "default_group_id",
                              "rule_id", "sort", "limit", "da_status"]

    static func displayOrder(_ keys: Set<String>) -> [String] {
        leadingKeys.filter(keys.contains) + keys.subtracting(leadingKeys).sorted()
    }
}

extension PlanValue {
    /// Feeds a self-delimiting byte form into a fingerprint: a tag per case, text and lists with their
    /// length, objects as their count and then key-sorted pairs. Different values feed different bytes.
    func feed(into hasher: inout ContentHasher) {
        switch self {
        case .null: hasher.feed(byte: 0)
        case .bool(let value):
            hasher.feed(byte: 1)
            hasher.feed(value)
        case .int(let value):
            hasher.feed(byte: 2)
            hasher.feed(value)
        case .double(let value):
            hasher.feed(byte: 3)
            hasher.feed(Int(bitPattern: UInt(value.bitPattern)))
        case .string(let value):
            hasher.feed(byte: 4)
            hasher.feed(value)
        case .list(let items):
            hasher.feed(byte: 5)
            hasher.feed(items.count)
            for item in items { item.feed(into: &hasher) }
        case .object(let fields):
            hasher.feed(byte: 6)
            hasher.feed(fields.count)
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
                hasher.feed(key)
                value.feed(into: &hasher)
            }
        }
    }
}
