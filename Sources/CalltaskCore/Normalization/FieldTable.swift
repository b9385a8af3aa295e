public import CalltaskModels

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
    ///
    /// The accessors read the one field in place: they never copy `task_extras` whole, and build a
    /// `PlanValue` only when asked to (the differ asks only for fields that differ). A `Field` holds
    /// several closures, so hot loops walk the table by index (`fields[index].isSet(…)`) rather than
    /// copying each field out of it.
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
        /// The value as a plan shows it (nil when unset); fingerprints hash this form too.
        let value: @Sendable (TaskConfig) -> PlanValue?
    }

    /// A `task_extras` field, for merging the two GET copies.
    struct ExtrasField: Sendable {
        let path: String
        /// Both copies carry the field and their values differ.
        let disagree: @Sendable (TaskExtras, TaskExtras) -> Bool
        /// Sets the field of the target to the source's when the target does not carry it.
        let fill: @Sendable (inout TaskExtras, TaskExtras) -> Void
    }

    /// What a field's value must be able to do: compare, and show itself in a plan and a spec.
    typealias Value = FieldValue

    static func top<V: Value>(
        _ key: TaskConfig.CodingKeys, inList: Bool = true, required: Bool = false,
        _ get: @escaping @Sendable (TaskConfig) -> V?, _ set: @escaping @Sendable (inout TaskConfig, V?) -> Void
    ) -> Field {
        make(key.rawValue, .value, inList: inList, required: required, get: get, set: set)
    }

    static func extra<V: Value>(
        _ key: TaskExtras.CodingKeys, comparing comparison: Comparison = .value, inList: Bool = true, required: Bool = false,
        _ get: @escaping @Sendable (TaskExtras) -> V?, _ set: @escaping @Sendable (inout TaskExtras, V?) -> Void
    ) -> (field: Field, merge: ExtrasField) {
        let path = "task_extras." + key.rawValue
        let field = make(
            path, comparison, inList: inList, required: required,
            get: { (config: TaskConfig) -> V? in
                guard case .some(let extras) = config.taskExtras else { return nil }
                return get(extras)
            },
            set: { (config: inout TaskConfig, value: V?) in
                // Creates `task_extras` only to hold a value.
                guard value != nil || config.taskExtras != nil else { return }
                var extras = config.taskExtras.take() ?? TaskExtras()
                set(&extras, value)
                config.taskExtras = extras
            })
        let merge = ExtrasField(
            path: path,
            disagree: { remote, local in
                guard let fromRemote = get(remote), let fromLocal = get(local) else { return false }
                return fromRemote != fromLocal
            },
            fill: { target, source in
                if get(target) == nil, let value = get(source) { set(&target, value) }
            })
        return (field, merge)
    }

    static func make<V: Value>(
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
            value: { get($0)?.planValue })
    }

    /// The path a redial-status change is shown under (the codes are the part that is compared).
    public static let redialStatusPath = "task_extras.redial_conditions.da_status"

    /// The top-level settable fields, in the update body's order.
    static let topFields: [Field] = [
        top(.name, required: true, { $0.name }, { $0.name = $1 }),
        top(.remark, { $0.remark }, { $0.remark = $1 }),
        top(.taskType, { $0.taskType }, { $0.taskType = $1 }),
        top(.groupType, { $0.groupType }, { $0.groupType = $1 }),
        top(.destinationExtension, required: true, { $0.destinationExtension }, { $0.destinationExtension = $1 }),
        top(.isGroupSwitch, { $0.isGroupSwitch }, { $0.isGroupSwitch = $1 }),
        top(.groupSwitchRule, inList: false, { $0.groupSwitchRule }, { $0.groupSwitchRule = $1 }),
        top(.maximumcall, required: true, { $0.maximumcall }, { $0.maximumcall = $1 }),
        top(.dialTimeId, required: true, { $0.dialTimeId }, { $0.dialTimeId = $1 }),
        top(.backgroundId, { $0.backgroundId }, { $0.backgroundId = $1 }),
        top(.bridgeGroupId, { $0.bridgeGroupId }, { $0.bridgeGroupId = $1 }),
        top(.autoRecycleRuleId, { $0.autoRecycleRuleId }, { $0.autoRecycleRuleId = $1 }),
        top(.llmIntentionId, { $0.llmIntentionId }, { $0.llmIntentionId = $1 }),
        top(.scoreSchemeId, { $0.scoreSchemeId }, { $0.scoreSchemeId = $1 }),
        top(.elasticityType, inList: false, { $0.elasticityType }, { $0.elasticityType = $1 }),
        top(.endAction, { $0.endAction }, { $0.endAction = $1 }),
        top(.newCallRules, inList: false, { $0.newCallRules }, { $0.newCallRules = $1 }),
    ]

    /// The `task_extras` fields, in the update body's order, with how to merge the two GET copies.
    static let extrasTable: [(field: Field, merge: ExtrasField)] = [
        extra(.startTime, required: true, { $0.startTime }, { $0.startTime = $1 }),
        extra(.stopTime, required: true, { $0.stopTime }, { $0.stopTime = $1 }),
        extra(.line, comparing: .set, required: true, { $0.line }, { $0.line = $1 }),
        extra(.holiday, inList: false, required: true, { $0.holiday }, { $0.holiday = $1 }),
        extra(.intervalTime, inList: false, { $0.intervalTime }, { $0.intervalTime = $1 }),
        extra(.workWeek, comparing: .set, { $0.workWeek }, { $0.workWeek = $1 }),
        extra(.workHour, comparing: .set, { $0.workHour }, { $0.workHour = $1 }),
        extra(.destinationExtensionList, { $0.destinationExtensionList }, { $0.destinationExtensionList = $1 }),
        extra(.destinationExtensionWithVariableList, inList: false,
              { $0.destinationExtensionWithVariableList }, { $0.destinationExtensionWithVariableList = $1 }),
        extra(.destinationExtensionMultiConfig, inList: false,
              { $0.destinationExtensionMultiConfig }, { $0.destinationExtensionMultiConfig = $1 }),
        extra(.popMode, { $0.popMode }, { $0.popMode = $1 }),
        extra(.redialEnabled, { $0.redialEnabled }, { $0.redialEnabled = $1 }),
        extra(.redialNewNumberPolicy, { $0.redialNewNumberPolicy }, { $0.redialNewNumberPolicy = $1 }),
        extra(.redialInterval, { $0.redialInterval }, { $0.redialInterval = $1 }),
        extra(.redialMaxTimes, { $0.redialMaxTimes }, { $0.redialMaxTimes = $1 }),
        extra(.redialConditions, comparing: .redialStatuses, { $0.redialConditions }, { $0.redialConditions = $1 }),
    ]

    /// Every settable field, top level first, in the update body's order.
    public static let fields: [Field] = topFields + extrasTable.map(\.field)

    /// How to merge each `task_extras` field of the two GET copies, in table order.
    static let extrasFields: [ExtrasField] = extrasTable.map(\.merge)

    /// The fields the task list returns (what a fingerprint covers), in table order.
    static let listFields: [Field] = fields.filter(\.inList)

    /// Whether `config` sets the field at `path`.
    static func manages(_ config: TaskConfig, path: String) -> Bool {
        fields.contains { $0.path == path && $0.isSet(config) }
    }

    /// The configuration restricted to the fields the task list returns (for fingerprints that a list
    /// and a detail read of the same task agree on).
    public static func listVisible(_ config: TaskConfig) -> TaskConfig {
        var out = config
        for field in fields where !field.inList { field.clear(&out) }
        return out
    }
}
