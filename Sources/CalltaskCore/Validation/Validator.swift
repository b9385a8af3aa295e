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
                // Both are paths of the document (`LoadedSpec.error` restores a finding's).
                // Nor about a list item part of which failed to decode (its shape is then not what was
                // written: a refused `limit` must not also report the line as not `{id, limit}`).
                diagnostics += rule(spec).filter { finding in
                    !spec.removedPaths.contains { removed in
                        finding.path.components.starts(with: removed.components)
                            || (finding.path.components.last.map { if case .index = $0 { true } else { false } } == true
                                && removed.components.starts(with: finding.path.components))
                    }
                }
            }
        }
        diagnostics += DuplicateTaskRule.check(specs)
        return diagnostics
    }
}

extension LoadedSpec {
    /// A diagnostic at the value of `path` (a path of the decoded spec).
    func error(_ path: FieldPath, _ message: String, hint: String? = nil) -> Diagnostic {
        let path = documentPath(path)
        return Diagnostic(.error, at: location(of: path), path: path, message, hint: hint)
    }

    func warning(_ path: FieldPath, _ message: String, hint: String? = nil) -> Diagnostic {
        let path = documentPath(path)
        return Diagnostic(.warning, at: location(of: path), path: path, message, hint: hint)
    }

    /// A path of the decoded spec as a path of the document. They differ after a list item failed to
    /// decode: the spec's list lacks it, so later items have lower indexes there than where they are
    /// written (`removedPaths` are the document's paths).
    func documentPath(_ path: FieldPath) -> FieldPath {
        removedPaths.isEmpty ? path : path.restoringRemoved(removedPaths)
    }

    /// The index, in the document, of item `index` of the decoded spec's list at `list`.
    func documentIndex(_ index: Int, in list: FieldPath) -> Int {
        guard case .index(let written)? = documentPath(list.appending(index: index)).components.last else { return index }
        return written
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
