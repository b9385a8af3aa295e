import CalltaskModels
import CalltaskYAML

/// The same task (by uuid, or by name when it has no uuid) specified twice is an error naming both places.
enum DuplicateTaskRule {
    static func check(_ specs: [LoadedSpec]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Positions, not copies: a spec is a large value.
        var byUUID: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for (index, spec) in specs.enumerated() {
            if let uuid = spec.spec.uuid {
                if let first = byUUID[uuid] {
                    out.append(duplicate(spec, first: specs[first], key: "uuid", value: uuid))
                } else {
                    byUUID[uuid] = index
                }
            } else if let name = spec.spec.config.name {
                if let first = byName[name] {
                    out.append(duplicate(spec, first: specs[first], key: "name", value: name))
                } else {
                    byName[name] = index
                }
            }
        }
        return out
    }

    private static func duplicate(_ spec: LoadedSpec, first: LoadedSpec, key: String, value: String) -> Diagnostic {
        let path = FieldPath(keys: key)
        return Diagnostic(at: spec.location(of: path), path: path, "task '\(value)' is specified twice",
                          hint: "keep one spec per task",
                          notes: [.init(location: first.location(of: path), message: "first specified here")])
    }
}
