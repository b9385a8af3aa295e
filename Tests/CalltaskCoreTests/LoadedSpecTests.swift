import CalltaskCore
import CalltaskModels
import CalltaskYAML
import Testing

/// A loaded spec keeps its file's bytes and a location index from the first parse, not its node tree.
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
        #expect(second.writes(FieldPath(keys: "name")) && !second.writes(FieldPath(keys: "task_extras", "line")))
        #expect(second.source.bytes == Array(Self.twoDocuments.utf8), "the bytes are kept as read")
    }

    @Test("a coded value written as a YAML 1.2 hex number is that code")
    func hexCode() throws {
        let result = SpecLoader.load([SourceFile(path: "tasks.yaml", text: Self.twoDocuments)])
        #expect(result.specs.last?.spec.config.taskExtras?.popMode == .sequential)
    }

    @Test("the index locates every node as the node tree does: keys, indexes, a repeated key, merges, paths not written")
    func indexMatchesTree() throws {
        let text = """
            x-hours: &hours
              work_week: [1, 2]
            name: a
            name: b
            task_extras:
              <<: *hours
              line:
                - id: L1
                  limit: 2
                - {id: L2, limit: 3}
              holiday: []
            """
        let parsed = YAMLParser.parse(Array(text.utf8), file: "t.yaml")
        let root = try #require(parsed.documents.first?.root)
        let index = LocationIndex(root)
        let paths: [FieldPath] = [
            [], FieldPath(keys: "name"), FieldPath(keys: "task_extras", "work_week"), [.key("task_extras"), .key("work_week"), .index(1)],
            [.key("task_extras"), .key("line"), .index(1), .key("limit")], [.key("task_extras"), .key("line"), .index(5)],
            FieldPath(keys: "task_extras", "holiday"), FieldPath(keys: "task_extras", "nope", "deeper"), FieldPath(keys: "x-hours"),
            [.index(0)], [.key("task_extras"), .key("line"), .key("id")],
        ]
        for path in paths {
            let tree = root.node(at: path)
            let found = index.lookup(path)
            #expect(found.location == tree.node.location && found.complete == tree.complete, "\(path)")
        }
    }

    @Test("a list item part of which failed to decode gets that one error, not also a rule finding about its shape")
    func noSecondErrorForARemovedListItemPart() throws {
        let text = """
            name: t
            task_type: new_v2
            maximumcall: 2
            task_extras:
              pop_mode: random
              line:
                - {id: a, limit: "2"}
            """
        let loaded = SpecLoader.load([SourceFile(path: "t.yaml", text: text)])
        let findings = loaded.diagnostics + Validator.validate(loaded.specs)
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message.contains("quoted text") == true, "\(errors)")
    }
}

