import AsyncHTTPClient
import CalltaskClient
import CalltaskCore
import CalltaskEngine
import Foundation
import Logging

/// Everything a command that talks to the platform needs: the resolved account, a client, and where
/// output goes. Opens and closes the HTTP client around one body.
struct Session {
    let account: AccountSettings
    let tuning: ClientTuning
    let resolved: ResolvedSettings
    let console: Console

    /// Resolves settings (flag over environment over `calltask.yaml`) and prints the account first.
    static func open(_ flags: SettingsFlags, console: Console, announceTo stream: Stream = .out) throws -> Session {
        let resolver = SettingsResolver(environment: ProcessInfo.processInfo.environment,
                                        workingDirectory: FileManager.default.currentDirectoryPath)
        let resolved = try resolver.resolve(flags, needsAccount: true)
        for warning in resolved.warnings { console.err("warning: \(warning)") }
        guard let account = resolved.account else {
            throw SettingsError.missing([.endpoint])
        }
        let line = "calltask: " + account.accountDescription
        switch stream {
        case .out: console.out(line)
        case .err: console.err(line)
        }
        return Session(account: account, tuning: resolved.tuning, resolved: resolved, console: console)
    }

    enum Stream { case out, err }

    /// Runs `body` with a client; the HTTP client is shut down afterwards whatever happens.
    func withClient<T: Sendable>(verbose: Int, _ body: (APIClient) async throws -> T) async throws -> T {
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: APIClient.httpClientConfiguration(connectTimeoutSeconds: tuning.connectTimeout))
        // An explicit handler: the process-wide default (swift-log's stream handler) prints timestamps
        // and metadata, and would show nothing of the request lines that -v asks for.
        let level = StderrLogHandler.level(verbose: verbose)
        let logger = Logger(label: "calltask") { _ in StderrLogHandler(logLevel: level) }
        let client = APIClient(account: account, tuning: tuning, httpClient: httpClient, logger: logger)
        do {
            let result = try await body(client)
            try await httpClient.shutdown()
            return result
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
    }
}
