import CalltaskModels
import CalltaskYAML

/// Lines and concurrency (seed 001, note 5): `maximumcall` is divided evenly over the lines, so it must
/// be a multiple of their number; a new 2.0 task's per-line `limit`s should add up to `maximumcall`.
/// The line shape must match the flavour: ids for old 2.0, `{id, limit}` for new 2.0. A line id is text
/// (seed 001: `"id": "d47c3599-…"`, string); `12345` unquoted is a number, as the JSON Schema reads it.
enum LineRules {
    /// An error when the line's id is written as a number (`- 12345`, `{id: 12345}`): the model reads
    /// a number there as text, so only the file tells.
    static func writtenAsNumber(_ line: TaskLine, at path: FieldPath, in spec: LoadedSpec) -> Diagnostic? {
        guard let first = line.id.utf8.first, first == UInt8(ascii: "-") || (first >= 48 && first <= 57),
              line.id.utf8.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let written = spec.documentPath(path)
        let idPath = spec.writes(written.appending("id")) ? written.appending("id") : written
        guard WrittenText.isPlain(idPath, in: spec) == true else { return nil }
        return Diagnostic(at: spec.location(of: idPath), path: idPath, "expected a line id (text), found the number \(line.id)",
                          hint: "line ids are text; quote it if it is the id: \"\(line.id)\"")
    }

    static func check(_ spec: LoadedSpec) -> [Diagnostic] {
        guard let lines = spec.extras?.line else { return [] }
        var out: [Diagnostic] = []
        let base = FieldPath.extras(.line)
        var seen: Set<String> = []
        for (index, line) in lines.enumerated() {
            if line.id.trimmingWhitespace.isEmpty {
                out.append(spec.error(base.appending(index: index), "a line id is empty"))
            } else if let number = writtenAsNumber(line, at: base.appending(index: index), in: spec) {
                out.append(number)
            } else if !seen.insert(line.id).inserted {
                out.append(spec.error(base.appending(index: index), "line \(line.id) is listed twice"))
            }
            if let limit = line.limit, limit < 1 {
                out.append(spec.error(base.appending(index: index).appending("limit"), "\(limit) is below the minimum of 1 concurrent call"))
            }
            switch spec.spec.config.taskType {
            case .newV2? where line.limit == nil:
                out.append(spec.error(base.appending(index: index), "a new 2.0 task (task_type 7) lists lines as {id, limit}",
                                      hint: "write '- {id: \(line.id), limit: 1}'"))
            case .v2? where line.limit != nil:
                out.append(spec.error(base.appending(index: index).appending("limit"), "an old 2.0 task (task_type 6) lists lines as ids, without a limit",
                                      hint: "write '- \(line.id)'"))
            default:
                break
            }
        }
        guard let maximum = spec.spec.config.maximumcall, !lines.isEmpty, maximum >= 1 else { return out }
        if maximum % lines.count != 0 {
            out.append(spec.error(.top(.maximumcall), "\(maximum) is not divisible by the number of lines (\(lines.count))",
                                  hint: "the platform splits maximumcall evenly over the lines; use a multiple of \(lines.count)"))
        }
        if spec.flavour == .newV2 {
            let limits = lines.compactMap(\.limit)
            // Limits come from the user: add them without trapping on overflow.
            var sum = 0
            var overflow = false
            for limit in limits {
                let (next, didOverflow) = sum.addingReportingOverflow(limit)
                sum = next
                overflow = overflow || didOverflow
            }
            if limits.count == lines.count, overflow {
                out.append(spec.warning(.top(.maximumcall), "the per-line limits add up to more than any number, not to maximumcall \(maximum)"))
            } else if limits.count == lines.count, sum != maximum {
                out.append(spec.warning(.top(.maximumcall), "the per-line limits add up to \(sum), not to maximumcall \(maximum)"))
            }
        }
        return out
    }
}
