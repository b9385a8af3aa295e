import CalltaskCore
@testable import CalltaskEngine
import CalltaskModels
import CalltaskYAML
import Testing

/// Loading on every core gives exactly what loading on one thread gives.
struct ParallelSpecLoaderTests {
    /// 300 files: most valid, every seventh with an unknown key, every eleventh with a bad value,
    /// every thirteenth holding two documents.
    static let files: [SourceFile] = (0..<300).map { index in
        var text = "name: task-\(index)\ntask_extras:\n  pop_mode: random\n"
        if index % 7 == 0 { text += "  redial_intervall: 5\n" }
        if index % 11 == 0 { text += "  redial_interval: soon\n" }
        if index % 13 == 0 { text += "---\nname: task-\(index)-b\nmaximumcall: 2\n" }
        return SourceFile(path: "specs/task-\(index).yaml", text: text)
    }

    @Test("the same specs in the same order, and the same diagnostics", arguments: [1, 2, 3, 8])
    func sameAsSequential(workers: Int) {
        let sequential = SpecLoader.load(Self.files)
        let parallel = ParallelSpecLoader.load(Self.files, workers: workers)
        #expect(parallel.specs.map(\.spec.displayName) == sequential.specs.map(\.spec.displayName))
        #expect(parallel.specs.map(\.location) == sequential.specs.map(\.location))
        #expect(parallel.diagnostics.map(\.description) == sequential.diagnostics.map(\.description))
        #expect(sequential.specs.count == 300 + 24)
        #expect(sequential.diagnostics.count == 43 + 28)
    }
}
