public import CalltaskModels
import Foundation

/// The settable fields of `TaskConfig` as data (docs/fields.md in code): path, how to read and write
/// it, how it compares, and whether the task list returns it (else only the detail call does).
///
/// Diff, overlay (the update body), fingerprints and detail-read decisions all walk this one table.
public struct FieldTable {
    /// How a field compares.
    public enum Comparison: Sendable {
        /// Equal values (after `Canonical`), shown old → new.
        case value
        /// A set: shown as added and removed elements.
        case set
        /// Redial `da_status` codes against their read-back strings: write-only codes (11, 12) are
        /// not compared and strings with no code are shown verbatim (`Differ.redialChange`).
        case redialStatuses
    }

    /// One field, type-erased.
    public struct Field: Sendable {
        public let path: String
        public let comparison: Comparison
        /// False when only the detail call returns it (../api/facts.md §2.6, docs/fields.md).
        public let inList: Bool
        /// Required in the update body (seed 001 / facts §2.3).
        public let requiredInBody: Bool
        let isSet: @Sendable (TaskConfig) -> Bool
        let equal: @Sendable (TaskConfig, TaskConfig) -> Bool
        let copy: @Sendable (inout TaskConfig, TaskConfig) -> Void
        let clear: @Sendable (inout TaskConfig) -> Void
        let value: @Sendable (TaskConfig) -> PlanValue?
        let elements: @Sendable (TaskConfig) -> [PlanValue]?
    }

    /// A `task_extras` field, for merging the two GET copies.
    struct ExtrasField: Sendable {
        let path: String
        let read: @Sendable (TaskExtras) -> AnyHashableSendable?
        let fillIfMissing: @Sendable (inout TaskExtras, TaskExtras) -> Void
        func fill(_ target: inout TaskExtras, from source: TaskExtras) { fillIfMissing(&target, source) }
    }

    static func top<V: Hashable & Sendable & Encodable>(
        _ key: TaskConfig.CodingKeys, _ keyPath: WritableKeyPath<TaskConfig, V?>,
        inList: Bool = true, required: Bool = false
    ) -> Field {
        nonisolated(unsafe) let keyPath = keyPath  // key paths are immutable values
        return make(key.rawValue, .value, inList: inList, required: required,
                    get: { $0[keyPath: keyPath] }, set: { $0[keyPath: keyPath] = $1 })
    }

    static func extra<V: Hashable & Sendable & Encodable>(
        _ key: TaskExtras.CodingKeys, _ keyPath: WritableKeyPath<TaskExtras, V?>,
        _ comparison: Comparison = .value, inList: Bool = true, required: Bool = false
    ) -> Field {
        nonisolated(unsafe) let keyPath = keyPath
        return make("task_extras." + key.rawValue, comparison, inList: inList, required: required,
                    get: { $0.taskExtras?[keyPath: keyPath] },
                    set: { config, value in
                        if config.taskExtras == nil {
                            guard value != nil else { return }
                            config.taskExtras = TaskExtras()
                        }
                        config.taskExtras?[keyPath: keyPath] = value
                    })
    }

    static func make<V: Hashable & Sendable & Encodable>(
        _ path: String, _ comparison: Comparison, inList: Bool, required: Bool,
        get: @escaping @Sendable (TaskConfig) -> V?, set: @escaping @Sendable (inout TaskConfig, V?) -> Void
    ) -> Field {
        Field(
            path: path, comparison: comparison, inList: inList, requiredInBody: required,
            isSet: { get($0) != nil },
            equal: { get($0) == get($1) },
            copy: { target, source in
                if let value = get(source) { set(&target, value) }
            },
            clear: { set(&$0, nil) },
            value: { config in get(config).map(PlanValue.init(encoding:)) },
            elements: { config in
                guard let value = get(config), case .list(let items) = PlanValue(encoding: value) else { return nil }
                return items
            })
    }

    static func extrasField<V: Hashable & Sendable>(_ key: TaskExtras.CodingKeys, _ keyPath: WritableKeyPath<TaskExtras, V?>) -> ExtrasField {
        nonisolated(unsafe) let keyPath = keyPath
        return ExtrasField(
            path: "task_extras." + key.rawValue,
            read: { $0[keyPath: keyPath].map { AnyHashableSendable($0) } },
            fillIfMissing: { target, source in
                if target[keyPath: keyPath] == nil { target[keyPath: keyPath] = source[keyPath: keyPath] }
            })
    }

    /// The path a redial-status change is shown under (the codes are the part that is compared).
    public static let redialStatusPath = "task_extras.redial_conditions.da_status"

    /// Every settable field, top level first, in the update body's order.
    public static let fields: [Field] = [
        top(.name, \.name, required: true),
        top(.remark, \.remark),
        top(.taskType, \.taskType),
        top(.groupType, \.groupType),
        top(.destinationExtension, \.destinationExtension, required: true),
        top(.isGroupSwitch, \.isGroupSwitch),
        top(.groupSwitchRule, \.groupSwitchRule, inList: false),
        top(.maximumcall, \.maximumcall, required: true),
        top(.dialTimeId, \.dialTimeId, required: true),
        top(.backgroundId, \.backgroundId),
        top(.bridgeGroupId, \.bridgeGroupId),
        top(.autoRecycleRuleId, \.autoRecycleRuleId),
        top(.llmIntentionId, \.llmIntentionId),
        top(.scoreSchemeId, \.scoreSchemeId),
        top(.elasticityType, \.elasticityType, inList: false),
        top(.endAction, \.endAction),
        top(.newCallRules, \.newCallRules, inList: false),
        extra(.startTime, \.startTime, required: true),
        extra(.stopTime, \.stopTime, required: true),
        extra(.line, \.line, .set, required: true),
        extra(.holiday, \.holiday, inList: false, required: true),
        extra(.intervalTime, \.intervalTime, inList: false),
        extra(.workWeek, \.workWeek, .set),
        extra(.workHour, \.workHour, .set),
        extra(.destinationExtensionList, \.destinationExtensionList),
        extra(.destinationExtensionWithVariableList, \.destinationExtensionWithVariableList, inList: false),
        extra(.destinationExtensionMultiConfig, \.destinationExtensionMultiConfig, inList: false),
        extra(.popMode, \.popMode),
        extra(.redialEnabled, \.redialEnabled),
        extra(.redialNewNumberPolicy, \.redialNewNumberPolicy),
        extra(.redialInterval, \.redialInterval),
        extra(.redialMaxTimes, \.redialMaxTimes),
        extra(.redialConditions, \.redialConditions, .redialStatuses),
    ]

    static let extrasFields: [ExtrasField] = [
        extrasField(.startTime, \.startTime), extrasField(.stopTime, \.stopTime), extrasField(.line, \.line),
        extrasField(.holiday, \.holiday), extrasField(.intervalTime, \.intervalTime), extrasField(.workWeek, \.workWeek),
        extrasField(.workHour, \.workHour), extrasField(.destinationExtensionList, \.destinationExtensionList),
        extrasField(.destinationExtensionWithVariableList, \.destinationExtensionWithVariableList),
        extrasField(.destinationExtensionMultiConfig, \.destinationExtensionMultiConfig),
        extrasField(.popMode, \.popMode), extrasField(.redialEnabled, \.redialEnabled),
        extrasField(.redialNewNumberPolicy, \.redialNewNumberPolicy), extrasField(.redialInterval, \.redialInterval),
        extrasField(.redialMaxTimes, \.redialMaxTimes), extrasField(.redialConditions, \.redialConditions),
    ]

    /// The configuration restricted to the fields the task list returns (for fingerprints that a list
    /// and a detail read of the same task agree on).
    public static func listVisible(_ config: TaskConfig) -> TaskConfig {
        var out = config
        for field in fields where !field.inList { field.clear(&out) }
        return out
    }
}

/// A type-erased hashable value that is `Sendable`.
struct AnyHashableSendable: Hashable, @unchecked Sendable {
    let base: AnyHashable
    init<T: Hashable & Sendable>(_ value: T) { base = AnyHashable(value) }
}

