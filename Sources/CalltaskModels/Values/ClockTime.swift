/// A time of day, `HH:MM`, as used by work hours and time-sliced scripts.
///
/// `9:00` and `09:00` decode to the same value (the platform and people write both); it is always
/// encoded as `HH:MM`. `24:00` is accepted as the end of a day. The platform's JSON may add `:00`
/// seconds (`09:00:00`); a spec (`SpecInput`) may not.
public struct ClockTime: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Minutes since midnight, 0...1440.
    public var minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    public init?(_ text: String) {
        // H:MM or HH:MM, optionally with ":00" seconds; ASCII digits only. Read as bytes, without
        // splitting into substrings: every work hour and timed script has two of these.
        var values = (0, 0, 0)
        var lengths = (0, 0, 0)
        var field = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") {
                guard field < 2 else { return nil }
                field += 1
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            // No field has more than two digits; stopping here also keeps a long run of digits from
            // overflowing (found by FuzzListPage).
            let length = field == 0 ? lengths.0 : field == 1 ? lengths.1 : lengths.2
            guard length < 2 else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch field {
            case 0: values.0 = values.0 * 10 + digit; lengths.0 += 1
            case 1: values.1 = values.1 * 10 + digit; lengths.1 += 1
            default: values.2 = values.2 * 10 + digit; lengths.2 += 1
            }
        }
        guard field >= 1, (1...2).contains(lengths.0), lengths.1 == 2 else { return nil }
        if field == 2 {
            guard lengths.2 == 2, values.2 == 0 else { return nil }
        }
        let (hour, minute) = (values.0, values.1)
        guard hour <= 24, minute <= 59, hour < 24 || minute == 0 else { return nil }
        minutes = hour * 60 + minute
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = ClockTime(text) else {
            throw DecodingHint.dataCorrupted(in: container, "expected a time of day HH:MM, found '\(text)'", hint: "write it like \"09:30\"")
        }
        // The platform's JSON may add `:00` seconds; a spec (`SpecInput`) writes HH:MM.
        if text.utf8.count > 5, text.utf8.filter({ $0 == UInt8(ascii: ":") }).count == 2, decoder.isSpecInput {
            throw DecodingHint.dataCorrupted(
                in: container, "expected a time of day HH:MM, found '\(text)'", hint: "leave out the seconds: \"\(time)\"")
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
