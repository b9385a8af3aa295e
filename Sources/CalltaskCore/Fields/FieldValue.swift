import CalltaskModels
import CalltaskYAML

/// The value of a task field: how a plan shows it and how `export` writes it.
///
/// One protocol for both, so that a value type added for a new field says in one place what it looks
/// like to a reviewer and in a spec file:
///
/// - `planValue` must be exactly what `PlanValue(encoding:)` gives for the same value (the model's
///   `Encodable` form, as the update body sends it): `PlanValueTests` checks this for every row.
///   Fingerprints hash this form too, so it must not change without a reason.
/// - `yaml(at:warnings:)` is the spec form `export` writes: coded values by name, ids as numbers,
///   times as `HH:MM` (docs/fields.md A17). It must read back as the same value (`SpecExporter.check`
///   loads and diffs every exported file).
protocol FieldValue: Hashable, Sendable {
    /// The value as the update body encodes it: what fingerprints and digests hash.
    var planValue: PlanValue { get }
    /// The value as a plan shows it to a reviewer, as a spec writes it: coded values by name
    /// (`sequential`, not `1`), flags as booleans, a holiday's start once. Defaults to `planValue`.
    var shownValue: PlanValue { get }
    /// The value as a spec file holds it.
    ///
    /// - Parameters:
    ///   - path: where the value sits (`task_extras.work_hour[0].wday`), for warnings.
    ///   - warnings: where to say that a live value is written in a form a spec should not have.
    func yaml(at path: String, warnings: inout [String]) -> EmitNode
    /// Whether the YAML form is one scalar: a list of such values is written on one line (`[1, 2]`).
    static var isYAMLScalar: Bool { get }
}

extension FieldValue {
    static var isYAMLScalar: Bool { false }
    var shownValue: PlanValue { planValue }
}

/// A one-line YAML mapping (`{begin: "09:00", end: "12:00"}`), keys in the given order.
private func flow(_ entries: [(String, EmitNode)]) -> EmitNode {
    .mapping(entries.map { EmitEntry($0.0, $0.1) }, flow: true)
}

// MARK: - Scalars

extension String: FieldValue {
    var planValue: PlanValue { .string(self) }
    func yaml(at path: String, warnings: inout [String]) -> EmitNode { .string(self) }
    static var isYAMLScalar: Bool { true }
}

extension Int: FieldValue {
    var planValue: PlanValue { .int(self) }
    func yaml(at path: String, warnings: inout [String]) -> EmitNode { .int(self) }
    static var isYAMLScalar: Bool { true }
}

extension Bool: FieldValue {
    var planValue: PlanValue { .bool(self) }
    func yaml(at path: String, warnings: inout [String]) -> EmitNode { .bool(self) }
    static var isYAMLScalar: Bool { true }
}

extension LenientInt: FieldValue {
    /// A number, or the text as sent when it is not one (as it is encoded).
    var planValue: PlanValue { text.map(PlanValue.string) ?? .int(value) }

    /// A number; text the platform returned where an id belongs (seed 000's `"XXXXX"`) is written as
    /// text, with a warning (a spec cannot hold it: `NumericIDRule`).
    func yaml(at path: String, warnings: inout [String]) -> EmitNode {
        if let text {
            warnings.append("\(path): the platform returned the text '\(text)' where an id (a number) belongs; exported as text")
            return .string(text)
        }
        return .int(value)
    }

    static var isYAMLScalar: Bool { true }
}

extension LenientBool: FieldValue {
    var planValue: PlanValue { .bool(value) }
    func yaml(at path: String, warnings: inout [String]) -> EmitNode { .bool(value) }
    static var isYAMLScalar: Bool { true }
}

extension Flag: FieldValue {
    /// The update call's 0/1.
    var planValue: PlanValue { .int(value ? 1 : 0) }
    /// A boolean, as a spec writes it.
    var shownValue: PlanValue { .bool(value) }
    /// A spec writes a boolean (it may also write 0/1).
    func yaml(at path: String, warnings: inout [String]) -> EmitNode { .bool(value) }
    static var isYAMLScalar: Bool { true }
}

extension ClockTime: FieldValue {
    var planValue: PlanValue { .string(description) }
    func yaml(at path: String, warnings: inout [String]) -> EmitNode { .string(description) }
    static var isYAMLScalar: Bool { true }
}

/// Coded values (`pop_mode`, `task_type`, `da_status`, …): the code in a plan, the name in a spec.
extension FieldValue where Self: CodedValue {
    /// The code, as it is encoded.
    var planValue: PlanValue { .int(rawValue) }
    /// The name (`sequential`), as a spec writes it.
    var shownValue: PlanValue { .string(name) }
    /// The name (`sequential`), which a spec may write instead of the code.
    func yaml(at path: String, warnings: inout [String]) -> EmitNode { .string(name) }
    static var isYAMLScalar: Bool { true }
}

extension PopMode: FieldValue {}
extension GroupSwitchMode: FieldValue {}
extension VariableMatchMode: FieldValue {}
extension MultiDialMode: FieldValue {}
extension EndAction: FieldValue {}
extension TaskType: FieldValue {}
extension RedialStatus: FieldValue {}

// MARK: - Lists and objects

extension Array: FieldValue where Element: FieldValue {
    var planValue: PlanValue { .list(map(\.planValue)) }
    var shownValue: PlanValue { .list(map(\.shownValue)) }

    /// A list of scalars on one line, a list of objects one per line.
    func yaml(at path: String, warnings: inout [String]) -> EmitNode {
        var nodes: [EmitNode] = []
        nodes.reserveCapacity(count)
        for (index, element) in enumerated() {
            nodes.append(element.yaml(at: "\(path)[\(index)]", warnings: &warnings))
        }
        return .sequence(nodes, flow: Element.isYAMLScalar)
    }
}

extension TaskLine: FieldValue {
    /// A bare id without a limit, `{id, limit}` with one.
    var planValue: PlanValue {
        guard let limit else { return .string(id) }
        return .object(["id": .string(id), "limit": .int(limit)])
    }

    func yaml(at path: String, warnings: inout [String]) -> EmitNode {
        guard let limit else { return .string(id) }
        return flow([("id", .string(id)), ("limit", .int(limit))])
    }
}

extension Holiday: FieldValue {
    /// Both spellings of the start, as the update body carries them (A3).
    var planValue: PlanValue {
        .object(["start": .string(start), "begin": .string(start), "end": .string(end)])
    }

    /// The start once (`start`), as a spec writes it: the body's second spelling is not shown.
    var shownValue: PlanValue { .object(["start": .string(start), "end": .string(end)]) }

    /// `start` only: a spec may write `start` or `begin`, not both.
    func yaml(at path: String, warnings: inout [String]) -> EmitNode {
        flow([("start", .string(start)), ("end", .string(end))])
    }
}

extension WorkHour: FieldValue {
    var planValue: PlanValue {
        .object(["wday": wday.planValue, "begin": begin.planValue, "end": end.planValue])
    }

    func yaml(at path: String, warnings: inout [String]) -> EmitNode {
        flow([("wday", wday.yaml(at: path + ".wday", warnings: &warnings)),
              ("begin", begin.yaml(at: path, warnings: &warnings)), ("end", end.yaml(at: path, warnings: &warnings))])
    }
}

extension TimedScript: FieldValue {
    var planValue: PlanValue {
        .object(["begin": begin.planValue, "end": end.planValue, "destination_extension": destinationExtension.planValue])
    }

    func yaml(at path: String, warnings: inout [String]) -> EmitNode {
        flow([("begin", begin.yaml(at: path, warnings: &warnings)), ("end", end.yaml(at: path, warnings: &warnings)),
              ("destination_extension", destinationExtension.yaml(at: path + ".destination_extension", warnings: &warnings))])
    }
}

extension VariableScript: FieldValue {
    var planValue: PlanValue {
        .object(["mode": mode.planValue, "values": values.planValue,
                 "destination_extension": destinationExtension.planValue, "sort": .int(sort)])
    }

    var shownValue: PlanValue {
        .object(["mode": mode.shownValue, "values": values.shownValue,
                 "destination_extension": destinationExtension.shownValue, "sort": .int(sort)])
    }

    /// One block mapping per rule (its `values` list makes a flow mapping too long to read).
    func yaml(at path: String, warnings: inout [String]) -> EmitNode {
        .mapping([
            EmitEntry("mode", mode.yaml(at: path + ".mode", warnings: &warnings)),
            EmitEntry("values", values.yaml(at: path + ".values", warnings: &warnings)),
            EmitEntry("destination_extension", destinationExtension.yaml(at: path + ".destination_extension", warnings: &warnings)),
            EmitEntry("sort", .int(sort)),
        ])
    }
}

extension MultiScriptEntry: FieldValue {
    var planValue: PlanValue {
        .object(["destination_extension": destinationExtension.planValue, "sort": .int(sort)])
    }

    func yaml(at path: String, warnings: inout [String]) -> EmitNode {
        flow([("destination_extension", destinationExtension.yaml(at: path + ".destination_extension", warnings: &warnings)),
              ("sort", .int(sort))])
    }
}

extension MultiScriptConfig: FieldValue {
    var planValue: PlanValue {
        .object(["dial_mode": dialMode.planValue, "list": list.planValue])
    }

    var shownValue: PlanValue { .object(["dial_mode": dialMode.shownValue, "list": list.shownValue]) }

    func yaml(at path: String, warnings: inout [String]) -> EmitNode {
        .mapping([
            EmitEntry("dial_mode", dialMode.yaml(at: path + ".dial_mode", warnings: &warnings)),
            EmitEntry("list", list.yaml(at: path + ".list", warnings: &warnings)),
        ])
    }
}

extension GroupSwitchRule: FieldValue {
    var planValue: PlanValue {
        .object(["switch_start": switchStart.planValue, "switch_end": switchEnd.planValue,
                 "group_id": groupId.planValue, "default_group_id": defaultGroupId.planValue])
    }

    func yaml(at path: String, warnings: inout [String]) -> EmitNode {
        flow([("switch_start", switchStart.yaml(at: path, warnings: &warnings)),
              ("switch_end", switchEnd.yaml(at: path, warnings: &warnings)),
              ("group_id", groupId.yaml(at: path + ".group_id", warnings: &warnings)),
              ("default_group_id", defaultGroupId.yaml(at: path + ".default_group_id", warnings: &warnings))])
    }
}

extension NewCallRule: FieldValue {
    var planValue: PlanValue {
        .object(["re_call_time": .string(reCallTime), "call_interval": .int(callInterval), "rule_id": ruleId.planValue])
    }

    func yaml(at path: String, warnings: inout [String]) -> EmitNode {
        flow([("re_call_time", .string(reCallTime)), ("call_interval", .int(callInterval)),
              ("rule_id", ruleId.yaml(at: path + ".rule_id", warnings: &warnings))])
    }
}

extension RedialConditions: FieldValue {
    var planValue: PlanValue { .object(["da_status": daStatus.planValue]) }
    var shownValue: PlanValue { .object(["da_status": daStatus.shownValue]) }

    /// Codes by name on one line: `{da_status: [no_answer, busy]}` as a block mapping.
    func yaml(at path: String, warnings: inout [String]) -> EmitNode {
        .mapping([EmitEntry("da_status", daStatus.yaml(at: path + ".da_status", warnings: &warnings))])
    }
}
