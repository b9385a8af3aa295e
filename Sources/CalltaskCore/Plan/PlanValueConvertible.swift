import CalltaskModels

/// A value that a plan shows as a `PlanValue`, built directly rather than through a JSON round trip.
///
/// Each conformance must give exactly what `PlanValue(encoding:)` gives for the same value (the model's
/// `Encodable` form, as JSON would read back): `PlanValueTests` checks this for every field type.
protocol PlanValueConvertible {
    var planValue: PlanValue { get }
}

extension String: PlanValueConvertible {
    var planValue: PlanValue { .string(self) }
}

extension Int: PlanValueConvertible {
    var planValue: PlanValue { .int(self) }
}

extension Bool: PlanValueConvertible {
    var planValue: PlanValue { .bool(self) }
}

extension Array: PlanValueConvertible where Element: PlanValueConvertible {
    var planValue: PlanValue { .list(map(\.planValue)) }
}

extension LenientInt: PlanValueConvertible {
    /// A number, or the text as sent when it is not one (as it is encoded).
    var planValue: PlanValue { text.map(PlanValue.string) ?? .int(value) }
}

extension LenientBool: PlanValueConvertible {
    var planValue: PlanValue { .bool(value) }
}

extension Flag: PlanValueConvertible {
    /// The update call's 0/1.
    var planValue: PlanValue { .int(value ? 1 : 0) }
}

extension ClockTime: PlanValueConvertible {
    var planValue: PlanValue { .string(description) }
}

extension CodedValue {
    /// The code, as it is encoded.
    var planValue: PlanValue { .int(rawValue) }
}

extension PopMode: PlanValueConvertible {}
extension GroupSwitchMode: PlanValueConvertible {}
extension VariableMatchMode: PlanValueConvertible {}
extension MultiDialMode: PlanValueConvertible {}
extension EndAction: PlanValueConvertible {}
extension TaskType: PlanValueConvertible {}
extension RedialStatus: PlanValueConvertible {}

extension TaskLine: PlanValueConvertible {
    /// A bare id without a limit, `{id, limit}` with one.
    var planValue: PlanValue {
        guard let limit else { return .string(id) }
        return .object(["id": .string(id), "limit": .int(limit)])
    }
}

extension Holiday: PlanValueConvertible {
    /// Both spellings of the start, as the update body carries them.
    var planValue: PlanValue {
        .object(["start": .string(start), "begin": .string(start), "end": .string(end)])
    }
}

extension WorkHour: PlanValueConvertible {
    var planValue: PlanValue {
        .object(["wday": wday.planValue, "begin": begin.planValue, "end": end.planValue])
    }
}

extension TimedScript: PlanValueConvertible {
    var planValue: PlanValue {
        .object(["begin": begin.planValue, "end": end.planValue, "destination_extension": destinationExtension.planValue])
    }
}

extension VariableScript: PlanValueConvertible {
    var planValue: PlanValue {
        .object(["mode": mode.planValue, "values": values.planValue,
                 "destination_extension": destinationExtension.planValue, "sort": .int(sort)])
    }
}

extension MultiScriptEntry: PlanValueConvertible {
    var planValue: PlanValue {
        .object(["destination_extension": destinationExtension.planValue, "sort": .int(sort)])
    }
}

extension MultiScriptConfig: PlanValueConvertible {
    var planValue: PlanValue {
        .object(["dial_mode": dialMode.planValue, "list": list.planValue])
    }
}

extension GroupSwitchRule: PlanValueConvertible {
    var planValue: PlanValue {
        .object(["switch_start": switchStart.planValue, "switch_end": switchEnd.planValue,
                 "group_id": groupId.planValue, "default_group_id": defaultGroupId.planValue])
    }
}

extension NewCallRule: PlanValueConvertible {
    var planValue: PlanValue {
        .object(["re_call_time": .string(reCallTime), "call_interval": .int(callInterval), "rule_id": ruleId.planValue])
    }
}

extension RedialConditions: PlanValueConvertible {
    var planValue: PlanValue { .object(["da_status": daStatus.planValue]) }
}
