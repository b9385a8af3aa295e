import CalltaskClient
import CalltaskCore
import CalltaskEngine
import CalltaskSimulator
import CalltaskYAML
import Foundation
import Testing

/// Rules that span fields are checked at plan time on the update body (the spec over the live task),
/// as located errors in the spec, before any request that writes.
@Suite("merged-body rules at plan time")
struct MergedBodyRulesTests {
    static let spring = DefaultTasks.springSaleId
    static let insurance = DefaultTasks.insuranceRenewalId

    static func plan(_ spec: String, prepare: @escaping @Sendable (TaskStore) async -> Void = { _ in }) async throws -> (Plan, [Diagnostic], [String]) {
        let specs = try SimulatorHarness.specs(["a.yaml": spec])
        #expect(!specs.hasErrors, "valid alone: \(specs.diagnostics)")
        return try await SimulatorHarness.run { sim in
            await prepare(sim.simulator.store)
            let result = try await PlanRunner(client: sim.client, account: sim.account, parallelism: 2).plan(specs, options: .init())
            let writes = await sim.simulator.log.entries().filter { $0.method == "PUT" }.map(\.path)
            return (result.plan, result.diagnostics, writes)
        }
    }

    @Test("maximumcall 3 over the live task's 2 lines: note 5's divisibility, located at maximumcall")
    func divisibility() async throws {
        let (_, diagnostics, writes) = try await Self.plan("uuid: \(Self.spring)\nname: spring-sale-followup\nmaximumcall: 3\n")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.description.hasSuffix("a.yaml:3:14: error: maximumcall: with the live task's values, which the update carries: 3 is not divisible by the number of lines (2)"),
                "\(error)")
        #expect(writes.isEmpty)
    }

    @Test("a new 2.0 task (by the live task_type) whose body would carry no pop_mode")
    func popModeByLiveTaskType() async throws {
        let (_, diagnostics, _) = try await Self.plan("uuid: \(Self.insurance)\nname: insurance-renewal-2026\nremark: renewals\n") { store in
            await store.modify(id: Self.insurance) { task in
                task.remove(at: "new_task_extra", "pop_mode")
                task.remove(at: "task_extras", "pop_mode")
            }
        }
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("missing required key 'pop_mode' for a new 2.0 task") },
                "\(diagnostics)")
    }

    @Test("end_action on a live task with elastic seats")
    func endActionWithElasticity() async throws {
        let (_, diagnostics, _) = try await Self.plan("uuid: \(Self.spring)\nname: spring-sale-followup\nend_action: pause_release\n") { store in
            await store.modify(id: Self.spring) { task in task.set(.bool(true), at: "elasticity_type") }
        }
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("cannot be used together with elasticity_type") },
                "\(diagnostics)")
    }

    @Test("a spec that breaks a rule alone gets its error once, from validate, not again from the merged body")
    func noDuplicates() async throws {
        let specs = try SimulatorHarness.specs(["a.yaml": "uuid: \(Self.spring)\nname: spring-sale-followup\nmaximumcall: 3\n"
            + "task_extras:\n  line: [{id: d47c3599-f166-4cd0-999c-f60e46814d26, limit: 1}, {id: 5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c, limit: 2}]\n"])
        #expect(specs.diagnostics.filter { $0.message.contains("not divisible") }.count == 1, "\(specs.diagnostics)")
        let planned = try await SimulatorHarness.run { sim in
            try await PlanRunner(client: sim.client, account: sim.account, parallelism: 2).plan(specs, options: .init())
        }
        #expect(planned.plan.toUpdate.count == 1, "the merged body was built: \(planned.plan.tasks.map(\.action))")
        #expect(!planned.diagnostics.contains { $0.message.contains("not divisible") }, "reported twice: \(planned.diagnostics)")
    }
}
