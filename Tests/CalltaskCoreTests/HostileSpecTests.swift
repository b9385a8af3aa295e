import CalltaskCore
import CalltaskTestSupport
import CalltaskYAML
import Testing

/// Hostile specs through the whole of `calltask validate`'s pure path: load (parse + decode),
/// validate, render. Numbers out of range for their field, and inputs whose cost is not bounded by the
/// YAML limits. Parser-level hostile input is in CalltaskYAMLTests/HostileYAMLTests.swift.
struct HostileSpecTests {
    /// Loads, validates and renders one file as `calltask validate` does, under a hang guard.
    static func validate(_ text: String, guardSeconds: Int64 = 2,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        let bytes = Array(text.utf8)
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let elapsed = clock.measure {
            let loaded = SpecLoader.load([SourceFile(path: "spec.yaml", bytes: bytes)])
            diagnostics = Diagnostic.sortedByLocation(loaded.diagnostics + Validator.validate(loaded.specs))
            _ = DiagnosticRenderer.text(diagnostics, sources: ["spec.yaml": bytes])
        }
        #expect(elapsed < .seconds(guardSeconds), "hang guard: \(elapsed)", sourceLocation: sourceLocation)
        return diagnostics
    }

    @Test("numbers out of range for their field are located errors", arguments: [
        ("name: a\nmaximumcall: 1️⃣99999999999999999999\n", "out of range"),
        ("name: a\nmaximumcall: 1️⃣-1\n", "maximumcall"),
        ("name: a\ntask_extras:\n  redial_interval: 1️⃣-1\n", "-1 is below the minimum of 1 minute"),
        ("name: a\ntask_extras:\n  redial_interval: 1️⃣99999999999999999999\n", "out of range"),
        ("name: a\ntask_extras:\n  redial_max_times: 1️⃣9223372036854775807\n", "above the maximum"),
        ("name: a\ndial_time_id: 1️⃣1e400\n", "dial_time_id"),
        ("name: a\nmaximumcall: 1️⃣.nan\n", "maximumcall"),
        ("name: a\ntask_type: 1️⃣99999999999999999999\n", "task_type"),
        ("name: a\nend_action: 1️⃣-9223372036854775808\n", "end_action"),
    ])
    func outOfRange(text: String, expected: String) throws {
        let yaml = MarkedYAML(text)
        let diagnostics = Self.validate(yaml.text)
        let error = try #require(diagnostics.first { $0.severity == .error }, "no error for \(yaml.text)")
        #expect(error.description.contains(expected), "\(diagnostics)")
        #expect(error.location == yaml.location("1️⃣", file: "spec.yaml"), "\(diagnostics)")
    }

    @Test("a key that is a number, a bool or null is an unknown key, not a crash", arguments: ["1: 2", "true: 2", "~: 2", "0x1F: 2"])
    func scalarKeysOfOtherTypes(line: String) {
        let diagnostics = Self.validate("name: a\n\(line)\n")
        #expect(diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    }

    @Test("an ignored x- list or mapping of 10,000 entries loads and validates in bounded time", arguments: ["list", "mapping"])
    func longIgnoredCollections(kind: String) {
        let text = kind == "list"
            ? "name: a\nx-list: [" + (0..<10_000).map(String.init).joined(separator: ",") + "]\n"
            : "name: a\nx-map:\n" + (0..<10_000).map { "  k\($0): \($0)\n" }.joined()
        let diagnostics = Self.validate(text)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.prefix(3))")
    }

    /// Was a bug (fixed: an overflow-free sum): `LineRules.check` sums the new 2.0 line limits with `+`
    /// (LineRules.swift:40, `limits.reduce(0, +)`), which traps on overflow: two limits of Int.max crash
    /// `calltask validate` (SIGILL, "arithmetic overflow") instead of reporting them. Run in a child
    /// process (an exit test) so the crash cannot take the test runner down.
    @Test("line limits whose sum overflows Int are reported, not a crash")
    func lineLimitSumOverflow() async {
        do {
            await #expect(processExitsWith: .success) {
                let text = """
                    name: a
                    task_type: new_v2
                    maximumcall: 2
                    task_extras:
                      pop_mode: sequential
                      line:
                        - {id: a, limit: 9223372036854775807}
                        - {id: b, limit: 9223372036854775807}
                    """
                let loaded = SpecLoader.load([SourceFile(path: "spec.yaml", text: text)])
                _ = Validator.validate(loaded.specs)
            }
        }
    }

    /// Was a bug (fixed: scalars weigh by size, long text skips type resolution): the YAML limits count nodes, not bytes, and the decoder resolves
    /// a plain scalar's type (`ScalarResolver.resolve`, a scan of the whole text) every time an alias of
    /// it is decoded. One scalar just under the 1 MiB limit, aliased a few thousand times in
    /// `task_extras.line`, costs gigabytes of scanning: a 1 MB file that `validate` does not finish
    /// in minutes (2,000 aliases did not finish in 60 s in a release build). 40 aliases here, ~40 MiB
    /// scanned, to keep the suite fast.
    @Test("aliases of a large scalar cost their number, not their number times the scalar's size")
    func wideAliasesOfLargeScalar() {
        let big = String(repeating: "x", count: (1 << 20) - 16)
        let text = "x-big: &b \(big)\nname: a\ntask_extras:\n  line: [" + String(repeating: "*b,", count: 40) + "]\n"
        _ = Self.validate(text, guardSeconds: 10)
    }
}
