public import CalltaskModels

/// One task as `calltask show` reports it: its configuration as `calltask export` writes it, its run
/// state and its counters. Built from a detail read, through the same `Normalizer` and `SpecExporter`
/// calls as an export, so the YAML is byte for byte what `export` would write.
public struct TaskShow: Codable, Hashable, Sendable {
    public var uuid: String
    public var name: String
    /// The run state in words (`dialing`, `enabled but not dialing`, `paused`).
    public var runState: RunState
    /// Top-level `enable`: the operator's switch.
    public var enable: Bool
    /// The dialer's `call_status` (`new_task_extra.call_status`, else the top-level one); nil if neither was sent.
    public var callStatus: Bool?
    /// `status_str`, the platform's own words.
    public var statusText: String?
    /// `task_cause`: why the platform is not dialing it.
    public var taskCause: [String]
    /// `new_task_extra` is empty: the docs say to delete and recreate the task; no spec is written.
    public var abnormal: Bool
    public var counters: Counters
    /// The spec file export would write (nil for an abnormal task), and the name export gives it.
    public var spec: String?
    public var fileName: String?
    /// What export would warn about (live values that break a rule, unreadable values).
    public var warnings: [String]

    public struct Counters: Codable, Hashable, Sendable {
        /// `new_task_extra.number_count`.
        public var numberCount: Int?
        /// `cache_number_count`.
        public var cacheNumberCount: Int?
        /// `new_task_extra.call_info`, per line.
        public var lines: [LineActivity]

        enum CodingKeys: String, CodingKey {
            case numberCount = "number_count"
            case cacheNumberCount = "cache_number_count"
            case lines
        }
    }

    enum CodingKeys: String, CodingKey {
        case uuid, name, enable, abnormal, counters, spec, warnings
        case runState = "run_state"
        case callStatus = "call_status"
        case statusText = "status_str"
        case taskCause = "task_cause"
        case fileName = "file_name"
    }

    /// - Parameters:
    ///   - detail: the task's detail read (the list lacks fields a spec keeps).
    ///   - activity: status text and counters from the same answer.
    ///   - options: what export would be given (schema modeline, account for the header).
    public init(detail: LiveTask, activity: TaskActivity, options: SpecExporter.Options) {
        let normalized = Normalizer.normalize(detail)
        uuid = detail.uuid
        name = normalized.name
        enable = detail.isEnabled
        callStatus = detail.newTaskExtra?.callStatus?.value ?? detail.callStatus?.value
        runState = RunState(enable: enable, callStatus: callStatus)
        statusText = activity.statusText
        taskCause = detail.taskCause ?? []
        abnormal = normalized.abnormal
        counters = Counters(numberCount: activity.numberCount, cacheNumberCount: activity.cacheNumberCount, lines: activity.lines)
        warnings = []
        if normalized.abnormal {
            warnings.append(SpecExporter.abnormalReason)
        } else {
            do {
                let file = try SpecExporter.export(normalized, options: options)
                spec = file.text
                fileName = file.fileName
                warnings += file.warnings
            } catch {
                warnings.append("could not be written as YAML: \(error)")
            }
        }
    }
}

/// What `calltask show --format json` prints.
public struct ShowReport: Codable, Hashable, Sendable {
    /// Version of this JSON format; bumped on incompatible changes.
    public var formatVersion = 1
    public var account: String
    public var tasks: [TaskShow]

    public init(account: String, tasks: [TaskShow]) {
        self.account = account
        self.tasks = tasks
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case account, tasks
    }
}
