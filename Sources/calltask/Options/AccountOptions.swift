import ArgumentParser
import CalltaskCore
import CalltaskEngine

/// Flags that say which account to act on and how to talk to it. Each also comes from the environment
/// or `calltask.yaml` (flag over environment over file). There is deliberately no token flag: the token
/// comes from `CALLTASK_TOKEN` or a token file, so it never appears in a process list or shell history.
struct AccountOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "The settings file (default: calltask.yaml found by walking up from the working directory).")
    var configFile: String?

    @Option(help: "Base URL of the platform (CALLTASK_ENDPOINT, 'endpoint'). HTTPS except for loopback.")
    var endpoint: String?

    @Option(name: .customLong("user-id"), help: "Main account id (CALLTASK_USER_ID, 'user_id').")
    var userID: String?

    @Option(name: .customLong("sub-user-id"), help: "Sub-account to act on (CALLTASK_SUB_USER_ID, 'sub_user_id').")
    var subUserID: String?

    @Option(name: .customLong("token-file"), help: "File holding the API token (CALLTASK_TOKEN_FILE, 'token_file'); CALLTASK_TOKEN wins.")
    var tokenFile: String?

    @Option(name: .customLong("resume-path"), help: "Resume call path template; INFERRED default /agent-api/new/user/{user_id}/task_start/{task_id}.")
    var resumePath: String?

    @Option(name: .customLong("page-size"), help: "Tasks per list page (default 100).")
    var pageSize: Int?

    @Option(name: .customLong("page-parallelism"), help: "List pages fetched at once (default 4).")
    var pageParallelism: Int?

    @Option(name: .customLong("max-rps"), help: "Requests per second for the whole run; 0 turns the limit off (default 10).")
    var maxRPS: Double?

    @Option(name: .customLong("max-retries"), help: "Retries of a failed call (default 4).")
    var maxRetries: Int?

    @Option(name: .customLong("timeout"), help: "Seconds one request may take (default 30).")
    var timeout: Double?

    @Option(name: .customLong("connect-timeout"), help: "Seconds a connection to the platform may take (default 5).")
    var connectTimeout: Double?

    @Flag(name: .shortAndLong, help: "Log requests to stderr (-v info, -vv debug). The token is never logged.")
    var verbose: Int

    /// Out-of-range values are usage errors (exit 64), with the same bounds as the settings resolver's.
    func validate() throws {
        try FlagRange.check(pageSize, SettingsLimits.pageSize, flag: "--page-size")
        try FlagRange.check(pageParallelism, SettingsLimits.pageParallelism, flag: "--page-parallelism")
        try FlagRange.check(maxRPS, SettingsLimits.maxRPS, flag: "--max-rps")
        try FlagRange.check(maxRetries, SettingsLimits.maxRetries, flag: "--max-retries")
        try FlagRange.check(timeout, SettingsLimits.timeoutSeconds, flag: "--timeout")
        try FlagRange.check(connectTimeout, SettingsLimits.connectTimeoutSeconds, flag: "--connect-timeout")
    }

    /// The flags as the settings resolver takes them.
    func flags(specs: [String] = [], parallelism: Int? = nil, journal: String? = nil) -> SettingsFlags {
        SettingsFlags(configFile: configFile, endpoint: endpoint, userID: userID, subUserID: subUserID, tokenFile: tokenFile,
                      resumePath: resumePath, specs: specs, pageSize: pageSize, pageParallelism: pageParallelism, maxRPS: maxRPS,
                      maxRetries: maxRetries, timeoutSeconds: timeout, parallelism: parallelism, journal: journal,
                      connectTimeoutSeconds: connectTimeout)
    }
}

/// `--target` / `--exclude`.
struct ScopeOptions: ParsableArguments {
    @Option(name: .customLong("target"), help: "Only this task (name or uuid); repeatable.")
    var targets: [String] = []

    @Option(name: .customLong("exclude"), help: "Leave this task out (name or uuid); repeatable.")
    var excludes: [String] = []

    @Option(name: .customLong("force-update"),
            help: "Update this task even if no readable field differs (name or uuid; repeatable), e.g. to write redial codes 11/12, which never read back.")
    var forceUpdates: [String] = []

    var plannerOptions: Planner.Options {
        Planner.Options(targets: targets, excludes: excludes, forceUpdates: forceUpdates)
    }
}
