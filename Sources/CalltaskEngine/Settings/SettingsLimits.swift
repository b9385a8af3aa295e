/// The accepted range of each numeric setting, wherever it comes from.
///
/// One table for both places that check: the command line refuses an out-of-range flag as a usage
/// error (exit 64) before anything runs, and `SettingsResolver` refuses an out-of-range environment
/// variable or `calltask.yaml` value as a settings error (exit 1). `schemas/calltask-settings.schema.json`
/// states the same bounds.
public enum SettingsLimits {
    /// Tasks per list page.
    public static let pageSize = 1...10_000
    /// List pages (and detail reads) in flight at once.
    public static let pageParallelism = 1...64
    /// Requests per second over the whole run; 0 turns the limit off.
    public static let maxRPS = 0.0...10_000
    /// Retries after a call's first attempt.
    public static let maxRetries = 0...20
    /// Seconds one request may take.
    public static let timeoutSeconds = 0.1...3600
    /// Seconds a connection may take to be made.
    public static let connectTimeoutSeconds = 0.1...600
    /// Tasks `apply` works on at once.
    public static let parallelism = 1...64
}
