import CalltaskClient

/// How long and how often a resume of a task this run paused is retried.
///
/// A paused task must run again: the resume is retried with exponential backoff until `deadline`
/// (120 s by default, `apply --resume-deadline`), for failures that may pass (connection errors,
/// timeouts, HTTP 5xx and 429), never for a 4xx or an envelope error. After SIGINT/SIGTERM the deadline
/// shrinks to `interruptedDeadline` (5 s): the journal and `calltask recover` do the rest.
///
/// The clock is injectable (`now`, `sleep`), so tests run the whole schedule without waiting.
public struct ResumeRetry: Sendable {
    public var deadline: Duration
    public var interruptedDeadline: Duration
    /// The first backoff step; doubled per attempt up to `maxDelay`.
    public var initialDelay: Duration
    public var maxDelay: Duration
    /// Time since an arbitrary fixed origin.
    public var now: @Sendable () -> Duration
    public var sleep: @Sendable (Duration) async -> Void

    public init(deadline: Duration = .seconds(120), interruptedDeadline: Duration = .seconds(5),
                initialDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8),
                now: (@Sendable () -> Duration)? = nil, sleep: (@Sendable (Duration) async -> Void)? = nil) {
        self.deadline = deadline
        self.interruptedDeadline = interruptedDeadline
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        let origin = ContinuousClock.now
        self.now = now ?? { ContinuousClock.now - origin }
        self.sleep = sleep ?? { duration in try? await Task.sleep(for: duration) }
    }

    /// The wait after failed attempt number `attempt` (1 for the first).
    public func delay(afterAttempt attempt: Int) -> Duration {
        var delay = initialDelay
        for _ in 1..<max(1, min(attempt, 30)) {
            delay *= 2
            if delay >= maxDelay { return maxDelay }
        }
        return min(delay, maxDelay)
    }

    /// Whether a failed resume may succeed if tried again: connection errors (refused, dropped, timed
    /// out) and HTTP 5xx and 429. Never a 4xx, never an envelope error.
    public static func isTransient(_ error: any Error) -> Bool {
        guard let api = error as? APIError else { return false }
        switch api.underlying {
        case .httpStatus(_, let status, _, _): return status == 429 || (500...599).contains(status)
        case .timeout, .connectionDropped, .transport: return true
        default: return false
        }
    }

    static func label(_ error: any Error) -> String {
        (error as? APIError)?.underlying.shortDescription ?? "error"
    }
}
