import CalltaskModels
import Logging

extension APIClient {
    /// One call's answer and how many attempts it took.
    struct Sent<Payload: Decodable & Sendable>: Sendable {
        var envelope: Envelope<Payload>
        var attempts: Int
    }

    /// Sends `request` until it succeeds, fails for good, or the retry policy gives up.
    ///
    /// Retryable failures (429, 5xx, timeouts, dropped connections; see `RetryPolicy`) are retried after
    /// the policy's delay with full jitter, or after the server's `Retry-After`. When retries run out the
    /// last error is thrown inside `APIError.retriesExhausted`, which says how many attempts were made.
    /// Every attempt waits for the shared rate limiter; retries are counted in `stats`.
    func send<Payload: Decodable & Sendable>(_ request: APIRequest, as payload: Payload.Type) async throws(APIError) -> Sent<Payload> {
        let call = request.call
        var attempt = 1
        while true {
            let failure: APIError
            do {
                let raw = try await perform(request, attempt: attempt)
                let envelope = try interpret(raw, call: call, as: Payload.self)
                return Sent(envelope: envelope, attempts: attempt)
            } catch {
                failure = error
            }
            await stats.recordFault(failure.shortDescription)
            let reached = await stats.hasAnswered
            guard retryPolicy.shouldRetry(failure, afterAttempt: attempt, platformReached: reached) else {
                if attempt > 1, failure.isRetryable {
                    logger.info("giving up on \(call) after \(attempt) attempts (\(failure.shortDescription))",
                                metadata: ["call": "\(call)", "attempts": "\(attempt)", "error": "\(failure.shortDescription)"])
                    throw .retriesExhausted(call: call, attempts: attempt, last: failure)
                }
                throw failure
            }
            let delay = retryPolicy.delay(forAttempt: attempt, retryAfter: failure.retryAfter,
                                          random: Double.random(in: 0..<1))
            logger.info("retrying \(call) in \(Int(delay * 1000)) ms (\(failure.shortDescription), attempt \(attempt))", metadata: [
                "call": "\(call)", "attempt": "\(attempt)", "error": "\(failure.shortDescription)",
                "delay_ms": "\(Int(delay * 1000))",
            ])
            await stats.recordRetry()
            do {
                if delay > 0 { try await Task.sleep(for: .milliseconds(Int64(delay * 1000))) }
            } catch {
                throw .cancelled(call: call)
            }
            attempt += 1
        }
    }
}

extension APIError {
    /// The server's `Retry-After`, in seconds, when this error carries one.
    var retryAfter: Double? {
        if case .httpStatus(_, _, _, let retryAfter) = self { return retryAfter }
        return nil
    }
}
