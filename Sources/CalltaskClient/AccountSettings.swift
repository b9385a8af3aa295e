import Foundation

/// Which platform account `calltask` acts on, and how to reach it.
///
/// Every task path embeds the main account's `user_id`; `sub_user_id`, when set, makes a call act on
/// that sub-account instead and is sent as a query parameter on every call (../api/facts.md §1.3).
/// The base URL is configuration: the docs use `https://ai.api.longlonglong.cn` and, on some pages,
/// `https://api.wolfsmartcloud.com` (§1.1).
///
/// ```swift
/// let account = try AccountSettings(endpoint: "https://ai.api.longlonglong.cn",
///                                   userID: "5832d184-dd53-42a0-8ace-0bf8d660f4cc",
///                                   token: APIToken(tokenText))
/// print(account.accountDescription)
/// // account: ai.api.longlonglong.cn user_id=5832d184-dd53-42a0-8ace-0bf8d660f4cc sub_user_id=—
/// ```
public struct AccountSettings: Sendable {
    /// The default resume path. INFERRED: the docs document no start call for 2.0 tasks
    /// (../api/facts.md §2.5); this mirrors the pause call `PUT .../task_stop/{task_id}` (§2.4).
    public static let defaultResumePath = "/agent-api/new/user/{user_id}/task_start/{task_id}"

    /// The base URL, without a trailing slash, e.g. `https://ai.api.longlonglong.cn`.
    public let endpoint: String
    /// The main account's id (path parameter `user_id`).
    public let userID: String
    /// The sub-account to act on, sent as `sub_user_id` on every call; nil for the main account.
    public let subUserID: String?
    /// The bearer token.
    public let token: APIToken
    /// The resume call's path template, with `{user_id}` and `{task_id}` placeholders.
    ///
    /// INFERRED, not documented: see `defaultResumePath`.
    public let resumePath: String
    /// The endpoint's host, e.g. `ai.api.longlonglong.cn` or `127.0.0.1:8089`.
    public let host: String
    /// Where connections go, always with the port: `ai.api.longlonglong.cn:443`, `127.0.0.1:8089`.
    public let address: String

    /// Validates and builds account settings.
    ///
    /// - Throws: `AccountSettingsError` when the endpoint is not an absolute URL, uses plain HTTP for a
    ///   host other than loopback (127.0.0.0/8, `localhost`, `::1`), or when an id, the token or the
    ///   resume path is unusable.
    public init(
        endpoint: String,
        userID: String,
        subUserID: String? = nil,
        token: APIToken,
        resumePath: String = AccountSettings.defaultResumePath
    ) throws(AccountSettingsError) {
        var base = endpoint.trimmingWhitespace()
        while base.hasSuffix("/") { base.removeLast() }
        guard let components = URLComponents(string: base), let scheme = components.scheme?.lowercased(),
              let hostName = components.host, !hostName.isEmpty,
              components.query == nil, components.fragment == nil, components.user == nil, components.password == nil
        else { throw .invalidEndpoint(endpoint) }
        switch scheme {
        case "https":
            break
        case "http":
            guard Self.isLoopback(host: hostName) else { throw .insecureEndpoint(endpoint) }
        default:
            throw .invalidEndpoint(endpoint)
        }
        let user = userID.trimmingWhitespace()
        guard Self.isPathSafe(user) else { throw .invalidUserID(userID) }
        var sub: String?
        if let subUserID {
            let trimmed = subUserID.trimmingWhitespace()
            guard Self.isPathSafe(trimmed) else { throw .invalidSubUserID(subUserID) }
            sub = trimmed
        }
        guard !token.isEmpty else { throw .emptyToken }
        let template = resumePath.trimmingWhitespace()
        guard template.hasPrefix("/"), template.contains("{task_id}"), !template.contains("?"), !template.contains("#")
        else { throw .invalidResumePath(resumePath) }

        self.endpoint = base
        self.userID = user
        self.subUserID = sub
        self.token = token
        self.resumePath = template
        let bracketed = hostName.contains(":") && !hostName.hasPrefix("[") ? "[\(hostName)]" : hostName
        if let port = components.port {
            self.host = "\(bracketed):\(port)"
        } else {
            self.host = hostName
        }
        self.address = "\(bracketed):\(components.port ?? (scheme == "https" ? 443 : 80))"
    }

    /// The line every command prints before it talks to the platform, e.g.
    /// `account: ai.api.longlonglong.cn user_id=5832d184-… sub_user_id=—`. Never shows the token.
    public var accountDescription: String {
        "account: \(host) user_id=\(userID) sub_user_id=\(subUserID ?? "—")"
    }

    /// Whether `host` is a loopback host: `localhost`, `::1` or an address in 127.0.0.0/8.
    public static func isLoopback(host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name == "localhost" || name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit), let value = Int(part) else { return false }
            return value <= 255
        }
    }

    /// An id must be non-empty and free of characters that change a URL's structure.
    private static func isPathSafe(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 200 && !id.contains(where: { "/?#%\\ \t\r\n".contains($0) || $0.isASCIIControl })
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIIControl: Bool { unicodeScalars.allSatisfy { $0.value < 0x20 || $0.value == 0x7F } }
}
