/// The canonical configuration of a task: what an update (PUT) body can set.
///
/// One model for both sides: a YAML spec decodes into it (through `TaskSpec`), seed 001's JSON bodies
/// decode into it, the planner compares two values of it, and the update body is one encoded. Every
/// field is optional: `nil` means "not managed" on the desired side and "unknown" on the live side.
/// docs/fields.md is the table of these fields.
public struct TaskConfig: Hashable, Sendable, Codable {
    public var name: String?
    public var remark: String?
    public var taskType: TaskType?
    /// Script group kind: `group` (1.0 scripts) or `robot` (2.0 scripts).
    public var groupType: String?
    /// Script group id.
    public var destinationExtension: LenientInt?
    public var isGroupSwitch: GroupSwitchMode?
    public var groupSwitchRule: [GroupSwitchRule]?
    /// Total concurrency over all lines.
    public var maximumcall: Int?
    public var dialTimeId: LenientInt?
    public var backgroundId: LenientInt?
    public var bridgeGroupId: LenientInt?
    public var autoRecycleRuleId: LenientInt?
    public var llmIntentionId: LenientInt?
    public var scoreSchemeId: LenientInt?
    public var elasticityType: LenientBool?
    public var endAction: EndAction?
    public var newCallRules: [NewCallRule]?
    public var taskExtras: TaskExtras?

    public init() {}

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case name, remark
        case taskType = "task_type"
        case groupType = "group_type"
        case destinationExtension = "destination_extension"
        case isGroupSwitch = "is_group_switch"
        case groupSwitchRule = "group_switch_rule"
        case maximumcall
        case dialTimeId = "dial_time_id"
        case backgroundId = "background_id"
        case bridgeGroupId = "bridge_group_id"
        case autoRecycleRuleId = "auto_recycle_rule_id"
        case llmIntentionId = "llm_intention_id"
        case scoreSchemeId = "score_scheme_id"
        case elasticityType = "elasticity_type"
        case endAction = "end_action"
        case newCallRules = "new_call_rules"
        case taskExtras = "task_extras"
    }
}
