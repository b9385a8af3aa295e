/// What one JSON value of an update body must look like, as seed 001 shows it (`UpdateFields` says
/// which rule each key has, and why).
indirect enum ValueRule: Sendable {
    /// A JSON string; `nonEmpty`: not "".
    case text(nonEmpty: Bool)
    /// A JSON integer in `range` (a string of digits is not an integer: seed 001 types these int).
    case integer(ClosedRange<Int>)
    /// A JSON integer, one of `codes`.
    case code([Int])
    /// The docs' "bool": true/false, or 0/1 as the examples send it (001:80).
    case flag
    /// An id seed 001 types int: a non-negative JSON integer.
    case id
    /// A script id seed 001 shows both as an int and as a string (001:53 vs 001:567, 001:507): a
    /// non-negative integer or a string of digits.
    case idOrDigits
    /// A time of day, `H:MM` or `HH:MM` (001:465, 001:889).
    case clock
    /// A date and time as the docs write it: `2024-12-23 19:00:00` (the examples, 001:41, 001:604) or
    /// `2024/11/1 13:25` (the tables, 001:554, 001:913); a real calendar date either way.
    case dateTime
    /// A date and time written exactly `YYYY-MM-DD HH:MM:SS`, the one form the create call's docs give
    /// (facts §2.2); a real calendar date.
    case dashedDateTime
    /// A date and minute, `YYYY-MM-DD HH:MM` (the holiday bounds, facts §2.2, 001:556-557).
    case dateMinute
    /// An old 2.0 redial time, `HH:MM:SS` (001:919: "10:00:00"), within the ranges the same row gives,
    /// "时间范围10-11 13-22". Read as two ranges of clock time with both ends included, 10:00:00-11:00:00
    /// and 13:00:00-22:00:00: the docs say no more (an assumption, stated in docs/rules.md).
    case redialTime
    /// A JSON string, one of `choices`.
    case oneOf([String])
    /// A JSON array of `element`s, at most `maxCount` of them, without repeats when `unique`.
    case list(of: ValueRule, maxCount: Int? = nil, unique: Bool = false)
    /// A JSON object with these members; members it does not name are unknown keys.
    case object([Member])
    /// A holiday: {start or begin, end} (001:556 names `start`, 001:609 `begin`).
    case holiday
    /// A line: an id (old 2.0, 001:916) or {id, limit} (new 2.0, 001:459-460).
    case line
    /// The `task_extras` object itself: its members are `UpdateFields.taskExtras`.
    case extrasObject

    /// A named member of an object.
    struct Member: Sendable {
        let key: String
        let rule: ValueRule
        let required: Bool

        init(_ key: String, _ rule: ValueRule, required: Bool = false) {
            self.key = key
            self.rule = rule
            self.required = required
        }
    }

    /// What is wrong with `value` at `path`, or `nil` if nothing is. With `strict`, a member no rule
    /// names is wrong too; otherwise it is ignored (`known(_:)` drops it).
    func problem(_ value: JSONValue, at path: String, strict: Bool) -> String? {
        if value.isNull {
            // Docs silent on null: refused (the stricter reading). Leave the key out instead.
            return "The \(path) field is null: send a value, or leave the key out."
        }
        switch self {
        case .text(let nonEmpty):
            guard let text = value.stringValue else { return "The \(path) field must be a string." }
            // Blank counts as empty, as a server that trims its input sees it (docs silent: the stricter reading).
            return nonEmpty && text.allSatisfy(\.isWhitespace) ? "The \(path) field must not be empty." : nil
        case .integer(let range):
            guard case .int(let number) = value else { return "The \(path) field must be an integer." }
            return range.contains(number) ? nil : "The \(path) field is invalid: \(number) is not \(Self.describe(range))."
        case .code(let codes):
            guard case .int(let number) = value else {
                return "The \(path) field must be an integer, one of \(Self.list(codes))."
            }
            return codes.contains(number) ? nil : "The \(path) field is invalid: \(number) is not one of \(Self.list(codes))."
        case .flag:
            return value.boolValue == nil ? "The \(path) field must be true, false, 0 or 1." : nil
        case .id:
            guard case .int(let number) = value, number >= 0 else {
                return "The \(path) field must be an id: a non-negative integer."
            }
            return nil
        case .idOrDigits:
            switch value {
            case .int(let number) where number >= 0: return nil
            case .string(let text) where !text.isEmpty && text.allSatisfy({ $0.isASCII && $0.isNumber }): return nil
            default: return "The \(path) field must be an id: an integer or a string of digits."
            }
        case .clock:
            guard let text = value.stringValue, Self.isClockTime(text) else {
                return "The \(path) field must be a time of day, HH:MM."
            }
            return nil
        case .dateTime:
            guard let text = value.stringValue, DocDate.isDateTime(text) else {
                return "The \(path) field must be a date and time, YYYY-MM-DD HH:MM:SS."
            }
            return nil
        case .dashedDateTime:
            guard let text = value.stringValue, DocDate.isDashedDateTime(text) else {
                return "The \(path) field must be a date and time, YYYY-MM-DD HH:MM:SS."
            }
            return nil
        case .dateMinute:
            guard let text = value.stringValue, DocDate.isDateMinute(text) else {
                return "The \(path) field must be a date and time, YYYY-MM-DD HH:MM."
            }
            return nil
        case .redialTime:
            guard let text = value.stringValue, let seconds = DocDate.secondsOfDay(text) else {
                return "The \(path) field must be a time, HH:MM:SS."
            }
            guard (36_000...39_600).contains(seconds) || (46_800...79_200).contains(seconds) else {
                return "The \(path) field is invalid: \(text) is not within 10:00:00-11:00:00 or 13:00:00-22:00:00."
            }
            return nil
        case .oneOf(let choices):
            guard let text = value.stringValue, choices.contains(text) else {
                return "The \(path) field must be one of \(choices.joined(separator: ", "))."
            }
            return nil
        case .list(let element, let maxCount, let unique):
            guard let entries = value.arrayValue else { return "The \(path) field must be an array." }
            if let maxCount, entries.count > maxCount {
                return "The \(path) field has \(entries.count) entries; at most \(maxCount) are allowed."
            }
            var seen = Set<JSONValue>()
            for (index, entry) in entries.enumerated() {
                if let problem = element.problem(entry, at: "\(path).\(index)", strict: strict) { return problem }
                if unique, !seen.insert(entry).inserted {
                    return "The \(path) field repeats \(entry.serialized())."
                }
            }
            return nil
        case .object(let members):
            guard let object = value.objectValue else { return "The \(path) field must be an object." }
            if strict, let unknown = object.keys.sorted().first(where: { key in !members.contains { $0.key == key } }) {
                return UpdateValidator.unknownKeyMessage("\(path).\(unknown)")
            }
            for member in members {
                guard let memberValue = object[member.key] else {
                    if member.required { return "The \(path).\(member.key) field is required." }
                    continue
                }
                if let problem = member.rule.problem(memberValue, at: "\(path).\(member.key)", strict: strict) { return problem }
            }
            return nil
        case .holiday:
            guard let object = value.objectValue else { return "The \(path) field must be an object." }
            if strict, let unknown = object.keys.sorted().first(where: { !["start", "begin", "end"].contains($0) }) {
                return UpdateValidator.unknownKeyMessage("\(path).\(unknown)")
            }
            // The bounds are written "2024-11-01 13:25" everywhere (001:556-557, 001:609-610).
            for key in ["start", "begin", "end"] {
                if let bound = object[key], !(bound.stringValue.map(DocDate.isDateMinute) ?? false) {
                    return "The \(path).\(key) field must be a date and time, YYYY-MM-DD HH:MM."
                }
            }
            guard object["start"] != nil || object["begin"] != nil else { return "The \(path).start field is required." }
            guard object["end"] != nil else { return "The \(path).end field is required." }
            // Docs silent on a holiday that sends both: they must agree (the stricter reading).
            if let start = object["start"], let begin = object["begin"], start != begin {
                return "The \(path).start and \(path).begin fields differ; send one start."
            }
            return nil
        case .line:
            if let id = value.stringValue {
                return id.isEmpty ? "The \(path) field must not be an empty line id." : nil
            }
            return ValueRule.object([
                Member("id", .text(nonEmpty: true), required: true),
                Member("limit", .integer(1...Int.max), required: true),
            ]).problem(value, at: path, strict: strict)
        case .extrasObject:
            guard let object = value.objectValue else { return "The \(path) field must be an object." }
            if strict, let unknown = object.keys.sorted().first(where: { !UpdateFields.taskExtrasKeys.contains($0) }) {
                return UpdateValidator.unknownKeyMessage("\(path).\(unknown)")
            }
            for field in UpdateFields.taskExtras {
                guard let member = object[field.key] else { continue }
                if let problem = field.rule.problem(member, at: field.path, strict: strict) { return problem }
            }
            return nil
        }
    }

    /// `value` without the members no rule names (how unknown keys are ignored).
    func known(_ value: JSONValue) -> JSONValue {
        switch self {
        case .list(let element, _, _):
            guard let entries = value.arrayValue else { return value }
            return .array(entries.map(element.known))
        case .object(let members):
            guard let object = value.objectValue else { return value }
            var kept: [String: JSONValue] = [:]
            for member in members {
                if let memberValue = object[member.key] { kept[member.key] = member.rule.known(memberValue) }
            }
            return .object(kept)
        case .holiday:
            guard let object = value.objectValue else { return value }
            return .object(object.filter { ["start", "begin", "end"].contains($0.key) })
        case .line:
            guard let object = value.objectValue else { return value }
            return .object(object.filter { ["id", "limit"].contains($0.key) })
        case .extrasObject:
            guard let object = value.objectValue else { return value }
            return .object(object.filter { UpdateFields.taskExtrasKeys.contains($0.key) })
        case .text, .integer, .code, .flag, .id, .idOrDigits, .clock, .dateTime, .dashedDateTime, .dateMinute,
             .redialTime, .oneOf:
            return value
        }
    }

    /// `9:00`, `09:00`, `24:00`: hours 0...24, minutes 00...59.
    static func isClockTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]) else { return false }
        return hours <= 24 && minutes <= 59 && (hours < 24 || minutes == 0)
    }

    private static func list(_ codes: [Int]) -> String {
        codes.map(String.init).joined(separator: ", ")
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        switch (range.lowerBound, range.upperBound) {
        case (Int.min, Int.max): return "an integer"
        case (let low, Int.max): return "at least \(low)"
        default: return "between \(range.lowerBound) and \(range.upperBound)"
        }
    }
}
