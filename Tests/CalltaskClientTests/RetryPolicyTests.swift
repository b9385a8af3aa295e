import CalltaskClient
import Testing

@Suite("Retry policy (pure)")
struct RetryPolicyTests {
    let policy = RetryPolicy(maxRetries: 4, base: 0.2, cap: 5)

    @Test("the backoff doubles per attempt, scaled by the jitter, up to the cap",
          arguments: [(1, 1.0, 0.2), (2, 1.0, 0.4), (3, 0.5, 0.4), (5, 1.0, 3.2), (6, 1.0, 5.0), (40, 1.0, 5.0), (3, 0.0, 0.0)])
    func backoff(attempt: Int, random: Double, expected: Double) {
        #expect(abs(policy.delay(forAttempt: attempt, retryAfter: nil, random: random) - expected) < 1e-9)
    }

    @Test("Retry-After replaces the backoff and is bounded by 4 × cap", arguments: [(0.0, 0.0), (3.0, 3.0), (600.0, 20.0), (-1.0, 0.0)])
    func retryAfter(header: Double, expected: Double) {
        #expect(policy.delay(forAttempt: 1, retryAfter: header, random: 0.7) == expected)
    }

    @Test("429, 5xx, timeouts and dropped connections are retried; 4xx, 6007 and auth failures are not")
    func classification() {
        let call = APICall.list(page: 1)
        let retried: [APIError] = [
            .httpStatus(call: call, status: 429, message: nil, retryAfter: 0),
            .httpStatus(call: call, status: 503, message: nil, retryAfter: nil),
            .timeout(call: call, seconds: 30),
            .connectionDropped(call: call, detail: "remote connection closed"),
        ]
        let final: [APIError] = [
            .httpStatus(call: call, status: 404, message: nil, retryAfter: nil),
            .taskRunning(call: .update("t")),
            .platform(call: call, code: 422, message: nil),
            .unauthorized(call: call),
            .undecodable(call: call, detail: "x"),
            .transport(call: call, detail: "connection refused"),
        ]
        for error in retried {
            #expect(policy.shouldRetry(error, afterAttempt: 1), "\(error.shortDescription)")
            #expect(policy.shouldRetry(error, afterAttempt: 4))
            #expect(!policy.shouldRetry(error, afterAttempt: 5))
        }
        for error in final {
            #expect(!policy.shouldRetry(error, afterAttempt: 1), "\(error.shortDescription)")
        }
    }

    @Test("a failed connection is not retried before the platform has answered once, and is retried after")
    func cannotConnect() {
        let error = APIError.cannotConnect(call: .list(page: 1), address: "127.0.0.1:1", reason: "connection refused")
        #expect(!policy.shouldRetry(error, afterAttempt: 1, platformReached: false))
        #expect(policy.shouldRetry(error, afterAttempt: 1, platformReached: true))
        #expect(!policy.shouldRetry(error, afterAttempt: 5, platformReached: true))
        // Other retryable failures do not depend on it.
        #expect(policy.shouldRetry(.timeout(call: .list(page: 1), seconds: 30), afterAttempt: 1, platformReached: false))
        #expect(error.description == "cannot connect to 127.0.0.1:1 (connection refused); check --endpoint and the network")
        #expect(error.shortDescription == "cannot_connect")
    }

    @Test("every error names its call and has a fixed label")
    func labels() {
        let error = APIError.retriesExhausted(call: .pause("abc"), attempts: 5,
                                              last: .httpStatus(call: .pause("abc"), status: 502, message: nil, retryAfter: nil))
        #expect(error.description.hasPrefix("pause of task abc failed after 5 attempts"))
        #expect(error.shortDescription == "retries_exhausted")
        #expect(error.underlying.shortDescription == "http_5xx")
        #expect(APIError.inconsistentListing(detail: "x").call == nil)
    }
}
