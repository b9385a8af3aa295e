public import CalltaskModels

/// The order apply takes tasks in: those whose per-line concurrency goes down first, since lines are
/// shared between tasks and capped (seed 001, note 5); then the rest, in plan order.
public enum ApplyOrder {
    public static func order(_ tasks: [TaskPlan]) -> [TaskPlan] {
        let indexed = tasks.enumerated().map { (offset: $0.offset, task: $0.element, delta: perLineDelta($0.element)) }
        return indexed.sorted { a, b in
            let aDown = a.delta < 0
            let bDown = b.delta < 0
            if aDown != bDown { return aDown }
            return a.offset < b.offset
        }.map(\.task)
    }

    /// Desired minus live per-line concurrency (maximumcall / number of lines), when the plan changes it.
    static func perLineDelta(_ task: TaskPlan) -> Int {
        guard let change = task.changes.first(where: { $0.path == "maximumcall" }),
              case .int(let old)? = change.old, case .int(let new)? = change.new else { return 0 }
        let lines = max(1, task.desired.taskExtras?.line?.count ?? 1)
        return new / lines - old / lines
    }
}
