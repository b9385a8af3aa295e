import CalltaskModels
import CalltaskYAML

/// The rules that span fields, checked at plan time on the update body (the spec laid over the live
/// task's detail), so that a spec that is valid alone but breaks a rule together with the live task's
/// values is a located error before any request that writes, not a 422 after a pause:
/// `pop_mode` on a new 2.0 task (by the live `task_type` when the spec leaves it out; seed 001
/// 新2.0必填), note 5's divisibility of `maximumcall` by the number of lines, `end_action` with
/// `elasticity_type`, and `is_group_switch` with the list it needs (docs/rules.md).
enum MergedBodyRules {
    static let rules: [Validator.Rule] = [RequiredFieldsRule.check, LineRules.check, ExclusiveOptionsRule.check, ScriptRules.check]

    /// Errors of `body` that the spec alone does not have, located in the spec.
    static func check(_ loaded: LoadedSpec, body: TaskConfig) -> [Diagnostic] {
        var merged = loaded
        merged.spec.config = body
        merged.removedPaths = []
        let alone = Set(rules.flatMap { $0(loaded) }.map { "\($0.path)\u{0}\($0.message)" })
        var out: [Diagnostic] = []
        for rule in rules {
            for finding in rule(merged) where finding.severity == .error && !alone.contains("\(finding.path)\u{0}\(finding.message)") {
                var located = finding
                located.message = "with the live task's values, which the update carries: " + finding.message
                out.append(located)
            }
        }
        return out
    }
}
