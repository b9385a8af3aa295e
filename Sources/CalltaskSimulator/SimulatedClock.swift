/// The simulator's clock: it moves one second per change, so `alter_datetime` is strictly increasing
/// and tests are deterministic.
///
/// It starts one second after the latest `alter_datetime` of the stored tasks (or at 2026-03-01
/// 10:00:00, whichever is later). Times are `YYYY-MM-DD HH:MM:SS` (seed 000), in no particular zone.
struct SimulatedClock: Sendable {
    /// Seconds since 1970-01-01 00:00:00.
    private(set) var seconds: Int

    static let start = "2026-03-01 10:00:00"

    init(after times: [String]) {
        let latest = times.compactMap(Self.parse).max() ?? 0
        seconds = max(Self.parse(Self.start) ?? 0, latest)
    }

    /// The current time, formatted.
    var now: String { Self.format(seconds) }

    /// Moves on one second and returns the new time.
    mutating func tick() -> String {
        seconds += 1
        return now
    }

    /// `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD HH:MM`) → seconds; `nil` if it is not such a time.
    static func parse(_ text: String) -> Int? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).map { Int($0) }
        guard parts.count == 5 || parts.count == 6, !parts.contains(nil) else { return nil }
        let numbers = parts.compactMap { $0 }
        let (year, month, day) = (numbers[0], numbers[1], numbers[2])
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let second = numbers.count == 6 ? numbers[5] : 0
        return daysFromCivil(year: year, month: month, day: day) * 86_400 + numbers[3] * 3600 + numbers[4] * 60 + second
    }

    /// Seconds → `YYYY-MM-DD HH:MM:SS`.
    static func format(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (year, month, day) = civilFromDays(days)
        func pad(_ value: Int, _ width: Int = 2) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month))-\(pad(day)) \(pad(rest / 3600)):\(pad(rest / 60 % 60)):\(pad(rest % 60))"
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
