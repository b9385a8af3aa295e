public import CalltaskCore

/// The result of an apply, per task and in total.
public struct ApplyReport: Codable, Sendable {
    public struct TaskResult: Codable, Sendable {
        public var uuid: String
        public var name: String
        /// `updated`, `unchanged`, `skipped`, `failed`, `left-paused`.
        public var result: String
        public var steps: [String]
        public var detail: String?

        public init(uuid: String, name: String, result: String, steps: [String], detail: String?) {
            self.uuid = uuid
            self.name = name
            self.result = result
            self.steps = steps
            self.detail = detail
        }
    }

    public var formatVersion = 1
    public var account: String
    public var tasks: [TaskResult]
    public var recovered: [TaskResult]
    public var interrupted: Bool
    /// The command that resumes a task left paused (the resume path is inferred, see README).
    public var resumeHint: String?

    public init(account: String, tasks: [TaskResult], recovered: [TaskResult], interrupted: Bool, resumeHint: String? = nil) {
        self.account = account
        self.tasks = tasks
        self.recovered = recovered
        self.interrupted = interrupted
        self.resumeHint = resumeHint
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case resumeHint = "resume_hint"
        case account, tasks, recovered, interrupted
    }

    public func count(_ result: String) -> Int { tasks.filter { $0.result == result }.count }

    public var leftPaused: [TaskResult] { (tasks + recovered).filter { $0.result == "left-paused" } }
    public var failed: [TaskResult] { (tasks + recovered).filter { $0.result == "failed" } }

    /// 0 all good, 1 a task failed (or the run was interrupted), 3 a task was left paused.
    public var exitCode: Int32 {
        if !leftPaused.isEmpty { return 3 }
        if !failed.isEmpty || interrupted { return 1 }
        return 0
    }

    public var summary: String {
        let skipped = count("skipped")
        return "Apply: \(count("updated")) updated, \(count("unchanged")) unchanged, \(failed.count) failed, \(skipped) skipped, \(leftPaused.count) left paused."
            + (recovered.isEmpty ? "" : " Recovered \(recovered.count) task(s) from the journal.")
            + (interrupted ? " Interrupted: no new task was started after the signal." : "")
    }
}
