@testable import CalltaskCore
import CalltaskModels
import CalltaskYAML
import Testing

/// The field table against the models: a field added to a model without a row (or a row without a
/// model key) fails here. The round trip through the simulator is `FieldRoundTripTests` (engine tests).
struct FieldTableTests {
    /// A copy of the standard table without the row at `index`.
    static func dropping(_ index: Int) -> FieldTable {
        var rows = FieldTable.standard.fields
        rows.remove(at: index)
        return FieldTable(fields: rows)
    }

    /// Every settable path of the models: `TaskConfig`'s keys and, under `task_extras.`, `TaskExtras`' keys.
    static let modelPaths: [String] = TaskConfig.CodingKeys.allCases.filter { $0 != .taskExtras }.map(\.rawValue)
        + TaskExtras.CodingKeys.allCases.map { "task_extras." + $0.rawValue }

    /// The paths `config` sets, read from its JSON form (so without the table).
    static func pathsSet(in config: TaskConfig) -> [String] {
        guard case .object(let top) = PlanValue(encoding: config) else { return [] }
        var paths = top.keys.filter { $0 != "task_extras" }.map { $0 }
        if case .object(let extras)? = top["task_extras"] { paths += extras.keys.map { "task_extras." + $0 } }
        return paths.sorted()
    }

    @Test("every settable key of TaskConfig, TaskExtras, LiveTask and LiveExtras has exactly one row, and every row a key")
    func matchesTheModels() {
        #expect(FieldTable.standard.modelMismatches() == [])
        #expect(FieldTable.standard.fields.map(\.path) == Self.modelPaths, "rows in the models' order (the body's and export's)")
    }

    @Test("with any one row left out of a copy of the table, the model check fails and names its keys",
          arguments: FieldTable.standard.fields.indices)
    func droppedRowFailsTheModelCheck(_ index: Int) {
        let dropped = FieldTable.standard.fields[index]
        let problems = Self.dropping(index).modelMismatches()
        let model = dropped.inExtras ? "TaskExtras.CodingKeys" : "TaskConfig.CodingKeys"
        #expect(problems.contains("\(model) key '\(dropped.key)' has no row in the field table"), "\(problems)")
        for key in dropped.live {
            #expect(problems.contains { $0.hasPrefix("live key '\(key)' is read by no row") }, "\(key): \(problems)")
        }
    }

    @Test("a row twice, or rows out of the models' order, fail the model check")
    func duplicateAndOrder() {
        var rows = FieldTable.standard.fields
        rows.append(rows[1])
        #expect(FieldTable(fields: rows).modelMismatches().contains("TaskConfig.CodingKeys key 'remark' has 2 rows in the field table"))
        rows = FieldTable.standard.fields
        rows.swapAt(0, 1)
        #expect(FieldTable(fields: rows).modelMismatches().contains { $0.hasPrefix("the rows for TaskConfig.CodingKeys are not in its order") })
    }

    @Test("the rows' examples set every field of the model (checked on the JSON form, not through the table)")
    func examplesCoverTheModel() {
        #expect(Self.pathsSet(in: FieldTable.standard.exampleConfig) == Self.modelPaths.sorted())
    }

    @Test("a task holding every row's example, as read back, exports as a valid spec that loads back as the same values")
    func examplesExportAndLoadBack() throws {
        let live = FieldTable.standard.predictedReadBack(FieldTable.standard.exampleConfig)
        let task = NormalizedTask(
            uuid: "7f3c2a10-0000-4000-8000-000000000000", name: live.name ?? "", config: live, asRead: live,
            enabled: false, callStatus: nil, uncodedRedialStatuses: [], disagreements: [], abnormal: false, alterDatetime: nil)
        let file = try SpecExporter.export(task, options: .init(account: "test"))
        let loaded = SpecLoader.load([SourceFile(path: file.fileName, text: file.text)])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(Validator.validate(loaded.specs).isEmpty, "the examples together are a valid spec: \(Validator.validate(loaded.specs))")
        let spec = try #require(loaded.specs.first?.spec)
        #expect(Self.pathsSet(in: spec.config) == Self.modelPaths.sorted(), "\(file.text)")
        #expect(Differ.diff(desired: Canonical.canonicalize(spec.config), live: task) == [])
        #expect(!file.warnings.contains { $0.contains("does not read back") }, "\(file.warnings)")
    }

    @Test("a live value that means unset is left out of the update body, unless the spec sets it (A7)")
    func unsetLiveValuesLeftOut() throws {
        let rows = FieldTable.standard.fields.filter { $0.omitUnsetLive != nil }
        #expect(rows.map(\.path) == ["llm_intention_id", "score_scheme_id"])
        var live = FieldTable.standard.exampleConfig
        live.llmIntentionId = 0
        live.scoreSchemeId = 0
        let task = NormalizedTask(uuid: "u", name: "x", config: live, asRead: live, enabled: false, callStatus: nil,
                                  uncodedRedialStatuses: [], disagreements: [], abnormal: false, alterDatetime: nil)
        let body = try UpdateBody.build(live: task, desired: TaskConfig()).get()
        #expect(body.llmIntentionId == nil && body.scoreSchemeId == nil)
        var desired = TaskConfig()
        desired.llmIntentionId = 0
        #expect(try UpdateBody.build(live: task, desired: desired).get().llmIntentionId == 0)
    }

    @Test("the predicted read-back drops the write-only redial codes and is otherwise the canonical value")
    func predictedReadBack() {
        let example = FieldTable.standard.exampleConfig
        let predicted = FieldTable.standard.predictedReadBack(example)
        #expect(predicted.taskExtras?.redialConditions?.daStatus == [.rejected, .busy])
        var rest = predicted
        rest.taskExtras?.redialConditions = nil
        var canonical = Canonical.canonicalize(example)
        canonical.taskExtras?.redialConditions = nil
        #expect(rest == canonical)
    }
}
