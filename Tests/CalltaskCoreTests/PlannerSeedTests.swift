import CalltaskCore
import CalltaskModels
import CalltaskYAML
import Foundation
import Testing

/// Planning the seed's PUT example against the seed's GET example, and the no-perpetual-diff cases.
struct PlannerSeedTests {
    static func modelsFixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../CalltaskModelsTests/Fixtures/\(name)").standardized
        return try Data(contentsOf: url)
    }

    static func seedLive() throws -> LiveTask {
        let envelope = try JSONDecoder().decode(Envelope<[LiveTask]>.self, from: modelsFixture("seed-000-list.json"))
        return try #require(envelope.data?.first)
    }

    static func spec(_ yaml: String) throws -> LoadedSpec {
        let result = SpecLoader.load([SourceFile(path: "t.yaml", text: yaml)])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.specs.first)
    }

    @Test("the seed's new 2.0 PUT example against the seed's GET example changes exactly the expected fields")
    func seedPutAgainstSeedGet() throws {
        let live = try Self.seedLive()
        let desired = try JSONDecoder().decode(TaskConfig.self, from: Self.modelsFixture("seed-001-new-v2-body.json"))
        let changes = Differ.diff(desired: Canonical.canonicalize(desired), live: Normalizer.normalize(live))
        let paths = changes.map(\.path)
        #expect(paths == [
            "task_type", "destination_extension", "is_group_switch", "group_switch_rule", "maximumcall", "dial_time_id",
            "background_id", "llm_intention_id", "score_scheme_id",
            "task_extras.start_time", "task_extras.stop_time", "task_extras.line", "task_extras.holiday",
            "task_extras.work_week", "task_extras.work_hour", "task_extras.destination_extension_list",
            "task_extras.destination_extension_with_variable_list", "task_extras.pop_mode",
            "task_extras.redial_conditions.da_status",
        ])
        // name, group_type, the redial flags (0 = false), interval and max times are equal: no change.
        let redial = try #require(changes.first { $0.path == "task_extras.redial_conditions.da_status" })
        let elements = try #require(redial.elements)
        #expect(!elements.contains { $0.kind == .added }, "codes 2,3,4,6,8,9 are read back; 12 is write-only and not compared")
        #expect(elements.contains { $0.kind == .removed && $0.old == .string("busy (call loss, no code)") },
                "call loss 'busy' is shown verbatim, not taken for code 8")
        #expect(elements.filter { $0.kind == .removed }.count == 8)
    }

    @Test("a spec with redial codes 11 or 12 plans as unchanged once applied")
    func writeOnlyCodes() throws {
        var live = LiveTask(uuid: "u")
        live.name = "x"
        var extras = LiveExtras()
        extras.redialConditions = [LiveRedialCondition(daStatus: ["not answer", "power off"])]  // codes 4 and 6 written with 11, 12
        live.newTaskExtra = extras
        let spec = try Self.spec("name: x\ntask_extras:\n  redial_conditions:\n    da_status: [no_answer, powered_off, blacklisted, 12]\n")
        let changes = Differ.diff(desired: Canonical.canonicalize(spec.spec.config), live: Normalizer.normalize(live))
        #expect(changes.isEmpty)
    }

    @Test("a live 'busy' (call loss) against a spec's code 8 shows as a change")
    func callLossBusy() throws {
        var live = LiveTask(uuid: "u")
        live.name = "x"
        var extras = LiveExtras()
        extras.redialConditions = [LiveRedialCondition(daStatus: ["busy"])]
        live.newTaskExtra = extras
        let spec = try Self.spec("name: x\ntask_extras:\n  redial_conditions:\n    da_status: [busy]\n")
        let changes = Differ.diff(desired: Canonical.canonicalize(spec.spec.config), live: Normalizer.normalize(live))
        let change = try #require(changes.first)
        #expect(change.elements == [ElementChange(kind: .removed, at: "", old: .string("busy (call loss, no code)")),
                                    ElementChange(kind: .added, at: "", new: .string("busy"))])
    }

    @Test("quirky live values equal their canonical spec values", arguments: [
        ("work_week: [5, 1, 3]", #"{"work_week": ["1", 3, 5]}"#),
        ("work_hour: [{wday: 1, begin: \"09:00\", end: \"12:00\"}]", #"{"work_hour": [{"wday": "1", "begin": "9:00", "end": "12:00"}]}"#),
        ("line: [{id: b, limit: 1}, {id: a, limit: 1}]", #"{"line": [{"id": "a", "limit": 1}, {"id": "b", "limit": "1"}]}"#),
        ("redial_enabled: true", #"{"redial_enabled": 1}"#),
        ("pop_mode: sequential", #"{"pop_mode": "1"}"#),
        ("redial_conditions: {da_status: [rejected]}", #"{"redial_conditions": [{"hangup_cause": null, "da_status": ["redial later", "not convenient"]}]}"#),
    ])
    func noPerpetualDiff(_ specExtras: String, _ liveExtras: String) throws {
        let spec = try Self.spec("name: x\ntask_extras:\n  \(specExtras)\n")
        let extras = try JSONDecoder().decode(LiveExtras.self, from: Data(liveExtras.utf8))
        var live = LiveTask(uuid: "u")
        live.name = "x"
        live.newTaskExtra = extras
        let changes = Differ.diff(desired: Canonical.canonicalize(spec.spec.config), live: Normalizer.normalize(live))
        #expect(changes.isEmpty, "\(changes)")
    }

    @Test("only fields the spec sets are compared")
    func partialManagement() throws {
        let live = try Self.seedLive()
        let spec = try Self.spec("name: 测试api接口创建-222\nmaximumcall: 1\n")
        #expect(Differ.diff(desired: Canonical.canonicalize(spec.spec.config), live: Normalizer.normalize(live)).isEmpty)
    }

    @Test("a list and a detail read of the same unchanged task have the same fingerprint")
    func fingerprintListVersusDetail() throws {
        var list = try Self.seedLive()
        var detail = list
        detail.newTaskExtra?.holiday = [Holiday(start: "2026-01-01 00:00", end: "2026-01-02 00:00")]
        list.newTaskExtra?.holiday = nil
        #expect(Fingerprint.of(Normalizer.normalize(list)) == Fingerprint.of(Normalizer.normalize(detail)))
        var moved = list
        moved.maximumcall = 9
        #expect(Fingerprint.of(Normalizer.normalize(list)) != Fingerprint.of(Normalizer.normalize(moved)))
    }

    @Test("the update body carries every live field and lays the spec's over them")
    func updateBody() throws {
        let live = Normalizer.normalize(try Self.seedLive())
        var desired = TaskConfig()
        desired.maximumcall = 2
        let missing = UpdateBody.build(live: live, desired: desired)
        guard case .failure(let error) = missing else {
            Issue.record("the list has no holiday: the body must not guess it")
            return
        }
        #expect(error.fields == ["task_extras.holiday"])
        desired.taskExtras = TaskExtras()
        desired.taskExtras?.holiday = []
        let body = try UpdateBody.build(live: live, desired: desired).get()
        #expect(body.maximumcall == 2)
        #expect(body.dialTimeId == 5 && body.taskExtras?.workHour?.count == 3 && body.taskExtras?.holiday == [])
    }
}
