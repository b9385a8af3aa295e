/// How hard, how fast and how patiently the client talks to the platform.
///
/// The docs state no page-size maximum and no rate limit (../api/facts.md §1.5, §1.6), so these are
/// conservative defaults an operator can change through flags, environment or `calltask.yaml`.
public struct ClientTuning: Sendable, Hashable {
    /// Tasks requested per list page (`per_page`). The server may answer with another page size; paging
    /// follows its `meta.last_page`.
    public var pageSize: Int
    /// How many list pages are fetched at the same time after the first.
    public var pageParallelism: Int
    /// Requests per second across the whole run, retries included; 0 turns the limit off.
    public var maxRequestsPerSecond: Double
    /// Retries after the first attempt for retryable failures (429, 5xx, timeouts, dropped connections).
    public var maxRetries: Int
    /// Seconds one attempt may take, from sending the request to the last byte of the answer.
    public var requestTimeout: Double
    /// Seconds a new connection may take to be established (an unreachable endpoint fails within it).
    public var connectTimeout: Double
    /// The largest answer body accepted, in bytes.
    public var maxBodyBytes: Int
    /// The first backoff step in seconds (doubled on each retry, with full jitter).
    public var backoffBase: Double
    /// The largest backoff step in seconds. A server's `Retry-After` is honoured up to 4 × this.
    public var backoffCap: Double
    /// The most tasks a listing accepts; a `meta.total`/`last_page` beyond it is refused as an error.
    public var maxListedTasks: Int

    public init(
        pageSize: Int = 100,
        pageParallelism: Int = 4,
        maxRequestsPerSecond: Double = 10,
        maxRetries: Int = 4,
        requestTimeout: Double = 30,
        connectTimeout: Double = 5,
        maxBodyBytes: Int = 32 << 20,
        backoffBase: Double = 0.2,
        backoffCap: Double = 5,
        maxListedTasks: Int = 100_000
    ) {
        self.pageSize = max(1, pageSize)
        self.pageParallelism = max(1, pageParallelism)
        self.maxRequestsPerSecond = max(0, maxRequestsPerSecond.isFinite ? maxRequestsPerSecond : 0)
        self.maxRetries = max(0, maxRetries)
        self.requestTimeout = requestTimeout.isFinite && requestTimeout > 0 ? requestTimeout : 30
        self.connectTimeout = connectTimeout.isFinite && connectTimeout > 0 ? connectTimeout : 5
        self.maxBodyBytes = max(1024, maxBodyBytes)
        self.backoffBase = max(0, backoffBase.isFinite ? backoffBase : 0.2)
        self.backoffCap = max(0, backoffCap.isFinite ? backoffCap : 5)
        self.maxListedTasks = max(1, maxListedTasks)
    }

    /// The defaults.
    public static let `default` = ClientTuning()

    /// The retry policy these settings describe.
    public var retryPolicy: RetryPolicy {
        RetryPolicy(maxRetries: maxRetries, base: backoffBase, cap: backoffCap)
    }
}
