import CalltaskModels

/// How the platform reads back the redial conditions it was given (facts §4).
///
/// Seed 001 writes `redial_conditions` as `{"da_status": [codes]}`; seed 000 reads it back as
/// `[{"hangup_cause": null, "da_status": [strings]}]`, where each code stands for all of its English
/// strings in `RedialStatusTable.strings`. Codes 11 and 12 have no string and vanish: write-only.
enum RedialReadBack {
    /// The strings the codes read back as, in code order, each code's strings in table order.
    static func strings(for codes: [RedialStatus]) -> [String] {
        var seen = Set<RedialStatus>()
        var strings: [String] = []
        for code in codes.sorted() where seen.insert(code).inserted {
            strings += RedialStatusTable.strings[code] ?? []
        }
        return strings
    }

    /// The read-back shape: one condition object holding the strings, or `[]` when no code has a string
    /// (no codes, or only the write-only 11 and 12).
    static func value(for codes: [RedialStatus]) -> JSONValue {
        let strings = strings(for: codes)
        guard !strings.isEmpty else { return [] }
        return [["hangup_cause": nil, "da_status": .array(strings.map(JSONValue.string))]]
    }

    /// Brings a seed's `redial_conditions` into the read-back shape: an object `{da_status}` becomes a
    /// one-element list, and integer codes become their strings. Anything else is kept as it is.
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object:
            return normalized(.array([value]))
        case .array(let conditions):
            return .array(conditions.map { condition in
                guard var members = condition.objectValue else { return condition }
                if members["hangup_cause"] == nil { members["hangup_cause"] = .null }
                if let statuses = members["da_status"]?.arrayValue {
                    var strings: [JSONValue] = []
                    for status in statuses {
                        if case .int(let code) = status, let redial = RedialStatus(rawValue: code) {
                            strings += self.strings(for: [redial]).map(JSONValue.string)
                        } else {
                            strings.append(status)
                        }
                    }
                    members["da_status"] = .array(strings)
                }
                return .object(members)
            })
        default:
            return value
        }
    }
}
