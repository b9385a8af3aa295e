public import CalltaskClient
public import CalltaskCore
public import CalltaskModels
import Foundation

/// Applies a plan: drives each task's `TaskApplyStateMachine` against the API and the journal.
///
/// - Tasks whose per-line concurrency goes down go first (`ApplyOrder`).
/// - The resume call is inferred, not documented: the first task that needs pause and resume goes
///   through alone; if a resume fails, no further task is paused (tasks that need a pause are skipped).
/// - The rest run `parallelism` at a time. After a cancellation (SIGINT/SIGTERM) no new task starts,
///   waits stop, and tasks this run paused are restored.
public struct ApplyRunner: Sendable {
    public struct Options: Sendable {
        public var parallelism: Int
        public var machine: TaskApplyStateMachine.Options
        public init(parallelism: Int = 4, machine: TaskApplyStateMachine.Options = .init()) {
            self.parallelism = max(1, parallelism)
            self.machine = machine
        }
    }

    public let client: APIClient
    public let journal: Journal
    public let account: String
    public let options: Options
    public let control: RunControl
    /// One line per task step (CI logs).
    public let progress: @Sendable (String) -> Void

    public init(client: APIClient, journal: Journal, account: String, options: Options, control: RunControl = RunControl(),
                progress: @escaping @Sendable (String) -> Void) {
        self.client = client
        self.journal = journal
        self.account = account
        self.options = options
        self.control = control
        self.progress = progress
    }

    /// Finishes unfinished journal entries of this account: each task is put in its intended run state.
    public func recover() async -> [ApplyReport.TaskResult] {
        var results: [ApplyReport.TaskResult] = []
        for entry in await journal.unfinished() where entry.account == account {
            progress("\(entry.name): recovering from the journal (intended enable=\(entry.intendedEnable))")
            do {
                let live = try await client.taskDetail(uuid: entry.uuid)
                let enabled = live.isEnabled
                var steps: [String] = []
                if enabled != entry.intendedEnable {
                    if entry.intendedEnable {
                        try await client.resumeTask(uuid: entry.uuid)
                        steps.append("resume")
                    } else {
                        try await client.pauseTask(uuid: entry.uuid)
                        steps.append("pause")
                    }
                }
                try await journal.append(doneEntry(entry))
                progress("\(entry.name): recovered" + (steps.isEmpty ? " (already in its intended state)" : " (\(steps.joined(separator: ", ")))"))
                results.append(.init(uuid: entry.uuid, name: entry.name, result: "updated", steps: steps, detail: "recovered from the journal"))
            } catch {
                let paused = entry.intendedEnable
                progress("\(entry.name): recovery failed: \(error)")
                results.append(.init(uuid: entry.uuid, name: entry.name, result: paused ? "left-paused" : "failed", steps: [], detail: "\(error)"))
            }
        }
        return results
    }

    private func doneEntry(_ entry: JournalEntry) -> JournalEntry {
        var done = entry
        done.state = .done
        done.time = Self.now()
        return done
    }

    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    /// Applies every task of `plan` that needs it.
    public func apply(_ plan: Plan) async -> [ApplyReport.TaskResult] {
        var results: [ApplyReport.TaskResult] = plan.unchanged.map {
            .init(uuid: $0.uuid, name: $0.name, result: "unchanged", steps: [], detail: nil)
        }
        let ordered = ApplyOrder.order(plan.toUpdate)
        var queue = ordered[...]
        // The first task that pauses and resumes goes alone, proving the (inferred) resume call.
        while let next = queue.first {
            if await control.isCancelled { break }
            queue = queue.dropFirst()
            let result = await applyOne(next)
            results.append(result)
            if TaskApplyStateMachine.pausesAndResumes(next, restore: options.machine.restore) { break }
        }
        let rest = Array(queue)
        let parallel = await withTaskGroup(of: ApplyReport.TaskResult.self) { group -> [ApplyReport.TaskResult] in
            var collected: [ApplyReport.TaskResult] = []
            var pending = rest[...]
            for _ in 0..<options.parallelism {
                guard let task = pending.popFirst() else { break }
                group.addTask { await applyOne(task) }
            }
            while let result = await group.next() {
                collected.append(result)
                let cancelled = await control.isCancelled
                if !cancelled, let task = pending.popFirst() {
                    group.addTask { await applyOne(task) }
                }
            }
            return collected
        }
        results += parallel
        let applied = Set(results.map(\.uuid))
        for task in ordered where !applied.contains(task.uuid) {
            results.append(.init(uuid: task.uuid, name: task.name, result: "skipped", steps: [], detail: "not started: the run was interrupted"))
        }
        return results
    }

    /// Drives one task's state machine to its end.
    func applyOne(_ task: TaskPlan) async -> ApplyReport.TaskResult {
        var machine = TaskApplyStateMachine(plan: task, options: options.machine)
        var action = machine.start()
        var priorEnable = task.enabled
        var intendedEnable = task.enabled
        while true {
            switch action {
            case .readDetail:
                do {
                    var live = try await client.taskDetail(uuid: task.uuid)
                    if live.uuid.isEmpty { live.uuid = task.uuid }
                    let resumeBroken = await control.isResumeBroken
                    let cancelled = await control.isCancelled
                    action = machine.detailRead(live, pausingAllowed: !resumeBroken && !cancelled)
                } catch {
                    action = machine.callFailed(Self.failure(error))
                }
            case .recordPausing(let prior, let intended):
                priorEnable = prior
                intendedEnable = intended
                do {
                    try await journal.append(JournalEntry(account: account, uuid: task.uuid, name: task.name, priorEnable: prior,
                                                          intendedEnable: intended, state: .pausing, time: Self.now()))
                    action = machine.recorded()
                } catch {
                    action = machine.callFailed(.other("\(error)"))
                }
            case .pause:
                progress("\(task.name): pause")
                do {
                    try await client.pauseTask(uuid: task.uuid)
                    action = machine.pauseSucceeded()
                } catch {
                    action = machine.callFailed(Self.failure(error))
                }
            case .wait(let milliseconds):
                if await control.isCancelled {
                    action = machine.callFailed(.other("interrupted while waiting for the pause"))
                } else {
                    try? await Task.sleep(for: .milliseconds(milliseconds))
                    action = machine.waited()
                }
            case .update(let body):
                progress("\(task.name): update (\(task.changes.count) field\(task.changes.count == 1 ? "" : "s"))")
                do {
                    try await client.updateTask(uuid: task.uuid, body: body)
                    action = machine.updateSucceeded()
                } catch {
                    action = machine.callFailed(Self.failure(error))
                }
            case .resume:
                progress("\(task.name): resume")
                do {
                    try await client.resumeTask(uuid: task.uuid)
                    action = machine.resumeSucceeded()
                } catch {
                    await control.markResumeBroken()
                    action = machine.callFailed(Self.failure(error))
                }
            case .recordDone:
                try? await journal.append(JournalEntry(account: account, uuid: task.uuid, name: task.name, priorEnable: priorEnable,
                                                       intendedEnable: intendedEnable, state: .done, time: Self.now()))
                action = machine.doneRecorded()
            case .finish(let outcome):
                let result: ApplyReport.TaskResult
                switch outcome {
                case .updated(let steps):
                    result = .init(uuid: task.uuid, name: task.name, result: "updated", steps: steps, detail: nil)
                case .skipped(let reason):
                    result = .init(uuid: task.uuid, name: task.name, result: "skipped", steps: [], detail: reason)
                case .failed(let reason):
                    result = .init(uuid: task.uuid, name: task.name, result: "failed", steps: [], detail: reason)
                case .leftPaused(let reason):
                    result = .init(uuid: task.uuid, name: task.name, result: "left-paused", steps: [], detail: reason)
                }
                progress("\(task.name): \(result.result)" + (result.detail.map { ": \($0)" } ?? ""))
                return result
            }
        }
    }

    static func failure(_ error: any Error) -> TaskApplyStateMachine.CallFailure {
        if let api = error as? APIError, case .taskRunning = api { return .taskRunning }
        return .other("\(error)")
    }
}

/// Shared flags of one apply run: cancellation (signals) and whether a resume has failed.
public actor RunControl {
    public private(set) var isCancelled = false
    public private(set) var isResumeBroken = false
    public init() {}
    public func cancel() { isCancelled = true }
    public func markResumeBroken() { isResumeBroken = true }
}
