import CalltaskModels
import CalltaskYAML

/// Redial limits from seed 001: `redial_interval` at most 60 minutes, `redial_max_times` at most 3;
/// `da_status` codes without repeats.
enum RedialRules {
    static func check(_ spec: LoadedSpec) -> [Diagnostic] {
        guard let extras = spec.extras else { return [] }
        var out: [Diagnostic] = []
        if let interval = extras.redialInterval {
            if interval > 60 {
                out.append(spec.error(.extras(.redialInterval), "\(interval) is above the maximum of 60 minutes"))
            } else if interval < 1 {
                out.append(spec.error(.extras(.redialInterval), "\(interval) is below the minimum of 1 minute"))
            }
        }
        if let times = extras.redialMaxTimes {
            if times > 3 {
                out.append(spec.error(.extras(.redialMaxTimes), "\(times) is above the maximum of 3 redials"))
            } else if times < 1 {
                out.append(spec.error(.extras(.redialMaxTimes), "\(times) is below the minimum of 1 redial"))
            }
        }
        if let statuses = extras.redialConditions?.daStatus {
            var seen: Set<RedialStatus> = []
            let base = FieldPath.extras(.redialConditions).appending("da_status")
            for (index, status) in statuses.enumerated() where !seen.insert(status).inserted {
                out.append(spec.warning(base.appending(index: index), "\(status.name) (\(status.rawValue)) is listed twice"))
            }
        }
        return out
    }
}
