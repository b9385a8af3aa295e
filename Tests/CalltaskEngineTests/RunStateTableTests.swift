import CalltaskClient
import CalltaskCore
import CalltaskEngine
import CalltaskSimulator
import Foundation
import Testing

/// The run-state table (issue "The plan is the contract (2)"): the steps are decided by the live
/// top-level `enable` and the spec's `enable`; `call_status` is shown, never used to decide. Each row,
/// with `call_status` true and false (chosen by setting the simulator's dialer clock inside or outside
/// the task's working hours, never by the wall clock): the steps planned, and the calls made, read
/// from the simulator's request log.
///
/// | live `enable` | spec `enable` | steps |
/// | --- | --- | --- |
/// | true | absent or true | pause → update → resume |
/// | true | false | pause → update |
/// | false | absent or false | update |
/// | false | true | update → resume |
///
/// A paused task's `call_status` is always false in the simulator (it dials only while enabled), so
/// the rows with live `enable` false are run with `call_status` false only.
@Suite("run-state table", .serialized)
struct RunStateTableTests {
    struct Row: Sendable, CustomStringConvertible {
        var liveEnable: Bool
        var specEnable: Bool?
        var dialing: Bool
        var steps: [ApplyStep]
        var description: String {
            "live enable \(liveEnable), spec enable \(specEnable.map(String.init) ?? "absent"), call_status \(dialing)"
        }
    }

    static let rows: [Row] = [
        Row(liveEnable: true, specEnable: nil, dialing: true, steps: [.pause, .update, .resume]),
        Row(liveEnable: true, specEnable: nil, dialing: false, steps: [.pause, .update, .resume]),
        Row(liveEnable: true, specEnable: true, dialing: true, steps: [.pause, .update, .resume]),
        Row(liveEnable: true, specEnable: true, dialing: false, steps: [.pause, .update, .resume]),
        Row(liveEnable: true, specEnable: false, dialing: true, steps: [.pause, .update]),
        Row(liveEnable: true, specEnable: false, dialing: false, steps: [.pause, .update]),
        Row(liveEnable: false, specEnable: nil, dialing: false, steps: [.update]),
        Row(liveEnable: false, specEnable: false, dialing: false, steps: [.update]),
        Row(liveEnable: false, specEnable: true, dialing: false, steps: [.update, .resume]),
    ]

    static let spring = DefaultTasks.springSaleId
    /// Monday 10:00, inside spring-sale-followup's working hours (Monday 09:00–12:00); Monday 20:00 is outside.
    static let insideHours = "2026-03-02 10:00:00"
    static let outsideHours = "2026-03-02 20:00:00"

    @Test("steps planned and calls made follow enable; call_status is shown beside them", arguments: rows)
    func row(_ row: Row) async throws {
        var options = SimulatorOptions()
        options.strictPut = true
        options.dialerTime = row.dialing ? Self.insideHours : Self.outsideHours
        let spec = "uuid: \(Self.spring)\n" + (row.specEnable.map { "enable: \($0)\n" } ?? "") + "task_extras:\n  redial_interval: 30\n"
        let specs = try SimulatorHarness.specs(["spring.yaml": spec])
        try await SimulatorHarness.run(options: options) { sim in
            await sim.simulator.store.setRunState(id: Self.spring, enabled: row.liveEnable)
            let live = try #require(await sim.simulator.store.task(id: Self.spring))
            #expect(live.callStatus == row.dialing, "the dialer clock did not give call_status \(row.dialing)")

            let plan = try await sim.plan(specs)
            let task = try #require(plan.tasks.first)
            #expect(task.steps == row.steps, "\(row): planned \(task.steps)")
            #expect(task.runState == RunState(enable: row.liveEnable, callStatus: row.dialing), "\(row)")
            #expect(PlanRenderer.text(plan).contains("; now \(task.runState)"), "the state is not shown")

            await sim.simulator.log.clear()
            let results = await sim.apply(plan)
            #expect(results.first { $0.uuid == Self.spring }?.result == .updated, "\(row): \(results)")
            let calls = await sim.kinds(of: Self.spring).filter { ["pause", "update", "resume"].contains($0) }
            #expect(calls == row.steps.map(\.rawValue), "\(row): calls made \(calls)")
            let after = try #require(await sim.simulator.store.task(id: Self.spring))
            #expect(after.isEnabled == (row.specEnable ?? row.liveEnable), "\(row): ends enable \(after.isEnabled)")
            #expect(results.first?.detail == nil, "no deviation expected: \(String(describing: results.first?.detail))")
        }
    }

    @Test("a run state changed after the plan: apply follows enable and reports the deviation")
    func deviationIsReported() async throws {
        let specs = try SimulatorHarness.specs(["spring.yaml": "uuid: \(Self.spring)\ntask_extras:\n  redial_interval: 30\n"])
        try await SimulatorHarness.run { sim in
            let plan = try await sim.plan(specs)
            #expect(plan.tasks.first?.steps == [.pause, .update, .resume])
            // An operator pauses the task in the console between plan and apply.
            await sim.simulator.store.setRunState(id: Self.spring, enabled: false)
            let results = await sim.apply(plan)
            let result = try #require(results.first { $0.uuid == Self.spring })
            #expect(result.result == .updated && result.steps == [.update])
            #expect(result.detail == "steps taken: update; the plan said pause → update → resume (the task's run state changed since the plan)")
            #expect(await sim.simulator.store.task(id: Self.spring)?.isEnabled == false, "a task paused by hand was resumed")
        }
    }
}
