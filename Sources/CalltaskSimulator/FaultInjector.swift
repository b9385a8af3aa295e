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
