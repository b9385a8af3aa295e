import CalltaskClient
import CalltaskEngine
import CalltaskYAML
import Foundation
import Testing

@Suite("Settings resolution")
struct SettingsTests {
    /// A temporary repository with `calltask.yaml` at its root and a nested `tasks/team` directory.
    struct Repo {
        let root: String
        var nested: String { root + "/tasks/team" }

        init(settings: String?) throws {
            root = FileManager.default.temporaryDirectory.path + "/calltask-settings-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: root + "/tasks/team", withIntermediateDirectories: true)
            if let settings {
                try write(settings, to: "calltask.yaml")
            }
        }

        func write(_ text: String, to name: String, mode: Int = 0o600) throws {
            let path = root + "/" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    static let fileSettings = """
        endpoint: https://file.example.com
        user_id: user-from-file
        sub_user_id: sub-from-file
        token_file: secrets/token
        page_size: 50
        max_rps: 2.5
        specs: [tasks]
        journal: .calltask/journal.jsonl
        """

    @Test("each setting is taken from the flag, else the environment, else calltask.yaml")
    func precedence() throws {
        let repo = try Repo(settings: Self.fileSettings)
        defer { repo.remove() }
        try FileManager.default.createDirectory(atPath: repo.root + "/secrets", withIntermediateDirectories: true)
        try repo.write("file-token\n", to: "secrets/token")

        // File only, resolved from a nested directory (the file is found by walking up).
        let fromFile = try SettingsResolver(environment: [:], workingDirectory: repo.nested).resolve(SettingsFlags())
        let fileAccount = try #require(fromFile.account)
        #expect(fileAccount.endpoint == "https://file.example.com")
        #expect(fileAccount.userID == "user-from-file")
        #expect(fileAccount.subUserID == "sub-from-file")
        #expect(fromFile.tuning.pageSize == 50)
        #expect(fromFile.tuning.maxRequestsPerSecond == 2.5)
        #expect(fromFile.specs == [repo.root + "/tasks"])
        #expect(fromFile.journal == repo.root + "/.calltask/journal.jsonl")
        #expect(fromFile.settingsFile == repo.root + "/calltask.yaml")
        #expect(fromFile.warnings.isEmpty)

        // The environment beats the file.
        let environment = [
            "CALLTASK_ENDPOINT": "https://env.example.com", "CALLTASK_USER_ID": "user-from-env",
            "CALLTASK_PAGE_SIZE": "25", "CALLTASK_TOKEN": "env-token",
        ]
        let fromEnv = try SettingsResolver(environment: environment, workingDirectory: repo.root).resolve(SettingsFlags())
        #expect(fromEnv.account?.endpoint == "https://env.example.com")
        #expect(fromEnv.account?.userID == "user-from-env")
        #expect(fromEnv.account?.subUserID == "sub-from-file")
        #expect(fromEnv.tuning.pageSize == 25)

        // Flags beat both.
        var flags = SettingsFlags()
        flags.endpoint = "http://127.0.0.1:8089"
        flags.userID = "user-from-flag"
        flags.pageSize = 10
        flags.specs = ["other"]
        let fromFlags = try SettingsResolver(environment: environment, workingDirectory: repo.root).resolve(flags)
        #expect(fromFlags.account?.endpoint == "http://127.0.0.1:8089")
        #expect(fromFlags.account?.userID == "user-from-flag")
        #expect(fromFlags.tuning.pageSize == 10)
        #expect(fromFlags.specs == ["other"])
    }

    @Test("a missing setting names the flag, the variable and the file key")
    func missing() throws {
        let repo = try Repo(settings: "endpoint: https://ai.api.longlonglong.cn\n")
        defer { repo.remove() }
        let resolver = SettingsResolver(environment: ["CALLTASK_TOKEN": "t"], workingDirectory: repo.root)
        do {
            _ = try resolver.resolve(SettingsFlags())
            Issue.record("expected a missing-setting error")
        } catch {
            #expect(error.description
                == "missing setting: user id — pass --user-id, set CALLTASK_USER_ID, or add 'user_id:' to calltask.yaml")
        }
        // validate needs no account: the same settings resolve without one.
        let local = try resolver.resolve(SettingsFlags(), needsAccount: false)
        #expect(local.account == nil)
        #expect(local.specs == [repo.root])
    }

    @Test("every missing setting is reported at once, each with its flag, variable and file key")
    func allMissingAtOnce() throws {
        let repo = try Repo(settings: nil)
        defer { repo.remove() }
        let resolver = SettingsResolver(environment: [:], workingDirectory: repo.root)
        do {
            _ = try resolver.resolve(SettingsFlags())
            Issue.record("expected a missing-settings error")
        } catch {
            guard case .missing(let settings) = error else {
                Issue.record("expected .missing, got \(error)")
                return
            }
            #expect(settings.map(\.setting) == ["endpoint", "user id", "token"])
            #expect(error.description == """
                missing settings: endpoint, user id and token
                  endpoint: pass --endpoint, set CALLTASK_ENDPOINT, or add 'endpoint:' to calltask.yaml
                  user id: pass --user-id, set CALLTASK_USER_ID, or add 'user_id:' to calltask.yaml
                  token: pass --token-file, set CALLTASK_TOKEN (or CALLTASK_TOKEN_FILE), or add 'token_file:' to calltask.yaml
                """)
        }
        // Two missing, the token given: both are named, the token is not.
        do {
            _ = try SettingsResolver(environment: ["CALLTASK_TOKEN": "t"], workingDirectory: repo.root).resolve(SettingsFlags())
            Issue.record("expected a missing-settings error")
        } catch {
            #expect(error.description.hasPrefix("missing settings: endpoint and user id\n"), "\(error)")
            #expect(!error.description.contains("token"), "\(error)")
        }
    }

    @Test("a missing token names CALLTASK_TOKEN, --token-file and token_file")
    func missingToken() throws {
        let repo = try Repo(settings: "endpoint: https://h.example.com\nuser_id: u\n")
        defer { repo.remove() }
        #expect(throws: SettingsError.self) {
            try SettingsResolver(environment: [:], workingDirectory: repo.root).resolve(SettingsFlags())
        }
        do {
            _ = try SettingsResolver(environment: [:], workingDirectory: repo.root).resolve(SettingsFlags())
        } catch {
            #expect(error.description.contains("--token-file"))
            #expect(error.description.contains("CALLTASK_TOKEN"))
            #expect(error.description.contains("'token_file:'"))
        }
    }

    @Test("a 'token:' key in calltask.yaml is rejected with its location")
    func tokenKeyRejected() throws {
        let secret = "do-not-commit-me"
        let repo = try Repo(settings: "endpoint: https://h.example.com\nuser_id: u\ntoken: \(secret)\n")
        defer { repo.remove() }
        do {
            _ = try SettingsResolver(environment: ["CALLTASK_TOKEN": "t"], workingDirectory: repo.root).resolve(SettingsFlags())
            Issue.record("expected the token key to be rejected")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.location?.line == 3)
            #expect(diagnostic.location?.file == repo.root + "/calltask.yaml")
            #expect(diagnostic.message.contains("must not hold the token"))
            #expect(diagnostic.hint?.contains("CALLTASK_TOKEN") == true)
            #expect(diagnostic.hint?.contains("token_file") == true)
            #expect(!error.description.contains(secret))
        }
    }

    @Test("an unknown key gets a did-you-mean hint")
    func unknownKey() throws {
        let repo = try Repo(settings: "endpoint: https://h.example.com\npage_sise: 10\n")
        defer { repo.remove() }
        do {
            _ = try SettingsResolver(environment: [:], workingDirectory: repo.root).resolve(SettingsFlags(), needsAccount: false)
            Issue.record("expected an unknown-key error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.location?.line == 2)
            #expect(diagnostic.hint?.contains("page_size") == true)
        }
    }

    @Test("HTTPS is required for a non-loopback endpoint")
    func httpsRequired() throws {
        let repo = try Repo(settings: nil)
        defer { repo.remove() }
        let environment = ["CALLTASK_ENDPOINT": "http://ai.api.longlonglong.cn", "CALLTASK_USER_ID": "u", "CALLTASK_TOKEN": "t"]
        do {
            _ = try SettingsResolver(environment: environment, workingDirectory: repo.root).resolve(SettingsFlags())
            Issue.record("expected an insecure-endpoint error")
        } catch {
            guard case .account(.insecureEndpoint) = error else {
                Issue.record("expected insecureEndpoint, got \(error)")
                return
            }
            #expect(error.description.contains("https://"))
        }
    }

    @Test("a token file has its newline stripped, and a warning when others may read it")
    func tokenFile() throws {
        let repo = try Repo(settings: "endpoint: https://h.example.com\nuser_id: u\ntoken_file: token.txt\n")
        defer { repo.remove() }
        try repo.write("abc-token\n", to: "token.txt", mode: 0o644)
        let settings = try SettingsResolver(environment: [:], workingDirectory: repo.root).resolve(SettingsFlags())
        #expect(settings.account != nil)
        #expect(settings.warnings.count == 1)
        #expect(settings.warnings.first?.contains("chmod 600") == true)
        #expect(settings.warnings.allSatisfy { !$0.contains("abc-token") })

        try repo.write("abc-token\n", to: "token.txt", mode: 0o600)
        let quiet = try SettingsResolver(environment: [:], workingDirectory: repo.root).resolve(SettingsFlags())
        #expect(quiet.warnings.isEmpty)
    }

    @Test("a malformed number in the environment names the variable")
    func badNumber() throws {
        let repo = try Repo(settings: nil)
        defer { repo.remove() }
        do {
            _ = try SettingsResolver(environment: ["CALLTASK_MAX_RPS": "fast"], workingDirectory: repo.root)
                .resolve(SettingsFlags(), needsAccount: false)
            Issue.record("expected an invalid-setting error")
        } catch {
            #expect(error.description.contains("CALLTASK_MAX_RPS"))
        }
    }
}
