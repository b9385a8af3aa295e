import CalltaskModels
import CalltaskYAML

/// `work_week` holds weekdays 0..6 (0 = Sunday), each at most once.
enum WorkWeekRule {
    static func check(_ spec: LoadedSpec) -> [Diagnostic] {
        guard let days = spec.extras?.workWeek else { return [] }
        var out: [Diagnostic] = []
        var seen: Set<Int> = []
        for (index, day) in days.enumerated() {
            let path = FieldPath.extras(.workWeek).appending(index: index)
            if !(0...6).contains(day) {
                out.append(spec.error(path, "\(day) is not a weekday; expected 0 (Sunday) to 6 (Saturday)"))
            } else if !seen.insert(day).inserted {
                out.append(spec.error(path, "weekday \(day) is listed twice", hint: "remove the repeat"))
            }
        }
        return out
    }
}
