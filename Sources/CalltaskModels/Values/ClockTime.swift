/// A time of day, `HH:MM`, as used by work hours and time-sliced scripts.
///
/// `9:00` and `09:00` decode to the same value (the platform and people write both); it is always
/// encoded as `HH:MM`. `24:00` is accepted as the end of a day.
public struct ClockTime: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Minutes since midnight, 0...1440.
    public var minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
              (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0
        else { return nil }
        if parts.count == 3 {
            guard parts[2] == "00" else { return nil }
        }
        minutes = hour * 60 + minute
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = ClockTime(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a time of day HH:MM, found '\(text)'\u{1F}write it like \"09:30\"")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}
