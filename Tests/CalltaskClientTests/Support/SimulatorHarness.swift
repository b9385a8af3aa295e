import AsyncHTTPClient
import CalltaskClient
import CalltaskSimulator
import Logging

/// Runs the real simulator on a loopback port and hands a real `APIClient` pointed at it to a test.
enum SimulatorHarness {
    /// Client settings for tests: no rate limit, tiny backoff, plenty of retries.
    static let fastTuning = ClientTuning(pageSize: 100, pageParallelism: 4, maxRequestsPerSecond: 0, maxRetries: 8,
                                         requestTimeout: 10, backoffBase: 0.005, backoffCap: 0.02)

    static var quietLogger: Logger { Logger(label: "calltask-test", factory: { _ in SwiftLogNoOpLogHandler() }) }

    /// Starts `simulator`, builds a client for it, runs `body`, and shuts both down.
    ///
    /// - Parameters:
    ///   - token: the token the CLIENT sends (the simulator expects `simulator.options.token`).
    ///   - userID: the user id the client sends (defaults to the simulator's).
    static func run<T: Sendable>(
        _ simulator: Simulator,
        tuning: ClientTuning = fastTuning,
        token: String? = nil,
        userID: String? = nil,
        subUserID: String? = nil,
        logger: Logger = quietLogger,
        _ body: @escaping @Sendable (APIClient) async throws -> T
    ) async throws -> T {
        let options = simulator.options
        return try await simulator.withRunningServer { port in
            let account = try AccountSettings(
                endpoint: "http://127.0.0.1:\(port)", userID: userID ?? options.userId, subUserID: subUserID,
                token: APIToken(token ?? options.token), resumePath: options.resumePath)
            return try await HTTPClient.withHTTPClient(configuration: APIClient.httpClientConfiguration()) { http in
                try await body(APIClient(account: account, tuning: tuning, httpClient: http, logger: logger))
            }
        }
    }

    /// A deterministic task id for generated task number `index`.
    static func uuid(_ index: Int, group: Int = 0) -> String {
        let digits = String(index)
        let padded = String(repeating: "0", count: max(0, 12 - digits.count)) + digits
        return "0000000\(group)-0000-4000-8000-\(padded)"
    }

    /// `count` tasks in seed 000's shape, completed with the simulator's defaults.
    static func generatedTasks(_ count: Int, group: Int = 0) -> [SimTask] {
        (0..<count).map { index in
            SimTask(seed: [
                "uuid": .string(uuid(index, group: group)),
                "name": .string("generated \(group)-\(index)"),
                "maximumcall": 2,
            ])
        }
    }
}
