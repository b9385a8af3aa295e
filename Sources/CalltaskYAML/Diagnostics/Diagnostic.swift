/// One problem found in the user's input, with where it is and what to do about it.
///
/// User-input problems are collected as values, never thrown one at a time, so that one run reports
/// every problem (sorted by location) before anything is sent to the platform.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning, note
    }

    /// A secondary location, such as "first defined here".
    public struct Note: Hashable, Sendable {
        public var location: SourceLocation?
        public var message: String
        public init(location: SourceLocation?, message: String) {
            self.location = location
            self.message = message
        }
    }

    public var severity: Severity
    public var location: SourceLocation?
    /// The field the problem is about; empty for problems of the file as a whole (syntax errors).
    public var path: FieldPath
    public var message: String
    /// What to do next, e.g. "did you mean 'redial_interval'?".
    public var hint: String?
    public var notes: [Note]

    public init(
        _ severity: Severity = .error,
        at location: SourceLocation?,
        path: FieldPath = FieldPath(),
        _ message: String,
        hint: String? = nil,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.location = location
        self.path = path
        self.message = message
        self.hint = hint
        self.notes = notes
    }

    /// The one-line form: `file:line:column: error: path: message`.
    public var description: String {
        var out = ""
        if let location { out += "\(location): " }
        out += "\(severity.rawValue): "
        if !path.isEmpty { out += "\(path): " }
        out += message
        return out
    }

    /// Orders diagnostics by file, line and column; unlocated ones first.
    public static func sortedByLocation(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let l?, let r?): return l == r ? a.offset < b.offset : l < r
            }
        }.map(\.element)
    }
}
