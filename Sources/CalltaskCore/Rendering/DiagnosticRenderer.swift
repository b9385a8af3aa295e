public import CalltaskYAML

/// Renders diagnostics the way compilers do, so editors and CI problem matchers can read them:
///
/// ```
/// tasks/sale.yaml:14:7: error: task_extras.redial_interval: 90 is above the maximum of 60 minutes
///    14 |   redial_interval: 90
///       |                    ^
///    hint: ...
/// ```
public enum DiagnosticRenderer {
    /// Renders every diagnostic, sorted by location, with a snippet from `sources` (path → bytes).
    public static func text(_ diagnostics: [Diagnostic], sources: [String: [UInt8]], style: TerminalStyle = .plain) -> String {
        var out = ""
        var lineCache: [String: [Substring]] = [:]
        for diagnostic in Diagnostic.sortedByLocation(diagnostics) {
            let label: String
            switch diagnostic.severity {
            case .error: label = style.red(style.bold("error"))
            case .warning: label = style.yellow(style.bold("warning"))
            case .note: label = style.cyan("note")
            }
            var head = ""
            if let location = diagnostic.location { head += style.bold("\(location)") + ": " }
            head += label + ": "
            // Messages quote spec values and live names (data): shown inert, never a line of their own.
            if !diagnostic.path.isEmpty { head += InertText.line(diagnostic.path.description) + ": " }
            head += InertText.line(diagnostic.message)
            out += head + "\n"
            if let location = diagnostic.location, let bytes = sources[location.file] {
                if lineCache[location.file] == nil {
                    lineCache[location.file] = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                }
                if let lines = lineCache[location.file], lines.indices.contains(location.line - 1) {
                    let number = String(location.line)
                    let gutter = String(repeating: " ", count: max(4, number.count + 1))
                    let text = lines[location.line - 1].replacingTabs()
                    out += String(repeating: " ", count: gutter.count - number.count) + number + " | " + text + "\n"
                    let caretPad = String(text.unicodeScalars.prefix(max(0, location.column - 1)).map { $0.properties.isWhitespace ? Character($0) : " " })
                    out += gutter + " | " + caretPad + style.green("^") + "\n"
                }
            }
            if let hint = diagnostic.hint { out += "   hint: " + InertText.line(hint) + "\n" }
            for note in diagnostic.notes {
                out += "   note: " + (note.location.map { "\($0): " } ?? "") + InertText.line(note.message) + "\n"
            }
        }
        return out
    }

    /// The closing line: "calltask: 3 errors in 2 files; nothing was sent to the API."
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        let files = Set(errors.compactMap { $0.location?.file }).count
        var parts: [String] = []
        if !errors.isEmpty {
            parts.append("\(errors.count) error\(errors.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
        }
        if !warnings.isEmpty { parts.append("\(warnings.count) warning\(warnings.count == 1 ? "" : "s")") }
        return "calltask: " + parts.joined(separator: ", ")
    }
}

extension Substring {
    func replacingTabs() -> String { String(self).split(separator: "\t", omittingEmptySubsequences: false).joined(separator: " ") }
}
