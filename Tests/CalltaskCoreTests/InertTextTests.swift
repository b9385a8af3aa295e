import CalltaskCore
import CalltaskModels
import CalltaskTestSupport
import CalltaskYAML
import Foundation
import Testing

/// Data never makes a line of its own, reorders what a reader sees, opens HTML, closes a block or splits
/// a table cell: one golden file per class of hostile character, in the text and the Markdown plan.
struct InertTextTests {
    /// Each class, with a string a spec or the platform could carry (as a task name and a remark).
    static let classes: [(name: String, text: String)] = [
        ("c0-newline", "ok\n+ maximumcall: 99\r\n# heading\tx"),
        ("c0-other", "bell\u{07}esc\u{1B}[31mred\u{00}nul"),
        ("del-c1", "del\u{7F}c1\u{85}next\u{9B}31m"),
        ("line-separators", "one\u{2028}two\u{2029}three"),
        ("direction-marks", "a\u{200E}b\u{200F}c"),
        ("bidi-embeddings", "x\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}y"),
        ("bidi-isolates", "x\u{2066}\u{2067}\u{2068}\u{2069}y"),
        ("backticks", "```\n# not a heading\n```"),
        ("html", "</code></summary></details><h1>owned</h1><img src=x onerror=alert(1)>"),
        ("table-pipe", "a | b || c"),
    ]

    static func plan(hostile: String) throws -> Plan {
        let spec = "uuid: u-1\nname: task\nremark: \(try yamlQuoted(hostile))\n"
        let loaded = SpecLoader.load([SourceFile(path: "specs/hostile.yaml", text: spec)])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        var live = LiveTask(uuid: "u-1")
        live.name = hostile
        live.enable = LenientBool(false)
        live.remark = "old"
        live.newTaskExtra = LiveExtras()
        live.taskExtras = LiveExtras()
        // The live name differs from the spec's: match by uuid, then the name itself is a change too.
        var plan = Planner.plan(matched: Matcher.match(loaded.specs, live: [live]), details: [:], options: .init(),
                                account: "account: \(hostile)", specHash: "0", requests: 1).plan
        plan.tasks[0].warnings.append("a warning quoting \(hostile)")
        plan.notes.append("a note quoting \(hostile)")
        plan.unmanaged.append(UnmanagedTask(uuid: "u-2", name: hostile))
        return plan
    }

    /// A YAML double-quoted scalar that decodes to `text`.
    static func yamlQuoted(_ text: String) throws -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x2000...0x206F).contains(scalar.value):
                out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test("text plan: one golden file per class; every data string stays on its line", arguments: classes.map(\.name))
    func text(className: String) throws {
        let hostile = try #require(Self.classes.first { $0.name == className }).text
        let rendered = PlanRenderer.text(try Self.plan(hostile: hostile), showUnmanaged: true)
        assertSnapshot(rendered, named: "inert-\(className)-text")
        Self.expectInert(rendered)
        let clean = PlanRenderer.text(try Self.plan(hostile: "x"), showUnmanaged: true)
        #expect(rendered.split(separator: "\n", omittingEmptySubsequences: false).count
                == clean.split(separator: "\n", omittingEmptySubsequences: false).count, "a data string made a line of its own")
    }

    @Test("Markdown plan: one golden file per class; no raw HTML, block end or cell split from data", arguments: classes.map(\.name))
    func markdown(className: String) throws {
        let hostile = try #require(Self.classes.first { $0.name == className }).text
        let rendered = PlanRenderer.markdown(try Self.plan(hostile: hostile))
        assertSnapshot(rendered, named: "inert-\(className)-markdown")
        Self.expectInert(rendered)
        let clean = PlanRenderer.markdown(try Self.plan(hostile: "x"))
        #expect(rendered.split(separator: "\n", omittingEmptySubsequences: false).count
                == clean.split(separator: "\n", omittingEmptySubsequences: false).count, "a data string made a line of its own")
        #expect(rendered.split(separator: "\n").filter { $0.hasPrefix("```") }.count == 2, "a fence was opened or closed by data")
        // Outside the fenced diff (where GitHub shows text as it is), no raw HTML and no pipe from data.
        let outside = Self.outsideFences(rendered)
        #expect(!outside.contains("<h1>") && !outside.contains("<img") && !outside.contains("</code></summary></details><"), "\(outside)")
        #expect(!outside.contains("a | b"), "a pipe from data could split a table cell")
    }

    /// The Markdown without its fenced code blocks.
    static func outsideFences(_ markdown: String) -> String {
        var inside = false
        var kept: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inside.toggle()
                continue
            }
            if !inside { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }

    static func expectInert(_ rendered: String) {
        let forbidden = rendered.unicodeScalars.filter { scalar in
            scalar != "\n" && ((scalar.value < 0x20) || (0x7F...0x9F).contains(scalar.value)
                || [0x2028, 0x2029, 0x200E, 0x200F].contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value))
        }
        #expect(forbidden.isEmpty, "raw control or bidi characters in the output: \(forbidden.map { String($0.value, radix: 16) })")
    }

    @Test("InertText.line and .html on the documented examples")
    func examples() {
        #expect(InertText.line("a\n+ b") == #"a\n+ b"#)
        #expect(InertText.line("\u{202E}") == #"\u{202E}"#)
        #expect(InertText.line("plain 回访 text") == "plain 回访 text")
        #expect(InertText.html("x</code>`|&") == "x&lt;/code&gt;&#96;&#124;&amp;")
    }
}
