import CalltaskTestSupport
import CalltaskYAML
import Testing

/// Parses `text` as `file.yaml`.
func parse(_ text: String, limits: YAMLLimits = .default) -> (documents: [YAMLDocument], diagnostics: [Diagnostic]) {
    YAMLParser.parse(Array(text.utf8), file: "file.yaml", limits: limits)
}

/// The one diagnostic of a parse, or an issue.
func single(_ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
    #expect(diagnostics.count == 1, "\(diagnostics)", sourceLocation: sourceLocation)
    return try #require(diagnostics.first, sourceLocation: sourceLocation)
}

/// The parser against libyaml 0.2.5 (Debian's libyaml-dev) and its limits.
struct LibYAMLTests {
    // MARK: the linked library

    /// There is no public `yaml_get_version_string()` wrapper (CLibYAML is an internal import of
    /// CalltaskYAML), so this proves the version by behaviour: libyaml 0.2.5 (PR #105, "Allow question marks
    /// in plain scalars in flow collections") reads `a?b` inside a flow list as one plain scalar; 0.2.4 and
    /// older end a flow-context plain scalar at `?`.
    @Test("the linked libyaml is 0.2.5: '?' may sit inside a plain scalar in a flow list")
    func linkedLibYAMLIs025() throws {
        let result = parse("[a?b, c?d?]")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.documents.first?.root)
        #expect(root.elements?.compactMap(\.scalar?.value) == ["a?b", "c?d?"])
    }

    @Test("the linked libyaml has no nesting limit of its own (0.2.5): 200 levels reach our limit, not libyaml's")
    func noLibYAMLNestingLimit() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(parse(deep, limits: YAMLLimits(maxDepth: 1000)).diagnostics.isEmpty)
    }

    // MARK: documents

    @Test("a file holds several documents, in order; an empty trailing document is a null root")
    func severalDocuments() throws {
        let result = parse("name: a\n---\nname: b\n---\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.map(\.index) == [0, 1, 2])
        #expect(result.documents[0].root["name"]?.scalar?.value == "a")
        #expect(result.documents[1].root["name"]?.scalar?.value == "b")
        #expect(result.documents[1].root.location == SourceLocation(file: "file.yaml", line: 3, column: 1))
        #expect(result.documents[2].root.scalar?.value == "")
    }

    @Test("documents before a syntax error are kept")
    func documentsBeforeAnError() throws {
        let yaml = MarkedYAML("name: a\n---\nname: [b\n1️⃣")
        let result = YAMLParser.parse(yaml.bytes, file: "file.yaml")
        #expect(result.documents.count == 1)
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("anchors do not carry over to the next document")
    func anchorsArePerDocument() throws {
        let yaml = MarkedYAML("a: &x 1\n---\nb: 1️⃣*x\n")
        let result = YAMLParser.parse(yaml.bytes, file: "file.yaml")
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.message == "alias '*x' refers to no anchor defined before it")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    // MARK: bytes that are not YAML text

    @Test("a byte-order mark at the start parses fine and does not shift line 1's columns")
    func byteOrderMark() throws {
        let result = YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("name: a\nmaximumcall: 2\n".utf8), file: "file.yaml")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.documents.first?.root)
        #expect(root["name"]?.scalar?.value == "a")
        #expect(root["name"]?.location == SourceLocation(file: "file.yaml", line: 1, column: 7))
    }

    @Test("invalid UTF-8 is a located reader error with a hint")
    func invalidUTF8() throws {
        let result = YAMLParser.parse(Array("name: a\nremark: ".utf8) + [0xFF] + Array("\n".utf8), file: "file.yaml")
        #expect(result.documents.isEmpty)
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.description == "file.yaml:2:9: error: invalid YAML: invalid leading UTF-8 octet")
        #expect(diagnostic.hint == "save the file as UTF-8")
    }

    @Test("a truncated UTF-8 sequence after multibyte text is located in Unicode scalars")
    func truncatedUTF8AfterMultibyte() throws {
        let result = YAMLParser.parse(Array("name: 名前\nremark: 値".utf8) + [0xE9, 0x0A], file: "file.yaml")
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.description == "file.yaml:2:10: error: invalid YAML: incomplete UTF-8 octet sequence")
    }

    @Test("an invalid trailing octet is located at the lead byte of the bad sequence")
    func invalidTrailingOctet() throws {
        // "name: x" + 0xC3 (a two-byte lead) + "\n": the bad sequence starts at column 8.
        let result = YAMLParser.parse(Array("name: x".utf8) + [0xC3, 0x0A], file: "file.yaml")
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.message == "invalid YAML: invalid trailing UTF-8 octet")
        #expect(diagnostic.location?.column == 8)
    }

    @Test("a byte-order mark is not a column: reader errors on line 1 are located as without it")
    func readerErrorAfterBOM() throws {
        let result = YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("name: caf".utf8) + [0xE9, 0x0A], file: "file.yaml")
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.location?.column == 10)
    }

    @Test("a NUL byte is a located error, not a truncated parse")
    func nulByte() throws {
        let result = YAMLParser.parse(Array("name: a\nremark: x".utf8) + [0] + Array("y\n".utf8), file: "file.yaml")
        #expect(result.documents.isEmpty)
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.description == "file.yaml:2:10: error: the file contains a NUL byte; YAML files are text")
        #expect(diagnostic.hint == "check that the file is UTF-8 text and not binary")
    }

    // MARK: tabs

    @Test("a tab in indentation gives libyaml's message, the tab hint and the tab's line", arguments: [
        ("name: a\ntask_extras:\n1️⃣\tredial_interval: 5\n",
         "invalid YAML: found character that cannot start any token (while scanning for the next token)"),
        ("name: a\ntask_extras:\n  redial_interval: 5\n1️⃣\tredial_max_times: 2\n",
         "invalid YAML: found a tab character that violates indentation (while scanning a plain scalar)"),
    ])
    func tabIndentation(text: String, message: String) throws {
        let yaml = MarkedYAML(text)
        let diagnostic = try single(YAMLParser.parse(yaml.bytes, file: "file.yaml").diagnostics)
        #expect(diagnostic.message == message)
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(diagnostic.hint == "YAML does not allow tabs for indentation; indent with spaces")
    }

    @Test("the tab hint survives multibyte text before the tab")
    func tabHintAfterMultibyteText() throws {
        let yaml = MarkedYAML("名前: 値\ntask_extras:\n  redial_interval: 5\n1️⃣\tredial_max_times: 2\n")
        let diagnostic = try single(YAMLParser.parse(yaml.bytes, file: "file.yaml").diagnostics)
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(diagnostic.hint == "YAML does not allow tabs for indentation; indent with spaces")
    }

    @Test("a tab inside a quoted value on the previous line gives no tab hint to an unrelated error")
    func noTabHintForTabInText() throws {
        let yaml = MarkedYAML("remark: \"a\tb\"\nname: 1️⃣@x\n")
        let diagnostic = try single(YAMLParser.parse(yaml.bytes, file: "file.yaml").diagnostics)
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(diagnostic.hint == nil)
    }

    // MARK: columns

    @Test("columns count Unicode scalars: an error after multibyte text points at the right column", arguments: [
        "名前: x1️⃣: y\n",
        "name: 名前\nremark: 値 1️⃣: y\n",
        "名前: [a, 1️⃣}\n",
        "remark: \"😀😀\" 1️⃣x\n",
    ])
    func columnsInUnicodeScalars(text: String) throws {
        let yaml = MarkedYAML(text)
        let diagnostic = try single(YAMLParser.parse(yaml.bytes, file: "file.yaml").diagnostics)
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("node locations after multibyte text are in Unicode scalars")
    func nodeColumnsInUnicodeScalars() throws {
        let yaml = MarkedYAML("名前: 1️⃣[a, 2️⃣値]\n")
        let root = try #require(YAMLParser.parse(yaml.bytes, file: "file.yaml").documents.first?.root)
        let list = try #require(root["名前"])
        #expect(list.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(list.elements?[1].location == yaml.location("2️⃣", file: "file.yaml"))
    }

    @Test("an unclosed flow list is an error where libyaml notices it")
    func unclosedFlowList() throws {
        let yaml = MarkedYAML("work_week: [1, 2\nredial_interval1️⃣: 5\n")
        let diagnostic = try single(YAMLParser.parse(yaml.bytes, file: "file.yaml").diagnostics)
        #expect(diagnostic.message == "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    // MARK: limits

    @Test("10,000 nested '[' give a located nesting-depth error and no crash")
    func deepNesting() throws {
        let yaml = MarkedYAML("remark: " + String(repeating: "[", count: 63) + "1️⃣" + String(repeating: "[", count: 10_000 - 63))
        let result = YAMLParser.parse(yaml.bytes, file: "file.yaml")
        #expect(result.documents.isEmpty)
        let diagnostic = try single(result.diagnostics)
        // The document's mapping is level 1, so the 64th '[' is level 65.
        #expect(diagnostic.message == "nesting is deeper than the limit of 64 levels")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(diagnostic.hint == "a task spec needs only a few levels; check for unbalanced brackets")
    }

    @Test("a custom depth limit applies to block nesting too")
    func customDepth() throws {
        let yaml = MarkedYAML("a:\n  b:\n    1️⃣c: 1\n")
        let result = YAMLParser.parse(yaml.bytes, file: "file.yaml", limits: YAMLLimits(maxDepth: 2))
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.message == "nesting is deeper than the limit of 2 levels")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("the billion-laughs document (9 levels of 10 aliases) fails fast with the expansion error")
    func billionLaughs() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(level == 5 ? "*a4, 1️⃣" + aliases.dropFirst(5) : aliases)]\n"
        }
        let yaml = MarkedYAML(text)
        let clock = ContinuousClock()
        var result: (documents: [YAMLDocument], diagnostics: [Diagnostic]) = ([], [])
        let elapsed = clock.measure { result = YAMLParser.parse(yaml.bytes, file: "file.yaml") }
        #expect(result.documents.isEmpty)
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.message == "the document expands to more than 250000 nodes through aliases")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(diagnostic.hint?.contains("billion laughs") == true)
        #expect(elapsed < .seconds(20))  // generous: it takes well under a millisecond; expansion would not finish
    }

    @Test("a small node budget stops plain (alias-free) documents with a different hint")
    func nodeBudgetWithoutAliases() throws {
        let yaml = MarkedYAML("a: [1, 2, 1️⃣3]\n")  // nodes: a, 1, 2, 3 (the fourth), the list, the mapping
        let result = YAMLParser.parse(yaml.bytes, file: "file.yaml", limits: YAMLLimits(maxNodes: 3))
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.message == "the document expands to more than 3 nodes")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(diagnostic.hint == "split the tasks into several documents")
    }

    @Test("a scalar over the size limit is a located error")
    func scalarOverLimit() throws {
        let yaml = MarkedYAML("name: ok\nremark: 1️⃣0123456789\n")
        let result = YAMLParser.parse(yaml.bytes, file: "file.yaml", limits: YAMLLimits(maxScalarBytes: 8))
        #expect(result.documents.isEmpty)
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.message == "a scalar of 10 bytes is above the limit of 8 bytes")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("the scalar limit counts bytes, not characters")
    func scalarLimitInBytes() throws {
        let limits = YAMLLimits(maxScalarBytes: 6)
        #expect(parse("a: 名前\n", limits: limits).diagnostics.isEmpty)  // 6 bytes
        let diagnostic = try single(parse("a: 名前x\n", limits: limits).diagnostics)
        #expect(diagnostic.message == "a scalar of 7 bytes is above the limit of 6 bytes")
    }

    @Test("a file over the size limit is an error at 1:1 before libyaml runs")
    func fileOverLimit() throws {
        let text = "name: spring-sale\n"  // 18 bytes
        #expect(parse(text, limits: YAMLLimits(maxFileBytes: 18)).diagnostics.isEmpty)
        let result = parse(text, limits: YAMLLimits(maxFileBytes: 17))
        #expect(result.documents.isEmpty)
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.description == "file.yaml:1:1: error: file is 18 bytes, above the limit of 17 bytes")
        #expect(diagnostic.hint == "split the tasks into several files")
    }

    @Test("the default limits")
    func defaultLimits() {
        let limits = YAMLLimits.default
        #expect(limits.maxDepth == 64)
        #expect(limits.maxNodes == 250_000)
        #expect(limits.maxScalarBytes == 1 << 20)
        #expect(limits.maxFileBytes == 16 << 20)
    }
}

/// The system library is Debian's libyaml (libyaml-dev through pkg-config), not a vendored copy.
struct LibYAMLVersionTests {
    @Test("the linked libyaml is Debian's 0.2.5")
    func version() {
        #expect(libyamlVersion == "0.2.5")
    }
}
