public import CalltaskClient
public import CalltaskCore
import CalltaskModels
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
        /// How long a resume of a task this run paused is retried (`ResumeRetry`).
        public var resumeRetry: ResumeRetry
        /// How long a new task may take to appear in the task list after its create: a create whose
        /// outcome is unknown is sent again only after two lookups find nothing, the second at least
        /// this long after the failed create.
        public var createVisibilityDelay: Duration
        /// How many times one create is sent at most, when each outcome is unknown and no lookup finds it.
        public var maxCreateAttempts: Int
        public init(parallelism: Int = 4, machine: TaskApplyStateMachine.Options = .init(), resumeRetry: ResumeRetry = .init(),
                    createVisibilityDelay: Duration = .seconds(10), maxCreateAttempts: Int = 3) {
            self.parallelism = max(1, parallelism)
            self.machine = machine
            self.resumeRetry = resumeRetry
            self.createVisibilityDelay = createVisibilityDelay
            self.maxCreateAttempts = max(1, maxCreateAttempts)
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

    /// Finishes unfinished journal entries of this account: each updated task is put in its intended
    /// run state; each create is resolved to its task (or to "never created") and that task is left
    /// paused (`recoverCreate`): recover never creates or updates a task.
    ///
    /// - Parameter clearCreates: names whose blocking create entries (`notFound`, `duplicate`) an
    ///   operator clears (`recover --clear-create NAME`), after looking at the tasks in the console.
    /// - Throws: `Journal.JournalError` when the journal cannot be read (nothing is done then).
    public func recover(clearCreates: [String] = []) async throws -> [ApplyReport.TaskResult] {
        var results: [ApplyReport.TaskResult] = []
        let entries = try await journal.unfinished().filter { $0.account == account }
        // A task a create made is left paused, whatever the update entry of its follow-up intended: its
        // configuration may be half written.
        let created = Set(entries.filter { $0.isCreate && !$0.uuid.isEmpty }.map(\.uuid))
        for entry in entries {
            if entry.isCreate {
                results.append(await recoverCreate(entry, clear: clearCreates.contains(entry.name)))
                continue
            }
            let intended = created.contains(entry.uuid) ? false : entry.intendedEnable
            progress("\(InertText.line(entry.name)): recovering from the journal (intended enable=\(intended))")
            do {
                let live = try await client.taskDetail(uuid: entry.uuid)
                let enabled = live.isEnabled
                var steps: [ApplyStep] = []
                if enabled != intended {
                    if intended {
                        try await resume(uuid: entry.uuid)
                        steps.append(.resume)
                    } else {
                        try await client.pauseTask(uuid: entry.uuid)
                        steps.append(.pause)
                    }
                }
                try await journal.append(doneEntry(entry))
                progress("\(InertText.line(entry.name)): recovered" + (steps.isEmpty ? " (already in its intended state)" : " (\(steps.map(\.rawValue).joined(separator: ", ")))"))
                results.append(.init(uuid: entry.uuid, name: entry.name, result: .updated, steps: steps, detail: "recovered from the journal"))
            } catch {
                let paused = intended
                progress("\(InertText.line(entry.name)): recovery failed: " + InertText.line("\(error)"))
                results.append(.init(uuid: entry.uuid, name: entry.name, result: paused ? .leftPaused : .failed, steps: [], detail: "\(error)",
                                     resumeFailure: paused ? Self.resumeFailure(error) : nil))
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
    ///
    /// - Parameter reviewed: the digests of a reviewed plan (`apply --reviewed`): a task to update whose
    ///   digest is not among them is refused, never applied. Nil applies every task.
    public func apply(_ plan: Plan, reviewed: Set<String>? = nil) async -> [ApplyReport.TaskResult] {
        var results: [ApplyReport.TaskResult] = plan.unchanged.map {
            .init(uuid: $0.uuid, name: $0.name, result: .unchanged, steps: [], detail: nil)
        }
        let ordered = ApplyOrder.order(reviewedOnly(plan.toUpdate, reviewed, results: &results))
        var queue = ordered[...]
        // The first task that pauses and resumes goes alone, proving the (inferred) resume call.
        while let next = queue.first {
            if await control.isCancelled { break }
            queue = queue.dropFirst()
            let result = await applyOne(next)
            results.append(result)
            if TaskApplyStateMachine.pausesAndResumes(next, restore: options.machine.restore) { break }
        }
        let creates = reviewedOnly(plan.toCreate, reviewed, results: &results)
        let parallel = await runBounded(Array(queue)) { await applyOne($0) }
        results += parallel
        let applied = Set(results.map(\.uuid))
        for task in ordered where !applied.contains(task.uuid) {
            results.append(.init(uuid: task.uuid, name: task.name, result: .notStarted, steps: [], detail: "interrupted"))
        }
        results += await createAll(creates, blocked: await blockedNames())
        return results
    }

    /// The tasks whose digest `reviewed` lists (all when nil); each other one gets a `refused` result.
    func reviewedOnly(_ tasks: [TaskPlan], _ reviewed: Set<String>?, results: inout [ApplyReport.TaskResult]) -> [TaskPlan] {
        guard let reviewed else { return tasks }
        for task in tasks where !reviewed.contains(task.digest) {
            progress("\(InertText.line(task.name)): refused: not in the reviewed plan")
            results.append(.init(uuid: task.uuid, name: task.name, result: .refused, steps: [],
                                 detail: "not in the reviewed plan: its spec changed after the review, or it was never reviewed"))
        }
        return tasks.filter { reviewed.contains($0.digest) }
    }

    /// Runs `body` for each task, `options.parallelism` at a time; after a cancellation no further task
    /// starts (the caller reports those not started).
    func runBounded(_ tasks: [TaskPlan], _ body: @escaping @Sendable (TaskPlan) async -> ApplyReport.TaskResult) async
        -> [ApplyReport.TaskResult] {
        await withTaskGroup(of: ApplyReport.TaskResult.self) { group -> [ApplyReport.TaskResult] in
            var collected: [ApplyReport.TaskResult] = []
            var pending = tasks[...]
            for _ in 0..<options.parallelism {
                guard let task = pending.popFirst() else { break }
                group.addTask { await body(task) }
            }
            while let result = await group.next() {
                collected.append(result)
                if await !control.isCancelled, let task = pending.popFirst() {
                    group.addTask { await body(task) }
                }
            }
            return collected
        }
    }

    /// Drives one task's state machine to its end.
    ///
    /// - Parameters:
    ///   - detail: the task's detail, when the caller has just read it (a create's new task): used for
    ///     the first read instead of a second request.
    ///   - afterUpdate: called once the update call succeeded (a create journals `updated`).
    func applyOne(_ task: TaskPlan, detail: LiveTask? = nil, afterUpdate: (@Sendable () async -> Void)? = nil) async
        -> ApplyReport.TaskResult {
        var prefetched = detail
        var machine = TaskApplyStateMachine(plan: task, options: options.machine)
        var action = machine.start()
        var priorEnable = task.enabled
        var intendedEnable = task.enabled
        var resumeFailure: ApplyReport.ResumeFailure?
        let name = InertText.line(task.name)
        while true {
            switch action {
            case .readDetail:
                do {
                    var live: LiveTask
                    if let first = prefetched {
                        live = first
                        prefetched = nil
                    } else {
                        live = try await client.taskDetail(uuid: task.uuid)
                    }
                    if live.uuid.isEmpty { live.uuid = task.uuid }
                    let block: TaskApplyStateMachine.PauseBlock? =
                        await control.isCancelled ? .interrupted : await control.isResumeBroken ? .resumeFailed : nil
                    action = machine.detailRead(live, pauseBlock: block)
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
                progress("\(name): pause")
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
                progress("\(name): update" + (task.forced && task.changes.isEmpty ? " (forced)"
                    : " (\(task.changes.count) field\(task.changes.count == 1 ? "" : "s"))"))
                do {
                    try await client.updateTask(uuid: task.uuid, body: body)
                    await afterUpdate?()
                    action = machine.updateSucceeded()
                } catch {
                    action = machine.callFailed(Self.failure(error))
                }
            case .readBack:
                do {
                    var live = try await client.taskDetail(uuid: task.uuid)
                    if live.uuid.isEmpty { live.uuid = task.uuid }
                    action = machine.readBackRead(live)
                    for warning in machine.readBackWarnings { progress("\(name): warning: " + InertText.line(warning)) }
                } catch {
                    action = machine.callFailed(Self.failure(error))
                }
            case .resume:
                progress("\(name): resume")
                do {
                    try await resume(uuid: task.uuid)
                    action = machine.resumeSucceeded()
                } catch {
                    await control.markResumeBroken()
                    resumeFailure = Self.resumeFailure(error)
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
                    // Apply takes the plan's steps; when the run state changed since the plan (an
                    // operator paused or resumed the task), the steps follow it, and the report says so.
                    let deviation = steps == task.steps ? nil
                        : "steps taken: \(steps.isEmpty ? "none" : steps.arrowed); the plan said \(task.steps.arrowed) "
                            + "(the task's run state changed since the plan)"
                    let notes = [deviation].compactMap { $0 } + machine.readBackWarnings
                    result = .init(uuid: task.uuid, name: task.name, result: .updated, steps: steps,
                                   detail: notes.isEmpty ? nil : notes.joined(separator: "; "))
                case .skipped(let reason):
                    result = .init(uuid: task.uuid, name: task.name, result: .skipped, steps: [], detail: reason)
                case .notStarted(let reason):
                    result = .init(uuid: task.uuid, name: task.name, result: .notStarted, steps: [], detail: reason)
                case .failed(let reason):
                    result = .init(uuid: task.uuid, name: task.name, result: .failed, steps: [], detail: reason)
                case .leftPaused(let reason):
                    result = .init(uuid: task.uuid, name: task.name, result: .leftPaused, steps: [], detail: reason,
                                   resumeFailure: resumeFailure ?? .other)
                }
                progress("\(name): \(result.result.rawValue)" + (result.detail.map { ": " + InertText.line($0) } ?? ""))
                return result
            }
        }
    }

    /// Resumes a task, retrying a transient failure (`ResumeRetry.isTransient`) with backoff until the
    /// deadline: `resumeRetry.deadline` from the first attempt, or `interruptedDeadline` once the run
    /// is interrupted (the journal finishes the rest). A 4xx fails at once.
    func resume(uuid: String) async throws {
        let retry = options.resumeRetry
        let start = retry.now()
        var attempt = 0
        while true {
            do {
                try await client.resumeTask(uuid: uuid)
                return
            } catch {
                guard ResumeRetry.isTransient(error) else { throw error }
                attempt += 1
                let deadline = await control.isCancelled ? retry.interruptedDeadline : retry.deadline
                let delay = retry.delay(afterAttempt: attempt)
                if retry.now() - start + delay > deadline { throw error }
                progress("resume of \(InertText.line(uuid)) failed (\(ResumeRetry.label(error))); retrying in \(delay)")
                await retry.sleep(delay)
            }
        }
    }

    static func resumeFailure(_ error: any Error) -> ApplyReport.ResumeFailure {
        if ResumeRetry.isTransient(error) { return .transient }
        guard let api = error as? APIError else { return .other }
        switch api.underlying {
        case .httpStatus(_, let status, _, _) where status == 404 || status == 405: return .refused
        case .platform(_, let code, _) where code == 404 || code == 405: return .refused
        default: return .other
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
