public import AsyncHTTPClient
public import CalltaskModels
import Foundation
public import Logging
import NIOCore

/// The platform's task API over AsyncHTTPClient: list (paged), detail, update, pause and resume.
///
/// A `Sendable` struct: copies share the caller's `HTTPClient`, one `RateLimiter` and one
/// `RequestStats`, so every call of a run is limited and counted together. Every call
/// - sends `Authorization: Bearer …`, JSON content headers and `User-Agent: calltask/<version>`;
/// - sends `sub_user_id` as a query parameter when the account has one (../api/facts.md §1.3);
/// - waits for the rate limiter before each attempt, retries per `RetryPolicy`;
/// - reads the answer envelope `{code, status, message, data, meta}` (§1.4) whatever the HTTP status,
///   and throws an `APIError` naming the call when it is not a success.
///
/// The client never logs the token or the `Authorization` header, and does not hand its logger to
/// AsyncHTTPClient.
///
/// ```swift
/// try await HTTPClient.withHTTPClient(configuration: APIClient.httpClientConfiguration()) { http in
///     let client = APIClient(account: account, tuning: .default, httpClient: http, logger: logger)
///     let listing = try await client.listTasks()
///     print("\(listing.tasks.count) tasks, \(await client.stats.snapshot)")
/// }
/// ```
public struct APIClient: Sendable {
    /// The account every call acts on.
    public let account: AccountSettings
    /// Paging, rate, retry and size settings.
    public let tuning: ClientTuning
    /// Requests, retries and faults of this client and its copies.
    public let stats: RequestStats

    let httpClient: HTTPClient
    let logger: Logger
    let rateLimiter: RateLimiter
    let retryPolicy: RetryPolicy
    let endpoints: Endpoints

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - account: which account to act on (already validated).
    ///   - tuning: paging, rate, retry and size settings.
    ///   - httpClient: an `HTTPClient` the caller owns and shuts down. Prefer one made with
    ///     `APIClient.httpClientConfiguration()`, which refuses redirects so the bearer token is never
    ///     forwarded to another host.
    ///   - logger: receives one info line per request (`GET /agent-api/… 200 12 ms`: method, path and
    ///     query, status, duration) and per retry; at debug, the request and answer bodies too, with the
    ///     token replaced by `<redacted>`.
    public init(account: AccountSettings, tuning: ClientTuning = .default, httpClient: HTTPClient, logger: Logger) {
        self.account = account
        self.tuning = tuning
        self.httpClient = httpClient
        self.logger = logger
        self.stats = RequestStats()
        self.rateLimiter = RateLimiter(requestsPerSecond: tuning.maxRequestsPerSecond)
        self.retryPolicy = tuning.retryPolicy
        self.endpoints = Endpoints(account: account)
    }

    /// An `HTTPClient` configuration suited to this API: redirects refused (a redirect would carry the
    /// bearer token to wherever it points), a connect timeout, and HTTP/1.1 or HTTP/2 as the server offers.
    ///
    /// A connection that cannot be made fails its requests at once (AsyncHTTPClient would otherwise
    /// retry it with backoff until the connect timeout): `APIClient` decides about retries itself, and
    /// does not retry while the platform has never answered (a wrong endpoint should fail fast).
    public static func httpClientConfiguration(
        connectTimeoutSeconds: Double = ClientTuning.default.connectTimeout
    ) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        let milliseconds = connectTimeoutSeconds.isFinite && connectTimeoutSeconds > 0 ? connectTimeoutSeconds * 1000 : 5000
        configuration.timeout = .init(connect: .milliseconds(Int64(milliseconds.rounded(.up))))
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    /// Fetches one task's full configuration: `GET /agent-api/new/user/{user_id}/task/{task_id}/edit`.
    ///
    /// The detail returns fields the list lacks (holidays, script routing, `pop_mode`…; ../api/facts.md
    /// §5.16), so update bodies are built from it. Its body may have no `uuid` (§2.6): the argument is
    /// used then.
    ///
    /// - Throws: `APIError`.
    public func taskDetail(uuid: String) async throws(APIError) -> LiveTask {
        let request = endpoints.detail(uuid)
        let sent = try await send(request, as: LiveTask.self)
        guard var task = sent.envelope.data else {
            throw .undecodable(call: request.call, detail: "the answer has no 'data' object")
        }
        if task.uuid.isEmpty { task.uuid = uuid }
        return task
    }

    /// Replaces a task's configuration: `PUT /agent-api/new/user/{user_id}/task/{task_id}` (seed 001).
    ///
    /// The body is encoded with sorted keys, so the same configuration is always the same bytes (and a
    /// retried PUT is the same request). A running 2.0 task refuses updates with code 6007, thrown as
    /// `APIError.taskRunning` and never retried (seed 001, note 4).
    ///
    /// - Throws: `APIError`.
    public func updateTask(uuid: String, body: TaskConfig) async throws(APIError) {
        let bytes = try Self.encodeBody(body, call: .update(uuid))
        _ = try await send(endpoints.update(uuid, body: bytes), as: IgnoredPayload.self)
    }

    /// A write call's body as JSON with sorted keys: the same value is always the same bytes.
    static func encodeBody(_ body: some Encodable, call: APICall) throws(APIError) -> [UInt8] {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return Array(try encoder.encode(body))
        } catch {
            throw .invalidRequest(call: call, detail: "the \(call.kind) body could not be encoded as JSON: \(error)")
        }
    }

    /// Pauses a task: `PUT /agent-api/new/user/{user_id}/task_stop/{task_id}` with `{}` (../api/facts.md §2.4).
    ///
    /// The docs say nothing about pausing a paused task or whether the pause is synchronous; callers
    /// check the task's state afterwards.
    ///
    /// - Throws: `APIError`.
    public func pauseTask(uuid: String) async throws(APIError) {
        _ = try await send(endpoints.pause(uuid), as: IgnoredPayload.self)
    }

    /// Resumes a task: `PUT` on `account.resumePath` with `{}`.
    ///
    /// INFERRED: the docs have no start call for 2.0 tasks (../api/facts.md §2.5); the default path
    /// mirrors pause and can be changed with `--resume-path`.
    ///
    /// - Throws: `APIError`.
    public func resumeTask(uuid: String) async throws(APIError) {
        _ = try await send(endpoints.resume(uuid), as: IgnoredPayload.self)
    }
}

/// A `data` payload the caller does not need (update, pause, resume answers): accepts any JSON.
struct IgnoredPayload: Decodable, Sendable {
    init(from decoder: any Decoder) throws {}
}
