/// Which failures are retried, how many times, and how long to wait in between: a pure value.
///
/// The platform documents neither rate limits nor error codes (../api/facts.md §1.6, §1.7), so the
/// policy is the conventional one: HTTP 429, 5xx, timeouts and dropped connections are retried with
/// exponential backoff and full jitter (delay = random × min(cap, base × 2^(attempt−1))); a
/// `Retry-After` in seconds replaces the jittered delay, bounded by 4 × cap so a hostile or confused
/// server cannot stall a run. Everything else (4xx, envelope codes such as 6007) fails at once.
///
/// Retrying is safe for every call `calltask` makes: list and detail are reads, an update PUTs the
/// same full body again, and pause/resume set a state rather than toggle it.
///
/// The sleeping lives in `APIClient`; this type only decides.
///
/// ```swift
/// let policy = RetryPolicy(maxRetries: 4, base: 0.2, cap: 5)
/// policy.delay(forAttempt: 3, retryAfter: nil, random: 0.5)   // 0.4 s
/// ```
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    /// The first backoff step, in seconds.
    public var base: Double
    /// The largest backoff step, in seconds.
    public var cap: Double

    public init(maxRetries: Int = 4, base: Double = 0.2, cap: Double = 5) {
        self.maxRetries = max(0, maxRetries)
        self.base = max(0, base)
        self.cap = max(0, cap)
    }

    /// The longest `Retry-After` honoured, in seconds.
    public var retryAfterCap: Double { cap * 4 }

    /// Whether to try again after `error` ended attempt number `attempt` (1 for the first).
    ///
    /// - Parameter platformReached: whether any request of the run has had an HTTP answer. Until one
    ///   has, a connection that cannot be made (`cannotConnect`) is not retried: the endpoint is far
    ///   more likely wrong than the network briefly down, and retrying would only delay saying so.
    ///   Afterwards it is retried like a dropped connection.
    public func shouldRetry(_ error: APIError, afterAttempt attempt: Int, platformReached: Bool = true) -> Bool {
        if case .cannotConnect = error, !platformReached { return false }
        return error.isRetryable && attempt <= maxRetries
    }

    /// How long to wait, in seconds, before the retry that follows attempt number `attempt` (1-based).
    ///
    /// - Parameters:
    ///   - attempt: the attempt that just failed, 1 for the first.
    ///   - retryAfter: the server's `Retry-After` in seconds, if any; used instead of the backoff,
    ///     clamped to 0…`retryAfterCap`.
    ///   - random: a number in 0..<1 (full jitter); pass a fixed value in tests.
    /// - Returns: the delay in seconds, never negative, never above `max(cap, retryAfterCap)`.
    public func delay(forAttempt attempt: Int, retryAfter: Double?, random: Double) -> Double {
        if let retryAfter, retryAfter.isFinite {
            return min(max(0, retryAfter), retryAfterCap)
        }
        let exponent = Double(max(0, min(attempt - 1, 30)))
        let ceiling = min(cap, base * pow2(exponent))
        let jitter = random.isFinite ? min(max(random, 0), 1) : 0
        return ceiling * jitter
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        var remaining = Int(exponent)
        while remaining > 0 {
            value *= 2
            remaining -= 1
        }
        return value
    }
}
