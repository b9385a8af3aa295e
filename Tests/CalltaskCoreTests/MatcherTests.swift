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
}
