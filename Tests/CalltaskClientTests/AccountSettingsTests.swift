import CalltaskClient
import Testing

@Suite("Account settings")
struct AccountSettingsTests {
    static let user = "5832d184-dd53-42a0-8ace-0bf8d660f4cc"

    @Test("HTTPS is required for a host that is not loopback",
          arguments: ["http://ai.api.longlonglong.cn", "http://10.0.0.5:8089", "http://128.0.0.1", "http://localhost.example.com"])
    func httpsRequired(endpoint: String) {
        #expect(throws: AccountSettingsError.insecureEndpoint(endpoint)) {
            try AccountSettings(endpoint: endpoint, userID: Self.user, token: APIToken("t0ken"))
        }
    }

    @Test("plain HTTP is allowed for loopback hosts",
          arguments: ["http://127.0.0.1:8089", "http://127.3.2.1", "http://localhost:9000/", "http://[::1]:8089"])
    func loopbackAllowed(endpoint: String) throws {
        let account = try AccountSettings(endpoint: endpoint, userID: Self.user, token: APIToken("t0ken"))
        #expect(!account.endpoint.hasSuffix("/"))
    }

    @Test("the account line names host, user and sub user, never the token")
    func accountLine() throws {
        let account = try AccountSettings(endpoint: "https://ai.api.longlonglong.cn/", userID: Self.user,
                                          token: APIToken("very-secret-token"))
        #expect(account.accountDescription == "account: ai.api.longlonglong.cn user_id=\(Self.user) sub_user_id=—")
        let sub = try AccountSettings(endpoint: "http://127.0.0.1:8089", userID: Self.user, subUserID: "ca58-49af",
                                      token: APIToken("very-secret-token"))
        #expect(sub.accountDescription == "account: 127.0.0.1:8089 user_id=\(Self.user) sub_user_id=ca58-49af")
        #expect(!"\(sub)".contains("very-secret-token"))
    }

    @Test("bad endpoints, ids, tokens and resume paths are refused")
    func refused() {
        #expect(throws: AccountSettingsError.invalidEndpoint("ai.api.longlonglong.cn")) {
            try AccountSettings(endpoint: "ai.api.longlonglong.cn", userID: Self.user, token: APIToken("t"))
        }
        #expect(throws: AccountSettingsError.invalidUserID("a/b")) {
            try AccountSettings(endpoint: "https://h", userID: "a/b", token: APIToken("t"))
        }
        #expect(throws: AccountSettingsError.emptyToken) {
            try AccountSettings(endpoint: "https://h", userID: Self.user, token: APIToken(" \n"))
        }
        #expect(throws: AccountSettingsError.invalidResumePath("/task_start")) {
            try AccountSettings(endpoint: "https://h", userID: Self.user, token: APIToken("t"), resumePath: "/task_start")
        }
    }
}
