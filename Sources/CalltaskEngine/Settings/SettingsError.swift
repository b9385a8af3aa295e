public import CalltaskClient
public import CalltaskYAML

/// Why the settings could not be resolved. Each message names every way to fix it.
public enum SettingsError: Error, Sendable, CustomStringConvertible {
    /// Required settings with no value from any source: every one of them, so that one run says all
    /// that is missing (never one at a time).
    case missing([MissingSetting])
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
        case .missing(let settings):
            guard settings.count > 1, let last = settings.last else {
                return settings.first.map { "missing setting: \($0.setting) — \($0.remedy)" } ?? "missing settings"
            }
            let names = settings.dropLast().map(\.setting).joined(separator: ", ") + " and " + last.setting
            return "missing settings: \(names)\n" + settings.map { "  \($0.setting): \($0.remedy)" }.joined(separator: "\n")
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

/// A required setting and the places it can come from.
public struct MissingSetting: Sendable, Hashable {
    /// What it is, in words: `endpoint`, `user id`, `token`.
    public var setting: String
    public var flag: String
    public var variable: String
    /// The `calltask.yaml` key.
    public var fileKey: String

    public init(setting: String, flag: String, variable: String, fileKey: String) {
        self.setting = setting
        self.flag = flag
        self.variable = variable
        self.fileKey = fileKey
    }

    /// `pass --user-id, set CALLTASK_USER_ID, or add 'user_id:' to calltask.yaml`.
    public var remedy: String {
        "pass \(flag), set \(variable), or add '\(fileKey):' to calltask.yaml"
    }

    public static let endpoint = MissingSetting(setting: "endpoint", flag: "--endpoint", variable: "CALLTASK_ENDPOINT",
                                                fileKey: "endpoint")
    public static let userID = MissingSetting(setting: "user id", flag: "--user-id", variable: "CALLTASK_USER_ID",
                                              fileKey: "user_id")
    public static let token = MissingSetting(setting: "token", flag: "--token-file",
                                             variable: "CALLTASK_TOKEN (or CALLTASK_TOKEN_FILE)", fileKey: "token_file")
}
