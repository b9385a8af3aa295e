import CalltaskCore
import CalltaskModels
import Testing

/// Every transition of the per-task apply state machine, without a network.
struct TaskApplyStateMachineTests {
    /// A live task as the detail call returns it.
    static func live(enabled: Bool, interval: Int = 15, abnormal: Bool = false) -> LiveTask {
        var task = LiveTask(uuid: "t1")
        task.name = "sale"
        task.enable = LenientBool(enabled)
        task.maximumcall = 2
        task.dialTimeId = 5
        task.destinationExtension = 10
        var extras = LiveExtras()
        extras.startTime = "2026-01-01 09:00:00"
        extras.stopTime = "2026-12-31 21:00:00"
        extras.line = [TaskLine(id: "L1", limit: 2)]
        extras.holiday = []
        extras.redialInterval = LenientInt(interval)
        task.newTaskExtra = abnormal ? nil : extras
        task.taskExtras = extras
        return task
    }

    static func plan(for live: LiveTask, interval: Int = 30, enable: Bool? = nil) -> TaskPlan {
        var desired = TaskConfig()
        desired.name = "sale"
        desired.taskExtras = TaskExtras()
        desired.taskExtras?.redialInterval = interval
        let normalized = Normalizer.normalize(live)
        let changes = Differ.diff(desired: desired, live: normalized)
        return TaskPlan(uuid: "t1", name: "sale", source: "a.yaml:1:1", action: .update, enabled: normalized.enabled,
                        steps: [], changes: changes, enableChange: nil, warnings: [], desired: desired, desiredEnable: enable,
                        fingerprint: Fingerprint.of(normalized))
    }

    /// After the update is sent: the read-back comes next (`.readBack`); feeds the task as the platform
    /// shows it after the update (its `redial_interval` now `interval`, as the plan predicts) and returns
    /// what the machine does then.
    static func updated(_ machine: inout TaskApplyStateMachine, interval: Int = 30, sourceLocation: SourceLocation = #_sourceLocation) -> TaskApplyStateMachine.Action {
        #expect(machine.updateSucceeded() == .readBack, sourceLocation: sourceLocation)
        return machine.readBackRead(live(enabled: false, interval: interval))
    }

    /// Drives a running task's machine through record → pause → confirmed pause, up to its update
    /// (each step checked), for tests about what happens after the update is sent.
    static func driveToUpdate(
        _ machine: inout TaskApplyStateMachine, running: LiveTask, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(machine.start() == .readDetail, sourceLocation: sourceLocation)
        guard case .recordPausing = machine.detailRead(running, pauseBlock: nil) else {
            Issue.record("expected the pause to be journalled first", sourceLocation: sourceLocation)
            return
        }
        #expect(machine.recorded() == .pause, sourceLocation: sourceLocation)
        #expect(machine.pauseSucceeded() == .readDetail, sourceLocation: sourceLocation)
        guard case .update = machine.detailRead(live(enabled: false), pauseBlock: nil) else {
            Issue.record("expected the update once the pause is confirmed", sourceLocation: sourceLocation)
            return
        }
    }

    @Test("a running task is recorded, paused, confirmed paused, updated, resumed and marked done")
    func runningTask() throws {
        let running = Self.live(enabled: true)
        var machine = TaskApplyStateMachine(plan: Self.plan(for: running), options: .init())
        #expect(machine.start() == .readDetail)
        #expect(machine.detailRead(running, pauseBlock: nil) == .recordPausing(priorEnable: true, intendedEnable: true))
        #expect(machine.recorded() == .pause)
        #expect(machine.pauseSucceeded() == .readDetail)
        guard case .update(let body) = machine.detailRead(Self.live(enabled: false), pauseBlock: nil) else {
            Issue.record("expected an update after the pause was confirmed")
            return
        }
        #expect(body.taskExtras?.redialInterval == 30)
        #expect(body.taskExtras?.holiday == [], "fields the spec leaves out are carried from the detail")
        #expect(Self.updated(&machine) == .resume)
        #expect(machine.resumeSucceeded() == .recordDone)
        #expect(machine.doneRecorded() == .finish(.updated(steps: [.pause, .update, .resume])))
    }

    @Test("a paused task is updated without pause or resume")
    func pausedTask() {
        let paused = Self.live(enabled: false)
        var machine = TaskApplyStateMachine(plan: Self.plan(for: paused), options: .init())
        _ = machine.start()
        guard case .update = machine.detailRead(paused, pauseBlock: nil) else {
            Issue.record("expected an update")
            return
        }
        #expect(Self.updated(&machine) == .finish(.updated(steps: [.update])))
    }

    @Test("a task that changed since the plan is skipped")
    func staleTask() {
        let atPlan = Self.live(enabled: false, interval: 15)
        var machine = TaskApplyStateMachine(plan: Self.plan(for: atPlan), options: .init())
        _ = machine.start()
        let action = machine.detailRead(Self.live(enabled: false, interval: 20), pauseBlock: nil)
        guard case .finish(.skipped(let reason)) = action else {
            Issue.record("expected a skip, got \(action)")
            return
        }
        #expect(reason.contains("changed since the plan"))
    }

    @Test("6007 on the update of a task this run paused: pause again and retry once, then resume it as it was")
    func taskRunningRetry() {
        let running = Self.live(enabled: true)
        var machine = TaskApplyStateMachine(plan: Self.plan(for: running), options: .init())
        Self.driveToUpdate(&machine, running: running)
        #expect(machine.callFailed(.taskRunning) == .recordPausing(priorEnable: true, intendedEnable: true))
        #expect(machine.recorded() == .pause)
        #expect(machine.pauseSucceeded() == .readDetail)
        guard case .update = machine.detailRead(Self.live(enabled: false), pauseBlock: nil) else {
            Issue.record("expected the retried update")
            return
        }
        // A second 6007 is not retried again; the task is resumed as it was found.
        #expect(machine.callFailed(.taskRunning) == .resume)
        #expect(machine.resumeSucceeded() == .recordDone)
        guard case .finish(.failed) = machine.doneRecorded() else {
            Issue.record("expected a failure")
            return
        }
    }

    @Test("an update that fails after a pause resumes the task and reports the failure")
    func failedUpdateRestores() {
        let running = Self.live(enabled: true)
        var machine = TaskApplyStateMachine(plan: Self.plan(for: running), options: .init())
        Self.driveToUpdate(&machine, running: running)
        #expect(machine.callFailed(.other("HTTP 500")) == .resume)
        #expect(machine.resumeSucceeded() == .recordDone)
        guard case .finish(.failed(let reason)) = machine.doneRecorded() else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.contains("HTTP 500") && reason.contains("resumed"))
    }

    @Test("a failed resume leaves the task paused and says so")
    func failedResume() {
        let running = Self.live(enabled: true)
        var machine = TaskApplyStateMachine(plan: Self.plan(for: running), options: .init())
        Self.driveToUpdate(&machine, running: running)
        #expect(Self.updated(&machine) == .resume)
        guard case .finish(.leftPaused) = machine.callFailed(.other("HTTP 404")) else {
            Issue.record("expected left paused")
            return
        }
    }

    @Test("once a resume has failed, a running task is not paused")
    func noPauseAfterBrokenResume() {
        let running = Self.live(enabled: true)
        var machine = TaskApplyStateMachine(plan: Self.plan(for: running), options: .init())
        _ = machine.start()
        guard case .finish(.notStarted) = machine.detailRead(running, pauseBlock: .resumeFailed) else {
            Issue.record("expected a skip")
            return
        }
    }

    @Test("--no-restore leaves a paused task paused, and the spec's enable wins over the prior state")
    func restoreChoices() {
        let running = Self.live(enabled: true)
        var noRestore = TaskApplyStateMachine(plan: Self.plan(for: running), options: .init(restore: false))
        Self.driveToUpdate(&noRestore, running: running)
        #expect(Self.updated(&noRestore) == .recordDone)

        var stayPaused = TaskApplyStateMachine(plan: Self.plan(for: running, enable: false), options: .init())
        _ = stayPaused.start()
        #expect(stayPaused.detailRead(running, pauseBlock: nil) == .recordPausing(priorEnable: true, intendedEnable: false))
        _ = stayPaused.recorded()
        _ = stayPaused.pauseSucceeded()
        _ = stayPaused.detailRead(Self.live(enabled: false), pauseBlock: nil)
        #expect(Self.updated(&stayPaused) == .recordDone)
    }

    @Test("a pause that never takes effect gives up after the bounded checks and resumes")
    func pauseNeverConfirmed() {
        let running = Self.live(enabled: true)
        var machine = TaskApplyStateMachine(plan: Self.plan(for: running), options: .init(maxPauseChecks: 2, pauseCheckDelayMilliseconds: 1))
        _ = machine.start()
        _ = machine.detailRead(running, pauseBlock: nil)
        _ = machine.recorded()
        _ = machine.pauseSucceeded()
        #expect(machine.detailRead(running, pauseBlock: nil) == .wait(milliseconds: 1))
        #expect(machine.waited() == .readDetail)
        #expect(machine.detailRead(running, pauseBlock: nil) == .resume)
    }

    @Test("a required field the detail lacks and the spec does not set stops the task before any pause")
    func missingRequiredField() {
        var running = Self.live(enabled: true)
        running.newTaskExtra?.holiday = nil
        running.taskExtras?.holiday = nil
        var machine = TaskApplyStateMachine(plan: Self.plan(for: running), options: .init())
        _ = machine.start()
        guard case .finish(.failed(let reason)) = machine.detailRead(running, pauseBlock: nil) else {
            Issue.record("expected a failure before pausing")
            return
        }
        #expect(reason.contains("task_extras.holiday"))
    }

    @Test("a paused task whose spec changes a field and sets enable: true: update, then resume (no journal entry to close)")
    func pausedTaskTurnedOn() {
        let paused = Self.live(enabled: false)
        for restore in [true, false] {
            var machine = TaskApplyStateMachine(plan: Self.plan(for: paused, enable: true), options: .init(restore: restore))
            #expect(machine.start() == .readDetail)
            guard case .update = machine.detailRead(paused, pauseBlock: nil) else {
                Issue.record("expected an update")
                return
            }
            #expect(Self.updated(&machine) == .resume, "restore: \(restore)")
            #expect(machine.resumeSucceeded() == .finish(.updated(steps: [.update, .resume])))
        }
        // A resume that then fails leaves the task paused, as the plan promised it running.
        var failing = TaskApplyStateMachine(plan: Self.plan(for: paused, enable: true), options: .init())
        _ = failing.start()
        _ = failing.detailRead(paused, pauseBlock: nil)
        _ = Self.updated(&failing)
        guard case .finish(.leftPaused) = failing.callFailed(.other("HTTP 503")) else {
            Issue.record("expected left paused")
            return
        }
    }

    @Test("after SIGINT a task whose detail is read is not started, with the reason 'interrupted'")
    func interruptedIsNotStarted() {
        let running = Self.live(enabled: true)
        var machine = TaskApplyStateMachine(plan: Self.plan(for: running), options: .init())
        _ = machine.start()
        #expect(machine.detailRead(running, pauseBlock: .interrupted) == .finish(.notStarted(reason: "interrupted")))
    }

    @Test("a forced update with no readable change still sends the body, with the run-state steps of any update")
    func forcedUpdate() {
        let paused = Self.live(enabled: false)
        var plan = Self.plan(for: paused, interval: 15)
        #expect(plan.changes.isEmpty)
        plan.forced = true
        var machine = TaskApplyStateMachine(plan: plan, options: .init())
        _ = machine.start()
        guard case .update = machine.detailRead(paused, pauseBlock: nil) else {
            Issue.record("expected the forced update")
            return
        }
        #expect(Self.updated(&machine, interval: 15) == .finish(.updated(steps: [.update])))
    }

    @Test("the update body leaves out llm_intention_id and score_scheme_id when the live task has 0 (A7)")
    func unsetIdsLeftOut() {
        var live = Self.live(enabled: false)
        live.llmIntentionId = 0
        live.scoreSchemeId = 0
        live.backgroundId = 7
        let normalized = Normalizer.normalize(live)
        var desired = TaskConfig()
        desired.remark = "x"
        guard case .success(let body) = UpdateBody.build(live: normalized, desired: desired) else {
            Issue.record("expected a body")
            return
        }
        #expect(body.llmIntentionId == nil && body.scoreSchemeId == nil)
        #expect(body.backgroundId == 7)
        desired.llmIntentionId = 0  // a spec that writes 0 itself still sends it
        guard case .success(let explicit) = UpdateBody.build(live: normalized, desired: desired) else { return }
        #expect(explicit.llmIntentionId == 0)
    }

    @Test("a paused task refused as running (6007): read again and reported, never paused or resumed")
    func pausedTaskRefusedAsRunning() {
        let paused = Self.live(enabled: false)
        var machine = TaskApplyStateMachine(plan: Self.plan(for: paused, enable: true), options: .init())
        _ = machine.start()
        guard case .update = machine.detailRead(paused, pauseBlock: nil) else {
            Issue.record("expected an update")
            return
        }
        #expect(machine.callFailed(.taskRunning) == .readDetail)
        guard case .finish(.failed(let reason)) = machine.detailRead(paused, pauseBlock: nil) else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.contains("refused the update as running (6007)") && reason.contains("it is paused") && reason.contains("Not paused and not resumed"))
    }

    @Test("a read-back that differs from the prediction fails the task, naming the field, and still ends in the planned run state")
    func readBackDiffers() {
        let running = Self.live(enabled: true)
        var machine = TaskApplyStateMachine(plan: Self.plan(for: running), options: .init())
        Self.driveToUpdate(&machine, running: running)
        #expect(machine.updateSucceeded() == .readBack)
        var altered = Self.live(enabled: false, interval: 30)
        altered.maximumcall = 7  // a field the spec does not manage, changed by the platform
        #expect(machine.readBackRead(altered) == .resume, "the planned run state (running) is restored")
        #expect(machine.resumeSucceeded() == .recordDone)
        guard case .finish(.failed(let reason)) = machine.doneRecorded() else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.hasPrefix("updated, read-back differs: maximumcall: predicted 2, read 7"), "\(reason)")
    }

    @Test("a field the docs leave to the platform (lines, A10) that reads back differently is a warning, not a failure")
    func platformDecidesIsAWarning() {
        let paused = Self.live(enabled: false)
        var machine = TaskApplyStateMachine(plan: Self.plan(for: paused), options: .init())
        _ = machine.start()
        _ = machine.detailRead(paused, pauseBlock: nil)
        #expect(machine.updateSucceeded() == .readBack)
        var readBack = Self.live(enabled: false, interval: 30)
        readBack.newTaskExtra?.line = [TaskLine(id: "L1", limit: 1)]
        readBack.taskExtras?.line = [TaskLine(id: "L1", limit: 1)]
        #expect(machine.readBackRead(readBack) == .finish(.updated(steps: [.update])))
        #expect(machine.readBackWarnings.count == 1 && machine.readBackWarnings[0].contains("task_extras.line"), "\(machine.readBackWarnings)")
    }
}

