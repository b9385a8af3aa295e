/// The settings given on the command line; nil (or empty) means "not given".
///
/// The token is deliberately absent: it never comes from an argument (design: safety rules), only from
/// `CALLTASK_TOKEN` or a token file.
public struct SettingsFlags: Sendable, Hashable {
    /// `--config PATH`: use this settings file instead of searching for `calltask.yaml`.
    public var configFile: String?
    public var endpoint: String?
    public var userID: String?
    public var subUserID: String?
    public var tokenFile: String?
    public var resumePath: String?
    /// Positional spec paths; empty means "not given".
    public var specs: [String]
    public var pageSize: Int?
    public var pageParallelism: Int?
    public var maxRPS: Double?
    public var maxRetries: Int?
    public var timeoutSeconds: Double?
    public var connectTimeoutSeconds: Double?
    public var parallelism: Int?
    public var journal: String?

    public init(
        configFile: String? = nil, endpoint: String? = nil, userID: String? = nil, subUserID: String? = nil,
        tokenFile: String? = nil, resumePath: String? = nil, specs: [String] = [], pageSize: Int? = nil,
        pageParallelism: Int? = nil, maxRPS: Double? = nil, maxRetries: Int? = nil, timeoutSeconds: Double? = nil,
        parallelism: Int? = nil, journal: String? = nil, connectTimeoutSeconds: Double? = nil
    ) {
        self.configFile = configFile
        self.endpoint = endpoint
        self.userID = userID
        self.subUserID = subUserID
        self.tokenFile = tokenFile
        self.resumePath = resumePath
        self.specs = specs
        self.pageSize = pageSize
        self.pageParallelism = pageParallelism
        self.maxRPS = maxRPS
        self.maxRetries = maxRetries
        self.timeoutSeconds = timeoutSeconds
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.parallelism = parallelism
        self.journal = journal
    }
}
