import CalltaskModels
import Foundation

/// Renders `calltask show`: text for people, JSON for tools.
public enum ShowRenderer {
    /// Per task: a header, the run state, the counters, then the spec export would write.
    public static func text(_ report: ShowReport, style: TerminalStyle = .plain) -> String {
        report.tasks.map { text($0, style: style) }.joined(separator: "\n")
    }

    static func text(_ task: TaskShow, style: TerminalStyle) -> String {
        var out = style.bold(task.name) + " (\(task.uuid))\n"
        let callStatus = task.callStatus.map(String.init) ?? "not sent"
        out += "  run state: \(task.runState) (enable: \(task.enable), call_status: \(callStatus)"
        out += (task.statusText.map { "; platform: \($0)" } ?? "") + ")\n"
        if !task.taskCause.isEmpty { out += "  task_cause: " + task.taskCause.joined(separator: "; ") + "\n" }
        var counters: [String] = []
        if let count = task.counters.numberCount { counters.append("number_count \(count)") }
        if let count = task.counters.cacheNumberCount { counters.append("cache_number_count \(count)") }
        out += "  counters: " + (counters.isEmpty ? "none sent" : counters.joined(separator: ", ")) + "\n"
        for line in task.counters.lines {
            let label = [line.lineID, line.lineName.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            let values = line.counters.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            out += "    line \(label.isEmpty ? "?" : label): \(values.isEmpty ? "no counters" : values)\n"
        }
        for warning in task.warnings { out += "  " + style.yellow("warning: ") + warning + "\n" }
        if let spec = task.spec {
            out += "  spec (as 'calltask export' writes it" + (task.fileName.map { ", to \($0)" } ?? "") + "):\n\n"
            out += spec.hasSuffix("\n") ? spec : spec + "\n"
        }
        return out
    }

    /// `format_version: 1`, `account`, `tasks[]` (see `TaskShow`), pretty-printed with sorted keys.
    public static func json(_ report: ShowReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
