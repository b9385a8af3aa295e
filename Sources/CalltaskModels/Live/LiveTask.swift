/// A task as the platform's GET answers describe it: a list item (seed 000) or a detail
/// (`GET .../task/{id}/edit`, ../api/facts.md §2.6).
///
/// Decoded tolerantly: ids as strings or numbers, unknown fields ignored, counters (`call_info`,
/// `number_count`) not kept. Both the local copy `task_extras` and the dialer's `new_task_extra` are
/// kept; `Normalizer` turns this into a `TaskConfig`.
///
/// Decodable only: calltask reads tasks in this shape and never writes it (updates send a
/// `TaskConfig` body).
public struct LiveTask: Hashable, Sendable, Decodable {
    public var uuid: String
    public var name: String?
    public var remark: String?
    /// The operator's run switch (seed 000's state table).
    public var enable: LenientBool?
    public var alterDatetime: String?
    public var maximumcall: LenientInt?
    public var dialTimeId: LenientInt?
    public var destinationExtension: LenientInt?
    public var backgroundId: LenientInt?
    public var bridgeGroupId: LenientInt?
    public var autoRecycleRuleId: LenientInt?
    public var llmIntentionId: LenientInt?
    public var scoreSchemeId: LenientInt?
    public var endAction: LenientInt?
    public var elasticityType: LenientBool?
    public var taskType: LenientInt?
    public var groupType: String?
    public var isGroupSwitch: LenientInt?
    public var groupSwitchRule: [GroupSwitchRule]?
    public var newCallRules: [NewCallRule]?
    /// The dialer's own state (moves by itself; never compared).
    public var callStatus: LenientBool?
    public var taskCause: [String]?
    public var taskExtras: LiveExtras?
    public var newTaskExtra: LiveExtras?

    public init(uuid: String) { self.uuid = uuid }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case uuid, name, remark, enable, maximumcall
        case alterDatetime = "alter_datetime"
        case dialTimeId = "dial_time_id"
        case destinationExtension = "destination_extension"
        case backgroundId = "background_id"
        case bridgeGroupId = "bridge_group_id"
        case autoRecycleRuleId = "auto_recycle_rule_id"
        case llmIntentionId = "llm_intention_id"
        case scoreSchemeId = "score_scheme_id"
        case endAction = "end_action"
        case elasticityType = "elasticity_type"
        case taskType = "task_type"
        case groupType = "group_type"
        case isGroupSwitch = "is_group_switch"
        case groupSwitchRule = "group_switch_rule"
        case newCallRules = "new_call_rules"
        case callStatus = "call_status"
        case taskCause = "task_cause"
        case taskExtras = "task_extras"
        case newTaskExtra = "new_task_extra"
        /// A read-only spelling: the detail example (facts §2.6) writes `elasticity_type` so
        /// (docs/fields.md A9). A case here rather than in a second key enum, because each keyed
        /// container over a list item indexes all of its 60-odd keys.
        case elasticityTask = "elasticity_task"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        uuid = try c.decodeIfPresent(LenientString.self, forKey: .uuid)?.value ?? ""
        name = try c.decodeIfPresent(String.self, forKey: .name)
        remark = try c.decodeIfPresent(String.self, forKey: .remark)
        enable = try c.decodeIfPresent(LenientBool.self, forKey: .enable)
        alterDatetime = try c.decodeIfPresent(String.self, forKey: .alterDatetime)
        maximumcall = try c.decodeIfPresent(LenientInt.self, forKey: .maximumcall)
        dialTimeId = try c.decodeIfPresent(LenientInt.self, forKey: .dialTimeId)
        destinationExtension = try c.decodeIfPresent(LenientInt.self, forKey: .destinationExtension)
        backgroundId = try c.decodeIfPresent(LenientInt.self, forKey: .backgroundId)
        bridgeGroupId = try c.decodeIfPresent(LenientInt.self, forKey: .bridgeGroupId)
        autoRecycleRuleId = try c.decodeIfPresent(LenientInt.self, forKey: .autoRecycleRuleId)
        llmIntentionId = try c.decodeIfPresent(LenientInt.self, forKey: .llmIntentionId)
        scoreSchemeId = try c.decodeIfPresent(LenientInt.self, forKey: .scoreSchemeId)
        endAction = try c.decodeIfPresent(LenientInt.self, forKey: .endAction)
        elasticityType = try c.decodeIfPresent(LenientBool.self, forKey: .elasticityType)
            ?? c.decodeIfPresent(LenientBool.self, forKey: .elasticityTask)
        taskType = try c.decodeIfPresent(LenientInt.self, forKey: .taskType)
        groupType = try c.decodeIfPresent(String.self, forKey: .groupType)
        isGroupSwitch = try c.decodeIfPresent(LenientInt.self, forKey: .isGroupSwitch)
        groupSwitchRule = try c.decodeIfPresent([GroupSwitchRule].self, forKey: .groupSwitchRule)
        newCallRules = try c.decodeIfPresent([NewCallRule].self, forKey: .newCallRules)
        callStatus = try c.decodeIfPresent(LenientBool.self, forKey: .callStatus)
        taskCause = try? c.decodeIfPresent([String].self, forKey: .taskCause)
        taskExtras = try Self.decodeExtras(c, .taskExtras)
        newTaskExtra = try Self.decodeExtras(c, .newTaskExtra)
    }

    /// An empty `new_task_extra` may come as `{}`, `[]`, `""` or null: all mean "absent" (an abnormal task).
    private static func decodeExtras(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> LiveExtras? {
        guard c.contains(key), !(try c.decodeNil(forKey: key)) else { return nil }
        if let extras = try? c.decode(LiveExtras.self, forKey: key) { return extras.isEmpty ? nil : extras }
        if let list = try? c.decode([LenientString].self, forKey: key), list.isEmpty { return nil }
        if let text = try? c.decode(String.self, forKey: key), text.isEmpty { return nil }
        return try c.decode(LiveExtras.self, forKey: key)
    }

    /// Whether the dialer copy is missing: seed 000 says such a task is abnormal (delete and recreate it).
    public var isAbnormal: Bool { newTaskExtra == nil }

    /// The run state is the operator's switch, top-level `enable` (seed 000's state table).
    public var isEnabled: Bool { enable?.value ?? false }
}

/// A `task_extras` or `new_task_extra` block as GET returns it.
///
/// Shapes differ from the update body: `redial_conditions` is a list of `{hangup_cause, da_status}`
/// with English `da_status` strings; `line` may be ids or `{id, limit}`; `work_hour.wday` may be a string.
public struct LiveExtras: Hashable, Sendable, Codable {
    public var startTime: String?
    public var stopTime: String?
    public var line: [TaskLine]?
    public var holiday: [Holiday]?
    public var intervalTime: LenientInt?
    public var workWeek: [LenientInt]?
    public var workHour: [WorkHour]?
    public var destinationExtension: LenientInt?
    public var destinationExtensionList: [TimedScript]?
    public var destinationExtensionWithVariableList: [VariableScript]?
    public var destinationExtensionMultiConfig: MultiScriptConfig?
    public var popMode: LenientInt?
    public var redialEnabled: LenientBool?
    public var redialNewNumberPolicy: LenientBool?
    public var redialInterval: LenientInt?
    public var redialMaxTimes: LenientInt?
    public var redialConditions: [LiveRedialCondition]?
    /// The dialer's own run flags (never compared).
    public var enable: LenientBool?
    public var callStatus: LenientBool?

    public init() {}

    public var isEmpty: Bool { self == LiveExtras() }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case startTime = "start_time"
        case stopTime = "stop_time"
        case line, holiday, enable
        case intervalTime = "interval_time"
        case workWeek = "work_week"
        case workHour = "work_hour"
        case destinationExtension = "destination_extension"
        case destinationExtensionList = "destination_extension_list"
        case destinationExtensionWithVariableList = "destination_extension_with_variable_list"
        case destinationExtensionMultiConfig = "destination_extension_multi_config"
        case popMode = "pop_mode"
        case redialEnabled = "redial_enabled"
        case redialNewNumberPolicy = "redial_new_number_policy"
        case redialInterval = "redial_interval"
        case redialMaxTimes = "redial_max_times"
        case redialConditions = "redial_conditions"
        case callStatus = "call_status"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        startTime = try c.decodeIfPresent(String.self, forKey: .startTime)
        stopTime = try c.decodeIfPresent(String.self, forKey: .stopTime)
        line = try c.decodeIfPresent([TaskLine].self, forKey: .line)
        holiday = try c.decodeIfPresent([Holiday].self, forKey: .holiday)
        intervalTime = try c.decodeIfPresent(LenientInt.self, forKey: .intervalTime)
        workWeek = try c.decodeIfPresent([LenientInt].self, forKey: .workWeek)
        workHour = try c.decodeIfPresent([WorkHour].self, forKey: .workHour)
        destinationExtension = try c.decodeIfPresent(LenientInt.self, forKey: .destinationExtension)
        destinationExtensionList = try c.decodeIfPresent([TimedScript].self, forKey: .destinationExtensionList)
        destinationExtensionWithVariableList = try c.decodeIfPresent([VariableScript].self, forKey: .destinationExtensionWithVariableList)
        destinationExtensionMultiConfig = try Self.decodeMulti(c)
        popMode = try c.decodeIfPresent(LenientInt.self, forKey: .popMode)
        redialEnabled = try c.decodeIfPresent(LenientBool.self, forKey: .redialEnabled)
        redialNewNumberPolicy = try c.decodeIfPresent(LenientBool.self, forKey: .redialNewNumberPolicy)
        redialInterval = try c.decodeIfPresent(LenientInt.self, forKey: .redialInterval)
        redialMaxTimes = try c.decodeIfPresent(LenientInt.self, forKey: .redialMaxTimes)
        redialConditions = try Self.decodeRedial(c)
        enable = try c.decodeIfPresent(LenientBool.self, forKey: .enable)
        callStatus = try c.decodeIfPresent(LenientBool.self, forKey: .callStatus)
    }

    /// An unset multi-config may come back as `[]` or `{}`.
    private static func decodeMulti(_ c: KeyedDecodingContainer<CodingKeys>) throws -> MultiScriptConfig? {
        guard c.contains(.destinationExtensionMultiConfig), !(try c.decodeNil(forKey: .destinationExtensionMultiConfig)) else { return nil }
        if let list = try? c.decode([LenientString].self, forKey: .destinationExtensionMultiConfig), list.isEmpty { return nil }
        return try c.decode(MultiScriptConfig.self, forKey: .destinationExtensionMultiConfig)
    }

    /// `redial_conditions` is read back as a list of objects but written as one object (seed 000 vs 001).
    private static func decodeRedial(_ c: KeyedDecodingContainer<CodingKeys>) throws -> [LiveRedialCondition]? {
        guard c.contains(.redialConditions), !(try c.decodeNil(forKey: .redialConditions)) else { return nil }
        if let list = try? c.decode([LiveRedialCondition].self, forKey: .redialConditions) { return list }
        return [try c.decode(LiveRedialCondition.self, forKey: .redialConditions)]
    }
}

/// One redial condition as GET returns it: `{"hangup_cause": null, "da_status": ["failed", ...]}`.
/// `da_status` entries are kept verbatim (strings, or numbers as their digits); `Normalizer` maps them.
public struct LiveRedialCondition: Hashable, Sendable, Codable {
    public var daStatus: [String]

    public init(daStatus: [String]) { self.daStatus = daStatus }

    private enum CodingKeys: String, CodingKey { case daStatus = "da_status" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        daStatus = try c.decodeIfPresent([LenientString].self, forKey: .daStatus)?.map(\.value) ?? []
    }
}
