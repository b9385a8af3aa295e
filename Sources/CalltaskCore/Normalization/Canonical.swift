public import CalltaskModels

/// The canonical form of a `TaskConfig`, applied to both sides before comparing, so that values that
/// mean the same compare equal.
///
/// - Sets: `work_week`, `work_hour` (as (wday, begin, end) triples), `line` (by id) and redial
///   `da_status` are sorted and de-duplicated; their order means nothing to the platform.
/// - Ordered lists (holidays, time slices, variable rules, multi-config) keep their order.
/// - Times are already canonical (`ClockTime` reads `9:00` and `09:00` alike); ids are `LenientInt`.
public enum Canonical {
    public static func canonicalize(_ config: TaskConfig) -> TaskConfig {
        var config = config
        guard var extras = config.taskExtras else { return config }
        if let week = extras.workWeek { extras.workWeek = Array(Set(week)).sorted() }
        if let hours = extras.workHour {
            extras.workHour = Array(Set(hours)).sorted { ($0.wday, $0.begin, $0.end) < ($1.wday, $1.begin, $1.end) }
        }
        if let lines = extras.line { extras.line = lines.sorted { $0.id < $1.id } }
        if let statuses = extras.redialConditions?.daStatus {
            extras.redialConditions = RedialConditions(daStatus: Array(Set(statuses)).sorted())
        }
        config.taskExtras = extras
        return config
    }
}
