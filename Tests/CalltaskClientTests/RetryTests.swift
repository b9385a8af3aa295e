import AsyncHTTPClient
@testable import CalltaskClient
import CalltaskModels
import CalltaskSimulator
import Foundation
import NIOCore
import Testing

@Suite("Retries")
struct RetryTests {
    enum Fault: String, CaseIterable, CustomTestStringConvertible {
        case serverError, throttled, dropped
        var testDescription: String { rawValue }

        var injected: InjectedFault {
            switch self {
            case .serverError: .serverError
            case .throttled: .throttled
            case .dropped: .dropped
            }
        }

        /// The client's label for the failure (`APIError.shortDescription`).
        var label: String {
            switch self {
            case .serverError: "http_5xx"
            case .throttled: "http_429"
            case .dropped: "connection_dropped"
            }
        }

        func options() -> SimulatorOptions {
            var options = SimulatorOptions()
            options.faults.seed = 7
            switch self {
            case .serverError: options.faults.failRate = 0.4
            case .throttled:
                options.faults.throttleRate = 0.4
                options.faults.retryAfterSeconds = 0
            case .dropped: options.faults.dropRate = 0.4
            }
            return options
        }
    }

    @Test("each fault kind (500, 429 with Retry-After 0, dropped connection) is retried to success", arguments: Fault.allCases)
    func retriedToSuccess(fault: Fault) async throws {
        let simulator = Simulator(options: fault.options(), tasks: SimulatorHarness.generatedTasks(40))
        var tuning = SimulatorHarness.fastTuning
        tuning.pageSize = 5
        tuning.maxRetries = 12
        let (listing, details, stats) = try await SimulatorHarness.run(simulator, tuning: tuning) { client in
            let listing = try await client.listTasks()
            var details = 0
            for task in listing.tasks.prefix(10) {
                let detail = try await client.taskDetail(uuid: task.uuid)
                #expect(detail.uuid == task.uuid)
                details += 1
            }
            try await client.pauseTask(uuid: listing.tasks[0].uuid)
            try await client.resumeTask(uuid: listing.tasks[0].uuid)
            return (listing, details, await client.stats.snapshot)
        }
        #expect(listing.tasks.count == 40)
        #expect(Set(listing.tasks.map(\.uuid)).count == 40)
        #expect(details == 10)
        let entries = await simulator.log.entries()
        let faulted = entries.filter { $0.fault == fault.injected }.count
        #expect(faulted > 0, "the seed should inject at least one \(fault) fault")
        #expect(entries.allSatisfy { $0.fault == nil || $0.fault == fault.injected })
        #expect(stats.retries == faulted)
        #expect(stats.faults == [fault.label: faulted])
        #expect(stats.totalRequests == entries.count)
        #expect(await simulator.store.task(id: listing.tasks[0].uuid)?.isEnabled == true)
    }

    @Test("exhausted retries give an error naming the call and the number of attempts")
    func exhausted() async throws {
        var options = SimulatorOptions()
        options.faults.failRate = 1
        let simulator = Simulator(options: options)
        var tuning = SimulatorHarness.fastTuning
        tuning.maxRetries = 2
        let outcome = try await SimulatorHarness.run(simulator, tuning: tuning) { client in
            do {
                _ = try await client.taskDetail(uuid: DefaultTasks.springSaleId)
                return nil as APIError?
            } catch let error as APIError {
                return error
            }
        }
        let error = try #require(outcome)
        guard case .retriesExhausted(let call, let attempts, let last) = error else {
            Issue.record("expected retriesExhausted, got \(error)")
            return
        }
        #expect(call == .detail(DefaultTasks.springSaleId))
        #expect(attempts == 3)
        guard case .httpStatus(_, 500, _, _) = last else {
            Issue.record("expected HTTP 500 as the last error, got \(last)")
            return
        }
        #expect(error.description.contains("detail of task \(DefaultTasks.springSaleId)"))
        #expect(error.description.contains("3 attempts"))
        #expect(await simulator.log.entries(kind: .detail).count == 3)
    }

    @Test("a refused first connection fails at once, naming host and port, and says to check the endpoint")
    func connectionRefused() async throws {
        // Start and stop a simulator to get a port that nothing listens on any more.
        let port = try await Simulator().withRunningServer { port in port }
        let account = try AccountSettings(endpoint: "http://127.0.0.1:\(port)", userID: SimulatorOptions.defaultUserId,
                                          token: APIToken("sim-token"))
        let error = try await HTTPClientRunner.run(connectTimeoutSeconds: 1) { http in
            let client = APIClient(account: account, tuning: SimulatorHarness.fastTuning, httpClient: http,
                                   logger: SimulatorHarness.quietLogger)
            do {
                _ = try await client.listTasks()
                return nil as APIError?
            } catch let error as APIError {
                return error
            }
        }
        let failure = try #require(error)
        guard case .cannotConnect(_, let address, let reason) = failure else {
            Issue.record("expected cannotConnect, got \(failure)")
            return
        }
        #expect(address == "127.0.0.1:\(port)")
        #expect(reason == "connection refused")
        #expect(failure.description == "cannot connect to 127.0.0.1:\(port) (connection refused); check --endpoint and the network")
    }

    @Test("once the platform has answered, a refused connection is retried like a dropped one")
    func refusedLaterIsRetried() async throws {
        let tuning = {
            var tuning = SimulatorHarness.fastTuning
            tuning.maxRetries = 2
            return tuning
        }()
        let error = try await HTTPClientRunner.run(connectTimeoutSeconds: 1) { http in
            // The platform answers the list, then goes away before the detail is read.
            let client = try await Simulator().withRunningServer { port in
                let account = try AccountSettings(endpoint: "http://127.0.0.1:\(port)", userID: SimulatorOptions.defaultUserId,
                                                  token: APIToken("sim-token"))
                let client = APIClient(account: account, tuning: tuning, httpClient: http, logger: SimulatorHarness.quietLogger)
                _ = try await client.listTasks()
                return client
            }
            do {
                _ = try await client.taskDetail(uuid: DefaultTasks.springSaleId)
                return nil as APIError?
            } catch let error as APIError {
                return error
            }
        }
        let failure = try #require(error)
        guard case .retriesExhausted(_, let attempts, let last) = failure, case .cannotConnect = last else {
            Issue.record("expected retriesExhausted(cannotConnect), got \(failure)")
            return
        }
        #expect(attempts == 3)
    }

    @Test("failures to connect are told apart from other transport errors, in words without NIO's parentheses")
    func connectionFailureWords() {
        #expect(APIClient.connectionFailure(IOError(errnoCode: ECONNREFUSED, reason: "connect"), connectTimeout: 5)
            == "connection refused")
        #expect(APIClient.connectionFailure(HTTPClientError.connectTimeout, connectTimeout: 5) == "no answer within 5 s")
        #expect(APIClient.connectionFailure(ChannelError.connectTimeout(.seconds(2)), connectTimeout: 2.5)
            == "no answer within 2.5 s")
        #expect(APIClient.connectionFailure(HTTPClientError.remoteConnectionClosed, connectTimeout: 5) == nil)
        #expect(APIClient.connectionFailure(IOError(errnoCode: ECONNRESET, reason: "read"), connectTimeout: 5) == nil)
    }
}
