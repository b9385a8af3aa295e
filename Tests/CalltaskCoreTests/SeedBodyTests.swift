import CalltaskCore
import CalltaskModels
import CalltaskYAML
import Foundation
import Testing

/// Seed 001's two update (PUT) bodies, written as YAML specs, decode to the same `TaskConfig` as the
/// JSON bodies; and the shipped examples validate cleanly.
struct SeedBodyTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let seedFixtures = testsFolder.appendingPathComponent("CalltaskModelsTests").appendingPathComponent("Fixtures")
    static let examples = testsFolder.deletingLastPathComponent().appendingPathComponent("examples")

    private func load(_ url: URL) throws -> (SpecLoader.Result, [Diagnostic]) {
        let bytes = [UInt8](try Data(contentsOf: url))
        let loaded = SpecLoader.load([SourceFile(path: url.lastPathComponent, bytes: bytes)])
        return (loaded, loaded.diagnostics + Validator.validate(loaded.specs))
    }

    @Test("a seed 001 body as YAML decodes to the same TaskConfig as the JSON body", arguments: [
        "seed-001-new-v2-body", "seed-001-old-v2-body",
    ])
    func yamlMatchesJSON(name: String) throws {
        let (loaded, _) = try load(Self.seedFixtures.appendingPathComponent(name + ".yaml"))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description))")
        #expect(loaded.specs.count == 1)
        let yamlConfig = try #require(loaded.specs.first?.spec.config)
        let json = try Data(contentsOf: Self.seedFixtures.appendingPathComponent(name + ".json"))
        let jsonConfig = try JSONDecoder().decode(TaskConfig.self, from: json)
        #expect(yamlConfig == jsonConfig)
        #expect(loaded.specs.first?.spec.uuid == nil)
        #expect(loaded.specs.first?.spec.enable == nil)
    }

    @Test("seed 001's new 2.0 body holds the values the docs show")
    func newV2Values() throws {
        let (loaded, _) = try load(Self.seedFixtures.appendingPathComponent("seed-001-new-v2-body.yaml"))
        let config = try #require(loaded.specs.first?.spec.config)
        #expect(config.name == "测试api接口创建-222")
        #expect(config.taskType == .newV2)
        #expect(config.isGroupSwitch == .byTime)
        #expect(config.maximumcall == 2)
        #expect(config.taskExtras?.line == [TaskLine(id: "d47c3599-f166-4cd0-999c-f60e46814d26", limit: 2)])
        #expect(config.taskExtras?.popMode == .sequential)
        #expect(config.taskExtras?.redialConditions?.daStatus.map(\.rawValue) == [2, 3, 4, 6, 8, 9, 12])
        #expect(config.taskExtras?.destinationExtensionWithVariableList?.first?.values == ["男", "男的"])
    }

    @Test("seed 001's old 2.0 body keeps the holiday written with 'begin'")
    func oldV2Holiday() throws {
        let (loaded, _) = try load(Self.seedFixtures.appendingPathComponent("seed-001-old-v2-body.yaml"))
        let config = try #require(loaded.specs.first?.spec.config)
        #expect(config.taskExtras?.holiday == [Holiday(start: "2024-11-01 13:25", end: "2024-11-03 13:25")])
        #expect(config.taskExtras?.line == [])
    }

    static let exampleFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }()

    @Test("the examples validate with no errors and no warnings", arguments: exampleFiles)
    func exampleValidates(name: String) throws {
        let (loaded, diagnostics) = try load(Self.examples.appendingPathComponent(name))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(!loaded.specs.isEmpty)
    }

    @Test("the examples together name distinct tasks")
    func examplesTogether() throws {
        var files: [SourceFile] = []
        for name in Self.exampleFiles {
            files.append(SourceFile(path: name, bytes: [UInt8](try Data(contentsOf: Self.examples.appendingPathComponent(name)))))
        }
        let loaded = SpecLoader.load(files)
        #expect((loaded.diagnostics + Validator.validate(loaded.specs)).isEmpty)
        #expect(loaded.specs.count >= Self.exampleFiles.count)
    }
}
