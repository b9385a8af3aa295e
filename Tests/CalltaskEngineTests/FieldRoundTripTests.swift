import CalltaskClient
import CalltaskCore
import CalltaskModels
import CalltaskSimulator
import Testing

/// Every row of the field table round-trips through the simulator: its example, laid over the live
/// task's detail by `UpdateBody` and PUT through the real `APIClient`, reads back (detail GET,
/// `Normalizer`) as the row predicts. A field the table forgets, or that the simulator does not store,
/// fails here.
struct FieldRoundTripTests {
    /// `insurance-renewal-2026`: paused (an update needs no pause), every field different from the examples.
    static let taskID = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e02"

    /// Every settable path of the models, without the table: `TaskConfig`'s keys, then `TaskExtras`'.
    static let modelPaths: [String] = TaskConfig.CodingKeys.allCases.filter { $0 != .taskExtras }.map(\.rawValue)
        + TaskExtras.CodingKeys.allCases.map { "task_extras." + $0.rawValue }

    /// A configuration's values by path, read from its JSON form (so without the table).
    static func values(_ config: TaskConfig) -> [String: PlanValue] {
        guard case .object(let top) = PlanValue(encoding: config) else { return [:] }
        var out = top.filter { $0.key != "task_extras" }
        if case .object(let extras)? = top["task_extras"] {
            for (key, value) in extras { out["task_extras." + key] = value }
        }
        return out
    }

    /// What goes wrong when `sample` is written to the task through `table` and read back; empty when
    /// every field of the model reads back as `table` predicts.
    ///
    /// The steps are the apply path's: read the detail and normalize it with `table`, build the update
    /// body with `table` (`UpdateBody.build`), PUT it through `APIClient`, read the detail again and
    /// normalize it with `table`. Each path of the model (not of the table) is then compared with
    /// `table.predictedReadBack(sample)`; a sample value that equals the task's value before the write
    /// is a problem too, since a lost write would then go unseen.
    ///
    /// - Parameters:
    ///   - table: the rows under test (a copy with a row left out must fail).
    ///   - sample: the values to write; it must set every path of the model.
    static func roundTripProblems(table: FieldTable, sample: TaskConfig, on sim: SimulatorHarness) async -> [String] {
        var problems: [String] = []
        let predicted = values(table.predictedReadBack(sample))
        for path in modelPaths where values(sample)[path] == nil {
            problems.append("\(path): the sample sets no value (no row gives an example)")
        }
        do {
            let before = Normalizer.normalize(try await sim.client.taskDetail(uuid: taskID), table: table)
            let old = values(before.config)
            for path in modelPaths where predicted[path] != nil && old[path] == predicted[path] {
                problems.append("\(path): the example equals the task's value before the write, so a lost write would go unseen")
            }
            switch UpdateBody.build(live: before, desired: sample, table: table) {
            case .failure(let missing):
                return problems + ["the update body cannot be built: \(missing)"]
            case .success(let body):
                do {
                    try await sim.client.updateTask(uuid: taskID, body: body)
                } catch {
                    return problems + ["the update was refused: \(error)"]
                }
            }
            let after = Normalizer.normalize(try await sim.client.taskDetail(uuid: taskID), table: table)
            let readBack = values(after.config)
            for path in modelPaths where readBack[path] != predicted[path] {
                problems.append("\(path): wrote \(values(sample)[path]?.description ?? "nothing"), predicted "
                                + "\(predicted[path]?.description ?? "nothing"), read back \(readBack[path]?.description ?? "nothing")")
            }
            if !after.uncodedRedialStatuses.isEmpty {
                problems.append("task_extras.redial_conditions: read back strings no code writes: \(after.uncodedRedialStatuses)")
            }
        } catch {
            problems.append("the round trip failed: \(error)")
        }
        return problems
    }

    @Test("every row round-trips: its example, written through the update body, reads back as the row predicts",
          arguments: [false, true])
    func everyRowRoundTrips(strictPut: Bool) async throws {
        var options = SimulatorOptions()
        options.strictPut = strictPut
        let problems = try await SimulatorHarness.run(options: options) { sim in
            await Self.roundTripProblems(table: .standard, sample: FieldTable.standard.exampleConfig, on: sim)
        }
        #expect(problems == [])
    }

    @Test("with any one row left out of a copy of the table, the round trip and the model check both fail, naming it",
          arguments: FieldTable.standard.fields.indices)
    func droppedRowFailsBothChecks(_ index: Int) async throws {
        let dropped = FieldTable.standard.fields[index]
        var rows = FieldTable.standard.fields
        rows.remove(at: index)
        let table = FieldTable(fields: rows)
        #expect(table.modelMismatches().contains { $0.hasSuffix("key '\(dropped.key)' has no row in the field table") })
        let problems = try await SimulatorHarness.run { sim in
            await Self.roundTripProblems(table: table, sample: FieldTable.standard.exampleConfig, on: sim)
        }
        // Either its value does not come back, or the platform refuses the body without it: a required
        // field (the refusal names it), or one another field's rule needs (task_type for the lines' shape).
        #expect(problems.contains { $0.hasPrefix(dropped.path + ":") || $0.hasPrefix("the update was refused:") }, "\(problems)")
        if dropped.requiredInBody {
            #expect(problems.contains { $0.contains("The \(dropped.path) field is required") }, "\(problems)")
        }
    }
}
