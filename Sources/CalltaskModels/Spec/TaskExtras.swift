/// The `task_extras` block of an update body: schedule, lines, scripts and redial (seed 001).
///
/// Every field is optional: a spec manages only the fields it sets. The PUT body is the live task's
/// configuration with the spec's fields laid over it.
public struct TaskExtras: Hashable, Sendable, Codable {
    /// `YYYY-MM-DD HH:MM:SS`.
    public var startTime: String?
    /// `YYYY-MM-DD HH:MM:SS`.
    public var stopTime: String?
    public var line: [TaskLine]?
    public var holiday: [Holiday]?
    /// Minutes between calls (old 2.0, default 0).
    public var intervalTime: Int?
    /// Weekdays 0..6 (0 = Sunday).
    public var workWeek: [Int]?
    public var workHour: [WorkHour]?
    public var destinationExtensionList: [TimedScript]?
    public var destinationExtensionWithVariableList: [VariableScript]?
    public var destinationExtensionMultiConfig: MultiScriptConfig?
    public var popMode: PopMode?
    public var redialEnabled: Flag?
    public var redialNewNumberPolicy: Flag?
    /// Minutes, at most 60.
    public var redialInterval: Int?
    /// At most 3.
    public var redialMaxTimes: Int?
    public var redialConditions: RedialConditions?

    public init() {}

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case startTime = "start_time"
        case stopTime = "stop_time"
        case line, holiday
        case intervalTime = "interval_time"
        case workWeek = "work_week"
        case workHour = "work_hour"
        case destinationExtensionList = "destination_extension_list"
        case destinationExtensionWithVariableList = "destination_extension_with_variable_list"
        case destinationExtensionMultiConfig = "destination_extension_multi_config"
        case popMode = "pop_mode"
        case redialEnabled = "redial_enabled"
        case redialNewNumberPolicy = "redial_new_number_policy"
        case redialInterval = "redial_interval"
        case redialMaxTimes = "redial_max_times"
        case redialConditions = "redial_conditions"
    }
}
