/// The redial `da_status` codes the update call takes and the English strings the GET calls give back,
/// read from the two seed pages (../shared/seeds/), not from calltask's models.
///
/// - Seed 001 writes codes (line 526, in the new 2.0 body: `2=运营商拦截 3=拒接 4=无应答、无人接听 5=空号
///   6=关机 7=停机 8=占线、用户在忙 9=呼入限制 10=欠费 11=黑名单 12=用户屏蔽`; its table, lines 581-585,
///   repeats them without 11).
/// - Seed 000 reads strings back (line 459, the field table's `new_task_extra.da_status` row), each
///   group of strings filed under one of the same Chinese labels: `failed:运营商拦截、not convenient|redial
///   later:拒接、…、not in service|…|busy:呼损`.
///
/// So a code reads back as every string filed under its label. Codes 11 (黑名单) and 12 (用户屏蔽) have
/// no label in seed 000: they are accepted and vanish on read-back. The strings filed under 呼损 (call
/// loss) have no code in seed 001: no update can write them, though a task may hold them (seed 000's
/// example, lines 325-345, lists all nineteen).
enum DaStatusTable {
    /// The codes an update may send: 2…12 (seed 001 line 526).
    static let codes: ClosedRange<Int> = 2...12

    /// Code → the strings it reads back as, in seed 000's order (line 459), matched by label with seed
    /// 001 line 526.
    static let strings: [Int: [String]] = [
        2: ["failed"],                                                   // 运营商拦截
        3: ["not convenient", "redial later"],                           // 拒接
        4: ["is not reachable", "cannot be connected", "not answer"],    // 无应答 (001: 无应答、无人接听)
        5: ["does not exist"],                                           // 空号
        6: ["power off"],                                                // 关机
        7: ["out of service"],                                           // 停机
        8: ["hold on", "busy now", "call reminder"],                     // 占线|用户正忙 (001: 占线、用户在忙)
        9: ["barring of incoming"],                                      // 呼入限制
        10: ["defaulting"],                                              // 欠费
        // 11 黑名单 and 12 用户屏蔽: no strings in seed 000 (write-only).
    ]

    /// Seed 000's 呼损 (call loss) strings (line 459): read back, written by no code. Note `busy` is
    /// here, not under code 8.
    static let callLoss: [String] = [
        "not in service", "not a local number", "forwarded", "line is busy", "number change", "line fault",
        "bus_close", "busy",
    ]

    /// The strings `codes` read back as: codes in ascending order, each once, each code's strings in
    /// seed 000's order. Docs silent on the order the platform returns: this is a fixed, reproducible one.
    static func strings(for codes: [Int]) -> [String] {
        Set(codes).sorted().flatMap { strings[$0] ?? [] }
    }

    /// The read-back shape of an update's `redial_conditions: {"da_status": [codes]}`: seed 000 (lines
    /// 323-346) gives a list of conditions, each `{"hangup_cause": null, "da_status": [strings]}`. When
    /// no code has a string (none sent, or only 11 and 12) the list is empty: docs silent, and an empty
    /// condition object would claim a condition that cannot be read.
    static func readBack(codes: [Int]) -> JSONValue {
        let strings = strings(for: codes)
        guard !strings.isEmpty else { return [] }
        return [["hangup_cause": nil, "da_status": .array(strings.map(JSONValue.string))]]
    }

    /// Brings a seed file's `redial_conditions` into the read-back shape: an object `{da_status}` (seed
    /// 001's write shape) becomes a one-element list, and integer codes become their strings. Strings and
    /// anything else are kept as given.
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object:
            return normalized(.array([value]))
        case .array(let conditions):
            return .array(conditions.map { condition in
                guard var members = condition.objectValue else { return condition }
                if members["hangup_cause"] == nil { members["hangup_cause"] = .null }
                if let statuses = members["da_status"]?.arrayValue {
                    members["da_status"] = .array(statuses.flatMap { status -> [JSONValue] in
                        if case .int(let code) = status, codes.contains(code) {
                            return strings(for: [code]).map(JSONValue.string)
                        }
                        return [status]
                    })
                }
                return .object(members)
            })
        default:
            return value
        }
    }
}
