/// The body of the create call, `POST /agent-api/new/user/{user_id}/task` (../api/facts.md §2.2, the
/// platform's "2.0任务创建" page): exactly the keys that page lists, less `enable_type` and `is_call_in`,
/// which calltask never sets.
///
/// The create page's key set is much smaller than the update's (no `task_type`, scripts, redial, work
/// hours, line limits…): a new task is created with this body and the rest of its spec is PUT
/// afterwards. Optional keys are left out when `nil`; `task_extras.line` and `task_extras.holiday` are
/// always sent, `[]` when empty (the page's note: they must be sent even when unused).
///
/// Encoded shapes follow the create page, not the update's: `line` is a list of line ids (the page has
/// no per-line limit), and a holiday is `{start, end}` only (`Holiday`'s own encoding adds the update's
/// old `begin` key, which the create page does not name).
///
/// ```swift
/// var body = TaskCreateBody(name: "spring-sale", destinationExtension: 13037, dialTimeId: 5, maximumcall: 2,
///                           taskExtras: .init(startTime: "2026-03-01 09:00:00", stopTime: "2026-12-31 21:00:00",
///                                             line: ["d47c3599-f166-4cd0-999c-f60e46814d26"]))
/// body.remark = "spring follow-up"
/// ```
public struct TaskCreateBody: Encodable, Hashable, Sendable {
    /// The sub-account to create the task in; `APIClient.createTask` sets it to the account's own.
    public var subUserId: String?
    /// The task name. The platform promises no uniqueness.
    public var name: String
    /// Script group id (话术分组).
    public var destinationExtension: LenientInt
    /// Call time group id (呼叫时间组); a 2.0 task copies the group's hours when it is created.
    public var dialTimeId: LenientInt
    /// Total concurrency.
    public var maximumcall: Int
    /// Transfer group id (转接组).
    public var bridgeGroupId: LenientInt?
    public var remark: String?
    /// Redial rule id (重呼规则).
    public var autoRecycleRuleId: LenientInt?
    /// What happens when the task ends; the create page lists 0 (none) and 1 (pause and release).
    public var endAction: EndAction?
    /// Background sound id (背景音).
    public var backgroundId: LenientInt?
    /// LLM quality-check config id (大模型质检).
    public var llmIntentionId: LenientInt?
    public var taskExtras: Extras

    /// The create body's `task_extras`.
    public struct Extras: Encodable, Hashable, Sendable {
        /// `YYYY-MM-DD HH:MM:SS`.
        public var startTime: String
        /// `YYYY-MM-DD HH:MM:SS`.
        public var stopTime: String
        /// Periods without calls, bounds `YYYY-MM-DD HH:MM`; encoded as `{start, end}`.
        public var holiday: [Holiday]
        /// Line ids.
        public var line: [String]
        /// Call interval (the page's default is 0).
        public var intervalTime: Int?

        public init(startTime: String, stopTime: String, holiday: [Holiday] = [], line: [String], intervalTime: Int? = nil) {
            self.startTime = startTime
            self.stopTime = stopTime
            self.holiday = holiday
            self.line = line
            self.intervalTime = intervalTime
        }

        private enum CodingKeys: String, CodingKey {
            case startTime = "start_time"
            case stopTime = "stop_time"
            case holiday, line
            case intervalTime = "interval_time"
        }

        private enum HolidayKeys: String, CodingKey { case start, end }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(startTime, forKey: .startTime)
            try container.encode(stopTime, forKey: .stopTime)
            var holidays = container.nestedUnkeyedContainer(forKey: .holiday)
            for holiday in holiday {
                var bounds = holidays.nestedContainer(keyedBy: HolidayKeys.self)
                try bounds.encode(holiday.start, forKey: .start)
                try bounds.encode(holiday.end, forKey: .end)
            }
            try container.encode(line, forKey: .line)
            try container.encodeIfPresent(intervalTime, forKey: .intervalTime)
        }
    }

    public init(name: String, destinationExtension: LenientInt, dialTimeId: LenientInt, maximumcall: Int,
                taskExtras: Extras, subUserId: String? = nil) {
        self.name = name
        self.destinationExtension = destinationExtension
        self.dialTimeId = dialTimeId
        self.maximumcall = maximumcall
        self.taskExtras = taskExtras
        self.subUserId = subUserId
    }

    /// The keys of the body, in the create page's order.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case subUserId = "sub_user_id"
        case name
        case destinationExtension = "destination_extension"
        case dialTimeId = "dial_time_id"
        case maximumcall
        case bridgeGroupId = "bridge_group_id"
        case remark
        case autoRecycleRuleId = "auto_recycle_rule_id"
        case endAction = "end_action"
        case backgroundId = "background_id"
        case llmIntentionId = "llm_intention_id"
        case taskExtras = "task_extras"
    }
}

extension TaskCreateBody {
    /// The create-call keys a configuration lacks, as `task_extras.line`-style paths, in the page's order.
    public struct MissingFields: Error, Hashable, Sendable, CustomStringConvertible {
        public var paths: [String]

        public init(paths: [String]) { self.paths = paths }

        public var description: String {
            "the create call requires \(paths.joined(separator: ", "))"
        }
    }

    /// The create body for a desired configuration: the fields the create page takes, copied from
    /// `config`; everything else (task type, line limits, scripts, redial, work hours, pop mode…) is
    /// left to the update that follows the create.
    ///
    /// A pure function. Lines are sent as their ids (limits are set by the update); `holiday` is `[]`
    /// when the configuration has none. `line` must be present (`[]` allowed), as must `name`,
    /// `destination_extension`, `dial_time_id`, `maximumcall`, `task_extras.start_time` and
    /// `task_extras.stop_time`.
    ///
    /// - Parameters:
    ///   - config: the desired configuration (a spec's, after validation).
    ///   - subUserId: the account's sub-account, if any.
    /// - Throws: `MissingFields`, naming every required key the configuration lacks.
    public init(config: TaskConfig, subUserId: String? = nil) throws(MissingFields) {
        var missing: [String] = []
        let extras = config.taskExtras
        if config.name == nil { missing.append("name") }
        if config.destinationExtension == nil { missing.append("destination_extension") }
        if config.dialTimeId == nil { missing.append("dial_time_id") }
        if config.maximumcall == nil { missing.append("maximumcall") }
        if extras?.startTime == nil { missing.append("task_extras.start_time") }
        if extras?.stopTime == nil { missing.append("task_extras.stop_time") }
        if extras?.line == nil { missing.append("task_extras.line") }
        guard missing.isEmpty, let name = config.name, let destinationExtension = config.destinationExtension,
              let dialTimeId = config.dialTimeId, let maximumcall = config.maximumcall, let extras,
              let startTime = extras.startTime, let stopTime = extras.stopTime, let lines = extras.line else {
            throw MissingFields(paths: missing)
        }
        self.init(name: name, destinationExtension: destinationExtension, dialTimeId: dialTimeId, maximumcall: maximumcall,
                  taskExtras: Extras(startTime: startTime, stopTime: stopTime, holiday: extras.holiday ?? [],
                                     line: lines.map(\.id), intervalTime: extras.intervalTime),
                  subUserId: subUserId)
        bridgeGroupId = config.bridgeGroupId
        remark = config.remark
        autoRecycleRuleId = config.autoRecycleRuleId
        endAction = config.endAction
        backgroundId = config.backgroundId
        llmIntentionId = config.llmIntentionId
    }
}
