/// Dates and times in the forms the update call's docs write them (seed 001), checked as a server that
/// parses them would.
enum DocDate {
    /// The seconds since midnight of `HH:MM:SS` (001:919), or nil.
    static func secondsOfDay(_ text: String) -> Int? {
        guard let parts = numbers(text, separators: [":", ":"], widths: [2, 2, 2]),
              parts[0] < 24, parts[1] < 60, parts[2] < 60 else { return nil }
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    }
    /// The numbers of `text` split at exactly these separators, each of `width` ASCII digits (a negative
    /// width: 1 up to that many), or nil.
    private static func numbers(_ text: String, separators: [Character], widths: [Int]) -> [Int]? {
        var fields: [Substring] = []
        var rest = Substring(text)
        for separator in separators {
            guard let index = rest.firstIndex(of: separator) else { return nil }
            fields.append(rest[..<index])
            rest = rest[rest.index(after: index)...]
        }
        fields.append(rest)
        var out: [Int] = []
        for (field, width) in zip(fields, widths) {
            let count = field.count
            guard width > 0 ? count == width : (1...(-width)).contains(count),
                  field.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(field) else { return nil }
            out.append(value)
        }
        return out
    }
}
