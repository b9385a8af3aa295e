/// The simulator's tasks: concurrency-safe, in a stable order (the order they were added in), with a
/// simulated clock for `alter_datetime`.
///
/// Tests set up and inspect the platform through it directly:
///
/// ```swift
/// await simulator.store.modify(id: DefaultTasks.insuranceRenewalId) { task in
///     task.set(20, at: "new_task_extra", "redial_interval")   // a change made by hand in the console
/// }
/// let task = await simulator.store.task(id: DefaultTasks.insuranceRenewalId)
/// ```
public actor TaskStore {
    private var order: [String] = []
    private var tasks: [String: SimTask] = [:]
    private var clock: SimulatedClock
    /// The dialer's clock (seconds since 1970), which decides `call_status` (`DialerState`). It does not
    /// move by itself: tests set it (`setDialerTime`, `PUT /_sim/clock`, `calltask-sim --now`), so
    /// `call_status` never depends on the wall clock.
    private var dialerSeconds: Int
    /// The uuids of created tasks (`create`).
    private var uuids: UUIDGenerator
    /// Created tasks the list does not show yet, with the wall-clock instant they appear
    /// (`FaultOptions.createHiddenSeconds`).
    private var hiddenUntil: [String: ContinuousClock.Instant] = [:]

    /// The dialer clock's default: Monday 2026-03-02 10:00:00, inside the built-in tasks' office hours.
    public static let defaultDialerTime = "2026-03-02 10:00:00"

    /// A store holding `tasks`, in that order (a repeated uuid replaces the earlier task in place).
    ///
    /// - Parameter uuidSeed: seeds the uuids of created tasks (`create`), so a seeded run creates the
    ///   same uuids; `nil` draws them from the system RNG.
    public init(tasks: [SimTask], dialerTime: String = TaskStore.defaultDialerTime, uuidSeed: UInt64? = nil) {
        clock = SimulatedClock(after: tasks.compactMap(\.alterDatetime))
        uuids = UUIDGenerator(seed: uuidSeed)
        dialerSeconds = SimulatedClock.parse(dialerTime) ?? SimulatedClock.parse(Self.defaultDialerTime) ?? 0
        for task in tasks { Self.insert(task, order: &order, tasks: &self.tasks) }
    }

    /// Every task, in list order, as read now (`call_status` at the dialer clock's time).
    public func allTasks() -> [SimTask] { order.compactMap { tasks[$0].map(current) } }

    /// The task with this uuid, as read now.
    public func task(id: String) -> SimTask? { tasks[id].map(current) }

    /// The dialer clock's time, `YYYY-MM-DD HH:MM:SS`.
    public var dialerTime: String { SimulatedClock.format(dialerSeconds) }

    /// Sets the dialer clock; `false` (and no change) when `time` is not `YYYY-MM-DD HH:MM[:SS]`.
    @discardableResult
    public func setDialerTime(_ time: String) -> Bool {
        guard let seconds = SimulatedClock.parse(time) else { return false }
        dialerSeconds = seconds
        return true
    }

    /// The tasks a list call shows now: every task but those created less than
    /// `FaultOptions.createHiddenSeconds` ago (`hide(id:seconds:)`).
    func listedTasks() -> [SimTask] {
        let now = ContinuousClock.now
        hiddenUntil = hiddenUntil.filter { $0.value > now }
        return order.compactMap { id in hiddenUntil[id] == nil ? tasks[id].map(current) : nil }
    }

    /// Keeps a task out of list answers for `seconds` of wall time from now.
    func hide(id: String, seconds: Double) {
        guard seconds > 0, seconds.isFinite else { return }
        hiddenUntil[id] = ContinuousClock.now.advanced(by: .milliseconds(Int64((seconds * 1000).rounded(.up))))
    }

    /// Stores a new task built from `partial` (seed 000's shape, `TaskCreation`) with a fresh uuid and
    /// `create_datetime` = `alter_datetime` = the next tick of the simulated clock; returns it as read.
    func create(_ partial: [String: JSONValue], userId: String) -> SimTask {
        var partial = partial
        var uuid = uuids.next()
        while tasks[uuid] != nil { uuid = uuids.next() }
        let stamp = clock.tick()
        partial["uuid"] = .string(uuid)
        partial["create_datetime"] = .string(stamp)
        partial["alter_datetime"] = .string(stamp)
        let task = SimTask(seed: partial, userId: userId)
        insert(task)
        return current(task)
    }

    private func current(_ task: SimTask) -> SimTask {
        var task = task
        task.refreshDialerState(at: dialerSeconds)
        return task
    }

    /// The number of tasks.
    public var count: Int { order.count }

    /// Adds a task at the end, or replaces the task with the same uuid in place.
    public func upsert(_ task: SimTask) {
        insert(task)
        clock = SimulatedClock(after: [clock.now] + (task.alterDatetime.map { [$0] } ?? []))
    }

    /// Removes a task; `false` if there was none.
    @discardableResult
    public func remove(id: String) -> Bool {
        guard tasks.removeValue(forKey: id) != nil else { return false }
        order.removeAll { $0 == id }
        return true
    }

    /// Changes a task in place, as a person in the web console would; when `touch` is `true` (default),
    /// `alter_datetime` moves. Returns the changed task, or `nil` if there is none.
    @discardableResult
    public func modify(id: String, touch: Bool = true, _ change: @Sendable (inout SimTask) -> Void) -> SimTask? {
        guard var task = tasks[id] else { return nil }
        change(&task)
        if touch { task.set(.string(clock.tick()), at: "alter_datetime") }
        tasks[id] = task
        return current(task)
    }

    /// Pauses or resumes a task (`SimTask.setRunState(enabled:)`); idempotent. `alter_datetime` does not
    /// move: the run state is not configuration.
    @discardableResult
    public func setRunState(id: String, enabled: Bool) -> SimTask? {
        guard var task = tasks[id] else { return nil }
        task.setRunState(enabled: enabled)
        tasks[id] = task
        return current(task)
    }

    /// Applies a validated update body (`UpdateValidator`) unless the task is running (seed 001: 6007).
    func applyUpdate(id: String, body: JSONValue, strict: Bool, alter: String? = nil) -> UpdateOutcome {
        guard var task = tasks[id] else { return .notFound }
        guard !task.isEnabled else { return .running }
        let stamp = clock.tick()
        task.updateRecord { record in
            record = TaskUpdate.apply(body, strict: strict, to: record, alterDatetime: stamp)
            if let alter {
                // `SimulatorOptions.alterOnUpdate`: a value the body did not carry.
                switch record[alter] ?? .null {
                case .int(let number): record[alter] = .int(number + 1)
                case .string(let text): record[alter] = .string(text + " (changed by the platform)")
                case .bool(let flag): record[alter] = .bool(!flag)
                default: record[alter] = .string("changed by the platform")
                }
            }
        }
        tasks[id] = task
        return .applied(current(task))
    }

    private func insert(_ task: SimTask) {
        Self.insert(task, order: &order, tasks: &tasks)
    }

    private static func insert(_ task: SimTask, order: inout [String], tasks: inout [String: SimTask]) {
        if tasks[task.uuid] == nil { order.append(task.uuid) }
        tasks[task.uuid] = task
    }
}

/// Random version 4 uuids (lowercase), from a SplitMix64 generator when seeded.
struct UUIDGenerator: Sendable {
    private var seeded: SplitMix64?

    init(seed: UInt64?) {
        // Mixed with a constant so a fault seed does not give the fault draws' own numbers.
        seeded = seed.map { SplitMix64(seed: $0 ^ 0x5EED_0F_C4EA_7E00) }
    }

    mutating func next() -> String {
        var system = SystemRandomNumberGenerator()
        let high = seeded?.next() ?? system.next()
        let low = seeded?.next() ?? system.next()
        // Version 4 (random) in the 13th hex digit, variant 10xx in the 17th (RFC 9562).
        let versioned = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let varianted = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let hex = Self.hex(versioned) + Self.hex(varianted)
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4),
                     hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// What became of an update call in the store.
enum UpdateOutcome: Sendable {
    case applied(SimTask)
    case notFound
    /// The task is enabled: seed 001's 6007.
    case running
}
