import CalltaskTestSupport
import CalltaskYAML
import Testing

/// Hostile YAML the parser must turn into a clear, located error within fixed time and memory.
///
/// Cases already covered elsewhere are not repeated: the billion-laughs document, 10,000 nested `[`, a
/// scalar or file over a (small) limit, invalid UTF-8, a BOM alone, tab indentation, a NUL byte
/// (LibYAMLTests); duplicate keys, `? [a, b]` keys, bad merge values (AliasMergeTests); integers out of
/// range for Swift's types (YAMLDecoderTests). Field ranges of a spec (`maximumcall`,
/// `redial_interval`) are in CalltaskCoreTests/HostileSpecTests.swift, through the loader and validator.
///
/// Every case runs under a hang guard (`ContinuousClock`, a generous 2 s): not a timing assertion, only
/// a bound that a parse gone quadratic or exponential would blow.
struct HostileYAMLTests {
    static let hangGuard: Duration = .seconds(2)

    /// Parses under the hang guard.
    func guarded(_ bytes: [UInt8], limits: YAMLLimits = .default,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (documents: [YAMLDocument], diagnostics: [Diagnostic]) {
        let clock = ContinuousClock()
        var result: (documents: [YAMLDocument], diagnostics: [Diagnostic]) = ([], [])
        let elapsed = clock.measure {
            result = YAMLParser.parse(bytes, file: "file.yaml", limits: limits)
        }
        #expect(elapsed < Self.hangGuard, "hang guard: the parse took \(elapsed)", sourceLocation: sourceLocation)
        return result
    }

    func guarded(_ yaml: MarkedYAML, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (documents: [YAMLDocument], diagnostics: [Diagnostic]) {
        guarded(yaml.bytes, sourceLocation: sourceLocation)
    }

    // MARK: keys that are not text

    @Test("a mapping key that is a list, a mapping or an alias to one is a located error", arguments: [
        ("1️⃣[a]: 1\n", "mapping keys must be plain text, not a list"),
        ("? 1️⃣{a: 1}\n: 2\n", "mapping keys must be plain text, not a mapping"),
        ("1️⃣{a: 1}: 2\n", "mapping keys must be plain text, not a mapping"),
        ("x-m: &m {a: 1}\ntask:\n  ? 1️⃣*m\n  : 2\n", "mapping keys must be plain text, not a mapping"),
        ("name: a\ntask_extras:\n  1️⃣[line]: [x]\n", "mapping keys must be plain text, not a list"),
    ])
    func nonTextKeys(text: String, message: String) throws {
        let yaml = MarkedYAML(text)
        let diagnostic = try single(guarded(yaml).diagnostics)
        #expect(diagnostic.message == message)
        #expect(diagnostic.hint == "write the key as a string")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("many non-text keys are each reported, and the parse stays bounded")
    func manyNonTextKeys() {
        let text = (0..<500).map { "[k\($0)]: \($0)\n" }.joined()
        let result = guarded(Array(text.utf8))
        #expect(result.diagnostics.count == 500)
        #expect(result.diagnostics.allSatisfy { $0.message == "mapping keys must be plain text, not a list" })
    }

    @Test("an empty key (`: 1`, `? `) parses as a null scalar key, not a crash")
    func emptyKey() {
        let result = guarded(Array("? \n: 1\nname: a\n".utf8))
        #expect(result.documents.count == 1)
    }

    // MARK: alias bombs beyond billion laughs

    @Test("wide aliases of one large scalar: the node budget, not the bytes, bounds the work")
    func wideAliasesOfLargeScalar() throws {
        // A scalar just under the 1 MiB limit aliased 300,000 times (600 lists of 500, so that no single
        // list is long): the file is ~2 MB, the expansion would be 300 GB of text. Aliases share the
        // scalar; the node budget stops it.
        let big = String(repeating: "x", count: (1 << 20) - 16)
        let inner = "[" + String(repeating: "*b,", count: 500) + "]"
        let text = "x-big: &b \(big)\nline:\n" + String(repeating: "  - \(inner)\n", count: 600)
        let diagnostic = try single(guarded(Array(text.utf8)).diagnostics)
        #expect(diagnostic.message == "the document expands to more than 250000 nodes through aliases")
    }

    @Test("a merge-key bomb (`<<` of lists of aliases, nested) fails with the expansion error")
    func mergeBomb() throws {
        var lines = ["a0: &a0 {k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9}"]
        for level in 1...8 {
            let refs = (0..<10).map { _ in "*a\(level - 1)" }.joined(separator: ", ")
            lines.append("a\(level): &a\(level) {<<: [\(refs)], own\(level): \(level)}")
        }
        let result = guarded(Array((lines.joined(separator: "\n") + "\n").utf8))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message.hasPrefix("the document expands to more than 250000 nodes"), "\(diagnostic)")
    }

    @Test("nesting deepened through aliases (each anchor under the depth limit) stays bounded and does not crash")
    func deepThroughAliases() {
        // a_k = 60 levels of single-element lists around *a_(k-1): every anchor obeys the 64-level limit,
        // the expanded tree is 60 × k deep. The node budget (each alias costs its full weight) bounds k.
        var lines: [String] = ["a0: &a0 leaf"]
        for k in 1...200 {
            lines.append("a\(k): &a\(k) " + String(repeating: "[", count: 60) + "*a\(k - 1)" + String(repeating: "]", count: 60))
        }
        let result = guarded(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.diagnostics.contains { $0.message.hasPrefix("the document expands to more than 250000 nodes") },
                "\(result.diagnostics.prefix(3))")
    }

    @Test("an alias to an anchor that is still open (a recursive alias) is a located error")
    func recursiveAlias() throws {
        let yaml = MarkedYAML("a: &a [1, 1️⃣*a]\n")
        let diagnostic = try single(guarded(yaml).diagnostics)
        #expect(diagnostic.message == "alias '*a' refers to no anchor defined before it")
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    // MARK: size limits at their default values

    @Test("a file one byte over the default 16 MiB limit is refused at 1:1 before parsing")
    func fileJustOverDefaultLimit() throws {
        let limit = YAMLLimits.default.maxFileBytes
        var bytes = Array("name: a\nremark: |\n".utf8)
        let line = Array(("  " + String(repeating: "y", count: 1021) + "\n").utf8)  // 1 KiB per line
        while bytes.count + line.count <= limit + 1 { bytes += line }
        bytes += Array(repeating: UInt8(ascii: "z"), count: limit + 1 - bytes.count)
        #expect(bytes.count == limit + 1)
        let result = guarded(bytes)
        #expect(result.documents.isEmpty)
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.description == "file.yaml:1:1: error: file is \(limit + 1) bytes, above the limit of \(limit) bytes")
        #expect(diagnostic.hint == "split the tasks into several files")
    }

    @Test("2 MiB of small documents parses within the bounds (no cost quadratic in the number of documents)")
    func manySmallDocuments() {
        let limit = 2 << 20
        let document = Array("---\nname: t\nmaximumcall: 2\ntask_extras: {line: [a, b], redial_interval: 30}\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(limit)
        while bytes.count + document.count <= limit { bytes += document }
        let clock = ContinuousClock()
        var result: (documents: [YAMLDocument], diagnostics: [Diagnostic]) = ([], [])
        let elapsed = clock.measure { result = YAMLParser.parse(bytes, file: "file.yaml") }
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.count == bytes.count / document.count)
        // ~30,000 documents: generous, a hang guard only (debug build, 2 shared cores).
        #expect(elapsed < .seconds(30), "hang guard: \(elapsed)")
    }

    @Test("a scalar one byte over the default 1 MiB limit is a located error; one at the limit is fine", arguments: [
        (YAMLLimits.default.maxScalarBytes, false), (YAMLLimits.default.maxScalarBytes + 1, true),
    ])
    func scalarAtDefaultLimit(size: Int, refused: Bool) throws {
        let yaml = MarkedYAML("name: a\nremark: 1️⃣\(String(repeating: "r", count: size))\n")
        let result = guarded(yaml)
        if refused {
            let diagnostic = try single(result.diagnostics)
            #expect(diagnostic.message == "a scalar of \(size) bytes is above the limit of \(size - 1) bytes")
            #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
        } else {
            #expect(result.diagnostics.isEmpty)
        }
    }

    @Test("a huge quoted key is bounded by the scalar limit too")
    func hugeKey() throws {
        let yaml = MarkedYAML("1️⃣\"\(String(repeating: "k", count: (1 << 20) + 1))\": 1\n")
        let diagnostic = try single(guarded(yaml).diagnostics)
        #expect(diagnostic.message.hasPrefix("a scalar of 1048577 bytes is above the limit"))
        #expect(diagnostic.location == yaml.location("1️⃣", file: "file.yaml"))
    }

    @Test("block nesting one level over the default 64 is a located error")
    func blockNestingOverDefault() throws {
        var text = ""
        for level in 0..<65 { text += String(repeating: " ", count: level) + "k\(level):\n" }
        text += String(repeating: " ", count: 65) + "leaf: 1\n"
        let result = guarded(Array(text.utf8))
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.message == "nesting is deeper than the limit of 64 levels")
        #expect(diagnostic.location?.line == 65)
    }

    // MARK: encodings, BOMs, tabs

    @Test("a BOM followed by tab indentation: the tab error on the right line, with the tab hint")
    func bomAndTabs() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("name: a\ntask_extras:\n\tline: [x]\n".utf8)
        let diagnostic = try single(guarded(bytes).diagnostics)
        #expect(diagnostic.message.hasPrefix("invalid YAML: "), "\(diagnostic)")
        #expect(diagnostic.location?.line == 3, "\(diagnostic)")
        #expect(diagnostic.hint == "YAML does not allow tabs for indentation; indent with spaces")
    }

    @Test("a BOM and a tab on line 1 (after the key) are not an error: tabs are fine as separators")
    func bomAndSeparatorTab() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("name:\ta\nmaximumcall:\t2\n".utf8)
        let result = guarded(bytes)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.documents.first?.root["name"]?.scalar?.value == "a")
    }

    @Test("a second BOM in the middle of the file is a clear error or ignored, never a crash")
    func bomInTheMiddle() {
        let bytes: [UInt8] = Array("name: a\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("maximumcall: 2\n".utf8)
        let result = guarded(bytes)
        #expect(result.diagnostics.allSatisfy { $0.location != nil && !$0.message.isEmpty })
    }

    @Test("a UTF-16 file (BOM FF FE) is refused as not UTF-8 text, at the first NUL")
    func utf16() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "name: a\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let diagnostic = try single(guarded(bytes).diagnostics)
        #expect(diagnostic.message == "the file contains a NUL byte; YAML files are text")
        #expect(diagnostic.hint == "check that the file is UTF-8 text and not binary")
    }

    @Test("invalid UTF-8 inside a quoted value and in a key are located reader errors", arguments: [
        [UInt8]("name: \"a".utf8) + [0xC3, 0x28] + [UInt8]("\"\n".utf8),
        [UInt8]("na".utf8) + [0xFF] + [UInt8]("me: a\n".utf8),
        [UInt8]("name: a\nremark: ".utf8) + [0xED, 0xA0, 0x80] + [UInt8]("\n".utf8),  // a UTF-16 surrogate in UTF-8
        [UInt8]("name: a\nremark: ".utf8) + [0xF4, 0x90, 0x80, 0x80] + [UInt8]("\n".utf8),  // above U+10FFFF
    ])
    func invalidUTF8Places(bytes: [UInt8]) throws {
        let diagnostic = try single(guarded(bytes).diagnostics)
        #expect(diagnostic.message.hasPrefix("invalid YAML: "), "\(diagnostic)")
        #expect(diagnostic.hint == "save the file as UTF-8")
    }

    @Test("a NUL byte deep in a large file is located at its line", arguments: [1, 5_000])
    func nulDeep(line: Int) throws {
        var bytes = Array(String(repeating: "# comment\n", count: line - 1).utf8)
        bytes += Array("name: a".utf8) + [0] + Array("\n".utf8)
        let diagnostic = try single(guarded(bytes).diagnostics)
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.location?.column == 8)
    }

    @Test("control characters other than tab/newline are reader errors")
    func controlCharacters() throws {
        let diagnostic = try single(guarded(Array("name: a\u{07}b\n".utf8)).diagnostics)
        #expect(diagnostic.message.hasPrefix("invalid YAML: "), "\(diagnostic)")
    }

    // MARK: duplicate keys at scale

    @Test("10,000 duplicate keys are each reported, in bounded time")
    func manyDuplicateKeys() {
        let text = "name: a\n" + String(repeating: "name: a\n", count: 10_000)
        let result = guarded(Array(text.utf8))
        #expect(result.diagnostics.count == 10_000)
        #expect(result.diagnostics.first?.message == "duplicate key 'name'")
    }

    @Test("a small node budget stops a long flat mapping with the plain hint")
    func distinctKeysOverBudget() throws {
        let text = (0..<2_000).map { "k\($0): \($0)\n" }.joined()
        let result = guarded(Array(text.utf8), limits: YAMLLimits(maxNodes: 1_000))
        let diagnostic = try single(result.diagnostics)
        #expect(diagnostic.message == "the document expands to more than 1000 nodes")
        #expect(diagnostic.hint == "split the tasks into several documents")
    }

    @Test("a flat list and a flat mapping of 30,000 entries parse in bounded time", arguments: ["list", "mapping"])
    func longFlatCollections(kind: String) {
        let text = kind == "list"
            ? "x: [" + (0..<30_000).map(String.init).joined(separator: ",") + "]\n"
            : (0..<30_000).map { "k\($0): \($0)\n" }.joined()
        let result = guarded(Array(text.utf8))
        #expect(result.diagnostics.isEmpty)
    }

    @Test("many documents: each under the budget; the file as a whole is bounded by the file limit")
    func manyDocuments() {
        let text = String(repeating: "---\nname: a\n", count: 50_000)
        let result = guarded(Array(text.utf8))
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.count == 50_000)
    }
}
