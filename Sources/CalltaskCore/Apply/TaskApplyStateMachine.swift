public import CalltaskModels

/// The apply of one task as a state machine: pure, driven by the engine, which performs each returned
/// `Action` (an HTTP call, a journal write, a wait) and feeds the result back as an event.
///
/// The run state is the top-level `enable` (seed 000's state table); the platform refuses an update
/// while it is on (6007, seed 001). So a running task is paused (after the journal records it), its
/// pause is confirmed, it is updated, and its run state is set back (the spec's `enable`, else the
/// state it had; `--no-restore` leaves it paused).
public struct TaskApplyStateMachine: Sendable {
    /// What the engine must do next.
    public enum Action: Hashable, Sendable {
        case readDetail
        /// Append a journal entry and flush it, before pausing.
        case recordPausing(priorEnable: Bool, intendedEnable: Bool)
        case pause
        /// Wait before reading the detail again to see the pause take effect.
        case wait(milliseconds: Int)
        case update(TaskConfig)
        /// Read the task's detail after the update, to check it against the prediction (`ReadBackCheck`).
        case readBack
        case resume
        /// Mark the journal entry done: the task is in its intended run state.
        case recordDone
        case finish(Outcome)
    }

    /// How the task ended.
    public enum Outcome: Hashable, Sendable {
        case updated(steps: [ApplyStep])
        case skipped(reason: String)
        /// Nothing was done to the task: the run was interrupted, or pausing is no longer allowed.
        case notStarted(reason: String)
        /// Failed; the task was left as it was found (resumed if it had been running).
        case failed(reason: String)
        /// The task is paused although it should run: the resume failed.
        case leftPaused(reason: String)
    }

    /// Why no further running task may be paused in this run.
    public enum PauseBlock: Hashable, Sendable {
        /// A resume failed earlier in this run: pausing more tasks could leave them paused too.
        case resumeFailed
        /// SIGINT/SIGTERM: no new task starts.
        case interrupted
    }

    /// A failed call, as the machine needs to know it.
    public enum CallFailure: Hashable, Sendable {
        /// 6007: the platform says the task is still running.
        case taskRunning
        case other(String)
    }

    public struct Options: Sendable {
        public var restore: Bool
        /// Reads of the detail after a pause before giving up.
        public var maxPauseChecks: Int
        public var pauseCheckDelayMilliseconds: Int
        /// Read each task back after its update and check it against the prediction.
        public var verifyReadBack: Bool
        public init(restore: Bool = true, maxPauseChecks: Int = 10, pauseCheckDelayMilliseconds: Int = 300, verifyReadBack: Bool = true) {
            self.restore = restore
            self.maxPauseChecks = maxPauseChecks
            self.pauseCheckDelayMilliseconds = pauseCheckDelayMilliseconds
            self.verifyReadBack = verifyReadBack
        }
    }

    /// States and their transitions:
    /// - `start` → `.readDetail` → `checking`.
    /// - `checking` + detail: stale/abnormal/unbuildable → finish; running and needs update →
    ///   `.recordPausing` → `recording`; paused → `.update` → `updating`; only a run-state change → its call.
    /// - `recording` + recorded → `.pause` → `pausing`.
    /// - `pausing` + paused → `.readDetail` → `confirming(checks)`; + failure → finish(failed).
    /// - `confirming` + detail with enable false → `.update`; still on → `.wait` → `.readDetail`, bounded.
    /// - `updating` + success → restore (resume, or done); + 6007 once → pause again; + failure → restore
    ///   the prior state and finish(failed).
    /// - `restoring` + resumed → `.recordDone` → finish; + failure → finish(leftPaused).
    private enum State: Sendable {
        case start
        case checking
        case recording(body: TaskConfig?)
        case pausing(body: TaskConfig?)
        case confirming(body: TaskConfig?, checks: Int)
        case waiting(body: TaskConfig?, checks: Int)
        case updating(body: TaskConfig, retried: Bool)
        /// Updated; reading the task back to compare it with the prediction.
        case verifying(body: TaskConfig)
        /// A task found paused was refused as running (6007): read it again, to report what it is.
        case rereading
        case restoring(failure: String?)
        case finishing(Outcome)
        case done
    }

    private var state: State = .start
    private let plan: TaskPlan
    private let options: Options
    private var wasEnabled = false
    private var paused = false
    /// The task as read before the update (what the body leaves out must read back unchanged).
    private var before: NormalizedTask?
    /// The run state being restored is the planned one (after a failed read-back), not the one found.
    private var restoringToPlanned = false
    /// The journal holds a pausing entry for this task (so a done entry must close it).
    private var journaled = false
    private var steps: [ApplyStep] = []
    private var retriedAfterRunning = false

    public init(plan: TaskPlan, options: Options) {
        self.plan = plan
        self.options = options
    }

    /// The run state the task must end in.
    private var intendedEnable: Bool {
        let wanted = plan.desiredEnable ?? wasEnabled
        return options.restore ? wanted : (wanted && !paused)
    }

    public mutating func start() -> Action {
        state = .checking
        return .readDetail
    }

    /// - Parameter pauseBlock: why no running task may be paused any more in this run, if so.
    public mutating func detailRead(_ live: LiveTask, pauseBlock: PauseBlock?) -> Action {
        switch state {
        case .checking:
            if pauseBlock == .interrupted { return finish(.notStarted(reason: "interrupted")) }
            let normalized = Normalizer.normalize(live)
            if normalized.abnormal { return finish(.skipped(reason: "abnormal task (empty new_task_extra)")) }
            if Fingerprint.of(normalized) != plan.fingerprint {
                return finish(.skipped(reason: "changed since the plan was made; plan again"))
            }
            wasEnabled = normalized.enabled
            before = normalized
            var body: TaskConfig?
            if plan.needsUpdate {
                switch UpdateBody.build(live: normalized, desired: plan.desired) {
                case .success(let built): body = built
                case .failure(let missing): return finish(.failed(reason: missing.description))
                }
            }
            if let body {
                if wasEnabled {
                    guard pauseBlock == nil else {
                        return finish(.notStarted(reason: "not paused: a resume failed earlier in this run, so no further running task is paused"))
                    }
                    state = .recording(body: body)
                    return .recordPausing(priorEnable: true, intendedEnable: plan.desiredEnable ?? true)
                }
                state = .updating(body: body, retried: false)
                return .update(body)
            }
            // Only the run state changes.
            if let wanted = plan.desiredEnable, wanted != wasEnabled {
                if wanted {
                    state = .restoring(failure: nil)
                    steps.append(.resume)
                    return .resume
                }
                state = .recording(body: nil)
                return .recordPausing(priorEnable: true, intendedEnable: false)
            }
            return finish(.updated(steps: []))
        case .rereading:
            let normalized = Normalizer.normalize(live)
            let state = RunState(enable: normalized.enabled, callStatus: normalized.callStatus)
            return finish(.failed(reason: "the platform refused the update as running (6007) although the task was paused "
                                  + "(enable false); read again, it is \(state). Not paused and not resumed, as the plan did not say to; "
                                  + "plan again"))
        case .confirming(let body, let checks):
            if !(live.enable?.value ?? false) {
                guard let body else { return restoreOrFinish(failure: nil) }
                state = .updating(body: body, retried: retriedAfterRunning)
                return .update(body)
            }
            if checks + 1 >= options.maxPauseChecks {
                return restoreOrFinish(failure: "the task still reports enable=true after pausing; not updated")
            }
            state = .waiting(body: body, checks: checks + 1)
            return .wait(milliseconds: options.pauseCheckDelayMilliseconds)
        default:
            return .finish(.failed(reason: "internal: unexpected detail in \(state)"))
        }
    }

    public mutating func recorded() -> Action {
        guard case .recording(let body) = state else { return .finish(.failed(reason: "internal: unexpected journal write")) }
        journaled = true
        state = .pausing(body: body)
        steps.append(.pause)
        return .pause
    }

    public mutating func pauseSucceeded() -> Action {
        guard case .pausing(let body) = state else { return .finish(.failed(reason: "internal: unexpected pause")) }
        paused = true
        state = .confirming(body: body, checks: 0)
        return .readDetail
    }

    public mutating func waited() -> Action {
        guard case .waiting(let body, let checks) = state else { return .finish(.failed(reason: "internal: unexpected wait")) }
        state = .confirming(body: body, checks: checks)
        return .readDetail
    }

    public mutating func updateSucceeded() -> Action {
        guard case .updating(let body, _) = state else { return .finish(.failed(reason: "internal: unexpected update")) }
        steps.append(.update)
        guard options.verifyReadBack else { return restoreOrFinish(failure: nil) }
        state = .verifying(body: body)
        return .readBack
    }

    /// Differences on fields whose read-back the docs do not settle ("platform decides"): warnings.
    public private(set) var readBackWarnings: [String] = []

    /// The task read back after the update: a predicted field that differs fails the task ("updated,
    /// read-back differs"); its run state is still brought to the planned one.
    public mutating func readBackRead(_ live: LiveTask) -> Action {
        guard case .verifying(let body) = state else { return .finish(.failed(reason: "internal: unexpected read-back")) }
        let differences = ReadBackCheck.differences(body: body, before: before ?? Normalizer.normalize(live),
                                                    readBack: Normalizer.normalize(live))
        readBackWarnings = differences.filter { $0.platformDecides != nil }.map { difference in
            "read back differently, which the docs leave to the platform (\(difference.platformDecides ?? "")): \(difference)"
        }
        let failures = differences.filter { $0.platformDecides == nil }
        guard failures.isEmpty else {
            return restoreOrFinish(failure: "updated, read-back differs: " + failures.map(\.description).joined(separator: "; "), toPlanned: true)
        }
        return restoreOrFinish(failure: nil)
    }

    public mutating func resumeSucceeded() -> Action {
        guard case .restoring(let failure) = state else { return .finish(.failed(reason: "internal: unexpected resume")) }
        paused = false
        let resumed = restoringToPlanned ? "; the task was resumed, as planned" : "; the task was resumed as it was found"
        let outcome: Outcome = failure.map { .failed(reason: $0 + resumed) } ?? .updated(steps: steps)
        guard journaled else { return finish(outcome) }  // this run never paused it: no journal entry to close
        state = .finishing(outcome)
        return .recordDone
    }

    public mutating func doneRecorded() -> Action {
        guard case .finishing(let outcome) = state else { return .finish(.failed(reason: "internal: unexpected journal write")) }
        return finish(outcome)
    }

    /// A call failed (after the client's own retries).
    public mutating func callFailed(_ failure: CallFailure) -> Action {
        let reason: String
        switch failure {
        case .taskRunning: reason = "the platform says the task is running (6007)"
        case .other(let text): reason = text
        }
        switch state {
        case .checking:
            return finish(.failed(reason: "reading the task's detail failed: \(reason)"))
        case .recording:
            return finish(.failed(reason: "the journal could not be written, so the task was not paused: \(reason)"))
        case .pausing:
            return finish(.failed(reason: "pausing failed: \(reason)"))
        case .confirming, .waiting:
            return restoreOrFinish(failure: "confirming the pause failed: \(reason)")
        case .updating(let body, let retried):
            if failure == .taskRunning, !wasEnabled, !paused {
                // The run-state table: a paused task (enable false) is updated without a pause; on 6007
                // it is read again and reported, never paused or resumed (steps the plan did not show).
                state = .rereading
                return .readDetail
            }
            if failure == .taskRunning, !retried {
                // The task looked paused but the platform disagrees: pause again and retry once.
                retriedAfterRunning = true
                state = .recording(body: body)
                return .recordPausing(priorEnable: wasEnabled, intendedEnable: plan.desiredEnable ?? wasEnabled)
            }
            return restoreOrFinish(failure: "the update failed: \(reason)")
        case .restoring(let earlier):
            let what = earlier.map { $0 + "; then resuming failed too" } ?? "resuming failed"
            state = .done
            return .finish(.leftPaused(reason: "\(what): \(reason)"))
        case .finishing(let outcome):
            return finish(outcome)  // the done mark failed; the task itself is fine
        case .verifying:
            return restoreOrFinish(failure: "updated, but reading it back to check the update failed: \(reason)", toPlanned: true)
        case .rereading:
            return finish(.failed(reason: "the platform refused the update as running (6007) although the task was paused; "
                                  + "reading it again failed too: \(reason)"))
        case .start, .done:
            return .finish(.failed(reason: reason))
        }
    }

    /// After the update (or a failure), bring the run state to what it must be: resume a task that must
    /// end running and is not running now, whether this run paused it or the spec turns it on
    /// (`enable: false → true`, the plan's `update → resume`).
    ///
    /// - Parameter toPlanned: after a failure that came after the update (the read-back), end in the
    ///   planned run state, not the one the task was found in.
    private mutating func restoreOrFinish(failure: String?, toPlanned: Bool = false) -> Action {
        let target = failure == nil || toPlanned ? intendedEnable : (options.restore && wasEnabled)
        restoringToPlanned = toPlanned
        let runningNow = wasEnabled && !paused
        if target && !runningNow {
            state = .restoring(failure: failure)
            steps.append(.resume)
            return .resume
        }
        let outcome: Outcome = failure.map { .failed(reason: $0) } ?? .updated(steps: steps)
        if paused {
            state = .finishing(outcome)
            return .recordDone  // paused and meant to stay paused
        }
        return finish(outcome)
    }

    private mutating func finish(_ outcome: Outcome) -> Action {
        state = .done
        return .finish(outcome)
    }

    /// Whether this task is the kind that pauses and resumes (the first such goes through alone).
    public static func pausesAndResumes(_ plan: TaskPlan, restore: Bool) -> Bool {
        plan.enabled && plan.needsUpdate && restore && plan.desiredEnable != false
    }
}
