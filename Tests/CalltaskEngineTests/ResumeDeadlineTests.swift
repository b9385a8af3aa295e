import AsyncHTTPClient
import CalltaskClient
import CalltaskCore
@testable import CalltaskEngine
import CalltaskSimulator
import Foundation
import Logging
import Synchronization
import Testing

/// A resume of a task this run paused is retried with backoff until a deadline (not a fixed count), for
/// connection errors, 5xx and 429 only; after SIGINT/SIGTERM the deadline shrinks. A virtual clock
/// (its sleeps return at once and advance it) and a fixed fault seed: no test waits for real time.
@Suite("resume deadline", .serialized)
struct ResumeDeadlineTests {
    /// A clock whose `sleep` returns at once and moves `now` on by the slept duration.
    final class VirtualClock: Sendable {
        let elapsed = Mutex<Duration>(.zero)
        var retry: ResumeRetry {
            ResumeRetry(now: { self.elapsed.withLock { $0 } }, sleep: { duration in self.elapsed.withLock { $0 += duration } })
        }
    }

    static func withClient<T: Sendable>(
        _ options: SimulatorOptions, tasks: [SimTask], maxRetries: Int,
        _ body: @Sendable (APIClient, Simulator, String) async throws -> T
    ) async throws -> T {
        let simulator = Simulator(options: options, tasks: tasks)
        return try await simulator.withRunningServer { port in
            try await HTTPClient.withHTTPClient(configuration: APIClient.httpClientConfiguration()) { http in
                let account = try AccountSettings(endpoint: "http://127.0.0.1:\(port)", userID: options.userId, token: APIToken(options.token))
                let tuning = ClientTuning(maxRequestsPerSecond: 0, maxRetries: maxRetries, requestTimeout: 10, backoffBase: 0.001, backoffCap: 0.002)
                let client = APIClient(account: account, tuning: tuning, httpClient: http,
                                       logger: Logger(label: "resume", factory: { _ in SwiftLogNoOpLogHandler() }))
                return try await body(client, simulator, account.accountDescription)
            }
        }
    }

    /// Like `withClient`, with a second client that retries each call 12 times (for planning through the
    /// faults, so that the test is about the apply's resumes).
    static func withClients<T: Sendable>(
        _ options: SimulatorOptions, tasks: [SimTask], maxRetries: Int,
        _ body: @Sendable (APIClient, APIClient, Simulator, String) async throws -> T
    ) async throws -> T {
        let simulator = Simulator(options: options, tasks: tasks)
        return try await simulator.withRunningServer { port in
            try await HTTPClient.withHTTPClient(configuration: APIClient.httpClientConfiguration()) { http in
                let account = try AccountSettings(endpoint: "http://127.0.0.1:\(port)", userID: options.userId, token: APIToken(options.token))
                func client(_ retries: Int) -> APIClient {
                    let tuning = ClientTuning(maxRequestsPerSecond: 0, maxRetries: retries, requestTimeout: 10, backoffBase: 0.001, backoffCap: 0.002)
                    return APIClient(account: account, tuning: tuning, httpClient: http,
                                     logger: Logger(label: "resume", factory: { _ in SwiftLogNoOpLogHandler() }))
                }
                return try await body(client(maxRetries), client(12), simulator, account.accountDescription)
            }
        }
    }

    static func journalPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("calltask-resume-\(UUID().uuidString).jsonl").path
    }

    @Test("40 running tasks under 20% HTTP 500 and 10% 429, one client retry per call: none is left paused")
    func faultsDoNotLeaveTasksPaused() async throws {
        var options = SimulatorOptions()
        options.strictPut = true
        options.faults.failRate = 0.2
        options.faults.throttleRate = 0.1
        options.faults.retryAfterSeconds = 0
        options.faults.seed = 20_261_202
        let tasks = (0..<40).map { FaultSoakTests.task($0 * 2) }  // even indexes run
        #expect(tasks.allSatisfy { $0.isEnabled })
        let specText = (0..<40).map { "uuid: \(FaultSoakTests.uuid($0 * 2))\ntask_extras:\n  redial_interval: 30\n" }.joined(separator: "---\n")
        let specs = try SimulatorHarness.specs(["tasks.yaml": specText])
        let clock = VirtualClock()
        let (results, resumes) = try await Self.withClients(options, tasks: tasks, maxRetries: 1) { client, planClient, simulator, account in
            // The plan (one list, 40 detail reads) gets through the faults on a client with more retries.
            let plan: Plan? = try await PlanRunner(client: planClient, account: account, parallelism: 1).plan(specs, options: .init()).plan
            let runner = ApplyRunner(client: client, journal: Journal(path: Self.journalPath()), account: account,
                                     options: .init(parallelism: 1, machine: .init(maxPauseChecks: 5, pauseCheckDelayMilliseconds: 1),
                                                    resumeRetry: clock.retry),
                                     progress: { _ in })
            let results = await runner.apply(try #require(plan))
            return (results, await simulator.log.entries(kind: .resume).count)
        }
        let paused = results.filter { $0.result == .leftPaused }
        #expect(paused.isEmpty, "left paused: \(paused.map { "\($0.name): \($0.detail ?? "")" })")
        #expect(results.filter { $0.result == .updated }.count + results.filter { $0.result == .failed }.count == 40, "\(results.map(\.result))")
        #expect(resumes > 40, "the faults never reached a resume (\(resumes) resume calls): the test proves nothing")
        #expect(clock.elapsed.withLock { $0 } > .zero, "no resume was retried after a backoff")
    }

    @Test("a resume that keeps failing with 5xx is retried until the deadline, 5 s once interrupted, never past it")
    func deadlineAndInterruptedDeadline() async throws {
        var options = SimulatorOptions()
        options.faults.failRate = 1.0
        let task = FaultSoakTests.task(0)
        for cancelled in [false, true] {
            let clock = VirtualClock()
            let error: (any Error)? = try await Self.withClient(options, tasks: [task], maxRetries: 0) { client, _, account in
                let control = RunControl()
                if cancelled { await control.cancel() }
                let runner = ApplyRunner(client: client, journal: Journal(path: Self.journalPath()), account: account,
                                         options: .init(resumeRetry: clock.retry), control: control, progress: { _ in })
                do {
                    try await runner.resume(uuid: task.uuid)
                    return nil
                } catch {
                    return error
                }
            }
            #expect(error.map { ResumeRetry.isTransient($0) } == true, "\(String(describing: error))")
            let elapsed = clock.elapsed.withLock { $0 }
            let deadline: Duration = cancelled ? .seconds(5) : .seconds(120)
            #expect(elapsed <= deadline, "waited \(elapsed), past the deadline \(deadline)")
            #expect(elapsed > deadline - .seconds(8), "gave up at \(elapsed), long before the deadline \(deadline)")
        }
    }

    @Test("a refused resume (404, the inferred path is wrong) is not retried, and is reported as refused")
    func refusedResumeIsNotRetried() async throws {
        let task = FaultSoakTests.task(0)
        let clock = VirtualClock()
        var options = SimulatorOptions()
        options.resumePath = "/agent-api/new/user/{user_id}/elsewhere/{task_id}"
        let (failure, calls) = try await Self.withClient(options, tasks: [task], maxRetries: 3) { client, simulator, account in
            let runner = ApplyRunner(client: client, journal: Journal(path: Self.journalPath()), account: account,
                                     options: .init(resumeRetry: clock.retry), progress: { _ in })
            var failure: ApplyReport.ResumeFailure?
            do { try await runner.resume(uuid: task.uuid) } catch { failure = ApplyRunner.resumeFailure(error) }
            return (failure, await simulator.log.entries().count)
        }
        #expect(failure == .refused)
        #expect(calls == 1, "a 404 was retried")
        #expect(clock.elapsed.withLock { $0 } == .zero)
    }

    @Test("the backoff doubles from 0.5 s to an 8 s cap")
    func backoff() {
        let retry = ResumeRetry()
        #expect((1...6).map { retry.delay(afterAttempt: $0) } == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
    }
}

extension ApplyReport {
    /// The apply report of `results` alone (no recovered tasks), for exit-code checks.
    static func of(_ results: [TaskResult], planned: Int) -> ApplyReport {
        ApplyReport(account: "a", planned: planned, tasks: results, recovered: [], interrupted: false)
    }
}

@Suite("apply exit codes")
struct ApplyExitCodeTests {
    static func result(_ outcome: ApplyOutcome) -> ApplyReport.TaskResult {
        .init(uuid: outcome.rawValue, name: outcome.rawValue, result: outcome, steps: [], detail: nil)
    }

    @Test("done when every planned task was updated; not all applied when one was skipped, failed, not started or refused; left paused wins")
    func exitCodes() {
        #expect(ApplyReport.of([Self.result(.updated), Self.result(.unchanged)], planned: 1).verdict == .done)
        for outcome in [ApplyOutcome.skipped, .failed, .notStarted, .refused] {
            #expect(ApplyReport.of([Self.result(.updated), Self.result(outcome)], planned: 2).verdict == .notAllApplied, "\(outcome)")
        }
        #expect(ApplyReport.of([Self.result(.skipped), Self.result(.leftPaused)], planned: 2).verdict == .leftPaused)
        let report = ApplyReport.of([Self.result(.updated), Self.result(.skipped), Self.result(.leftPaused), Self.result(.unchanged)], planned: 3)
        #expect(report.summary == "Apply: 1 of 3 planned updated, 0 failed, 1 skipped, 0 not started, 0 refused, 1 left paused, 1 unchanged.")
    }
}
