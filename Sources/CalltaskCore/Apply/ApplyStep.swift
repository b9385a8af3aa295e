/// One call apply makes to a task's run state or configuration, in the order a plan shows them.
public enum ApplyStep: String, Codable, Hashable, Sendable, CustomStringConvertible {
    case pause
    case update
    case resume

    public var description: String { rawValue }
}

extension [ApplyStep] {
    /// `pause → update → resume`.
    public var arrowed: String { map(\.rawValue).joined(separator: " → ") }
}
