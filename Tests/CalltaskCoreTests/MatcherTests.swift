import CalltaskCore
import CalltaskModels
import CalltaskYAML
import Testing

/// Matching by uuid and by name, ambiguity, and what is left unmanaged.
struct MatcherTests {
    static func live(_ uuid: String, _ name: String?) -> LiveTask {
        var task = LiveTask(uuid: uuid)
        task.name = name
        return task
    }

    @Test("uuid first, then a unique name; shared names are errors; the rest is unmanaged")
    func matching() throws {
        let loaded = SpecLoader.load([SourceFile(path: "t.yaml", text: """
            uuid: u-2
            name: renamed
            ---
            name: alpha
            ---
            name: twin
            ---
            name: missing
            """)])
        #expect(loaded.diagnostics.isEmpty)
        let live = [
            Self.live("u-1", "alpha"), Self.live("u-2", "beta"), Self.live("u-3", "twin"), Self.live("u-4", nil),
            Self.live("u-5", "twin"), Self.live("u-6", "twin"), Self.live("u-2", "beta-again"),
        ]
        let result = Matcher.match(loaded.specs, live: live)
        #expect(result.matches.map(\.live.uuid) == ["u-2", "u-1"])
        #expect(result.matches.map(\.live.name) == ["beta-again", "alpha"])  // the last of a repeated uuid
        #expect(result.unmatched.map(\.name) == ["missing"])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message.contains("matches 3 live tasks: u-3, u-5, u-6") == true)
        // A matched uuid is managed wherever it appears in the list.
        #expect(result.unmanaged.map(\.uuid) == ["u-3", "u-4", "u-5", "u-6"])
    }

    @Test("two specs that resolve to one live task, one by uuid and one by name, are an error naming both places")
    func twoSpecsOneTask() throws {
        let loaded = SpecLoader.load([
            SourceFile(path: "a.yaml", text: "uuid: u-1\nmaximumcall: 3\n"),
            SourceFile(path: "b.yaml", text: "# the same task, by name\nname: alpha\nmaximumcall: 4\n"),
        ])
        #expect(loaded.diagnostics.isEmpty)
        let result = Matcher.match(loaded.specs, live: [Self.live("u-1", "alpha")])
        #expect(result.matches.map(\.spec.source.path) == ["a.yaml"], "only the first spec plans")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.description == "b.yaml:2:7: error: name: this spec and the one at a.yaml:1:7 both resolve to the live task u-1 ('alpha'); each apply would undo the other")
        #expect(diagnostic.notes.first?.location?.description == "a.yaml:1:7")
        #expect(result.unmanaged.isEmpty)
    }

    @Test("--target, --exclude and --force-update: by spec name, spec uuid or the live uuid; a value naming no spec is an error")
    func scope() throws {
        let loaded = SpecLoader.load([SourceFile(path: "t.yaml", text: "uuid: u-1\nname: alpha\n---\nname: beta\n---\nname: gamma\n")])
        let live = [Self.live("u-1", "alpha"), Self.live("u-2", "beta"), Self.live("u-3", "gamma")]
        func names(_ options: Planner.Options) throws -> [String] {
            try Planner.scope(loaded.specs, options: options, live: live).get().compactMap(\.spec.config.name)
        }
        #expect(try names(.init(targets: ["u-1"])) == ["alpha"])
        #expect(try names(.init(targets: ["u-2"])) == ["beta"], "a spec without uuid is targeted by its live task's uuid")
        #expect(try names(.init(targets: ["beta", "gamma"], excludes: ["gamma"])) == ["beta"])
        #expect(try names(.init(forceUpdates: ["alpha"])) == ["alpha", "beta", "gamma"])
        let refused = Planner.scope(loaded.specs, options: .init(targets: ["bta"], excludes: ["nope"], forceUpdates: ["u-9"]), live: live)
        guard case .failure(let error) = refused else {
            Issue.record("expected an error")
            return
        }
        #expect(error.selectors.map(\.flag) == ["--target", "--exclude", "--force-update"])
        #expect(error.selectors.first?.closest.first == "beta")
        #expect(error.description.hasPrefix("--target 'bta' names no task spec (by name or uuid); closest spec names: 'beta'"))
    }
}
