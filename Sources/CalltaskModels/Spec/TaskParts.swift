/// A line a task dials through: an id (old 2.0, `task_type` 6) or an id with a per-line concurrency
/// `limit` (new 2.0, `task_type` 7).
///
/// GET answers give either shape (seed 000: `["xxxx"]` or `[{"id": "XXXX", "limit": 2}]`); both decode
/// here. Encoded as a bare id when there is no limit, as `{id, limit}` otherwise.
public struct TaskLine: Hashable, Sendable, Codable {
    public var id: String
    public var limit: Int?

    public init(id: String, limit: Int? = nil) {
        self.id = id
        self.limit = limit
    }

    private enum CodingKeys: String, CodingKey { case id, limit }

    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: CodingKeys.self) {
            id = try container.decode(LenientString.self, forKey: .id).value
            // The platform's JSON may send the limit as text; a spec (`SpecInput`) writes a number.
            limit = decoder.isSpecInput
                ? try container.decodeIfPresent(Int.self, forKey: .limit)
                : try container.decodeIfPresent(LenientInt.self, forKey: .limit)?.value
            return
        }
        let single = try decoder.singleValueContainer()
        id = try single.decode(LenientString.self).value
        limit = nil
    }

    public func encode(to encoder: any Encoder) throws {
        if let limit {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(limit, forKey: .limit)
        } else {
            var container = encoder.singleValueContainer()
            try container.encode(id)
        }
    }
}

/// Text the platform may send as a string or a number (ids read back as either).
public struct LenientString: Hashable, Sendable, Codable, CustomStringConvertible {
    public var value: String
    public init(_ value: String) { self.value = value }
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = text
        } else if let int = try? container.decode(Int.self) {
            value = String(int)
        } else {
            throw DecodingError.typeMismatch(String.self, .init(codingPath: decoder.codingPath, debugDescription: "expected text or a number"))
        }
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
    public var description: String { value }
}

/// A period the task does not dial (`task_extras.holiday`).
///
/// Seed 001's field table and GET answers name the bounds `start`/`end`; its old 2.0 example body
/// writes `begin`/`end`. Both decode. The update body carries both `start` and `begin` so that either
/// reading of the docs finds its key (docs/fields.md, assumption A3).
public struct Holiday: Hashable, Sendable, Codable {
    public var start: String
    public var end: String

    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }

    private enum CodingKeys: String, CodingKey { case start, begin, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let hasStart = container.contains(.start)
        let hasBegin = container.contains(.begin)
        if hasStart {
            start = try container.decode(String.self, forKey: .start)
        } else if hasBegin {
            start = try container.decode(String.self, forKey: .begin)
        } else {
            throw DecodingError.keyNotFound(CodingKeys.start, .init(codingPath: decoder.codingPath, debugDescription: "missing key 'start'"))
        }
        end = try container.decode(String.self, forKey: .end)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(start, forKey: .begin)
        try container.encode(end, forKey: .end)
    }
}

/// A dialling window on one weekday (`work_hour`). `wday` is 0..6 (0 = Sunday); the dialer's copy may
/// carry `"-1"` as a string (../api/facts.md §2.6), hence the lenient type.
public struct WorkHour: Hashable, Sendable, Codable {
    public var wday: LenientInt
    public var begin: ClockTime
    public var end: ClockTime

    public init(wday: Int, begin: ClockTime, end: ClockTime) {
        self.wday = LenientInt(wday)
        self.begin = begin
        self.end = end
    }

    private enum CodingKeys: String, CodingKey { case wday, begin, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if decoder.isSpecInput {
            // A spec writes the weekday as a number: a quoted one is text, refused here. Other text
            // (`mon`) is kept, for the weekday rule to name.
            do {
                wday = LenientInt(try container.decode(Int.self, forKey: .wday))
            } catch {
                guard let text = try? container.decode(LenientInt.self, forKey: .wday), !text.isNumber else { throw error }
                wday = text
            }
        } else {
            wday = try container.decode(LenientInt.self, forKey: .wday)
        }
        begin = try container.decode(ClockTime.self, forKey: .begin)
        end = try container.decode(ClockTime.self, forKey: .end)
    }
}

/// A time-sliced script (`destination_extension_list`): between `begin` and `end` use this script group.
public struct TimedScript: Hashable, Sendable, Codable {
    public var begin: ClockTime
    public var end: ClockTime
    public var destinationExtension: LenientInt

    public init(begin: ClockTime, end: ClockTime, destinationExtension: Int) {
        self.begin = begin
        self.end = end
        self.destinationExtension = LenientInt(destinationExtension)
    }

    private enum CodingKeys: String, CodingKey {
        case begin, end
        case destinationExtension = "destination_extension"
    }
}

/// A variable-based script rule (`destination_extension_with_variable_list`).
public struct VariableScript: Hashable, Sendable, Codable {
    public var mode: VariableMatchMode
    public var values: [String]
    public var destinationExtension: LenientInt
    public var sort: Int

    public init(mode: VariableMatchMode, values: [String], destinationExtension: Int, sort: Int) {
        self.mode = mode
        self.values = values
        self.destinationExtension = LenientInt(destinationExtension)
        self.sort = sort
    }

    private enum CodingKeys: String, CodingKey {
        case mode, values, sort
        case destinationExtension = "destination_extension"
    }
}

/// One script group of a multi-config (`destination_extension_multi_config.list`).
public struct MultiScriptEntry: Hashable, Sendable, Codable {
    public var destinationExtension: LenientInt
    public var sort: Int

    public init(destinationExtension: Int, sort: Int) {
        self.destinationExtension = LenientInt(destinationExtension)
        self.sort = sort
    }

    private enum CodingKeys: String, CodingKey {
        case sort
        case destinationExtension = "destination_extension"
    }
}

/// Several script groups dialled in turn or at random (`destination_extension_multi_config`).
public struct MultiScriptConfig: Hashable, Sendable, Codable {
    public var dialMode: MultiDialMode
    public var list: [MultiScriptEntry]

    public init(dialMode: MultiDialMode, list: [MultiScriptEntry]) {
        self.dialMode = dialMode
        self.list = list
    }

    private enum CodingKeys: String, CodingKey {
        case list
        case dialMode = "dial_mode"
    }
}

/// An old 2.0 time-sliced script rule (`group_switch_rule`).
public struct GroupSwitchRule: Hashable, Sendable, Codable {
    public var switchStart: ClockTime
    public var switchEnd: ClockTime
    public var groupId: LenientInt
    public var defaultGroupId: LenientInt

    public init(switchStart: ClockTime, switchEnd: ClockTime, groupId: Int, defaultGroupId: Int) {
        self.switchStart = switchStart
        self.switchEnd = switchEnd
        self.groupId = LenientInt(groupId)
        self.defaultGroupId = LenientInt(defaultGroupId)
    }

    private enum CodingKeys: String, CodingKey {
        case switchStart = "switch_start"
        case switchEnd = "switch_end"
        case groupId = "group_id"
        case defaultGroupId = "default_group_id"
    }
}

/// An old 2.0 redial rule (`new_call_rules`).
public struct NewCallRule: Hashable, Sendable, Codable {
    /// When the redial runs, `HH:MM:SS`.
    public var reCallTime: String
    /// Minutes between calls.
    public var callInterval: Int
    public var ruleId: LenientInt

    public init(reCallTime: String, callInterval: Int, ruleId: Int) {
        self.reCallTime = reCallTime
        self.callInterval = callInterval
        self.ruleId = LenientInt(ruleId)
    }

    private enum CodingKeys: String, CodingKey {
        case reCallTime = "re_call_time"
        case callInterval = "call_interval"
        case ruleId = "rule_id"
    }
}

/// Redial conditions as the update call takes them: `{"da_status": [2, 3, 4]}` (seed 001).
public struct RedialConditions: Hashable, Sendable, Codable {
    public var daStatus: [RedialStatus]

    public init(daStatus: [RedialStatus]) { self.daStatus = daStatus }

    private enum CodingKeys: String, CodingKey { case daStatus = "da_status" }
}
