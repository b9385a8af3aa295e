public import CalltaskModels

/// A live task turned into the canonical model, with what the canonical model cannot hold.
public struct NormalizedTask: Sendable, Hashable {
    public var uuid: String
    public var name: String
    /// Canonical configuration (see `Canonical`), for comparing; nil fields are unknown (not returned
    /// by this GET).
    public var config: TaskConfig
    /// The same configuration in the order the platform returned it, for update bodies: a field the
    /// spec does not manage is sent back exactly as it was read (sets keep their order too).
    public var asRead: TaskConfig
    /// Run state: the operator's switch, top-level `enable` (seed 000's state table).
    public var enabled: Bool
    /// The dialer's own state, `new_task_extra.call_status` (never the top-level copy, which seed 000's
    /// example shows disagreeing with it); nil when the dialer copy carries none. Shown, never compared,
    /// never deciding a step.
    public var callStatus: Bool?
    /// `da_status` strings read back that no code writes: call loss (呼损) or unknown strings. Verbatim.
    public var uncodedRedialStatuses: [String]
    /// Fields on which `task_extras` (local copy) and `new_task_extra` (dialer copy) disagree.
    public var disagreements: Set<String>
    /// `new_task_extra` is empty: seed 000 says the task is abnormal (delete and recreate it).
    public var abnormal: Bool
    public var alterDatetime: String?
}
