import CalltaskClient
import Foundation

/// Resolves a run's settings from flags, environment variables and `calltask.yaml`, in that order.
///
/// | setting | flag | variable | file key |
/// | --- | --- | --- | --- |
/// | endpoint | `--endpoint` | `CALLTASK_ENDPOINT` | `endpoint` |
/// | user id | `--user-id` | `CALLTASK_USER_ID` | `user_id` |
/// | sub user id | `--sub-user-id` | `CALLTASK_SUB_USER_ID` | `sub_user_id` |
/// | token | — | `CALLTASK_TOKEN` | — |
/// | token file | `--token-file` | `CALLTASK_TOKEN_FILE` | `token_file` |
/// | resume path | `--resume-path` | `CALLTASK_RESUME_PATH` | `resume_path` |
/// | page size | `--page-size` | `CALLTASK_PAGE_SIZE` | `page_size` |
/// | page parallelism | `--page-parallelism` | `CALLTASK_PAGE_PARALLELISM` | `page_parallelism` |
/// | max requests/s | `--max-rps` | `CALLTASK_MAX_RPS` | `max_rps` |
/// | max retries | `--max-retries` | `CALLTASK_MAX_RETRIES` | `max_retries` |
/// | timeout (s) | `--timeout` | `CALLTASK_TIMEOUT_SECONDS` | `timeout_seconds` |
/// | connect timeout (s) | `--connect-timeout` | `CALLTASK_CONNECT_TIMEOUT` | `connect_timeout` |
/// | apply parallelism | `--parallelism` | `CALLTASK_PARALLELISM` | `parallelism` |
/// | journal | `--journal` | `CALLTASK_JOURNAL` | `journal` |
/// | specs | arguments | — | `specs` |
///
/// The token comes from `CALLTASK_TOKEN`, or else from a token file (trailing newline stripped); a token
/// file readable by group or others is a warning. `calltask.yaml` is found by walking up from the
/// working directory (or given with `--config`); relative paths in it are relative to its directory.
/// The environment and the working directory are parameters, so this is testable without touching
/// the process's own.
///
/// ```swift
/// let resolver = SettingsResolver(environment: ProcessInfo.processInfo.environment,
///                                 workingDirectory: FileManager.default.currentDirectoryPath)
/// let settings = try resolver.resolve(flags)
/// settings.warnings.forEach { print("warning: \($0)") }
/// ```
public struct SettingsResolver: Sendable {
    /// The settings file's name.
    public static let fileName = "calltask.yaml"

    public var environment: [String: String]
    public var workingDirectory: String

    public init(environment: [String: String], workingDirectory: String) {
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The nearest `calltask.yaml` in the working directory or one of its parents, if any.
    public func findSettingsFile() -> String? {
        var directory = Self.absolute(workingDirectory, from: "/")
        let manager = FileManager.default
        while true {
            let candidate = Self.join(directory, Self.fileName)
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            guard directory != "/", !directory.isEmpty else { return nil }
            directory = Self.parent(of: directory)
        }
    }

    /// Resolves every setting.
    ///
    /// - Parameters:
    ///   - flags: the command line's values.
    ///   - needsAccount: false for commands that never talk to the platform (`validate`): endpoint,
    ///     user id and token are then not required and `account` is nil.
    /// - Throws: `SettingsError` for a malformed settings file, a missing or invalid setting, an
    ///   unreadable token file, or account settings that `AccountSettings` refuses.
    public func resolve(_ flags: SettingsFlags, needsAccount: Bool = true) throws(SettingsError) -> ResolvedSettings {
        var warnings: [String] = []
        let filePath: String?
        if let configFile = flags.configFile {
            filePath = Self.absolute(expandHome(configFile), from: workingDirectory)
        } else {
            filePath = findSettingsFile()
        }
        var file = SettingsFile()
        if let filePath {
            guard let data = FileManager.default.contents(atPath: filePath) else {
                throw .unreadable(path: filePath, what: "settings file")
            }
            file = try SettingsFile.load(bytes: [UInt8](data), file: filePath)
        }
        let fileDirectory = filePath.map(Self.parent(of:)) ?? Self.absolute(workingDirectory, from: "/")
        let fileSource = filePath ?? Self.fileName

        // Numbers and tuning.
        let defaults = ClientTuning.default
        let pageSize = try number("page size", flags.pageSize, "--page-size", "CALLTASK_PAGE_SIZE",
                                  file.pageSize, "page_size", fileSource, range: SettingsLimits.pageSize) ?? defaults.pageSize
        let pageParallelism = try number("page parallelism", flags.pageParallelism, "--page-parallelism",
                                         "CALLTASK_PAGE_PARALLELISM", file.pageParallelism, "page_parallelism",
                                         fileSource, range: SettingsLimits.pageParallelism) ?? defaults.pageParallelism
        let maxRPS = try decimal("max requests per second", flags.maxRPS, "--max-rps", "CALLTASK_MAX_RPS",
                                 file.maxRPS, "max_rps", fileSource, range: SettingsLimits.maxRPS) ?? defaults.maxRequestsPerSecond
        let maxRetries = try number("max retries", flags.maxRetries, "--max-retries", "CALLTASK_MAX_RETRIES",
                                    file.maxRetries, "max_retries", fileSource, range: SettingsLimits.maxRetries) ?? defaults.maxRetries
        let timeout = try decimal("timeout", flags.timeoutSeconds, "--timeout", "CALLTASK_TIMEOUT_SECONDS",
                                  file.timeoutSeconds, "timeout_seconds", fileSource, range: SettingsLimits.timeoutSeconds) ?? defaults.requestTimeout
        let connectTimeout = try decimal("connect timeout", flags.connectTimeoutSeconds, "--connect-timeout",
                                         "CALLTASK_CONNECT_TIMEOUT", file.connectTimeout, "connect_timeout", fileSource,
                                         range: SettingsLimits.connectTimeoutSeconds) ?? defaults.connectTimeout
        let parallelism = try number("parallelism", flags.parallelism, "--parallelism", "CALLTASK_PARALLELISM",
                                     file.parallelism, "parallelism", fileSource, range: SettingsLimits.parallelism) ?? 4
        let tuning = ClientTuning(pageSize: pageSize, pageParallelism: pageParallelism, maxRequestsPerSecond: maxRPS,
                                  maxRetries: maxRetries, requestTimeout: timeout, connectTimeout: connectTimeout)

        // Paths: flags and variables are relative to the working directory, file keys to the file's directory.
        let specs: [String]
        if !flags.specs.isEmpty {
            specs = flags.specs.map(expandHome)
        } else if let fileSpecs = file.specs, !fileSpecs.isEmpty {
            specs = fileSpecs.map { Self.absolute(expandHome($0), from: fileDirectory) }
        } else {
            specs = [filePath == nil ? "." : fileDirectory]
        }
        var journal: String?
        if let value = flags.journal ?? env("CALLTASK_JOURNAL") {
            journal = expandHome(value)
        } else if let value = file.journal {
            journal = Self.absolute(expandHome(value), from: fileDirectory)
        }

        var account: AccountSettings?
        if needsAccount {
            account = try resolveAccount(flags, file: file, fileDirectory: fileDirectory, warnings: &warnings)
        }
        return ResolvedSettings(account: account, tuning: tuning, specs: specs, parallelism: parallelism,
                                journal: journal, settingsFile: filePath, warnings: warnings)
    }

    /// Endpoint, ids, resume path and token.
    private func resolveAccount(
        _ flags: SettingsFlags, file: SettingsFile, fileDirectory: String, warnings: inout [String]
    ) throws(SettingsError) -> AccountSettings {
        // Every missing setting is reported at once, not one per run.
        let endpoint = flags.endpoint ?? env("CALLTASK_ENDPOINT") ?? file.endpoint
        let userID = flags.userID ?? env("CALLTASK_USER_ID") ?? file.userID
        let subUserID = flags.subUserID ?? env("CALLTASK_SUB_USER_ID") ?? file.subUserID
        let resumePath = flags.resumePath ?? env("CALLTASK_RESUME_PATH") ?? file.resumePath ?? AccountSettings.defaultResumePath
        var missing: [MissingSetting] = []
        if endpoint == nil { missing.append(.endpoint) }
        if userID == nil { missing.append(.userID) }
        let token: APIToken?
        do {
            token = try resolveToken(flags, file: file, fileDirectory: fileDirectory, warnings: &warnings)
        } catch {
            // An unreadable or empty token file is its own error, once nothing else is missing.
            guard missing.isEmpty else { throw .missing(missing) }
            throw error
        }
        if token == nil { missing.append(.token) }
        guard missing.isEmpty, let endpoint, let userID, let token else { throw .missing(missing) }
        do {
            return try AccountSettings(endpoint: endpoint, userID: userID,
                                       subUserID: subUserID.flatMap { $0.isEmpty ? nil : $0 },
                                       token: token, resumePath: resumePath)
        } catch {
            throw .account(error)
        }
    }

    /// `CALLTASK_TOKEN`, else the token file from `--token-file`, `CALLTASK_TOKEN_FILE` or `token_file`;
    /// nil when none of them is set.
    private func resolveToken(
        _ flags: SettingsFlags, file: SettingsFile, fileDirectory: String, warnings: inout [String]
    ) throws(SettingsError) -> APIToken? {
        if let secret = env("CALLTASK_TOKEN") {
            return APIToken(secret)
        }
        let path: String
        let source: String
        if let flag = flags.tokenFile {
            path = Self.absolute(expandHome(flag), from: workingDirectory)
            source = "--token-file"
        } else if let variable = env("CALLTASK_TOKEN_FILE") {
            path = Self.absolute(expandHome(variable), from: workingDirectory)
            source = "CALLTASK_TOKEN_FILE"
        } else if let key = file.tokenFile {
            path = Self.absolute(expandHome(key), from: fileDirectory)
            source = "token_file in calltask.yaml"
        } else {
            return nil
        }
        let manager = FileManager.default
        guard let data = manager.contents(atPath: path) else {
            throw .unreadable(path: path, what: "token file (\(source))")
        }
        let token = APIToken(String(decoding: data, as: UTF8.self))
        guard !token.isEmpty else {
            throw .invalid(setting: "token file", source: source, value: path, reason: "the file is empty")
        }
        if let mode = (try? manager.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & 0o044 != 0 {
            warnings.append("the token file \(path) is readable by group or others (mode \(String(mode & 0o777, radix: 8))); "
                + "run: chmod 600 \(path)")
        }
        return token
    }

    // MARK: - Values

    /// A non-empty environment variable.
    private func env(_ name: String) -> String? {
        guard let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }

    private func number(
        _ setting: String, _ flag: Int?, _ flagName: String, _ variable: String, _ fileValue: Int?, _ key: String,
        _ fileSource: String, range: ClosedRange<Int>
    ) throws(SettingsError) -> Int? {
        let picked: (value: Int, source: String)
        if let flag {
            picked = (flag, flagName)
        } else if let text = env(variable) {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw .invalid(setting: setting, source: variable, value: text, reason: "expected a whole number")
            }
            picked = (value, variable)
        } else if let fileValue {
            picked = (fileValue, "'\(key)' in \(fileSource)")
        } else {
            return nil
        }
        guard range.contains(picked.value) else {
            throw .invalid(setting: setting, source: picked.source, value: String(picked.value),
                           reason: "expected \(range.lowerBound)…\(range.upperBound)")
        }
        return picked.value
    }

    private func decimal(
        _ setting: String, _ flag: Double?, _ flagName: String, _ variable: String, _ fileValue: Double?, _ key: String,
        _ fileSource: String, range: ClosedRange<Double>
    ) throws(SettingsError) -> Double? {
        let picked: (value: Double, source: String)
        if let flag {
            picked = (flag, flagName)
        } else if let text = env(variable) {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw .invalid(setting: setting, source: variable, value: text, reason: "expected a number")
            }
            picked = (value, variable)
        } else if let fileValue {
            picked = (fileValue, "'\(key)' in \(fileSource)")
        } else {
            return nil
        }
        guard picked.value.isFinite, range.contains(picked.value) else {
            throw .invalid(setting: setting, source: picked.source, value: "\(picked.value)",
                           reason: "expected \(range.lowerBound)…\(range.upperBound)")
        }
        return picked.value
    }

    // MARK: - Paths

    /// `~/x` → `$HOME/x` (HOME from the given environment).
    private func expandHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }

    static func absolute(_ path: String, from directory: String) -> String {
        path.hasPrefix("/") ? path : join(directory, path)
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func parent(of path: String) -> String {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let parent = String(trimmed[..<slash])
        return parent.isEmpty ? "/" : parent
    }
}
