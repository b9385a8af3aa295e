import CalltaskCore
import CalltaskModels
import CalltaskYAML
import Testing

/// A loaded spec keeps its file's bytes, not its node tree; findings are located by parsing again.
struct LoadedSpecTests {
    static let twoDocuments = """
        name: first
        task_extras:
          pop_mode: random
        ---
        # the second task
        name: second
        task_extras:
          pop_mode: 0x1
          redial_interval: 30
        """

    @Test("locations in the second document of a file come from that document")
    func secondDocument() throws {
        let result = SpecLoader.load([SourceFile(path: "tasks.yaml", text: Self.twoDocuments)])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.specs.count == 2)
        let second = try #require(result.specs.last)
        #expect(second.documentIndex == 1)
        #expect(second.location(of: FieldPath(keys: "task_extras", "redial_interval"))
                == SourceLocation(file: "tasks.yaml", line: 9, column: 20))
        // A path that is not written is located at the nearest enclosing node.
        #expect(second.location(of: FieldPath(keys: "task_extras", "line")).line == 8)
        #expect(second.root["name"]?.scalar?.value == "second")
        #expect(second.source.bytes == Array(Self.twoDocuments.utf8), "the bytes are kept as read")
    }

    @Test("a coded value written as a YAML 1.2 hex number is that code")
    func hexCode() throws {
        let result = SpecLoader.load([SourceFile(path: "tasks.yaml", text: Self.twoDocuments)])
        #expect(result.specs.last?.spec.config.taskExtras?.popMode == .sequential)
    }
}
