public import CalltaskClient
public import CalltaskYAML

/// Why the settings could not be resolved. Each message names every way to fix it.
public enum SettingsError: Error, Sendable, CustomStringConvertible {
    /// A required setting has no value from any source.
    case missing(setting: String, flag: String, variable: String, fileKey: String)
    /// A value is present but unusable; `source` says where it came from (`--page-size`,
    /// `CALLTASK_PAGE_SIZE`, `calltask.yaml:3:12`…).
    case invalid(setting: String, source: String, value: String, reason: String)
    /// `calltask.yaml` is malformed or has unknown or forbidden keys (located diagnostics).
    case file([Diagnostic])
    /// The settings file or the token file could not be read.
    case unreadable(path: String, what: String)
    /// The account settings were refused (e.g. plain HTTP to a non-loopback host).
    case account(AccountSettingsError)

    public var description: String {
        switch self {
        case .missing(let setting, let flag, let variable, let fileKey):
            return "missing setting: \(setting) — pass \(flag), set \(variable), or add '\(fileKey):' to calltask.yaml"
        case .invalid(let setting, let source, let value, let reason):
            return "invalid \(setting) '\(value)' from \(source): \(reason)"
        case .file(let diagnostics):
            return diagnostics.map { diagnostic in
                diagnostic.hint.map { "\(diagnostic)\n  hint: \($0)" } ?? diagnostic.description
            }.joined(separator: "\n")
        case .unreadable(let path, let what):
            return "cannot read the \(what) '\(path)': check that it exists and that you may read it"
        case .account(let error):
            return error.description
        }
    }

    /// The located diagnostics of a malformed settings file (empty for other cases).
    public var diagnostics: [Diagnostic] {
        if case .file(let diagnostics) = self { return diagnostics }
        return []
    }
}
