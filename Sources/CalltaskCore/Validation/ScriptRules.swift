import CalltaskModels
import CalltaskYAML

/// Script selection: `group_type` is `group` or `robot` (seed 000: 1.0话术:group 2.0话术:robot);
/// `is_group_switch` 2 needs the variable list (seed 001), 1 time slices and 3 the multi-config (our
/// rules); at most 100 variable rules, each with 1..10 distinct values (seed 001), none empty (ours).
enum ScriptRules {
    static let groupTypes = ["group", "robot"]

    static func check(_ spec: LoadedSpec) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let config = spec.spec.config
        let extras = config.taskExtras
        if let kind = config.groupType, !groupTypes.contains(kind) {
            let guess = Suggestion.closest(to: kind, in: groupTypes)
            out.append(spec.error(.top(.groupType), "'\(kind)' is not a valid group_type; expected group (1.0 scripts) or robot (2.0 scripts)",
                                  hint: guess.map { "did you mean '\($0)'?" }))
        }
        let variables = extras?.destinationExtensionWithVariableList
        if let variables {
            let base = FieldPath.extras(.destinationExtensionWithVariableList)
            if variables.count > 100 {
                out.append(spec.error(base, "\(variables.count) variable rules are above the maximum of 100"))
            }
            for (index, rule) in variables.enumerated() {
                let path = base.appending(index: index).appending("values")
                if rule.values.isEmpty {
                    out.append(spec.error(path, "a variable rule needs at least 1 value"))
                } else if rule.values.count > 10 {
                    out.append(spec.error(path, "\(rule.values.count) values are above the maximum of 10 per rule"))
                }
                var seen: Set<String> = []
                for (valueIndex, value) in rule.values.enumerated() {
                    if value.isEmpty {
                        out.append(spec.error(path.appending(index: valueIndex), "a variable rule's value is empty",
                                              hint: "write the keyword to match, or remove the entry"))
                    } else if !seen.insert(value).inserted {
                        out.append(spec.error(path.appending(index: valueIndex), "the value '\(value)' is listed twice in this rule",
                                              hint: "values of one rule must be distinct"))
                    }
                }
            }
        }
        guard let mode = config.isGroupSwitch else { return out }
        let modePath = FieldPath.top(.isGroupSwitch)
        switch mode {
        case .byTime:
            let slices = spec.flavour == .v2 ? config.groupSwitchRule?.count : extras?.destinationExtensionList?.count
            let key = spec.flavour == .v2 ? "group_switch_rule" : "task_extras.destination_extension_list"
            if (slices ?? 0) == 0 {
                out.append(spec.error(modePath, "is_group_switch by_time (1) needs time slices in '\(key)'",
                                      hint: "add at least one time slice, or use 'unified'"))
            }
        case .byVariable:
            if (variables?.count ?? 0) == 0 {
                out.append(spec.error(modePath, "is_group_switch by_variable (2) needs 'task_extras.destination_extension_with_variable_list'",
                                      hint: "add at least one variable rule, or use 'unified'"))
            }
        case .multi:
            if (extras?.destinationExtensionMultiConfig?.list.count ?? 0) == 0 {
                out.append(spec.error(modePath, "is_group_switch multi (3) needs 'task_extras.destination_extension_multi_config' with a list",
                                      hint: "add the script groups to dial, or use 'unified'"))
            }
        case .unified:
            break
        }
        return out
    }
}
