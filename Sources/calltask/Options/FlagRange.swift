import ArgumentParser

/// Out-of-range flag values are usage errors: `ValidationError` makes ArgumentParser print the message
/// with the usage and exit 64, before any file is read or any request sent.
enum FlagRange {
    /// Throws when `value` is given and outside `range`.
    static func check(_ value: Int?, _ range: ClosedRange<Int>, flag: String) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(flag) must be \(describe(range)), not \(value)")
    }

    /// Throws when `value` is given and outside `range` (or not a finite number).
    static func check(_ value: Double?, _ range: ClosedRange<Double>, flag: String) throws {
        guard let value, !(value.isFinite && range.contains(value)) else { return }
        throw ValidationError("\(flag) must be \(describe(range)), not \(number(value))")
    }

    /// Throws when `value` is given and negative.
    static func checkNotNegative(_ value: Int?, flag: String) throws {
        guard let value, value < 0 else { return }
        throw ValidationError("\(flag) must be 0 or more, not \(value)")
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        "\(range.lowerBound)…\(range.upperBound)"
    }

    private static func describe(_ range: ClosedRange<Double>) -> String {
        "\(number(range.lowerBound))…\(number(range.upperBound))"
    }

    /// `5` for 5.0, `0.1` for 0.1.
    private static func number(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
