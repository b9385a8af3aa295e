/// One task as a YAML spec describes it: the configuration to hold, plus the task's identity and an
/// optional desired run state.
///
/// The keys are the update call's own field names (seed 001) plus `uuid` and `enable`, all at the top
/// level of one YAML document.
public struct TaskSpec: Hashable, Sendable, Codable {
    /// The task's id on the platform. Without it the spec matches the task with exactly its `name`.
    public var uuid: String?
    /// Desired run state (top-level `enable`); `nil` leaves the run state alone.
    public var enable: Bool?
    public var config: TaskConfig

    public init(uuid: String? = nil, enable: Bool? = nil, config: TaskConfig) {
        self.uuid = uuid
        self.enable = enable
        self.config = config
    }

    private enum CodingKeys: String, CodingKey { case uuid, enable }

    /// Every top-level key a spec may hold.
    public static var topLevelKeys: [String] {
        ["uuid", "enable"] + TaskConfig.CodingKeys.allCases.map(\.rawValue)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        uuid = try container.decodeIfPresent(String.self, forKey: .uuid)
        // A spec (`SpecInput`) writes `true` or `false`; the leniency is for other callers' JSON.
        enable = decoder.isSpecInput
            ? try container.decodeIfPresent(Bool.self, forKey: .enable)
            : try container.decodeIfPresent(LenientBool.self, forKey: .enable)?.value
        config = try TaskConfig(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(uuid, forKey: .uuid)
        try container.encodeIfPresent(enable, forKey: .enable)
        try config.encode(to: encoder)
    }

    /// How the spec names its task in messages: its name, else its uuid.
    public var displayName: String { config.name ?? uuid ?? "(unnamed task)" }
}
