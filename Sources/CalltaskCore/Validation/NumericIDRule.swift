import CalltaskModels
import CalltaskYAML

/// Ids the update call takes as numbers (script groups, time groups, rules...) must be numbers in a
/// spec, and not negative (the platform numbers its records from 0 up; 0 means unset for some). The
/// models keep non-numeric text from GET answers verbatim; a spec may not write it. A string of digits
/// is an id (docs/fields.md A2).
enum NumericIDRule {
    static func check(_ spec: LoadedSpec) -> [Diagnostic] {
        let config = spec.spec.config
        var ids: [(FieldPath, LenientInt?)] = [
            (.top(.destinationExtension), config.destinationExtension), (.top(.dialTimeId), config.dialTimeId),
            (.top(.backgroundId), config.backgroundId), (.top(.bridgeGroupId), config.bridgeGroupId),
            (.top(.autoRecycleRuleId), config.autoRecycleRuleId), (.top(.llmIntentionId), config.llmIntentionId),
            (.top(.scoreSchemeId), config.scoreSchemeId),
        ]
        for (index, rule) in (config.groupSwitchRule ?? []).enumerated() {
            let base = FieldPath.top(.groupSwitchRule).appending(index: index)
            ids += [(base.appending("group_id"), rule.groupId), (base.appending("default_group_id"), rule.defaultGroupId)]
        }
        for (index, rule) in (config.newCallRules ?? []).enumerated() {
            ids.append((FieldPath.top(.newCallRules).appending(index: index).appending("rule_id"), rule.ruleId))
        }
        let extras = config.taskExtras
        for (index, slice) in (extras?.destinationExtensionList ?? []).enumerated() {
            ids.append((FieldPath.extras(.destinationExtensionList).appending(index: index).appending("destination_extension"), slice.destinationExtension))
        }
        for (index, rule) in (extras?.destinationExtensionWithVariableList ?? []).enumerated() {
            ids.append((FieldPath.extras(.destinationExtensionWithVariableList).appending(index: index).appending("destination_extension"), rule.destinationExtension))
        }
        for (index, entry) in (extras?.destinationExtensionMultiConfig?.list ?? []).enumerated() {
            ids.append((FieldPath.extras(.destinationExtensionMultiConfig).appending("list").appending(index: index).appending("destination_extension"), entry.destinationExtension))
        }
        return ids.compactMap { path, id in
            guard let id else { return nil }
            if let text = id.text {
                return spec.error(path, "expected a number, found the text '\(text)'", hint: "ids are numbers; write the id without letters")
            }
            if id.value < 0 {
                return spec.error(path, "\(id.value) is not an id: ids are 0 or more")
            }
            return nil
        }
    }
}
