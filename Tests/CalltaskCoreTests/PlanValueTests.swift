@testable import CalltaskCore
import CalltaskModels
import Testing

/// Plan values are built directly from the models; they must be what the JSON form reads back as.
struct PlanValueTests {
    /// The value at `path` (`a` or `a.b`) of the configuration's JSON form.
    static func encoded(_ config: TaskConfig, at path: String) -> PlanValue? {
        var value: PlanValue? = PlanValue(encoding: config)
        for key in path.split(separator: ".").prefix(2) {
            guard case .object(let fields)? = value else { return nil }
            value = fields[String(key)]
        }
        return value
    }

    static var configs: [TaskConfig] {
        let full = FingerprintTests.fullConfig()
        var texts = full
        texts.destinationExtension = LenientInt(text: "XXXXX")
        texts.taskExtras?.workHour = [WorkHour(wday: -1, begin: ClockTime(minutes: 0), end: ClockTime(minutes: 1440))]
        texts.taskExtras?.line = [TaskLine(id: "only-id")]
        texts.taskExtras?.redialEnabled = false
        texts.elasticityType = false
        return [full, texts, TaskConfig()]
    }

    @Test("every field's plan value is its JSON form", arguments: configs.indices)
    func matchesJSON(_ index: Int) {
        let config = Self.configs[index]
        for field in FieldTable.fields where field.comparison != .redialStatuses {
            #expect(field.value(config) == Self.encoded(config, at: field.path), "\(field.path)")
        }
        let redial = FieldTable.fields.first { $0.comparison == .redialStatuses }
        #expect(redial?.value(config) == Self.encoded(config, at: "task_extras.redial_conditions"))
    }

    @Test("sorted and unique is what a set then a sort gives")
    func sortedUnique() {
        let samples: [[Int]] = [[], [3], [3, 3], [5, 1, 3, 1, 5, 0], Array((0..<50).map { ($0 * 37) % 11 })]
        for sample in samples {
            #expect(Canonical.sortedUnique(sample) == Array(Set(sample)).sorted())
        }
        let tied = [LenientInt(text: ""), LenientInt(0), LenientInt(text: ""), LenientInt(-1)]
        #expect(Canonical.sortedUnique(tied) == [LenientInt(-1), LenientInt(text: ""), LenientInt(0)])
    }
}
