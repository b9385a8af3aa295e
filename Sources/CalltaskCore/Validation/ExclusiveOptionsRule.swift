import CalltaskModels
import CalltaskYAML

/// `end_action` cannot be on together with elastic seats `elasticity_type` (seed 001).
enum ExclusiveOptionsRule {
    static func check(_ spec: LoadedSpec) -> [Diagnostic] {
        let config = spec.spec.config
        guard let action = config.endAction, action != .none, config.elasticityType?.value == true else { return [] }
        return [spec.error(.top(.endAction), "end_action \(action.name) cannot be used together with elasticity_type (elastic seats)",
                           hint: "set end_action: none or elasticity_type: false")]
    }
}
