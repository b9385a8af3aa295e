import Foundation
import Testing

/// `apply --plan FILE` takes the specs by any spelling of the same paths, or none (then the plan's own
/// files); a real change is refused, naming the file.
struct SavedPlanPathsTests {
    enum Spelling: String, CaseIterable, CustomTestStringConvertible {
        case same, dotSlash, absolute, files, none
        var testDescription: String { rawValue }

        func arguments(_ workspace: Workspace) -> [String] {
            switch self {
            case .same: return ["examples/"]
            case .dotSlash: return ["./examples"]
            case .absolute: return [workspace.path("examples").path]
            case .files: return ["examples/spring-sale-followup.yaml", "./examples/legacy-collections.yaml",
                                 workspace.path("examples/insurance-renewal.yaml").path]
            case .none: return []
            }
        }
    }

    @Test("plan --out with examples/, then apply --plan with another spelling of the same files (or none) applies",
          arguments: Spelling.allCases)
    func spellings(_ spelling: Spelling) async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()

        let plan = try await calltask(["plan", "--out", "plan.json", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        let saved = try #require(workspace.read("plan.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any])
        #expect(object["format_version"] as? Int == 3)
        let files = try #require(object["spec_files"] as? [[String: Any]])
        #expect(files.compactMap { $0["path"] as? String } == [
            "examples/insurance-renewal.yaml", "examples/legacy-collections.yaml", "examples/spring-sale-followup.yaml",
        ])
        #expect(files.allSatisfy { ($0["hash"] as? String)?.count == 16 })

        let apply = try await calltask(["apply", "--plan", "plan.json", "--auto-approve"] + spelling.arguments(workspace),
                                       in: workspace, simulator: simulator)
        #expect(apply.status == 0, "\(apply)")
        let log = try await simulator.log()
        #expect(log.of("update").count == 2, "\(log.map(\.kind))")
    }

    @Test("a changed, new or removed spec file is refused, naming the file; nothing is applied")
    func refusals() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()
        let plan = try await calltask(["plan", "--out", "plan.json", "./examples"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")

        try workspace.edit("examples/spring-sale-followup.yaml", replacing: "redial_interval: 30", with: "redial_interval: 45")
        let changed = try await calltask(["apply", "--plan", "plan.json", "--auto-approve"], in: workspace, simulator: simulator)
        #expect(changed.status == 1, "\(changed)")
        #expect(changed.stderr.contains("the spec files changed since the plan was made (changed: examples/spring-sale-followup.yaml)."),
                "\(changed)")
        try workspace.edit("examples/spring-sale-followup.yaml", replacing: "redial_interval: 45", with: "redial_interval: 30")

        try workspace.write("examples/extra.yaml", "name: survey-q3\n")
        let added = try await calltask(["apply", "--plan", "plan.json", "--auto-approve", "examples"], in: workspace, simulator: simulator)
        #expect(added.status == 1, "\(added)")
        #expect(added.stderr.contains("(new: examples/extra.yaml)"), "\(added)")

        let fewer = try await calltask(["apply", "--plan", "plan.json", "--auto-approve", "examples/spring-sale-followup.yaml"],
                                       in: workspace, simulator: simulator)
        #expect(fewer.status == 1, "\(fewer)")
        #expect(fewer.stderr.contains("(missing: examples/insurance-renewal.yaml, examples/legacy-collections.yaml)"), "\(fewer)")

        let log = try await simulator.log()
        #expect(log.allSatisfy { $0.method == "GET" }, "a refused plan sent a write: \(log.map(\.kind))")
    }

    @Test("a plan file of format 1 is refused with a message to plan again")
    func oldFormat() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()
        let plan = try await calltask(["plan", "--out", "plan.json", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        let text = try #require(workspace.read("plan.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        object["format_version"] = 1
        object["spec_files"] = nil
        try workspace.write("old.json", String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))

        let apply = try await calltask(["apply", "--plan", "old.json", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        #expect(apply.status == 1, "\(apply)")
        #expect(apply.stderr.contains("old.json has plan format 1; this calltask reads format 3. Nothing was applied"), "\(apply)")
        #expect(try await simulator.log().allSatisfy { $0.method == "GET" })
    }
}
