import CalltaskYAML
import Testing

/// YAML 1.2 core schema: how plain, quoted and tagged scalars resolve.
struct ScalarResolverTests {
    private func resolve(_ text: String, _ style: YAMLNode.ScalarStyle = .plain, tag: String? = nil) -> ScalarResolver.Value {
        ScalarResolver.resolve(YAMLNode.Scalar(text, style: style), tag: tag)
    }

    @Test("plain scalars resolve by the YAML 1.2 core schema", arguments: [
        ("~", ScalarResolver.Value.null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("FALSE", .bool(false)),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")), ("y", .string("y")),
        ("42", .int(42)), ("-7", .int(-7)), ("+3", .int(3)), ("007", .int(7)),
        ("0x1F", .int(31)), ("0o17", .int(15)), ("0x", .string("0x")), ("0b101", .string("0b101")), ("1_000", .string("1_000")),
        ("1.5", .float(1.5)), ("-.5", .float(-0.5)), ("1e3", .float(1000)), (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)),
        ("09:00", .string("09:00")), ("2026-03-01", .string("2026-03-01")), ("1-2", .string("1-2")),
        ("99999999999999999999", .string("99999999999999999999")),
    ])
    func plainScalars(text: String, expected: ScalarResolver.Value) {
        #expect(resolve(text) == expected)
    }

    @Test(".nan resolves to a NaN float")
    func nan() {
        guard case .float(let value) = resolve(".nan") else {
            Issue.record("not a float")
            return
        }
        #expect(value.isNaN)
    }

    @Test("quoted and block scalars are always strings", arguments: [
        YAMLNode.ScalarStyle.singleQuoted, .doubleQuoted, .literal, .folded,
    ])
    func quotedAreStrings(style: YAMLNode.ScalarStyle) {
        #expect(resolve("1", style) == .string("1"))
        #expect(resolve("true", style) == .string("true"))
        #expect(resolve("~", style) == .string("~"))
    }

    @Test("explicit tags win", arguments: [
        ("42", "!!str", ScalarResolver.Value.string("42")),
        ("42", "tag:yaml.org,2002:str", .string("42")),
        ("42", "!!int", .int(42)),
        ("x", "!!null", .null),
    ])
    func tags(text: String, tag: String, expected: ScalarResolver.Value) {
        #expect(resolve(text, tag: tag) == expected)
    }

    @Test("YAML 1.1 booleans are recognised for hints", arguments: ["yes", "No", "ON", "off", "y", "N"])
    func yaml11Bools(text: String) {
        #expect(ScalarResolver.isYAML11Bool(text))
    }

    @Test("a parsed document keeps each scalar's style")
    func parsedStyles() throws {
        let result = YAMLParser.parse(Array("a: 1\nb: '1'\nc: \"1\"\nd: |\n  1\ne: >\n  1\n".utf8), file: "f.yaml")
        let root = try #require(result.documents.first?.root)
        #expect(["a", "b", "c", "d", "e"].map { root[$0]?.scalar?.style } == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
    }

    @Test("isNull gives the same answer as resolve(_:tag:) == .null, for every style and tag")
    func isNullAgreesWithResolve() {
        let texts = ["", "~", "null", "Null", "NULL", "nULL", "nul", "none", "0", "12", "0x1F", "x", "~~", " ", "null "]
        let tags: [String?] = [nil, "!!null", "tag:yaml.org,2002:null", "!!str", "!!int", "tag:yaml.org,2002:int", "!custom"]
        let styles: [YAMLNode.ScalarStyle] = [.plain, .singleQuoted, .doubleQuoted, .literal, .folded]
        for text in texts {
            for tag in tags {
                for style in styles {
                    let scalar = YAMLNode.Scalar(text, style: style)
                    #expect(ScalarResolver.isNull(scalar, tag: tag) == (ScalarResolver.resolve(scalar, tag: tag) == .null),
                            "'\(text)' \(style) \(tag ?? "untagged")")
                }
            }
        }
    }
}
