import CalltaskModels
import CalltaskYAML

/// The keys of `calltask.yaml`, the optional settings file of a specs repository.
///
/// Every key is optional: a flag or an environment variable may supply it instead (see
/// `SettingsResolver`). The file is committed to git, so it must never hold the token: a `token` key is
/// an error that points at `CALLTASK_TOKEN` and `token_file`. `schemas/calltask-settings.schema.json`
/// describes the same keys for editors.
///
/// ```yaml
/// endpoint: https://ai.api.longlonglong.cn
/// user_id: 5832d184-dd53-42a0-8ace-0bf8d660f4cc
/// token_file: ~/.config/calltask/token
/// specs: [tasks/]
/// max_rps: 5
/// ```
public struct SettingsFile: Codable, Sendable, Hashable {
    /// The API's base URL.
    public var endpoint: String?
    /// The main account's id.
    public var userID: String?
    /// The sub-account to act on.
    public var subUserID: String?
    /// A path to a file that holds the token (relative to this file's directory).
    public var tokenFile: String?
    /// The resume call's path template (INFERRED default, see `AccountSettings.defaultResumePath`).
    public var resumePath: String?
    /// Spec files or directories (relative to this file's directory).
    public var specs: [String]?
    public var pageSize: Int?
    public var pageParallelism: Int?
    public var maxRPS: Double?
    public var maxRetries: Int?
    public var timeoutSeconds: Double?
    /// Seconds a connection may take to be made.
    public var connectTimeout: Double?
    /// How many tasks `apply` works on at the same time.
    public var parallelism: Int?
    /// The apply journal's path (relative to this file's directory).
    public var journal: String?

    public init() {}

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case endpoint
        case userID = "user_id"
        case subUserID = "sub_user_id"
        case tokenFile = "token_file"
        case resumePath = "resume_path"
        case specs
        case pageSize = "page_size"
        case pageParallelism = "page_parallelism"
        case maxRPS = "max_rps"
        case maxRetries = "max_retries"
        case timeoutSeconds = "timeout_seconds"
        case connectTimeout = "connect_timeout"
        case parallelism
        case journal
    }

    /// Only asked for to refuse it.
    private enum ForbiddenKeys: String, CodingKey { case token }

    public init(from decoder: any Decoder) throws {
        let forbidden = try decoder.container(keyedBy: ForbiddenKeys.self)
        if forbidden.contains(.token) {
            throw DecodingHint.dataCorrupted(
                forKey: .token, in: forbidden, "calltask.yaml must not hold the token: it is committed with the specs",
                hint: "remove 'token:'; set CALLTASK_TOKEN, or put the token in a file outside the repository and add 'token_file: PATH'")
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        endpoint = try c.decodeIfPresent(String.self, forKey: .endpoint)
        userID = try c.decodeIfPresent(String.self, forKey: .userID)
        subUserID = try c.decodeIfPresent(String.self, forKey: .subUserID)
        tokenFile = try c.decodeIfPresent(String.self, forKey: .tokenFile)
        resumePath = try c.decodeIfPresent(String.self, forKey: .resumePath)
        specs = try c.decodeIfPresent([String].self, forKey: .specs)
        pageSize = try c.decodeIfPresent(Int.self, forKey: .pageSize)
        pageParallelism = try c.decodeIfPresent(Int.self, forKey: .pageParallelism)
        maxRPS = try c.decodeIfPresent(Double.self, forKey: .maxRPS)
        maxRetries = try c.decodeIfPresent(Int.self, forKey: .maxRetries)
        timeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .timeoutSeconds)
        connectTimeout = try c.decodeIfPresent(Double.self, forKey: .connectTimeout)
        parallelism = try c.decodeIfPresent(Int.self, forKey: .parallelism)
        journal = try c.decodeIfPresent(String.self, forKey: .journal)
    }

    /// Parses and decodes `calltask.yaml` from its bytes.
    ///
    /// An empty file is an empty settings file. Unknown keys are errors with a did-you-mean hint.
    ///
    /// - Throws: `SettingsError.file` with every located diagnostic.
    public static func load(bytes: [UInt8], file: String) throws(SettingsError) -> SettingsFile {
        let parsed = YAMLParser.parse(bytes, file: file)
        let parseErrors = parsed.diagnostics.filter { $0.severity == .error }
        guard parseErrors.isEmpty else { throw .file(Diagnostic.sortedByLocation(parseErrors)) }
        guard let document = parsed.documents.first else { return SettingsFile() }
        if parsed.documents.count > 1, let second = parsed.documents.dropFirst().first {
            throw .file([Diagnostic(at: second.root.location, "calltask.yaml must hold one document",
                                    hint: "remove the '---' separator and merge the documents")])
        }
        if case .scalar(let scalar) = document.root.kind, scalar.value.isEmpty, scalar.isPlain {
            return SettingsFile()
        }
        let result = YAMLDecoder().decode(SettingsFile.self, from: document.root)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let value = result.value else {
            throw .file(Diagnostic.sortedByLocation(errors.isEmpty ? result.diagnostics : errors))
        }
        return value
    }
}
