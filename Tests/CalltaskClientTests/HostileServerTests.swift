import AsyncHTTPClient
import CalltaskClient
import CalltaskCore
import CalltaskEngine
import CalltaskModels
import CalltaskSimulator
import Foundation
import Logging
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The client against a server that misbehaves on purpose: broken JSON, wrong types, oversized and
/// endless bodies, paging that never adds up, connections cut mid-body, and no answer at all.
///
/// Each failure must be a typed `APIError` whose description names the call and says what to do, within
/// the request timeout; and when apply meets one, nothing is PUT on a half-read state (checked with the
/// server's own request log).
@Suite("Hostile server answers")
struct HostileServerTests {
    // MARK: - answers that are not the expected JSON

    @Test("a malformed JSON list answer is `undecodable`, names the call and says what to check; not retried")
    func malformedJSON() async throws {
        let server = try HostileServer { _ in .json(#"{"code": 200, "data": [{"uuid": "a", "#) }
        defer { server.stop() }
        let error = try await Self.listError(server)
        guard case .undecodable(let call, _) = error else {
            Issue.record("expected undecodable, got \(error)")
            return
        }
        #expect(call == .list(page: 1))
        #expect(error.description.contains("list (page 1)"), "\(error)")
        #expect(error.description.contains("check that the endpoint is the platform's API"), "\(error)")
        #expect(server.count(.list) == 1, "a malformed answer would be malformed again: no retry")
    }

    // Numbers are read leniently on purpose (LiveTask: ids and counters as strings or numbers), so
    // `"maximumcall": "four"` or `"total": "many"` are not decoding errors; see the report.
    @Test("wrong types in a list item are `undecodable`, and the detail names the JSON path", arguments: [
        (#"{"code":200,"meta":{"total":1,"last_page":1},"data":[{"uuid":"a","name":["x"]}]}"#, "data[0].name"),
        (#"{"code":200,"meta":{"total":1,"last_page":1},"data":[{"uuid":"a","task_extras":{"line":"x"}}]}"#, "data[0].task_extras"),
        (#"[1, 2, 3]"#, "the body"),
    ])
    func wrongTypes(body: String, path: String) async throws {
        let server = try HostileServer { _ in .json(body) }
        defer { server.stop() }
        let error = try await Self.listError(server)
        guard case .undecodable(let call, let detail) = error else {
            Issue.record("expected undecodable, got \(error)")
            return
        }
        #expect(call == .list(page: 1))
        #expect(detail.contains(path), "\(detail)")
        #expect(error.description.contains("list (page 1)"))
    }

    @Test("a `data` that is not a list is `undecodable`", arguments: [
        #"{"code":200,"meta":{"total":1,"last_page":1},"data":{"uuid":"a"}}"#,
        #"{"code":200,"meta":{"total":1,"last_page":1},"data":"a"}"#,
        #"{"code":200,"meta":{"total":1,"last_page":1},"data":7}"#,
    ])
    func dataNotAList(body: String) async throws {
        let server = try HostileServer { _ in .json(body) }
        defer { server.stop() }
        let error = try await Self.listError(server)
        guard case .undecodable(let call, let detail) = error else {
            Issue.record("expected undecodable, got \(error)")
            return
        }
        #expect(call == .list(page: 1))
        #expect(detail.contains("data"), "\(detail)")
    }

    @Test("an envelope whose `code` is not a number is a clear error naming the call")
    func codeNotANumber() async throws {
        let server = try HostileServer { _ in .json(#"{"code":"ok","data":[]}"#) }
        defer { server.stop() }
        let error = try await Self.listError(server)
        #expect(error.description.contains("list (page 1)"), "\(error)")
    }

    @Test("a success envelope with no `data` on a detail is `undecodable`, naming the task")
    func detailWithoutData() async throws {
        let server = try HostileServer { _ in .json(#"{"code":200,"message":"ok"}"#) }
        defer { server.stop() }
        let error = await Self.clientError(server) { client throws(APIError) in _ = try await client.taskDetail(uuid: "t-1") }
        guard case .undecodable(let call, _)? = error else {
            Issue.record("expected undecodable, got \(String(describing: error))")
            return
        }
        #expect(call == .detail("t-1"))
        #expect(error?.description.contains("detail of task t-1") == true)
    }

    // MARK: - size limits

    @Test("a body over maxBodyBytes (with Content-Length) is `bodyTooLarge` and says to lower --page-size")
    func bodyOverLimit() async throws {
        let big = #"{"code":200,"meta":{"total":1,"last_page":1},"data":[{"uuid":"a","remark":""#
            + String(repeating: "x", count: 64 * 1024) + #""}]}"#
        let server = try HostileServer { _ in .json(big) }
        defer { server.stop() }
        var tuning = Self.tuning
        tuning.maxBodyBytes = 4096
        let error = try await Self.listError(server, tuning: tuning)
        guard case .bodyTooLarge(let call, let limit) = error else {
            Issue.record("expected bodyTooLarge, got \(error)")
            return
        }
        #expect(call == .list(page: 1) && limit == 4096)
        #expect(error.description.contains("more than 4096 bytes"), "\(error)")
        #expect(error.description.contains("--page-size"), "\(error)")
    }

    @Test("an endless chunked body is cut at maxBodyBytes, within the timeout, with bounded memory")
    func endlessBody() async throws {
        let server = try HostileServer { _ in .endlessChunked }
        defer { server.stop() }
        var tuning = Self.tuning
        tuning.maxBodyBytes = 64 * 1024
        let configured = tuning
        let (error, elapsed) = try await Self.timed { try await Self.listError(server, tuning: configured) }
        guard case .bodyTooLarge = error else {
            Issue.record("expected bodyTooLarge, got \(error)")
            return
        }
        #expect(elapsed < .seconds(60), "hang guard (a busy 2-core machine is slow, a hang is endless): \(elapsed)")
    }

    // MARK: - paging that never adds up

    @Test("a last_page that grows on every read ends in `inconsistentListing`, after a bounded number of requests")
    func growingLastPage() async throws {
        let counter = Mutex(0)
        let server = try HostileServer { request in
            let page = request.page ?? 1
            let lastPage = counter.withLock { value -> Int in
                value += 1
                return value + 1
            }
            return .json(Self.listPage(page: page, lastPage: lastPage, total: lastPage, uuids: ["task-\(page)"]))
        }
        defer { server.stop() }
        let error = try await Self.listError(server)
        guard case .inconsistentListing(let detail) = error else {
            Issue.record("expected inconsistentListing, got \(error)")
            return
        }
        #expect(detail.contains("first pass") && detail.contains("second pass"), "\(detail)")
        #expect(error.description.contains("try again when the account is quiet"), "\(error)")
        #expect(server.count(.list) <= 20, "bounded: \(server.count(.list)) list requests")
    }

    @Test("pages that repeat the same tasks end in `inconsistentListing`, not a loop")
    func repeatingPages() async throws {
        let server = try HostileServer { request in
            .json(Self.listPage(page: request.page ?? 1, lastPage: 3, total: 3, uuids: ["same-task"]))
        }
        defer { server.stop() }
        let error = try await Self.listError(server)
        guard case .inconsistentListing(let detail) = error else {
            Issue.record("expected inconsistentListing, got \(error)")
            return
        }
        #expect(detail.contains("appeared on two pages"), "\(detail)")
        #expect(server.count(.list) == 6, "two passes of three pages")
    }

    @Test("a page that answers as another page (current_page ignored by the server) is `inconsistentListing`")
    func pageNumberIgnored() async throws {
        let server = try HostileServer { request in
            .json(Self.listPage(page: 1, lastPage: 2, total: 2, uuids: ["task-\(request.page ?? 1)"]))
        }
        defer { server.stop() }
        let error = try await Self.listError(server)
        guard case .inconsistentListing(let detail) = error else {
            Issue.record("expected inconsistentListing, got \(error)")
            return
        }
        #expect(detail.contains("came back as page 1"), "\(detail)")
    }

    @Test("an absurd last_page is refused at once, without following it", arguments: [1_000_000_000, Int.max])
    func absurdLastPage(lastPage: Int) async throws {
        let server = try HostileServer { request in
            .json(Self.listPage(page: request.page ?? 1, lastPage: lastPage, total: 5, uuids: ["a"]))
        }
        defer { server.stop() }
        let error = try await Self.listError(server)
        guard case .inconsistentListing = error else {
            Issue.record("expected inconsistentListing, got \(error)")
            return
        }
        #expect(server.count(.list) == 1)
    }

    // MARK: - connections that break

    @Test("a server that closes mid-body is `connectionDropped`, retried, then `retriesExhausted` naming the call")
    func closesMidBody() async throws {
        let server = try HostileServer { _ in .truncated(#"{"code":200,"meta":{"total":1,"last_page":1},"data":[{"uu"#, declaredLength: 4000) }
        defer { server.stop() }
        var tuning = Self.tuning
        tuning.maxRetries = 2
        let error = try await Self.listError(server, tuning: tuning)
        guard case .retriesExhausted(let call, let attempts, let last) = error, case .connectionDropped = last else {
            Issue.record("expected retriesExhausted(connectionDropped), got \(error)")
            return
        }
        #expect(call == .list(page: 1) && attempts == 3)
        #expect(error.description.contains("list (page 1) failed after 3 attempts"), "\(error)")
        #expect(error.description.contains("try again"), "\(error)")
        #expect(server.count(.list) == 3)
    }

    @Test("a server that accepts and never answers is a `timeout` after requestTimeout, per attempt, bounded")
    func neverAnswers() async throws {
        let server = try HostileServer { _ in .hang }
        defer { server.stop() }
        var tuning = Self.tuning
        tuning.requestTimeout = 0.5
        tuning.maxRetries = 1
        let configured = tuning
        let (error, elapsed) = try await Self.timed { try await Self.listError(server, tuning: configured) }
        guard case .retriesExhausted(let call, let attempts, let last) = error, case .timeout(_, let seconds) = last else {
            Issue.record("expected retriesExhausted(timeout), got \(error)")
            return
        }
        #expect(call == .list(page: 1) && attempts == 2 && seconds == 0.5)
        #expect(error.description.contains("timed out after 0.5 s"), "\(error)")
        #expect(error.description.contains("raise --timeout"), "\(error)")
        #expect(elapsed < .seconds(60), "hang guard; two attempts of 0.5 s: \(elapsed)")
    }

    /// Was a bug (fixed: the client's own deadline now covers the body): `APIClient.perform` passed `requestTimeout` to
    /// `HTTPClient.execute(_:timeout:)`, whose deadline ends when the response HEAD arrives; the body is
    /// then collected (`response.body.collect(upTo:)`) with no deadline. A server (or proxy) that sends
    /// the head and stalls the body hangs `calltask` forever, although `--timeout` promises "seconds per
    /// request, from sending the request to the last byte of the answer" (ClientTuning.requestTimeout).
    @Test("a server that sends the head and then stalls the body is a `timeout` within requestTimeout")
    func stallsAfterHead() async throws {
        try await stallsAfterHeadBody()
    }

    func stallsAfterHeadBody() async throws {
        let server = try HostileServer { _ in .headThenHang(declaredLength: 500) }
        defer { server.stop() }
        var tuning = Self.tuning
        tuning.requestTimeout = 0.5
        tuning.maxRetries = 0
        let configured = tuning
        let (error, elapsed) = try await Self.timed(limit: .seconds(90)) { try await Self.listError(server, tuning: configured) }
        guard case .timeout(let call, let seconds) = error else {
            Issue.record("expected timeout, got \(error)")
            return
        }
        #expect(call == .list(page: 1) && seconds == 0.5)
        #expect(elapsed < .seconds(60), "hang guard; one attempt of 0.5 s: \(elapsed)")
    }

    @Test("a server that answers something other than HTTP is a clear error, not a hang")
    func notHTTP() async throws {
        let server = try HostileServer { _ in .raw(Array("SSH-2.0-OpenSSH_9.6\r\n\r\n".utf8)) }
        defer { server.stop() }
        var tuning = Self.tuning
        tuning.maxRetries = 1
        let configured = tuning
        let (error, elapsed) = try await Self.timed { try await Self.listError(server, tuning: configured) }
        #expect(error.description.contains("list (page 1)"), "\(error)")
        #expect(elapsed < .seconds(60), "hang guard (two attempts of at most 5 s each): \(elapsed)")
    }

    // MARK: - apply on a half-read state

    @Test("a malformed detail of a task to update fails the plan (it is read to build the body) → nothing paused, nothing PUT")
    func malformedDetailNothingPut() async throws {
        let server = try HostileServer { request in
            switch request.kind {
            case .list: .json(Self.springList)
            case .detail: .json(#"{"code":200,"data":{"uuid":"7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e01","enable":"maybe"#)
            default: .json(#"{"code":200,"data":[]}"#)
            }
        }
        defer { server.stop() }
        await #expect(throws: APIError.self) { _ = try await Self.applySpring(server) }
        #expect(server.requests.filter { $0.method == "PUT" }.isEmpty, "PUTs: \(server.requests.filter { $0.method == "PUT" })")
    }

    @Test("apply: the confirming detail after the pause is malformed → no update; the task is resumed")
    func malformedConfirmationNoUpdate() async throws {
        let details = Mutex(0)
        let server = try HostileServer { request in
            switch request.kind {
            case .list: return .json(Self.springList)
            case .detail:
                let number = details.withLock { value -> Int in
                    value += 1
                    return value
                }
                // The plan's read and apply's first read are good; the confirming read after the pause is not.
                return number <= 2 ? .json(Self.springDetail(enabled: true)) : .json(#"{"code":200,"data":[1,2"#)
            default: return .json(#"{"code":200,"status":"success","data":[]}"#)
            }
        }
        defer { server.stop() }
        let results = try await Self.applySpring(server)
        #expect(results.map(\.result) == [.failed], "\(results)")
        #expect(server.count(.update) == 0, "no update on a half-read state")
        #expect(server.count(.pause) == 1)
        #expect(server.count(.resume) == 1, "the task paused by this run is resumed")
    }

    @Test("plan: a malformed second list page fails the whole plan; nothing is applied")
    func malformedSecondPage() async throws {
        let server = try HostileServer { request in
            (request.page ?? 1) == 1
                ? .json(Self.listPage(page: 1, lastPage: 2, total: 2, uuids: ["a"]))
                : .json(#"{"code":200,"meta":{"total":2,"last_page":2,"current_page":2},"data":[{"uuid":"#)
        }
        defer { server.stop() }
        let error = try await Self.listError(server)
        guard case .undecodable(let call, _) = error else {
            Issue.record("expected undecodable on page 2, got \(error)")
            return
        }
        #expect(call == .list(page: 2))
        #expect(server.requests.allSatisfy { $0.method == "GET" })
    }

    // MARK: - helpers

    static let tuning = ClientTuning(pageSize: 100, pageParallelism: 4, maxRequestsPerSecond: 0, maxRetries: 2,
                                     requestTimeout: 5, backoffBase: 0.005, backoffCap: 0.02)

    static let spring = DefaultTasks.springSaleId

    static var springTask: SimTask { DefaultTasks.all().first { $0.uuid == spring }! }

    /// The simulator's running `spring-sale-followup`, as the list serves it.
    static var springList: String {
        let item = springTask.listItem
        return #"{"code":200,"status":"success","meta":{"total":1,"last_page":1,"current_page":1,"per_page":100},"data":["#
            + item.serialized() + "]}"
    }

    static func springDetail(enabled: Bool) -> String {
        var task = springTask
        task.setRunState(enabled: enabled)
        return #"{"code":200,"status":"success","data":"# + task.detail.serialized() + "}"
    }

    static func listPage(page: Int, lastPage: Int, total: Int, uuids: [String]) -> String {
        let items = uuids.map { #"{"uuid":"\#($0)","name":"\#($0)","enable":false}"# }.joined(separator: ",")
        return #"{"code":200,"meta":{"total":\#(total),"last_page":\#(lastPage),"current_page":\#(page),"per_page":100},"data":[\#(items)]}"#
    }

    static func account(_ server: HostileServer) throws -> AccountSettings {
        try AccountSettings(endpoint: "http://127.0.0.1:\(server.port)", userID: SimulatorOptions.defaultUserId,
                            token: APIToken("hostile-token"))
    }

    /// The error `body` throws, or nil.
    static func clientError(_ server: HostileServer, tuning: ClientTuning = tuning,
                            _ body: @escaping @Sendable (APIClient) async throws(APIError) -> Void) async -> APIError? {
        do {
            let account = try account(server)
            return try await HTTPClientRunner.run { http -> APIError? in
                let client = APIClient(account: account, tuning: tuning, httpClient: http, logger: SimulatorHarness.quietLogger)
                do throws(APIError) {
                    try await body(client)
                    return nil
                } catch {
                    return error
                }
            }
        } catch {
            Issue.record("harness failed: \(error)")
            return nil
        }
    }

    /// The error `listTasks()` throws (an issue when it succeeds).
    static func listError(_ server: HostileServer, tuning: ClientTuning = tuning,
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> APIError {
        let error = await clientError(server, tuning: tuning) { client throws(APIError) in _ = try await client.listTasks() }
        return try #require(error, "listTasks() succeeded against a hostile server", sourceLocation: sourceLocation)
    }

    /// Runs `body` with a hang guard: after `limit` it is cancelled and an issue recorded.
    static func timed<T: Sendable>(limit: Duration = .seconds(90), _ body: @escaping @Sendable () async throws -> T) async throws -> (T, Duration) {
        let clock = ContinuousClock()
        let started = clock.now
        let value = try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        let elapsed = started.duration(to: clock.now)
        guard let value else {
            throw HostileServerError("hang: no answer within \(limit)")
        }
        return (value, elapsed)
    }

    /// Plans `spring-sale-followup` (running; `redial_interval` 15 → 40) and applies it.
    static func applySpring(_ server: HostileServer) async throws -> [ApplyReport.TaskResult] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("calltask-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("uuid: \(spring)\nname: spring-sale-followup\ntask_extras:\n  redial_interval: 40\n".utf8)
            .write(to: directory.appendingPathComponent("spring.yaml"))
        let specs = SpecSet.load([directory.path])
        #expect(!specs.hasErrors, "\(specs.diagnostics)")
        let account = try account(server)
        let journal = directory.appendingPathComponent("journal.jsonl").path
        return try await HTTPClientRunner.run { http in
            let client = APIClient(account: account, tuning: tuning, httpClient: http, logger: SimulatorHarness.quietLogger)
            let plan = try await PlanRunner(client: client, account: account.accountDescription, parallelism: 2)
                .plan(specs, options: .init()).plan
            #expect(plan.toUpdate.map(\.uuid) == [spring], "the plan updates the task")
            let runner = ApplyRunner(client: client, journal: Journal(path: journal), account: account.accountDescription,
                                     options: .init(parallelism: 2, machine: .init(maxPauseChecks: 3, pauseCheckDelayMilliseconds: 10)),
                                     progress: { _ in })
            return await runner.apply(plan).filter { $0.result != .unchanged }
        }
    }
}

// MARK: - The hostile server

struct HostileServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 over blocking POSIX sockets, one thread per connection, that
/// answers each request as its handler says: with JSON, or by misbehaving at the socket level.
/// Every answer closes the connection (`Connection: close`).
final class HostileServer: Sendable {
    enum Reply: Sendable {
        /// HTTP 200 with this JSON body and its Content-Length.
        case json(String, status: Int = 200)
        /// These bytes, as they are, then close.
        case raw([UInt8])
        /// A head promising `declaredLength` bytes, then `body` (shorter), then close.
        case truncated(String, declaredLength: Int)
        /// A chunked body that never ends (until the client goes away).
        case endlessChunked
        /// Read the request, never answer; close when the server stops.
        case hang
        /// A head promising `declaredLength` bytes, then nothing; close when the server stops.
        case headThenHang(declaredLength: Int)
    }

    struct Request: Sendable, CustomStringConvertible {
        var method: String
        var path: String
        var query: String
        var body: String

        var kind: APICall.Kind? {
            if method == "GET" { return path.hasSuffix("/edit") ? .detail : path.hasSuffix("/task") ? .list : nil }
            if path.contains("/task_stop/") { return .pause }
            if path.contains("/task_start/") { return .resume }
            if path.contains("/task/") { return .update }
            return nil
        }

        var page: Int? {
            query.split(separator: "&").first { $0.hasPrefix("page=") }.flatMap { Int($0.dropFirst(5)) }
        }

        var description: String { "\(method) \(path)\(query.isEmpty ? "" : "?" + query)" }
    }

    let port: Int
    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let log = Mutex<[Request]>([])
    private let stopped = Mutex(false)
    private let connections = Mutex<Set<Int32>>([])

    init(_ handler: @escaping @Sendable (Request) -> Reply) throws {
        self.handler = handler
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw HostileServerError("socket() failed: \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw HostileServerError("bind/listen failed: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Every request received, in order.
    var requests: [Request] { log.withLock { $0 } }

    func count(_ kind: APICall.Kind) -> Int { requests.filter { $0.kind == kind }.count }

    /// Stops accepting and closes every open connection (hanging ones included).
    func stop() {
        let already = stopped.withLock { value -> Bool in
            defer { value = true }
            return value
        }
        guard !already else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for fd in connections.withLock({ $0 }) { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    deinit { stop() }

    private var isStopped: Bool { stopped.withLock { $0 } }

    private func acceptLoop() {
        while !isStopped {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else {
                if isStopped { return }
                continue
            }
            var noSigPipe: Int32 = 1
            _ = noSigPipe
            #if canImport(Darwin)
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &noSigPipe, socklen_t(MemoryLayout<Int32>.size))
            #endif
            connections.withLock { _ = $0.insert(fd) }
            let thread = Thread { [self] in
                serve(fd)
                connections.withLock { _ = $0.remove(fd) }
                close(fd)
            }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        guard let request = readRequest(fd) else { return }
        log.withLock { $0.append(request) }
        switch handler(request) {
        case .json(let body, let status):
            let bytes = Array(body.utf8)
            sendAll(fd, head(status: status, headers: ["Content-Type: application/json", "Content-Length: \(bytes.count)"]) + bytes)
        case .raw(let bytes):
            sendAll(fd, bytes)
        case .truncated(let body, let declared):
            sendAll(fd, head(status: 200, headers: ["Content-Type: application/json", "Content-Length: \(declared)"]) + Array(body.utf8))
        case .endlessChunked:
            guard sendAll(fd, head(status: 200, headers: ["Content-Type: application/json", "Transfer-Encoding: chunked"])) else { return }
            let chunk = Array(String(repeating: "[", count: 8192).utf8)
            let framed = Array((String(chunk.count, radix: 16) + "\r\n").utf8) + chunk + Array("\r\n".utf8)
            while !isStopped, sendAll(fd, framed) {}
        case .hang:
            waitUntilStopped()
        case .headThenHang(let declared):
            sendAll(fd, head(status: 200, headers: ["Content-Type: application/json", "Content-Length: \(declared)"]) + Array(#"{"code":"#.utf8))
            waitUntilStopped()
        }
    }

    private func waitUntilStopped() {
        let deadline = Date().addingTimeInterval(60)
        while !isStopped, Date() < deadline { usleep(20_000) }
    }

    private func head(status: Int, headers: [String]) -> [UInt8] {
        Array((["HTTP/1.1 \(status) X", "Connection: close"] + headers).joined(separator: "\r\n").utf8) + Array("\r\n\r\n".utf8)
    }

    @discardableResult
    private func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { buffer in
                #if canImport(Glibc)
                send(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
                #else
                send(fd, buffer.baseAddress, buffer.count, 0)
                #endif
            }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    /// Reads one request head and its Content-Length body.
    private func readRequest(_ fd: Int32) -> Request? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            let received = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if received <= 0 { return nil }
            data += buffer[0..<received]
            headEnd = data.firstRange(of: separator)?.upperBound
            if data.count > 1 << 20 { return nil }
        }
        guard let headEnd else { return nil }
        let head = String(decoding: data[0..<headEnd], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return nil }
        let target = String(parts[1])
        let length = lines.dropFirst().compactMap { line -> Int? in
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == "content-length" else { return nil }
            return Int(pair[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        while data.count - headEnd < length {
            let received = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if received <= 0 { break }
            data += buffer[0..<received]
        }
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        let query = target.contains("?") ? String(target.split(separator: "?", maxSplits: 1)[1]) : ""
        return Request(method: String(parts[0]), path: path, query: query,
                       body: String(decoding: data[headEnd...], as: UTF8.self))
    }
}
