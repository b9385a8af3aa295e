public import CalltaskYAML

/// The machine-readable form of diagnostics (`--format json`), versioned.
public struct DiagnosticReport: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var severity: String
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var path: String
        public var message: String
        public var hint: String?
    }

    public var formatVersion = 1
    public var valid: Bool
    public var tasks: Int
    public var diagnostics: [Entry]

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case valid, tasks, diagnostics
    }

    public init(diagnostics: [Diagnostic], tasks: Int) {
        valid = !diagnostics.contains { $0.severity == .error }
        self.tasks = tasks
        self.diagnostics = Diagnostic.sortedByLocation(diagnostics).map {
            Entry(severity: $0.severity.rawValue, file: $0.location?.file, line: $0.location?.line,
                  column: $0.location?.column, path: $0.path.description, message: $0.message, hint: $0.hint)
        }
    }
}
