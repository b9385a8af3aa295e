/// A difference an update makes that the spec did not ask for: the update body is the whole task as
/// read with the spec's fields laid over it, and the platform reads some of it back differently.
public struct SideEffect: Codable, Hashable, Sendable {
    /// The field, e.g. `task_extras.work_hour`; `(local copy)` is appended when only the local copy
    /// (`task_extras`) changes.
    public var path: String
    public var old: PlanValue?
    /// The predicted value, or nil when the platform decides (`platformDecides`).
    public var new: PlanValue?
    /// Why it happens, citing a seed line or an A-numbered assumption in docs/fields.md.
    public var reason: String
    /// The docs do not settle what the platform reports afterwards: shown, never predicted.
    public var platformDecides: Bool
    /// Information the platform had is lost (a warning).
    public var losesInformation: Bool

    public init(path: String, old: PlanValue?, new: PlanValue?, reason: String, platformDecides: Bool = false, losesInformation: Bool = false) {
        self.path = path
        self.old = old
        self.new = new
        self.reason = reason
        self.platformDecides = platformDecides
        self.losesInformation = losesInformation
    }

    enum CodingKeys: String, CodingKey {
        case path, old, new, reason
        case platformDecides = "platform_decides"
        case losesInformation = "loses_information"
    }
}
