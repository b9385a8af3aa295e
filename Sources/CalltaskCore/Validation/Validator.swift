import CalltaskModels
public import CalltaskYAML

/// Checks loaded specs against the rules the platform's docs state (seed 001) and those they imply.
///
/// Each rule lives in its own file under `Validation/` as a function of one spec (or of all specs for
/// cross-spec rules) returning diagnostics located through the spec's node tree.
public enum Validator {
    /// A rule over one spec.
    typealias Rule = @Sendable (LoadedSpec) -> [Diagnostic]

    static let rules: [Rule] = [
        RequiredFieldsRule.check,
        ScheduleRules.check,
        WorkWeekRule.check,
        RedialRules.check,
        ScriptRules.check,
        LineRules.check,
        ExclusiveOptionsRule.check,
        NumericIDRule.check,
    ]

    /// Every finding for every spec, plus cross-spec findings (the same task specified twice).
    public static func validate(_ specs: [LoadedSpec]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for spec in specs {
            for rule in rules {
                // A field whose value failed to decode already has its error; rules stay quiet about it.
                diagnostics += rule(spec).filter { finding in
                    !spec.removedPaths.contains { finding.path.components.starts(with: $0.components) }
                }
            }
        }
        diagnostics += DuplicateTaskRule.check(specs)
        return diagnostics
    }
}

extension LoadedSpec {
    /// A diagnostic at the value of `path`.
    func error(_ path: FieldPath, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location(of: path), path: path, message, hint: hint)
    }

    func warning(_ path: FieldPath, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location(of: path), path: path, message, hint: hint)
    }

    var extras: TaskExtras? { spec.config.taskExtras }

    /// The flavour: `task_type` when set, else inferred from the shape of `line` (objects mean new 2.0).
    var flavour: TaskType? {
        if let type = spec.config.taskType { return type }
        guard let lines = extras?.line, !lines.isEmpty else { return nil }
        return lines.allSatisfy { $0.limit != nil } ? .newV2 : lines.allSatisfy { $0.limit == nil } ? .v2 : nil
    }
}

/// `task_extras` paths.
extension FieldPath {
    static func extras(_ key: TaskExtras.CodingKeys) -> FieldPath { FieldPath(keys: "task_extras", key.rawValue) }
    static func top(_ key: TaskConfig.CodingKeys) -> FieldPath { FieldPath(keys: key.rawValue) }
}
