public import CalltaskCore

/// How one task of an apply ended.
public enum ApplyOutcome: String, Codable, Sendable, CaseIterable {
    case updated
    /// A create: the task was created, found, given the rest of its spec, and read back as planned.
    case created
    case unchanged
    /// Not applied: changed since the plan was made, abnormal, or a second spec of the same task.
    case skipped
    case failed
    /// The task is paused although it should run: its resume failed.
    case leftPaused = "left-paused"
    /// Nothing was done to it: the run was interrupted, or no further task could be paused.
    case notStarted = "not-started"
    /// Not in the reviewed plan (`--reviewed`): its change was never reviewed.
    case refused
}

/// The result of an apply, per task and in total.
public struct ApplyReport: Codable, Sendable {
    public struct TaskResult: Codable, Sendable {
        public var uuid: String
        public var name: String
        public var result: ApplyOutcome
        public var steps: [ApplyStep]
        public var detail: String?
        /// Why a resume failed, when it did: the hint after the run depends on it.
        public var resumeFailure: ResumeFailure?

        public init(uuid: String, name: String, result: ApplyOutcome, steps: [ApplyStep], detail: String?,
                    resumeFailure: ResumeFailure? = nil) {
            self.uuid = uuid
            self.name = name
            self.result = result
            self.steps = steps
            self.detail = detail
            self.resumeFailure = resumeFailure
        }

        enum CodingKeys: String, CodingKey {
            case uuid, name, result, steps, detail
            case resumeFailure = "resume_failure"
        }
    }

    /// Why a resume failed: the inferred resume call was refused (404/405: the path is probably wrong),
    /// or the platform could not be reached in time (retry with `calltask recover`).
    public enum ResumeFailure: String, Codable, Sendable {
        case refused
        case transient
        case other
    }

    public var formatVersion = 2
    public var account: String
    /// Tasks the plan said to update (created or updated): each ends in exactly one outcome.
    public var planned: Int
    public var tasks: [TaskResult]
    public var recovered: [TaskResult]
    public var interrupted: Bool

    public init(account: String, planned: Int = 0, tasks: [TaskResult], recovered: [TaskResult], interrupted: Bool) {
        self.account = account
        self.planned = planned
        self.tasks = tasks
        self.recovered = recovered
        self.interrupted = interrupted
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case account, planned, tasks, recovered, interrupted
    }

    public func count(_ outcome: ApplyOutcome) -> Int { tasks.filter { $0.result == outcome }.count }

    public var leftPaused: [TaskResult] { (tasks + recovered).filter { $0.result == .leftPaused } }
    public var failed: [TaskResult] { (tasks + recovered).filter { $0.result == .failed } }
    /// Planned tasks that were not updated, for a reason other than a failed resume.
    public var notApplied: [TaskResult] {
        tasks.filter { [.skipped, .failed, .notStarted, .refused].contains($0.result) }
    }

    /// How a run ended, as a whole.
    public enum Verdict: Sendable, Hashable {
        /// Every planned task was updated (or there was nothing to do).
        case done
        /// A planned task was not updated (failed, skipped as stale, not started, refused), a recovery
        /// failed, or the run was interrupted.
        case notAllApplied
        /// A task is paused although it should run: its resume failed. Wins over `notAllApplied`.
        case leftPaused
    }

    public var verdict: Verdict {
        if !leftPaused.isEmpty { return .leftPaused }
        if !notApplied.isEmpty || !failed.isEmpty || interrupted { return .notAllApplied }
        return .done
    }

    /// `Apply: 2 of 2 planned updated, 0 failed, …`; each planned task is counted once.
    public var summary: String {
        var parts = ["\(count(.updated) + count(.created)) of \(planned) planned " + (count(.created) > 0 ? "applied (\(count(.created)) created)" : "updated")]
        for outcome in [ApplyOutcome.failed, .skipped, .notStarted, .refused, .leftPaused] {
            let label = outcome == .leftPaused ? "left paused" : outcome == .notStarted ? "not started" : outcome.rawValue
            parts.append("\(count(outcome)) \(label)")
        }
        parts.append("\(count(.unchanged)) unchanged")
        return "Apply: " + parts.joined(separator: ", ") + "."
            + (recovered.isEmpty ? "" : " Recovered \(recovered.count) task(s) from the journal.")
            + (interrupted ? " Interrupted: no new task was started after the signal." : "")
    }
}
