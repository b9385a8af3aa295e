/// Dates and times in the forms the update call's docs write them (seed 001), checked as a server that
/// parses them would: a real calendar date, hours 0-23.
enum DocDate {
    /// `2024-12-23 19:00:00` (the examples, 001:41) or `2024/11/1 13:25` (the tables, 001:554).
    static func isDateTime(_ text: String) -> Bool {
        if let parts = numbers(text, separators: ["-", "-", " ", ":", ":"], widths: [4, 2, 2, 2, 2, 2]) {
            return isDate(parts[0], parts[1], parts[2]) && parts[3] < 24 && parts[4] < 60 && parts[5] < 60
        }
        if let parts = numbers(text, separators: ["/", "/", " ", ":"], widths: [4, -2, -2, -2, 2]) {
            return isDate(parts[0], parts[1], parts[2]) && parts[3] < 24 && parts[4] < 60
        }
        return false
    }

    /// `2024-12-23 19:00:00` and no other form: the create call's docs write `YYYY-MM-DD HH:MM:SS`
    /// (facts §2.2) and show no other.
    static func isDashedDateTime(_ text: String) -> Bool {
        guard let parts = numbers(text, separators: ["-", "-", " ", ":", ":"], widths: [4, 2, 2, 2, 2, 2]) else { return false }
        return isDate(parts[0], parts[1], parts[2]) && parts[3] < 24 && parts[4] < 60 && parts[5] < 60
    }

    /// `2024-11-01 13:25`, the holiday bounds (001:556-557, 001:609-610).
    static func isDateMinute(_ text: String) -> Bool {
        guard let parts = numbers(text, separators: ["-", "-", " ", ":"], widths: [4, 2, 2, 2, 2]) else { return false }
        return isDate(parts[0], parts[1], parts[2]) && parts[3] < 24 && parts[4] < 60
    }

    /// The seconds since midnight of `HH:MM:SS` (001:919), or nil.
    static func secondsOfDay(_ text: String) -> Int? {
        guard let parts = numbers(text, separators: [":", ":"], widths: [2, 2, 2]),
              parts[0] < 24, parts[1] < 60, parts[2] < 60 else { return nil }
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    }

    private static func isDate(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
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
