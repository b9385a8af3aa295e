/// Decides whether a saved plan may still be applied.
///
/// A saved plan is applied only if it was made for the same account, from the same spec files, and
/// every task it changes has the same live fingerprint now as when it was made (design.md: stale
/// plans are refused, whole).
public enum SavedPlanCheck {
    public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        case otherAccount(planned: String, now: String)
        /// The spec files differ: by name when the saved plan lists its files (format 2).
        case specsChanged(changed: [String], added: [String], removed: [String])
        case stale(tasks: [String])

        public var description: String {
            switch self {
            case .otherAccount(let planned, let now):
                return "the plan was made for \(planned), not \(now). Nothing was applied."
            case .specsChanged(let changed, let added, let removed):
                // `missing`: in the plan, not among the specs now (deleted, or not named on the command line).
                let parts = [("changed", changed), ("new", added), ("missing", removed)].filter { !$0.1.isEmpty }
                    .map { "\($0.0): " + $0.1.joined(separator: ", ") }
                let which = parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
                return "the spec files changed since the plan was made\(which). Nothing was applied; plan again."
            case .stale(let tasks):
                return "the plan is stale: " + tasks.joined(separator: ", ") + " changed since it was made. Nothing was applied; plan again."
            }
        }
    }

    /// - Parameters:
    ///   - saved: the plan read from the file.
    ///   - fresh: a plan made now from the same specs (its fingerprints are the live state now).
    ///   - specHash: the hash of the spec files now. Which files differ is told from `saved.specFiles`
    ///     and `fresh.specFiles` (the files now).
    public static func check(_ saved: Plan, fresh: Plan, specHash: String) -> Result<Plan, Refusal> {
        guard saved.account == fresh.account else { return .failure(.otherAccount(planned: saved.account, now: fresh.account)) }
        guard saved.specHash == specHash else {
            let (changed, added, removed) = SpecFileDigest.differences(from: saved.specFiles, to: fresh.specFiles)
            return .failure(.specsChanged(changed: changed, added: added, removed: removed))
        }
        var now: [String: String] = [:]
        for task in fresh.tasks { now[task.uuid] = task.fingerprint }
        var stale = saved.toUpdate.filter { now[$0.uuid] != $0.fingerprint }.map { "\($0.name) (\($0.uuid))" }
        // A create is stale once a task of its name exists (it would make a second one).
        let creates = Set(fresh.toCreate.map(\.name))
        stale += saved.toCreate.filter { !creates.contains($0.name) }.map { "\($0.name) (a task of this name now exists)" }
        return stale.isEmpty ? .success(saved) : .failure(.stale(tasks: stale))
    }
}
