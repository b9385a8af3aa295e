/// The dialer's own state, `call_status`: whether the task is dialling at a given time.
///
/// Seed 000 gives the task's status from `enable` and `new_task_extra.call_status` (true/true: 任务拨打中,
/// dialling; true/false and false/false: 任务暂停中) but never says when the dialer dials. Our reading,
/// the stricter one: only while the task is enabled and inside its working time, by the dialer's clock:
/// - between `start_time` and `stop_time` (seed 000 example, 000:206 and 000:268);
/// - on a weekday in `work_week` (0 = Sunday, 000:259) and inside a `work_hour` window of that weekday
///   (`wday`, `begin`, `end`, 000:207-258; `wday: -1` means every working day, facts §2.6);
/// - not inside a `holiday` (`start`/`begin` to `end`, facts §2.6).
/// The dialer copy (`new_task_extra`) is read first, the local copy (`task_extras`) for what it lacks.
/// A task without a dialer copy is abnormal and never dials. The docs are silent on whether `end` is
/// inclusive: a window is taken as [begin, end).
enum DialerState {
    /// Whether the task in `record` dials at `seconds` (the simulated clock's seconds since 1970).
    static func isDialing(_ record: JSONValue, at seconds: Int) -> Bool {
        guard record["enable"]?.boolValue == true, let dialer = record["new_task_extra"], dialer.objectValue?.isEmpty == false else {
            return false
        }
        let local = record["task_extras"]
        func field(_ key: String) -> JSONValue? { dialer[key] ?? local?[key] }
        if let start = field("start_time")?.stringValue.flatMap(SimulatedClock.parse), seconds < start { return false }
        if let stop = field("stop_time")?.stringValue.flatMap(SimulatedClock.parse), seconds > stop { return false }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let weekday = ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday (4)
        let minute = (seconds - days * 86_400) / 60
        if let week = field("work_week")?.arrayValue {
            guard week.contains(where: { $0.intValue == weekday }) else { return false }
        }
        if let hours = field("work_hour")?.arrayValue {
            let inside = hours.contains { window in
                guard let wday = window["wday"]?.intValue, wday == weekday || wday == -1,
                      let begin = window["begin"]?.stringValue.flatMap(Self.minutes),
                      let end = window["end"]?.stringValue.flatMap(Self.minutes) else { return false }
                return begin <= minute && minute < end
            }
            guard inside else { return false }
        }
        for holiday in field("holiday")?.arrayValue ?? [] {
            let from = (holiday["start"] ?? holiday["begin"])?.stringValue.flatMap(SimulatedClock.parse)
            let to = holiday["end"]?.stringValue.flatMap(SimulatedClock.parse)
            if let from, let to, from <= seconds, seconds <= to { return false }
        }
        return true
    }

    /// `HH:MM` or `HH:MM:SS` → minutes since midnight.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":").map { Int($0) }
        guard parts.count == 2 || parts.count == 3, let hour = parts[0], let minute = parts[1],
              (0...24).contains(hour), (0...59).contains(minute) else { return nil }
        return hour * 60 + minute
    }
}
