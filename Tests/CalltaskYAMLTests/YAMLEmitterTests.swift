import CalltaskYAML
import Testing

/// The libyaml-based emitter: quoting that is always right, literal blocks, comments, and a
/// parse-back of everything it writes.
struct YAMLEmitterTests {
    /// Emits `value` under a key and parses it back with `YAMLParser`.
    private func roundTrip(_ value: EmitNode) throws -> (text: String, node: YAMLNode) {
        let text = try YAMLEmitter.emit(.mapping([EmitEntry("v", value)]))
        let parsed = YAMLParser.parse(Array(text.utf8), file: "emitted.yaml")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics) in\n\(text)")
        let root = try #require(parsed.documents.first?.root)
        return (text, try #require(root["v"]))
    }

    /// A parsed node as a plain value, resolved by the YAML 1.2 core schema.
    private func value(_ node: YAMLNode) -> String {
        switch node.kind {
        case .scalar(let scalar):
            switch ScalarResolver.resolve(scalar, tag: node.tag) {
            case .null: return "null"
            case .bool(let value): return "bool:\(value)"
            case .int(let value): return "int:\(value)"
            case .float(let value): return "float:\(value)"
            case .string(let value): return "str:\(value)"
            }
        case .sequence(let items): return "[" + items.map(value).joined(separator: ",") + "]"
        case .mapping(let pairs): return "{" + pairs.map { "\($0.key.scalar?.value ?? "?")=\(value($0.value))" }.joined(separator: ",") + "}"
        }
    }

    @Test("strings that would read as anything else are double-quoted", arguments: [
        "09:00", "9:30", "no", "No", "yes", "on", "OFF", "y", "n", "null", "Null", "~", "true", "False", "123", "-7", "+3",
        "0x1F", "0o17", "0b101", "017", "1_000", "1.5", ".5", "1e3", ".inf", "-.Inf", ".nan", "2026-03-01",
        "2026-03-01 09:00:00", "", " x", "x ", "a: b", "#x", "a #b", "x:", "- x", "-", "[a]", "{a}", "a,b", "&a", "*a", "!x",
        "|", ">", "'q'", "\"q\"", "%x", "@x", "`x", "?", "<<", "=", "tab\there",
    ])
    func quoted(text: String) throws {
        #expect(YAMLEmitter.needsQuotes(text))
        let (emitted, node) = try roundTrip(.string(text))
        #expect(emitted.hasPrefix("v: \""), "\(emitted)")
        #expect(value(node) == "str:\(text)")
    }

    @Test("ordinary strings stay plain", arguments: [
        "spring-sale-followup", "d47c3599-f166-4cd0-999c-f60e46814d26", "5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c",
        "29c39ec4-b292-4af9-a88b-922d61866ab1", "new_v2", "sequential", "no_answer", "回访-老客户", "测试api接口创建-222",
        "a b c", "x-y", "http://example.com/a", "not a local number", "robot", "男的",
    ])
    func plain(text: String) throws {
        #expect(!YAMLEmitter.needsQuotes(text))
        let (emitted, node) = try roundTrip(.string(text))
        #expect(emitted == "v: \(text)\n")
        #expect(value(node) == "str:\(text)")
    }

    @Test("multi-line text is written as a literal block and reads back unchanged", arguments: [
        "line one\nline two", "line one\nline two\n", "  indented first\nsecond", "trailing\n\n", "a: b\n# not a comment\n- x",
    ])
    func literal(text: String) throws {
        let (emitted, node) = try roundTrip(.string(text))
        #expect(emitted.hasPrefix("v: |"), "\(emitted)")
        #expect(value(node) == "str:\(text)")
    }

    @Test("CJK text round-trips unescaped")
    func cjk() throws {
        let (emitted, node) = try roundTrip(.sequence([.string("老客户满意度回访"), .string("男"), .string("09:00 开始")], flow: true))
        #expect(emitted == "v: [老客户满意度回访, 男, 09:00 开始]\n" || emitted.contains("老客户满意度回访"))
        #expect(value(node) == "[str:老客户满意度回访,str:男,str:09:00 开始]")
    }

    @Test("numbers, booleans and null are plain and read back typed")
    func typedScalars() throws {
        let (emitted, node) = try roundTrip(.mapping([
            EmitEntry("i", .int(215870475195883520)), EmitEntry("m", .int(-3)), EmitEntry("b", .bool(false)), EmitEntry("z", .null),
        ], flow: true))
        #expect(emitted == "v: {i: 215870475195883520, m: -3, b: false, z: null}\n")
        #expect(value(node) == "{i=int:215870475195883520,m=int:-3,b=bool:false,z=null}")
    }

    @Test("a whole document parses back to the same values, in order")
    func document() throws {
        let tree: EmitNode = .mapping([
            EmitEntry("uuid", .string("7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e01")),
            EmitEntry("name", .string("no")),
            EmitEntry("maximumcall", .int(4)),
            EmitEntry("task_extras", .mapping([
                EmitEntry("start_time", .string("2026-03-01 09:00:00")),
                EmitEntry("line", .sequence([
                    .mapping([EmitEntry("id", .string("d47c3599-f166-4cd0-999c-f60e46814d26")), EmitEntry("limit", .int(2))], flow: true),
                ])),
                EmitEntry("holiday", .sequence([])),
                EmitEntry("work_week", .sequence([.int(1), .int(2)], flow: true)),
                EmitEntry("remark", .string("two\nlines")),
            ])),
        ])
        let text = try YAMLEmitter.emit(tree)
        #expect(text == """
            uuid: 7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e01
            name: "no"
            maximumcall: 4
            task_extras:
              start_time: "2026-03-01 09:00:00"
              line:
              - {id: d47c3599-f166-4cd0-999c-f60e46814d26, limit: 2}
              holiday: []
              work_week: [1, 2]
              remark: |-
                two
                lines

            """)
        let root = try #require(YAMLParser.parse(Array(text.utf8), file: "d.yaml").documents.first?.root)
        #expect(value(root) == "{uuid=str:7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e01,name=str:no,maximumcall=int:4,"
                + "task_extras={start_time=str:2026-03-01 09:00:00,line=[{id=str:d47c3599-f166-4cd0-999c-f60e46814d26,limit=int:2}],"
                + "holiday=[],work_week=[int:1,int:2],remark=str:two\nlines}}")
    }

    @Test("comments go in a header and above keys at any depth, including the first key of a list item")
    func comments() throws {
        let tree: EmitNode = .mapping([
            EmitEntry("a", .int(1), comment: ["top", ""]),
            EmitEntry("b", .mapping([EmitEntry("c", .string("x"), comment: ["nested"])])),
            EmitEntry("d", .sequence([.mapping([EmitEntry("e", .int(1), comment: ["in a list"]), EmitEntry("f", .int(2))])])),
            EmitEntry("g", .mapping([EmitEntry("h", .int(1), comment: ["dropped: flow"])], flow: true)),
        ])
        let text = try YAMLEmitter.emit(tree, header: ["yaml-language-server: $schema=x.json", "second"])
        #expect(text == """
            # yaml-language-server: $schema=x.json
            # second
            # top
            #
            a: 1
            b:
              # nested
              c: x
            d:
            # in a list
            - e: 1
              f: 2
            g: {h: 1}

            """)
        let root = try #require(YAMLParser.parse(Array(text.utf8), file: "c.yaml").documents.first?.root)
        #expect(value(root) == "{a=int:1,b={c=str:x},d=[{e=int:1,f=int:2}],g={h=int:1}}")
    }

    @Test("keys are quoted like values when they need it")
    func keys() throws {
        let text = try YAMLEmitter.emit(.mapping([EmitEntry("no", .int(1)), EmitEntry("09:00", .int(2))]))
        #expect(text == "\"no\": 1\n\"09:00\": 2\n")
    }
}
