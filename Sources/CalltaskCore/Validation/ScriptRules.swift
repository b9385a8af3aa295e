import CalltaskModels
import CalltaskYAML

/// Script selection (seed 001): `is_group_switch` 1 needs time slices, 2 needs the variable list, 3 the
/// multi-config; at most 100 variable rules, each with 1..10 distinct values.
enum ScriptRules {
    static func check(_ spec: LoadedSpec) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let config = spec.spec.config
        let extras = config.taskExtras
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
                for (valueIndex, value) in rule.values.enumerated() where !seen.insert(value).inserted {
                    out.append(spec.error(path.appending(index: valueIndex), "the value '\(value)' is listed twice in this rule",
                                          hint: "values of one rule must be distinct"))
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
