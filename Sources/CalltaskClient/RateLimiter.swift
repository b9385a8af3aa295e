/// Spaces requests evenly at no more than `requestsPerSecond`, across every call of a run.
///
/// One limiter is shared by all copies of an `APIClient` (and so by concurrent page fetches, applies and
/// retries). Each `acquire()` reserves the next free slot, 1/rate seconds after the previous one, and
/// sleeps until it comes; the reservation happens inside the actor, the sleeping outside it, so waiting
/// callers do not block one another's bookkeeping. A rate of 0 turns the limit off.
public actor RateLimiter {
    private let interval: Duration?
    private let clock = ContinuousClock()
    private var nextSlot: ContinuousClock.Instant?

    /// - Parameter requestsPerSecond: the rate; 0 (or less) means unlimited.
    public init(requestsPerSecond: Double) {
        if requestsPerSecond > 0, requestsPerSecond.isFinite {
            interval = .nanoseconds(Int64((1_000_000_000 / requestsPerSecond).rounded(.up)))
        } else {
            interval = nil
        }
    }

    /// Waits until the caller may send one request.
    ///
    /// - Throws: `CancellationError` if the task is cancelled while waiting.
    public nonisolated func acquire() async throws {
        guard let wait = await reserve() else { return }
        try await Task.sleep(for: wait)
    }

    /// Reserves the next slot and returns how long to wait for it (nil: go now).
    private func reserve() -> Duration? {
        guard let interval else { return nil }
        let now = clock.now
        let slot = max(now, nextSlot ?? now)
        nextSlot = slot.advanced(by: interval)
        let wait = now.duration(to: slot)
        return wait > .zero ? wait : nil
    }
}
