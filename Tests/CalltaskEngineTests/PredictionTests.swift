import CalltaskClient
import CalltaskCore
import CalltaskEngine
import CalltaskSimulator
import CalltaskYAML
import Foundation
import Testing

/// The plan predicts what the platform reports after each update, and apply checks it: for every
/// simulator default task (copies that disagree, call-loss statuses, both flavours, paused and
/// running), a one-field change is planned, applied and read back, and every predicted field matches
/// (a read-back that differs would fail the task). A second plan is empty.
@Suite("predicted read-back of the default tasks", .serialized)
struct PredictionTests {
    static let tasks: [(uuid: String, name: String)] = [
        (DefaultTasks.seedExampleId, "测试api接口创建-222"),
        (DefaultTasks.springSaleId, "spring-sale-followup"),
        (DefaultTasks.insuranceRenewalId, "insurance-renewal-2026"),
        (DefaultTasks.legacyCollectionsId, "legacy-collections"),
        (DefaultTasks.customerCallbackId, "回访-老客户"),
        (DefaultTasks.surveyId, "survey-q3"),
    ]

    @Test("a remark change on each default task reads back as predicted, under --strict-put and without", arguments: [false, true])
    func defaultTasks(strictPut: Bool) async throws {
        var options = SimulatorOptions()
        options.strictPut = strictPut
        let text = Self.tasks.map { "uuid: \($0.uuid)\nname: \($0.name)\nremark: predicted and verified\n" }.joined(separator: "---\n")
        let specs = try SimulatorHarness.specs(["all.yaml": text])
        #expect(!specs.hasErrors, "\(specs.diagnostics)")
        try await SimulatorHarness.run(options: options) { sim in
            let planned = try await PlanRunner(client: sim.client, account: sim.account, parallelism: 2).plan(specs, options: .init())
            let errors = planned.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                // A default task that breaks a rule together with the spec is reported at plan time.
                Issue.record("plan errors: \(errors)")
                return
            }
            #expect(planned.plan.toUpdate.count == Self.tasks.count, "\(planned.plan.tasks.map { "\($0.name): \($0.action)" })")
            let results = await sim.apply(planned.plan)
            for result in results {
                #expect(result.result == .updated, "\(result.name): \(result.result.rawValue): \(result.detail ?? "")")
            }
            let second = try await PlanRunner(client: sim.client, account: sim.account, parallelism: 2).plan(specs, options: .init())
            #expect(!second.plan.hasChanges, "\(second.plan.toUpdate.map(\.name))")
        }
    }
}
