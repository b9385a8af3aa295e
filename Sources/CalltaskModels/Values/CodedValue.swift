/// A value the API writes as a number code, which a spec may also write by a readable name.
///
/// `pop_mode: 1` and `pop_mode: sequential` decode to the same value; it is always encoded as its
/// code, and export writes the name.
public protocol CodedValue: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == Int {
    /// The readable name used in specs (`sequential`).
    var name: String { get }
    /// What the value is, for messages (`pop_mode`).
    static var fieldDescription: String { get }
}

extension CodedValue {
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    /// "random (0), sequential (1), reverse (2)".
    public static var choices: String {
        allCases.map { "\($0.name) (\($0.rawValue))" }.joined(separator: ", ")
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Names first: specs write names, and a failed decode builds an error message, so trying the
        // number first cost every named value a thrown error. A number written as a number (YAML or
        // JSON) still decodes as the code below, including YAML's 0x and 0o forms.
        let text = try? container.decode(String.self)
        if let text, let value = Self(name: text) {
            self = value
            return
        }
        if let code = try? container.decode(Int.self) {
            guard let value = Self(rawValue: code) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\(code) is not a valid \(Self.fieldDescription); expected one of \(Self.choices)")
            }
            self = value
            return
        }
        if let text {
            // The platform's JSON may send a code as text; in a spec a quoted number is text.
            if decoder.isSpecInput, Int(text) != nil {
                throw SpecInput.quotedText(in: container, expected: "a \(Self.fieldDescription)", text)
            }
            if let code = Int(text), let value = Self(rawValue: code) {
                self = value
                return
            }
            let names = Self.allCases.map(\.name)
            let guess = closestName(to: text, in: names)
            throw DecodingHint.dataCorrupted(
                in: container, "'\(text)' is not a valid \(Self.fieldDescription); expected one of \(Self.choices)",
                hint: guess.map { "did you mean '\($0)'?" })
        }
        throw DecodingError.typeMismatch(Int.self, .init(
            codingPath: decoder.codingPath, debugDescription: "expected a \(Self.fieldDescription): one of \(Self.choices)"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A tiny edit-distance match for coded names (the models do not depend on the YAML module).
func closestName(to word: String, in names: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                let best: Int = Swift.min(previous[j] + 1, current[j - 1] + 1)
                current[j] = Swift.min(best, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
    let lowered = Array(word.lowercased())
    let scored = names.map { (name: $0, distance: distance(lowered, Array($0))) }
    guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
    return best.distance <= 3 ? best.name : nil
}

/// `pop_mode`: the order numbers are dialled (seed 001: 0 random, 1 sequential, 2 reverse).
public enum PopMode: Int, CodedValue {
    case random = 0, sequential = 1, reverse = 2
    public var name: String { ["random", "sequential", "reverse"][rawValue] }
    public static let fieldDescription = "pop_mode"
}

/// `is_group_switch`: how the script group is chosen (seed 001: 0 unified, 1 by time, 2 by variable, 3 multi).
public enum GroupSwitchMode: Int, CodedValue {
    case unified = 0, byTime = 1, byVariable = 2, multi = 3
    public var name: String { ["unified", "by_time", "by_variable", "multi"][rawValue] }
    public static let fieldDescription = "is_group_switch"
}

/// Variable rule `mode` (seed 001: 0 contains any keyword, 1 equals any keyword).
public enum VariableMatchMode: Int, CodedValue {
    case contains = 0, equals = 1
    public var name: String { ["contains", "equals"][rawValue] }
    public static let fieldDescription = "variable rule mode"
}

/// Multi-config `dial_mode` (seed 001: 0 round robin, 1 random).
public enum MultiDialMode: Int, CodedValue {
    case roundRobin = 0, random = 1
    public var name: String { ["round_robin", "random"][rawValue] }
    public static let fieldDescription = "dial_mode"
}

/// `end_action` (seed 000: 0 nothing, 1 pause and release concurrency, 2 pause and keep concurrency).
public enum EndAction: Int, CodedValue {
    case none = 0, pauseRelease = 1, pauseLock = 2
    public var name: String { ["none", "pause_release", "pause_lock"][rawValue] }
    public static let fieldDescription = "end_action"
}

/// `task_type` (seed 000: 6 = 2.0 task, 7 = new 2.0 task).
public enum TaskType: Int, CodedValue {
    case v2 = 6, newV2 = 7
    public var name: String { self == .v2 ? "v2" : "new_v2" }
    public static let fieldDescription = "task_type"
}

/// A redial condition code, as the update call takes it (seed 001: `da_status` 2..12).
public enum RedialStatus: Int, CodedValue, Comparable {
    case carrierBlocked = 2, rejected, noAnswer, vacantNumber, poweredOff, suspended, busy, incomingBarred,
        arrears, blacklisted, userBlocked

    public var name: String {
        ["carrier_blocked", "rejected", "no_answer", "vacant_number", "powered_off", "suspended", "busy",
         "incoming_barred", "arrears", "blacklisted", "user_blocked"][rawValue - 2]
    }
    public static let fieldDescription = "redial status (da_status)"

    /// Codes 11 and 12 have no read-back string (seed 000's table): they can be written, never read.
    public var isWriteOnly: Bool { self == .blacklisted || self == .userBlocked }

    public static func < (lhs: RedialStatus, rhs: RedialStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
