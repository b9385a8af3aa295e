import CalltaskClient
import CalltaskCore
import CalltaskEngine
import CalltaskSimulator
import Foundation
import Testing

/// Plan and apply against the real simulator over loopback.
struct ApplyEngineTests {
    static let spring = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e01"
    static let insurance = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e02"
    static let legacy = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e03"

    @Test("examples: apply converges under --strict-put and changes nothing but the planned fields")
    func convergesUnderStrictPut() async throws {
        var options = SimulatorOptions()
        options.strictPut = true
        try await SimulatorHarness.run(options: options) { sim in
            let specs = SpecSet.load([SimulatorHarness.examples])
            #expect(!specs.hasErrors)
            let before = await sim.records()
            let plan = try await sim.plan(specs)
            #expect(plan.toUpdate.map(\.name).sorted() == ["legacy-collections", "spring-sale-followup"])
            let results = await sim.apply(plan)
            #expect(results.filter { $0.result == .updated }.count == 2, "\(results)")
            let second = try await sim.plan(specs)
            #expect(!second.hasChanges, "a second plan after apply is empty")
            let after = await sim.records()
            for (uuid, record) in before {
                let planned: [String] = uuid == Self.spring ? ["redial_interval"] : uuid == Self.legacy ? ["maximumcall", "limit"] : []
                #expect(after[uuid]?.removing(planned + ["alter_datetime"]) == record.removing(planned + ["alter_datetime"]),
                        "task \(uuid) changed beyond its planned fields")
            }
            #expect(after[Self.spring]?["enable"]?.boolValue == true, "a running task is running again")
            #expect(after[Self.legacy]?["enable"]?.boolValue == true)
        }
    }

    @Test("a running task is paused, confirmed, updated and resumed in that order; an unchanged task is not touched")
    func runningTaskOrder() async throws {
        try await SimulatorHarness.run { sim in
            let plan = try await sim.plan(SpecSet.load([SimulatorHarness.examples]))
            await sim.simulator.log.clear()
            _ = await sim.apply(plan)
            #expect(await sim.kinds(of: Self.spring) == ["detail", "pause", "detail", "update", "detail", "resume"], "read back after the update, before the resume")
            #expect(await sim.kinds(of: Self.insurance) == [], "an unchanged task gets no call")
        }
    }

    @Test("a paused task is updated and not resumed; the spec's enable wins")
    func pausedTaskAndSpecEnable() async throws {
        try await SimulatorHarness.run { sim in
            let specs = try SimulatorHarness.specs([
                "a.yaml": "uuid: \(Self.insurance)\nname: insurance-renewal-2026\ntask_extras:\n  redial_interval: 20\n",
                "b.yaml": "uuid: \(Self.spring)\nname: spring-sale-followup\nenable: false\ntask_extras:\n  redial_interval: 45\n",
            ])
            let plan = try await sim.plan(specs)
            await sim.simulator.log.clear()
            let results = await sim.apply(plan)
            #expect(results.allSatisfy { $0.result == .updated }, "\(results)")
            #expect(await sim.kinds(of: Self.insurance) == ["detail", "update", "detail"])
            #expect(await sim.kinds(of: Self.spring) == ["detail", "pause", "detail", "update", "detail"])
            #expect(await sim.simulator.store.task(id: Self.spring)?.isEnabled == false)
            #expect(await sim.simulator.store.task(id: Self.insurance)?.isEnabled == false)
            #expect(!(try await sim.plan(specs).hasChanges))
        }
    }

    @Test("holidays and variable-based scripts the spec does not manage survive an apply under --strict-put")
    func keepsDetailOnlyFields() async throws {
        var options = SimulatorOptions()
        options.strictPut = true
        try await SimulatorHarness.run(options: options) { sim in
            let before = await sim.records()[Self.insurance]
            let specs = try SimulatorHarness.specs(["a.yaml": "uuid: \(Self.insurance)\nname: insurance-renewal-2026\ntask_extras:\n  redial_interval: 25\n"])
            let plan = try await sim.plan(specs)
            #expect(plan.requests == 2, "one list page, and the detail of the task to update (its body and side effects come from it)")
            _ = await sim.apply(plan)
            let after = await sim.records()[Self.insurance]
            #expect(after?["task_extras"]?["holiday"] == before?["task_extras"]?["holiday"])
            #expect(after?["task_extras"]?["holiday"]?.arrayValue?.count == 1)
            #expect(after?["task_extras"]?["destination_extension_with_variable_list"] == before?["task_extras"]?["destination_extension_with_variable_list"])
            #expect(after?["task_extras"]?["destination_extension_with_variable_list"]?.arrayValue?.count == 2)
        }
    }

    @Test("an update the platform rejects after a pause leaves the task running, as it was found")
    func failedUpdateResumes() async throws {
        try await SimulatorHarness.run { sim in
            // 3 is not divisible by the task's 2 live lines: the simulator rejects the PUT (seed 001 note 5).
            let specs = try SimulatorHarness.specs(["a.yaml": "uuid: \(Self.spring)\nname: spring-sale-followup\nmaximumcall: 3\n"])
            let plan = try await sim.plan(specs)
            let results = await sim.apply(plan)
            #expect(results.first?.result == .failed)
            #expect(results.first?.detail?.contains("resumed") == true)
            #expect(await sim.simulator.store.task(id: Self.spring)?.isEnabled == true)
            #expect(await sim.simulator.store.task(id: Self.spring)?.maximumcall == 4)
        }
    }

    @Test("a stale saved plan is refused whole")
    func stalePlan() async throws {
        try await SimulatorHarness.run { sim in
            let specs = SpecSet.load([SimulatorHarness.examples])
            let saved = try await sim.plan(specs)
            _ = await sim.simulator.store.modify(id: Self.spring) { task in
                task = SimTask(record: task.record.setting("maximumcall", to: .int(8)))
            }
            let fresh = try await sim.plan(specs)
            guard case .failure(.stale(let tasks)) = SavedPlanCheck.check(saved, fresh: fresh, specHash: specs.hash) else {
                Issue.record("expected a stale refusal")
                return
            }
            #expect(tasks.count == 1 && tasks[0].contains(Self.spring))
            #expect(throws: Never.self) { try SavedPlanCheck.check(fresh, fresh: fresh, specHash: specs.hash).get() }
            guard case .failure(.specsChanged) = SavedPlanCheck.check(fresh, fresh: fresh, specHash: "other") else {
                Issue.record("expected a spec-hash refusal")
                return
            }
        }
    }

    @Test("a broken resume path: exactly one running task is paused, no other, and recover with the right path resumes it")
    func brokenResumePath() async throws {
        let options = SimulatorOptions()
        let journal = FileManager.default.temporaryDirectory.appendingPathComponent("calltask-journal-\(UUID().uuidString).jsonl").path
        // First run: the resume path is wrong.
        try await SimulatorHarness.run(options: options, tasks: Simulator.defaultTasks(), resumePath: "/agent-api/new/user/{user_id}/task_resume_nope/{task_id}") { sim in
            let plan = try await sim.plan(SpecSet.load([SimulatorHarness.examples]))
            let runner = ApplyRunner(client: sim.client, journal: Journal(path: journal), account: sim.account,
                                     options: .init(parallelism: 4, machine: .init(maxPauseChecks: 5, pauseCheckDelayMilliseconds: 20)),
                                     progress: { _ in })
            let results = await runner.apply(plan)
            let report = ApplyReport(account: sim.account, tasks: results, recovered: [], interrupted: false)
            #expect(report.verdict == .leftPaused)
            #expect(report.leftPaused.map(\.uuid) == [Self.legacy], "the concurrency-lowering task goes first, alone")
            #expect(results.first { $0.uuid == Self.spring }?.result == .notStarted)
            let pauses = await sim.simulator.log.entries(kind: .pause).map(\.taskId)
            #expect(pauses == [Self.legacy], "no other task was paused")
            #expect(await sim.simulator.store.task(id: Self.spring)?.isEnabled == true)

            // Recover with the right path, against the same live state.
            let stored = await sim.simulator.store.allTasks()
            try await SimulatorHarness.run(options: options, tasks: stored) { fixed in
                let recovered = try await ApplyRunner(client: fixed.client, journal: Journal(path: journal), account: sim.account,
                                                  options: .init(), progress: { _ in }).recover()
                #expect(recovered.map(\.result) == [.updated])
                #expect(await fixed.simulator.store.task(id: Self.legacy)?.isEnabled == true)
                #expect(try await Journal(path: journal).unfinished().isEmpty)
            }
        }
    }

    @Test("a run killed after pausing is finished by the next apply's recovery, and the rerun converges")
    func recoveryAfterKill() async throws {
        try await SimulatorHarness.run { sim in
            // What a SIGKILL between pause and update leaves: a paused task and an unfinished journal entry.
            try await Journal(path: sim.journalPath).append(JournalEntry(
                account: sim.account, uuid: Self.spring, name: "spring-sale-followup", priorEnable: true, intendedEnable: true,
                state: .pausing, time: "2026-11-23T00:00:00Z"))
            _ = await sim.simulator.store.setRunState(id: Self.spring, enabled: false)
            let runner = sim.runner()
            let recovered = try await runner.recover()
            #expect(recovered.map(\.uuid) == [Self.spring])
            #expect(await sim.simulator.store.task(id: Self.spring)?.isEnabled == true)
            let specs = SpecSet.load([SimulatorHarness.examples])
            _ = await runner.apply(try await sim.plan(specs))
            #expect(!(try await sim.plan(specs).hasChanges))
            #expect(try await Journal(path: sim.journalPath).unfinished().isEmpty)
        }
    }
}

extension JSONValue {
    func setting(_ key: String, to value: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }
}
