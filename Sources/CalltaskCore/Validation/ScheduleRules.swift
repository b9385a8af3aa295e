import CalltaskModels
import CalltaskYAML

/// Dates and daily windows: `start_time` before `stop_time` in `YYYY-MM-DD HH:MM:SS`; holidays
/// `YYYY-MM-DD HH:MM` with start before end, the start written once; `HH:MM` windows with begin before
/// end and no overlap within a day (`work_hour` per weekday, time-sliced scripts, `group_switch_rule`);
/// weekdays 0..6; `interval_time` not negative; old 2.0 redial times `HH:MM:SS` within the redial hours.
enum ScheduleRules {
    static func check(_ spec: LoadedSpec) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let extras = spec.extras
        var start: String?
        var stop: String?
        if let value = extras?.startTime {
            if DateText.isDateTime(value) { start = value } else {
                out.append(spec.error(.extras(.startTime), "'\(value)' is not a date and time in the form YYYY-MM-DD HH:MM:SS",
                                      hint: "write it like \"2026-03-01 09:00:00\""))
            }
        }
        if let value = extras?.stopTime {
            if DateText.isDateTime(value) { stop = value } else {
                out.append(spec.error(.extras(.stopTime), "'\(value)' is not a date and time in the form YYYY-MM-DD HH:MM:SS",
                                      hint: "write it like \"2026-12-31 21:00:00\""))
            }
        }
        if let start, let stop, start >= stop {
            out.append(spec.error(.extras(.stopTime), "stop_time \(stop) is not after start_time \(start)"))
        }
        for (index, holiday) in (extras?.holiday ?? []).enumerated() {
            let path = FieldPath.extras(.holiday).appending(index: index)
            var ok = true
            if spec.writes(spec.documentPath(path.appending("start"))), spec.writes(spec.documentPath(path.appending("begin"))) {
                out.append(spec.error(path.appending("begin"), "the holiday's start is written twice, as 'start' and as 'begin'",
                                      hint: "write one of them; calltask sends the start under both keys"))
            }
            for (key, value) in [("start", holiday.start), ("end", holiday.end)] where !DateText.isDateMinute(value) {
                let written = spec.writes(spec.documentPath(path.appending("begin"))) && key == "start" ? "begin" : key
                out.append(spec.error(path.appending(written), "'\(value)' is not a date and time in the form YYYY-MM-DD HH:MM",
                                      hint: "write it like \"2026-10-01 00:00\""))
                ok = false
            }
            if ok, holiday.start >= holiday.end {
                out.append(spec.error(path.appending("end"), "holiday end \(holiday.end) is not after its start \(holiday.start)"))
            }
        }
        if let interval = extras?.intervalTime, interval < 0 {
            out.append(spec.error(.extras(.intervalTime), "\(interval) is below the minimum of 0"))
        }
        if let hours = extras?.workHour {
            for (index, hour) in hours.enumerated() where hour.wday.text != nil || !(0...6).contains(hour.wday.value) {
                out.append(spec.error(FieldPath.extras(.workHour).appending(index: index).appending("wday"),
                                      "\(hour.wday.text.map { "'\($0)'" } ?? String(hour.wday.value)) is not a weekday; expected 0 (Sunday) to 6 (Saturday)"))
            }
            out += windows(hours.enumerated().map { (index: $0.offset, day: $0.element.wday.value, begin: $0.element.begin, end: $0.element.end) },
                           base: .extras(.workHour), beginKey: "begin", endKey: "end", spec: spec)
        }
        if let slices = extras?.destinationExtensionList {
            out += windows(slices.enumerated().map { (index: $0.offset, day: 0, begin: $0.element.begin, end: $0.element.end) },
                           base: .extras(.destinationExtensionList), beginKey: "begin", endKey: "end", spec: spec)
        }
        if let rules = spec.spec.config.groupSwitchRule {
            out += windows(rules.enumerated().map { (index: $0.offset, day: 0, begin: $0.element.switchStart, end: $0.element.switchEnd) },
                           base: .top(.groupSwitchRule), beginKey: "switch_start", endKey: "switch_end", spec: spec)
        }
        for (index, rule) in (spec.spec.config.newCallRules ?? []).enumerated() {
            let path = FieldPath.top(.newCallRules).appending(index: index)
            if !DateText.isTimeOfDayWithSeconds(rule.reCallTime) {
                out.append(spec.error(path.appending("re_call_time"), "'\(rule.reCallTime)' is not a time in the form HH:MM:SS",
                                      hint: "write it like \"10:00:00\""))
            } else if !RedialHours.contains(rule.reCallTime) {
                out.append(spec.error(path.appending("re_call_time"), "\(rule.reCallTime) is outside the redial hours 10:00:00-11:00:00 and 13:00:00-22:00:00",
                                      hint: "seed 001 gives re_call_time the ranges 10-11 and 13-22"))
            }
            if rule.callInterval < 1 {
                out.append(spec.error(path.appending("call_interval"), "\(rule.callInterval) is below the minimum of 1 minute"))
            }
        }
        return out
    }

    /// Begin before end, and no two windows of the same day overlapping.
    static func windows(
        _ items: [(index: Int, day: Int, begin: ClockTime, end: ClockTime)],
        base: FieldPath, beginKey: String, endKey: String, spec: LoadedSpec
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for item in items where item.begin >= item.end {
            out.append(spec.error(base.appending(index: item.index).appending(endKey),
                                  "the window \(item.begin)–\(item.end) ends before it begins",
                                  hint: "windows cannot cross midnight; split it into two"))
        }
        let valid = items.filter { $0.begin < $0.end }
        let byDay = Dictionary(grouping: valid, by: \.day)
        for (_, windows) in byDay {
            let sorted = windows.sorted { ($0.begin, $0.index) < ($1.begin, $1.index) }
            for (previous, next) in zip(sorted, sorted.dropFirst()) where next.begin < previous.end {
                let later = max(previous.index, next.index)
                let earlier = min(previous.index, next.index)
                let other = later == next.index ? previous : next
                let this = later == next.index ? next : previous
                out.append(spec.error(base.appending(index: later).appending(beginKey),
                                      "the window \(this.begin)–\(this.end) overlaps \(other.begin)–\(other.end) (item \(spec.documentIndex(earlier, in: base)))" + (base == .extras(.workHour) ? " on weekday \(this.day)" : "")))
            }
        }
        return out
    }
}

/// Shapes of date and time text.
///
/// Each shape is a fixed pattern (`9` a digit, anything else itself), matched byte by byte: every spec
/// has a start and a stop time, so this runs ten thousand times in a large plan.
enum DateText {
    /// `YYYY-MM-DD HH:MM:SS` with a real calendar date and time.
    static func isDateTime(_ text: String) -> Bool {
        guard let f = fields(text, "9999-99-99 99:99:99") else { return false }
        return isDate(year: f[0], month: f[1], day: f[2]) && f[3] < 24 && f[4] < 60 && f[5] < 60
    }

    /// `YYYY-MM-DD HH:MM`.
    static func isDateMinute(_ text: String) -> Bool {
        guard let f = fields(text, "9999-99-99 99:99") else { return false }
        return isDate(year: f[0], month: f[1], day: f[2]) && f[3] < 24 && f[4] < 60
    }

    /// `HH:MM:SS`.
    static func isTimeOfDayWithSeconds(_ text: String) -> Bool {
        guard let f = fields(text, "99:99:99") else { return false }
        return f[0] < 24 && f[1] < 60 && f[2] < 60
    }

    static func isDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// The numbers of `text` when it has exactly the shape of `pattern`, else nil.
    private static func fields(_ text: String, _ pattern: String) -> [Int]? {
        guard text.utf8.count == pattern.utf8.count else { return nil }
        var numbers: [Int] = []
        numbers.reserveCapacity(6)
        var current: Int?
        for (byte, expected) in zip(text.utf8, pattern.utf8) {
            if expected == UInt8(ascii: "9") {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                current = (current ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                guard byte == expected else { return nil }
                if let number = current { numbers.append(number) }
                current = nil
            }
        }
        if let number = current { numbers.append(number) }
        return numbers
    }
}

/// The hours an old 2.0 redial rule may run (seed 001, `new_call_rules.*.re_call_time`: "时间范围10-11
/// 13-22"). Our reading, an assumption (docs/rules.md): two closed ranges of clock time,
/// 10:00:00-11:00:00 and 13:00:00-22:00:00, both ends included.
enum RedialHours {
    /// Whether `HH:MM:SS` text (already checked) falls in one of the ranges.
    static func contains(_ text: String) -> Bool {
        let seconds = text.split(separator: ":").compactMap { Int($0) }
        guard seconds.count == 3 else { return false }
        let time = seconds[0] * 3600 + seconds[1] * 60 + seconds[2]
        return (10 * 3600...11 * 3600).contains(time) || (13 * 3600...22 * 3600).contains(time)
    }
}
