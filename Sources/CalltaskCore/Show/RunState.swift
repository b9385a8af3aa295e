/// A task's run state in the docs' words (seed 000's state table; ../api/facts.md §2.7).
///
/// The top-level `enable` is the operator's switch; `new_task_extra.call_status` is the dialer's own
/// state, which moves by itself (outside working hours, a `task_cause`). Shown, never compared.
///
/// | `enable` | `call_status` | state |
/// | --- | --- | --- |
/// | true | true | dialing |
/// | true | false | enabled but not dialing |
/// | false | any | paused |
public enum RunState: String, Codable, Hashable, Sendable, CustomStringConvertible {
    case dialing
    case enabledNotDialing = "enabled but not dialing"
    case paused
    /// Enabled, and the answer carried no `call_status`.
    case enabledUnknown = "enabled (dialer state unknown)"

    public init(enable: Bool, callStatus: Bool?) {
        switch (enable, callStatus) {
        case (false, _): self = .paused
        case (true, true?): self = .dialing
        case (true, false?): self = .enabledNotDialing
        case (true, nil): self = .enabledUnknown
        }
    }

    public var description: String { rawValue }
}
