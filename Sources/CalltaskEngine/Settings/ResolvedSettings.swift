public import CalltaskClient

/// The settings of one run, every value resolved (flag > environment > calltask.yaml > default).
public struct ResolvedSettings: Sendable {
    /// The account to act on; nil only when resolved with `needsAccount: false` (e.g. `validate`).
    public var account: AccountSettings?
    /// Paging, rate and retry settings for the client.
    public var tuning: ClientTuning
    /// Spec files or directories, as paths usable from the working directory.
    public var specs: [String]
    /// How many tasks `apply` works on at the same time.
    public var parallelism: Int
    /// The apply journal's path, if one was configured.
    public var journal: String?
    /// The settings file that was read, if any.
    public var settingsFile: String?
    /// Things to tell the user that do not stop the run (e.g. a token file readable by others).
    public var warnings: [String]

    public init(account: AccountSettings?, tuning: ClientTuning, specs: [String], parallelism: Int,
                journal: String?, settingsFile: String?, warnings: [String]) {
        self.account = account
        self.tuning = tuning
        self.specs = specs
        self.parallelism = parallelism
        self.journal = journal
        self.settingsFile = settingsFile
        self.warnings = warnings
    }
}
