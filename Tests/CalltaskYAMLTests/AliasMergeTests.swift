import CalltaskTestSupport
import CalltaskYAML
import Testing

/// Anchors, aliases, `<<` merge keys and duplicate keys.
struct AliasMergeTests {
    private func root(_ yaml: MarkedYAML, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> YAMLNode {
        let result = YAMLParser.parse(yaml.bytes, file: "file.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)", sourceLocation: sourceLocation)
        return try #require(result.documents.first?.root, sourceLocation: sourceLocation)
    }

    private func keys(_ node: YAMLNode?) -> [String] {
        node?.pairs?.compactMap(\.key.scalar?.value) ?? []
    }

    @Test("an alias is a copy of its anchor's node, located where the alias is written")
    func aliasCopiesAnchor() throws {
        let yaml = MarkedYAML("hours: &h [1, 2]\nagain: 1️⃣*h\nname: &n spring\ncopy: 2️⃣*n\n")
        let root = try root(yaml)
        #expect(root["again"]?.elements?.compactMap(\.scalar?.value) == ["1", "2"])
        #expect(root["again"]?.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(root["copy"]?.scalar?.value == "spring")
        #expect(root["copy"]?.location == yaml.location("2️⃣", file: "file.yaml"))
    }

    @Test("an anchor may be redefined; an alias takes the latest definition before it")
    func anchorRedefined() throws {
        let root = try root(MarkedYAML("a: &x 1\nb: *x\nc: &x 2\nd: *x\n"))
        #expect(root["b"]?.scalar?.value == "1")
        #expect(root["d"]?.scalar?.value == "2")
    }

    @Test("an alias to an undefined anchor is a located error with a hint")
    func undefinedAlias() throws {
        let yaml = MarkedYAML("a: 1\nb: 1️⃣*nowhere\n")
        let diagnostic = try single(YAMLParser.parse(yaml.bytes, file: "file.yaml").diagnostics)
        #expect(diagnostic.message == "alias '*nowhere' refers to no anchor defined before it")
        #expect(diagnostic.hint == "define '&nowhere' earlier in the same document")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("a merge key brings in the anchored mapping's pairs; explicit keys win")
    func mergeExplicitKeysWin() throws {
        let root = try root(MarkedYAML("""
            base: &base {redial_interval: 5, redial_max_times: 2}
            task:
              redial_max_times: 3
              <<: *base
            """))
        let task = try #require(root["task"])
        #expect(keys(task) == ["redial_max_times", "redial_interval"])
        #expect(task["redial_max_times"]?.scalar?.value == "3")
        #expect(task["redial_interval"]?.scalar?.value == "5")
        #expect(task.pairs?.map(\.isMerged) == [false, true])
    }

    @Test("explicit keys win even when written after the merge key")
    func mergeExplicitKeyAfterMerge() throws {
        let root = try root(MarkedYAML("base: &base {a: 1, b: 2}\ntask:\n  <<: *base\n  b: 3\n"))
        #expect(root["task"]?["b"]?.scalar?.value == "3")
        #expect(root["task"]?["a"]?.scalar?.value == "1")
    }

    @Test("a list of merges: earlier mappings win over later ones")
    func mergeList() throws {
        let root = try root(MarkedYAML("""
            one: &one {a: 1, b: 1}
            two: &two {b: 2, c: 2}
            task:
              <<: [*one, *two]
              d: 4
            """))
        let task = try #require(root["task"])
        #expect(keys(task) == ["d", "a", "b", "c"])
        #expect(task["b"]?.scalar?.value == "1")
        #expect(task["c"]?.scalar?.value == "2")
    }

    @Test("merged pairs keep their own marks (where the anchored mapping wrote them)")
    func mergedPairsKeepMarks() throws {
        let yaml = MarkedYAML("base: &base\n  1️⃣redial_interval: 2️⃣5\ntask:\n  <<: *base\n")
        let root = try root(yaml)
        let pair = try #require(root["task"]?.pairs?.first)
        #expect(pair.isMerged)
        #expect(pair.key.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(pair.value.location == yaml.location("2️⃣", file: "file.yaml"))
    }

    @Test("a merge of an inline mapping (no alias) works too")
    func mergeInlineMapping() throws {
        let root = try root(MarkedYAML("task:\n  <<: {a: 1}\n  b: 2\n"))
        #expect(root["task"]?["a"]?.scalar?.value == "1")
    }

    @Test("a quoted '<<' is an ordinary key")
    func quotedMergeKeyIsOrdinary() throws {
        let root = try root(MarkedYAML("task:\n  '<<': 1\n"))
        #expect(keys(root["task"]) == ["<<"])
    }

    @Test("a bad merge value is a located error", arguments: [
        ("task:\n  <<: 1️⃣5\n", "a merge key '<<' needs a mapping or a list of mappings, not the number 5"),
        ("s: &s text\ntask:\n  <<: 1️⃣*s\n", "a merge key '<<' needs a mapping or a list of mappings, not the string 'text'"),
        ("m: &m {a: 1}\ntask:\n  <<: [*m, 1️⃣[1, 2]]\n", "a merge key '<<' needs mappings, not a list"),
        ("m: &m {a: 1}\ntask:\n  <<: [*m, 1️⃣x]\n", "a merge key '<<' needs mappings, not the string 'x'"),
    ])
    func badMergeValue(text: String, message: String) throws {
        let yaml = MarkedYAML(text)
        let result = YAMLParser.parse(yaml.bytes, file: "file.yaml")
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == message)
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("a duplicate key is an error at the second key with a note pointing at the first")
    func duplicateKey() throws {
        let yaml = MarkedYAML("1️⃣name: a\nmaximumcall: 2\n2️⃣name: b\n")
        let result = YAMLParser.parse(yaml.bytes, file: "file.yaml")
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.message == "duplicate key 'name'")
        #expect(diagnostic.location == yaml.location("2️⃣", file: "file.yaml"))
        #expect(diagnostic.hint == "remove one of the two; YAML keeps only one value per key")
        #expect(diagnostic.notes == [Diagnostic.Note(location: yaml.location("1️⃣", file: "file.yaml"), message: "'name' first defined here")])
        // The first value is kept.
        #expect(result.documents.first?.root["name"]?.scalar?.value == "a")
    }

    @Test("duplicate keys are found in nested and flow mappings too")
    func nestedDuplicateKey() throws {
        let yaml = MarkedYAML("task_extras:\n  line:\n    - {1️⃣id: a, 2️⃣id: b}\n")
        let diagnostic = try single(YAMLParser.parse(yaml.bytes, file: "file.yaml").diagnostics)
        #expect(diagnostic.location == yaml.location("2️⃣", file: "file.yaml"))
        #expect(diagnostic.notes.first?.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("a key repeated by a merge is not a duplicate")
    func mergedKeyIsNotDuplicate() throws {
        let root = try root(MarkedYAML("m: &m {a: 1}\ntask:\n  a: 2\n  <<: *m\n"))
        #expect(root["task"]?["a"]?.scalar?.value == "2")
    }

    @Test("a mapping key that is not a scalar is an error")
    func complexKey() throws {
        let yaml = MarkedYAML("? 1️⃣[a, b]\n: 1\n")
        let diagnostic = try single(YAMLParser.parse(yaml.bytes, file: "file.yaml").diagnostics)
        #expect(diagnostic.message == "mapping keys must be plain text, not a list")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }
}
