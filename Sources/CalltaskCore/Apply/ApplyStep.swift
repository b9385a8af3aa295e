/// One call apply makes to a task's run state or configuration, in the order a plan shows them.
public enum ApplyStep: String, Codable, Hashable, Sendable, CustomStringConvertible {
    /// The create call (a spec no live task matches), then a lookup of the new task by name.
    case create
    case pause
    case update
    case resume

    public var description: String { rawValue }
}

extension [ApplyStep] {
    /// `pause → update → resume`.
    public var arrowed: String { map(\.rawValue).joined(separator: " → ") }
}
