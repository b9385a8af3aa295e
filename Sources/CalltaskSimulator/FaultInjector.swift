/// Decides, call by call, which fault (if any) an `/agent-api` call gets (`FaultOptions`).
///
/// The random numbers come from a SplitMix64 generator seeded with `FaultOptions.seed`, so the same
/// seed and the same order of calls give the same faults.
actor FaultInjector {
    private let options: FaultOptions
    private var generator: SplitMix64

    init(options: FaultOptions) {
        self.options = options
        var system = SystemRandomNumberGenerator()
        generator = SplitMix64(seed: options.seed ?? system.next())
    }

    /// The delay (milliseconds) and the fault of the next call.
    func nextCall() -> (delayMs: Int, fault: InjectedFault?) {
        let jitter = options.jitterMs > 0 ? Int(generator.next() % UInt64(options.jitterMs + 1)) : 0
        let delay = max(0, options.latencyMs) + jitter
        guard options.failRate > 0 || options.throttleRate > 0 || options.dropRate > 0 else { return (delay, nil) }
        let draw = Double(generator.next() >> 11) / Double(UInt64(1) << 53)
        if draw < options.throttleRate { return (delay, .throttled) }
        if draw < options.throttleRate + options.failRate { return (delay, .serverError) }
        if draw < options.throttleRate + options.failRate + options.dropRate { return (delay, .dropped) }
        return (delay, nil)
    }

    /// The create-only fault of a create call (`FaultOptions.createFailRate` and the two commit-then
    /// rates), drawn after `nextCall()`; no draw at all when those rates are all 0, so the other calls'
    /// faults stay the same for a seed.
    func nextCreate() -> CreateFault? {
        let rates = [options.createFailRate, options.createCommitThenFailRate, options.createCommitThenDropRate]
        guard rates.contains(where: { $0 > 0 }) else { return nil }
        let draw = Double(generator.next() >> 11) / Double(UInt64(1) << 53)
        if draw < rates[0] { return .failBeforeCommit }
        if draw < rates[0] + rates[1] { return .failAfterCommit }
        if draw < rates[0] + rates[1] + rates[2] { return .dropAfterCommit }
        return nil
    }
}

/// A fault of the create call alone (`FaultOptions`).
enum CreateFault: Sendable {
    /// HTTP 500 before the task is stored.
    case failBeforeCommit
    /// The task is stored, then HTTP 500 with an error envelope.
    case failAfterCommit
    /// The task is stored, then the connection is closed mid-answer.
    case dropAfterCommit
}

/// A small, fast, seedable random number generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
