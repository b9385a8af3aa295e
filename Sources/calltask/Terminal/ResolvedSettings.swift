import CalltaskClient
import Foundation

/// Settings after resolution. TEMPORARY: flags and environment only, until the settings resolver lands.
struct ResolvedSettings {
    var account: AccountSettings
    var tuning: ClientTuning
    var specs: [String]
    var parallelism: Int?
    var journal: String?
    var warnings: [String]

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static func resolve(_ options: AccountOptions) throws -> ResolvedSettings {
        let env = ProcessInfo.processInfo.environment
        guard let endpoint = options.endpoint ?? env["CALLTASK_ENDPOINT"] else {
            throw Missing(description: "missing setting: endpoint — pass --endpoint, set CALLTASK_ENDPOINT, or add 'endpoint:' to calltask.yaml")
        }
        guard let user = options.userID ?? env["CALLTASK_USER_ID"] else {
            throw Missing(description: "missing setting: user id — pass --user-id, set CALLTASK_USER_ID, or add 'user_id:' to calltask.yaml")
        }
        var tokenText = env["CALLTASK_TOKEN"]
        if tokenText == nil, let file = options.tokenFile ?? env["CALLTASK_TOKEN_FILE"] {
            tokenText = (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let tokenText else {
            throw Missing(description: "missing setting: token — set CALLTASK_TOKEN, or pass --token-file / set CALLTASK_TOKEN_FILE / add 'token_file:' to calltask.yaml")
        }
        let account = try AccountSettings(endpoint: endpoint, userID: user, subUserID: options.subUserID ?? env["CALLTASK_SUB_USER_ID"],
                                          token: APIToken(tokenText), resumePath: options.resumePath ?? AccountSettings.defaultResumePath)
        let tuning = ClientTuning(pageSize: options.pageSize ?? 100, pageParallelism: options.pageParallelism ?? 4,
                                  maxRequestsPerSecond: options.maxRPS ?? 10, maxRetries: options.maxRetries ?? 4,
                                  requestTimeout: options.timeout ?? 30)
        return ResolvedSettings(account: account, tuning: tuning, specs: [], parallelism: nil, journal: nil, warnings: [])
    }
}
