import CalltaskTestSupport
import CalltaskYAML
import Testing

private struct Settings: Decodable, Equatable {
    var name: String
    var enabled: Bool?
    var count: Int?
    var small: Int8?
    var ratio: Double?
    var remark: String?
    var nested: Nested?
    var tags: [String]?

    struct Nested: Decodable, Equatable {
        var redialInterval: Int
        var redialMaxTimes: Int?

        enum CodingKeys: String, CodingKey {
            case redialInterval = "redial_interval"
            case redialMaxTimes = "redial_max_times"
        }
    }
}

/// Decoding `YAMLNode` trees into Codable models: values, located errors and unknown keys.
struct YAMLDecoderTests {
    private func decode(_ yaml: MarkedYAML) throws -> YAMLDecoder.Result<Settings> {
        let parsed = YAMLParser.parse(yaml.bytes, file: "file.yaml")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let root = try #require(parsed.documents.first?.root)
        return YAMLDecoder().decode(Settings.self, from: root)
    }

    @Test("a well-formed document decodes, with YAML 1.2 scalars")
    func decodesValues() throws {
        let result = try decode(MarkedYAML("""
            name: spring
            enabled: true
            count: 0x1F
            ratio: 1
            nested: {redial_interval: 5}
            tags: [a, "1", yes, "2"]
            """))
        #expect(result.diagnostics.isEmpty)
        var expected = Settings(name: "spring", enabled: true, count: 31, ratio: 1)
        expected.nested = .init(redialInterval: 5)
        expected.tags = ["a", "1", "yes", "2"]
        #expect(result.value == expected)
    }

    @Test("'yes' is a string: decoding it as Bool is an error with the YAML 1.2 hint", arguments: ["yes", "no", "on", "off"])
    func yesIsNotABool(word: String) throws {
        let yaml = MarkedYAML("name: a\nenabled: 1️⃣\(word)\n")
        let result = try decode(yaml)
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.description == "file.yaml:2:10: error: enabled: expected true or false, found the string '\(word)'")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(diagnostic.hint == "YAML 1.2 reads '\(word)' as text; write true or false")
    }

    @Test("'yes' decodes fine where a string is expected")
    func yesIsAString() throws {
        let result = try decode(MarkedYAML("name: yes\n"))
        #expect(result.value?.name == "yes")
    }

    @Test("a quoted \"1\" is not an Int")
    func quotedNumberIsNotAnInt() throws {
        let yaml = MarkedYAML("name: a\ncount: 1️⃣\"1\"\n")
        let diagnostic = try single(try decode(yaml).diagnostics)
        #expect(diagnostic.message == "expected a number, found the quoted text '1'")
        #expect(diagnostic.hint == "remove the quotes: quoted values are text")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("0x1F and 0o17 are ints")
    func hexAndOctal() throws {
        #expect(try decode(MarkedYAML("name: a\ncount: 0x1F\n")).value?.count == 31)
        #expect(try decode(MarkedYAML("name: a\ncount: 0o17\n")).value?.count == 15)
    }

    @Test("a key without a value is an error, optional or not: leaving the key out is how to say 'not set'",
          arguments: ["remark: 1️⃣~", "remark: 1️⃣null", "count: 1️⃣~", "nested: 1️⃣~"])
    func nullIsNotAbsent(line: String) throws {
        let yaml = MarkedYAML("name: a\n" + line + "\n")
        let result = try decode(yaml)
        let diagnostic = try single(result.diagnostics)
        let key = line.prefix { $0 != ":" }
        #expect(diagnostic.description == "file.yaml:2:\(key.count + 3): error: \(key): '\(key)' has no value")
        #expect(diagnostic.hint == "write a value, or leave the key out")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(result.value?.name == "a", "the rest still decodes")
    }

    @Test("a required string written as ~ is an error")
    func tildeForRequiredText() throws {
        let yaml = MarkedYAML("name: 1️⃣~\n")
        let diagnostic = try single(try decode(yaml).diagnostics)
        #expect(diagnostic.description == "file.yaml:1:7: error: name: expected text, found null")
    }

    @Test("a plain number or boolean is not text: JSON's rule, and the schema's", arguments: [
        ("name: 1️⃣123", "name: expected text, found the number 123", "\"123\""),
        ("name: 1️⃣-1.5", "name: expected text, found the number -1.5", "\"-1.5\""),
        ("name: 1️⃣true", "name: expected text, found the boolean true", "\"true\""),
        ("name: a\ntags: [x, 1️⃣0x1F]", "tags[1]: expected text, found the number 31", "\"0x1F\""),
    ])
    func plainNumberIsNotText(text: String, expected: String, quoted: String) throws {
        let yaml = MarkedYAML(text + "\n")
        let diagnostic = try single(try decode(yaml).diagnostics)
        #expect(diagnostic.description.hasSuffix("error: " + expected), "\(diagnostic.description)")
        #expect(diagnostic.hint == "quote it if it is meant as text: " + quoted)
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("quoted, tagged and word-like scalars are text", arguments: ["\"123\"", "'true'", "!!str 12", "9:00", "2026-03-01", "1e", "0x", "trueish", "+"])
    func textForms(value: String) throws {
        #expect(try decode(MarkedYAML("name: \(value)\n")).diagnostics.isEmpty)
    }

    @Test("after a bad list item is dropped, later items keep their own index and place")
    func laterItemsKeepTheirIndex() throws {
        let yaml = MarkedYAML("""
            name: a
            tags: [x, 1️⃣7, y, 2️⃣8, z, 3️⃣true]
            """)
        let result = try decode(yaml)
        #expect(result.diagnostics.map(\.path.description) == ["tags[1]", "tags[3]", "tags[5]"])
        #expect(result.diagnostics.map(\.location) == ["1️⃣", "2️⃣", "3️⃣"].map { yaml.location($0, file: "file.yaml") })
        #expect(result.removedPaths.map(\.description) == ["tags[1]", "tags[3]", "tags[5]"])
        #expect(result.value?.tags == ["x", "y", "z"])
    }

    @Test("out-of-range integers are located errors", arguments: [
        ("small: 1️⃣128", "small: the number 128 is out of range (-128...127)"),
        ("small: 1️⃣-129", "small: the number -129 is out of range (-128...127)"),
        ("count: 1️⃣9223372036854775808", "count: the number 9223372036854775808 is out of range (-9223372036854775808...9223372036854775807)"),
        ("count: 1️⃣-99999999999999999999", "count: the number -99999999999999999999 is out of range (-9223372036854775808...9223372036854775807)"),
    ])
    func outOfRange(line: String, message: String) throws {
        let yaml = MarkedYAML("name: a\n" + line + "\n")
        let diagnostic = try single(try decode(yaml).diagnostics)
        #expect(diagnostic.description == "file.yaml:2:8: error: " + message)
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("Int8's bounds themselves decode")
    func int8Bounds() throws {
        #expect(try decode(MarkedYAML("name: a\nsmall: 127\n")).value?.small == 127)
        #expect(try decode(MarkedYAML("name: a\nsmall: -128\n")).value?.small == -128)
    }

    @Test("a float where an Int is expected is an error")
    func floatForInt() throws {
        let diagnostic = try single(try decode(MarkedYAML("name: a\ncount: 1.5\n")).diagnostics)
        #expect(diagnostic.message == "expected a whole number, found 1.5")
    }

    @Test("decoding errors carry the node's location", arguments: [
        ("name: 1️⃣[a]\n", "name: expected text, found a list"),
        ("name: a\nnested: 1️⃣5\n", "nested: expected a mapping, found the number 5"),
        ("name: a\ntags: 1️⃣x\n", "tags: expected a list, found the string 'x'"),
        ("name: a\ntags: [a, 1️⃣{b: c}]\n", "tags[1]: expected text, found a mapping"),
        ("name: a\nnested:\n  redial_interval: 1️⃣soon\n", "nested.redial_interval: expected a whole number, found the string 'soon'"),
        ("name: a\nratio: 1️⃣many\n", "ratio: expected a number, found the string 'many'"),
    ])
    func locatedErrors(text: String, expected: String) throws {
        let yaml = MarkedYAML(text)
        let diagnostic = try single(try decode(yaml).diagnostics)
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(diagnostic.description.hasSuffix("error: " + expected), "\(diagnostic.description)")
    }

    @Test("a key written one level off says where it belongs, whether or not that mapping is written", arguments: [
        ("name: a\n1️⃣redial_interval: 5\n", "redial_interval: unknown key 'redial_interval'", "'redial_interval' belongs under 'nested'"),
        ("name: a\nnested: {redial_interval: 5}\n1️⃣redial_max_times: 2\n", "redial_max_times: unknown key 'redial_max_times'",
         "'redial_max_times' belongs under 'nested'"),
        ("name: a\nnested:\n  redial_interval: 5\n  1️⃣count: 2\n", "nested.count: unknown key 'count' in 'nested'", "'count' belongs at the top level"),
        ("name: a\n1️⃣redial_intervl: 5\n", "redial_intervl: unknown key 'redial_intervl'",
         "did you mean 'redial_interval'? It belongs under 'nested'"),
    ])
    func misplacedKey(text: String, expected: String, hint: String) throws {
        let yaml = MarkedYAML(text)
        let diagnostic = try single(try decode(yaml).diagnostics)
        #expect(diagnostic.description.hasSuffix("error: " + expected), "\(diagnostic.description)")
        #expect(diagnostic.hint == hint)
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("a list or a scalar where a mapping is expected names the mapping's keys", arguments: [
        ("name: a\nnested: 1️⃣[5]\n", "write it as a mapping of redial_interval, redial_max_times"),
        ("name: a\nnested: 1️⃣5\n", "write it as a mapping of redial_interval, redial_max_times"),
    ])
    func mappingShapeHint(text: String, hint: String) throws {
        let yaml = MarkedYAML(text)
        let diagnostic = try single(try decode(yaml).diagnostics)
        #expect(diagnostic.hint == hint)
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("a missing required key is located at its enclosing mapping")
    func missingKey() throws {
        let yaml = MarkedYAML("name: a\nnested:\n  1️⃣redial_max_times: 2\n")
        let diagnostic = try single(try decode(yaml).diagnostics)
        #expect(diagnostic.description == "file.yaml:3:3: error: nested.redial_interval: missing required key 'redial_interval'")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("several bad values are all reported in one decode, and the rest still decodes")
    func allErrorsAtOnce() throws {
        let yaml = MarkedYAML("name: a\nenabled: 1️⃣yes\ncount: 2️⃣x\nremark: fine\ncolur: 3️⃣red\n")
        let result = try decode(yaml)
        #expect(result.diagnostics.map(\.location) == [
            yaml.location("1️⃣", file: "file.yaml"), yaml.location("2️⃣", file: "file.yaml"),
            SourceLocation(file: "file.yaml", line: 5, column: 1),
        ])
        #expect(result.value?.remark == "fine")
        #expect(result.removedPaths.map(\.description) == ["enabled", "count"])
    }

    @Test("unknown keys get 'did you mean' at the key's mark", arguments: [
        ("name: a\n1️⃣nmae: b\n", "nmae: unknown key 'nmae'", "did you mean 'name'?"),
        ("name: a\nnested:\n  redial_interval: 5\n  1️⃣redial_intervall: 6\n",
         "nested.redial_intervall: unknown key 'redial_intervall' in 'nested'", "did you mean 'redial_interval'?"),
        ("name: a\n1️⃣zzz: 1\n", "zzz: unknown key 'zzz'",
         "valid keys here: count, enabled, name, nested, ratio, remark, small, tags"),
    ])
    func unknownKeys(text: String, expected: String, hint: String) throws {
        let yaml = MarkedYAML(text)
        let result = try decode(yaml)
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.description == "file.yaml:\(yaml.markers["1️⃣"]?.line ?? 0):\(yaml.markers["1️⃣"]?.column ?? 0): error: " + expected)
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
        #expect(diagnostic.hint == hint)
        #expect(result.value != nil)  // an unknown key does not stop the decode
    }

    @Test("an unknown key brought in by a merge is located where the anchor wrote it")
    func unknownMergedKey() throws {
        let yaml = MarkedYAML("name: a\nnested:\n  <<: &x {redial_interval: 5, 1️⃣redial_maxtimes: 1}\n")
        let diagnostic = try single(try decode(yaml).diagnostics)
        #expect(diagnostic.message == "unknown key 'redial_maxtimes' in 'nested'")
        #expect(diagnostic.hint == "did you mean 'redial_max_times'?")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("a tree built by hand (no node numbers) still gets its unknown keys reported, with did-you-mean")
    func handBuiltTree() throws {
        let at = SourceLocation(file: "built", line: 1, column: 1)
        func scalar(_ text: String, line: Int) -> YAMLNode {
            YAMLNode(.scalar(.init(text)), at: SourceLocation(file: "built", line: line, column: 1))
        }
        let root = YAMLNode(.mapping([
            .init(key: scalar("name", line: 1), value: scalar("a", line: 1), isMerged: false),
            .init(key: scalar("remrak", line: 2), value: scalar("b", line: 2), isMerged: false),
        ]), at: at)
        #expect(root.serial == -1)
        let result = YAMLDecoder().decode(Settings.self, from: root)
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.message == "unknown key 'remrak'")
        #expect(diagnostic.hint == "did you mean 'remark'?")
        #expect(diagnostic.location?.line == 2)
        #expect(result.value?.name == "a")
    }

    @Test("duplicate keys are found and values decode in mappings of any size (small ones scanned, big ones hashed)",
          arguments: [0, 15, 16, 40])
    func mappingSizes(padding: Int) throws {
        let pad = (0..<padding).map { "x\($0): 1\n" }.joined()
        let yaml = pad + "name: a\nremark: b\nname: c\n"
        let parsed = YAMLParser.parse(Array(yaml.utf8), file: "file.yaml")
        let duplicate = try single(parsed.diagnostics)
        #expect(duplicate.message == "duplicate key 'name'")
        #expect(duplicate.location?.line == padding + 3)
        #expect(duplicate.notes.first?.location?.line == padding + 1)
        let root = try #require(parsed.documents.first?.root)
        let result = YAMLDecoder().decode(Settings.self, from: root, ignoringRootKeys: { $0.hasPrefix("x") })
        #expect(result.diagnostics.isEmpty)
        #expect(result.value?.name == "a" && result.value?.remark == "b")
    }

    @Test("root keys may be ignored (x- anchors)")
    func ignoredRootKeys() throws {
        let parsed = YAMLParser.parse(Array("x-base: &b 1\nname: a\n".utf8), file: "file.yaml")
        let root = try #require(parsed.documents.first?.root)
        let result = YAMLDecoder().decode(Settings.self, from: root, ignoringRootKeys: { $0.hasPrefix("x-") })
        #expect(result.diagnostics.isEmpty)
        #expect(result.value?.name == "a")
    }

    @Test("decodeThrowing throws the first error as a Diagnostic")
    func decodeThrowing() throws {
        let parsed = YAMLParser.parse(Array("name: a\ncount: x\n".utf8), file: "file.yaml")
        let root = try #require(parsed.documents.first?.root)
        #expect(throws: Diagnostic.self) { try YAMLDecoder().decodeThrowing(Settings.self, from: root) }
        let good = YAMLParser.parse(Array("name: a\n".utf8), file: "file.yaml")
        #expect(try YAMLDecoder().decodeThrowing(Settings.self, from: #require(good.documents.first?.root)).name == "a")
    }

    @Test("FieldPath prints keys dotted and indexes bracketed")
    func fieldPath() {
        let path = FieldPath(keys: "task_extras", "line").appending(index: 0).appending("limit")
        #expect(path.description == "task_extras.line[0].limit")
        #expect(FieldPath().isEmpty)
    }

    @Test("node(at:) returns the deepest node reached and whether the path was complete")
    func nodeAtPath() throws {
        let yaml = MarkedYAML("a:\n  1️⃣b: [x, 2️⃣y]\n")
        let root = try #require(YAMLParser.parse(yaml.bytes, file: "f").documents.first?.root)
        let found = root.node(at: FieldPath(keys: "a", "b").appending(index: 1))
        #expect(found.complete)
        #expect(found.node.location == yaml.location("2️⃣", file: "f"))
        let missing = root.node(at: FieldPath(keys: "a", "c"))
        #expect(!missing.complete)
        #expect(missing.node.location == yaml.location("1️⃣", file: "f"))  // the enclosing mapping
    }
}
