import CalltaskCore
import CalltaskModels
import CalltaskYAML
import Foundation
import Testing

/// Keeps schemas/calltask-task.schema.json and the decoder in step: a key one accepts and the other
/// rejects fails the build.
struct SchemaSyncTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("../../schemas/calltask-task.schema.json").standardized)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func properties(_ object: [String: Any]?) -> Set<String> {
        Set((object?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
    }

    static func kitchenSink() throws -> (SpecLoader.Result, YAMLNode) {
        let url = root.appendingPathComponent("Fixtures/schema/kitchen-sink.yaml")
        let bytes = [UInt8](try Data(contentsOf: url))
        let result = SpecLoader.load([SourceFile(path: "kitchen-sink.yaml", bytes: bytes)])
        #expect(result.specs.count == 1)
        let document = try #require(YAMLParser.parse(bytes, file: "kitchen-sink.yaml").documents.first)
        return (result, document.root)
    }

    /// The keys written at `path` in the kitchen sink (the first element, for lists; all elements' keys united).
    static func keys(in node: YAMLNode, at path: [String]) -> Set<String> {
        var current = [node]
        for key in path {
            current = current.compactMap { $0[key] }.flatMap { $0.elements ?? [$0] }
        }
        return Set(current.flatMap { $0.pairs ?? [] }.compactMap { $0.key.scalar?.value })
    }

    @Test("the schema's top-level and task_extras properties are exactly the model's keys")
    func topLevelAndExtras() throws {
        let schema = try Self.schema()
        let defs = try #require(schema["$defs"] as? [String: Any])
        #expect(Self.properties(schema) == Set(TaskSpec.topLevelKeys))
        #expect(Self.properties(defs["taskExtras"] as? [String: Any]) == Set(TaskExtras.CodingKeys.allCases.map(\.rawValue)))
    }

    @Test("a spec using every schema key decodes with no unknown key and no error")
    func kitchenSinkDecodes() throws {
        let (result, _) = try Self.kitchenSink()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(Validator.validate(result.specs).filter { $0.severity == .error }.isEmpty)
    }

    @Test("every nested shape of the schema is used in full by the kitchen sink", arguments: [
        ("holiday", ["task_extras", "holiday"]),
        ("workHour", ["task_extras", "work_hour"]),
        ("timedScript", ["task_extras", "destination_extension_list"]),
        ("variableScript", ["task_extras", "destination_extension_with_variable_list"]),
        ("multiScriptConfig", ["task_extras", "destination_extension_multi_config"]),
        ("groupSwitchRule", ["group_switch_rule"]),
        ("newCallRule", ["new_call_rules"]),
        ("redialConditions", ["task_extras", "redial_conditions"]),
    ])
    func nestedShapes(definition: String, path: [String]) throws {
        let defs = try #require(try Self.schema()["$defs"] as? [String: Any])
        let (_, root) = try Self.kitchenSink()
        #expect(Self.properties(defs[definition] as? [String: Any]) == Self.keys(in: root, at: path))
    }

    @Test("a key the schema does not know is an unknown key to the decoder too")
    func unknownKeyBothWays() throws {
        let result = SpecLoader.load([SourceFile(path: "t.yaml", text: "name: x\ntask_extras:\n  holiday_list: []\n")])
        #expect(result.diagnostics.map(\.message) == ["unknown key 'holiday_list' in 'task_extras'"])
    }
}
