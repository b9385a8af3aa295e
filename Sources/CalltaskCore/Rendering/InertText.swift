/// Makes text that comes from specs or the platform (names, remarks, script names, messages) inert
/// before it is put into a plan, a log line or a pull-request comment: it can never start a line of its
/// own, reorder what a reader sees, close a Markdown block, open HTML or split a table cell.
///
/// ```swift
/// InertText.line("a\n+ maximumcall: 99")      // a\n+ maximumcall: 99  (one line, with a visible \n)
/// InertText.html("x</code><h1>y")             // x&lt;/code&gt;&lt;h1&gt;y
/// ```
public enum InertText {
    /// The text on one line: every character that breaks a line, is invisible or reorders text is shown
    /// as an escape. C0 controls (tab and newline included), DEL and C1 controls, the line and paragraph
    /// separators (U+2028, U+2029), the direction marks (U+200E, U+200F), the bidi embeddings and
    /// overrides (U+202A–U+202E) and the bidi isolates (U+2066–U+2069).
    public static func line(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// `line`, then safe inside HTML and a Markdown table cell: `&`, `<`, `>`, `"` become entities, and
    /// so do the backtick (which would open or close inline code) and `|` (which would split a cell).
    public static func html(_ text: String) -> String {
        let single = line(text)
        guard single.utf8.contains(where: { htmlSpecial.contains($0) }) else { return single }
        var out = ""
        out.reserveCapacity(single.utf8.count + 16)
        for character in single.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "`": out += "&#96;"
            case "|": out += "&#124;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    private static let htmlSpecial: Set<UInt8> = Set("&<>\"`|".utf8)

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
