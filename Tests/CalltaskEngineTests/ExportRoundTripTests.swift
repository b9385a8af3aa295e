import CalltaskClient
import CalltaskCore
import CalltaskEngine
import CalltaskModels
import CalltaskSimulator
import Foundation
import Testing

/// `calltask export` against the real simulator: export, then plan the exported directory (empty),
/// then apply and export again (byte-identical).
struct ExportRoundTripTests {
    /// Writes the files as the command does, into a fresh temporary directory.
    static func write(_ files: [SpecExporter.File]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("calltask-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in files {
            try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.fileName))
        }
        return directory.path
    }

    static func exporter(_ sim: SimulatorHarness) -> ExportRunner {
        ExportRunner(client: sim.client, account: sim.account, parallelism: 4)
    }

    @Test("every default task (and the seed's example) exports, validates, plans empty, and re-exports byte-identical")
    func roundTrip() async throws {
        try await SimulatorHarness.run { sim in
            let result = try await Self.exporter(sim).export(.init())
            let exported = Set(result.files.map(\.uuid))
            let expected = Set(Simulator.defaultTasks().map(\.uuid)).subtracting([DefaultTasks.brokenImportId])
            #expect(exported == expected)
            #expect(exported.contains(DefaultTasks.seedExampleId))
            #expect(result.files.allSatisfy { $0.warnings.isEmpty }, "\(result.files.map(\.warnings))")
            #expect(result.requests == 1 + expected.count, "one list call and one detail per task")

            let directory = try Self.write(result.files)
            let specs = SpecSet.load([directory])
            #expect(specs.diagnostics.isEmpty, "\(specs.diagnostics)")
            #expect(specs.specs.count == expected.count)

            let plan = try await sim.plan(specs)
            #expect(!plan.hasChanges, "\(plan.tasks.filter { !$0.changes.isEmpty }.map { ($0.name, $0.changes.map(\.path)) })")
            #expect(plan.toCreate.isEmpty && plan.unmatched.isEmpty)
            #expect(plan.tasks.count == expected.count)
            #expect(plan.tasks.allSatisfy { $0.action == .noChange })
            #expect(plan.tasks.allSatisfy { $0.enableChange == nil })

            await sim.simulator.log.clear()
            let applied = await sim.apply(plan)
            #expect(await sim.simulator.log.entries().allSatisfy { $0.kind == .list || $0.kind == .detail },
                    "an empty plan writes nothing: \(applied)")

            let again = try await Self.exporter(sim).export(.init())
            #expect(again.files.map(\.fileName) == result.files.map(\.fileName))
            for (first, second) in zip(result.files, again.files) {
                #expect(Array(first.text.utf8) == Array(second.text.utf8), "\(first.fileName) differs on re-export")
            }
        }
    }

    @Test("the exported files as one YAML stream (export --out -) load as the same specs and plan empty")
    func stream() async throws {
        try await SimulatorHarness.run { sim in
            let result = try await Self.exporter(sim).export(.init())
            let text = SpecExporter.stream(result.files)
            #expect(text.components(separatedBy: "\n---\n").count == result.files.count)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("calltask-stream-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("all.yaml").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let specs = SpecSet.load([path])
            #expect(specs.diagnostics.isEmpty, "\(specs.diagnostics)")
            #expect(specs.specs.map(\.spec.uuid) == result.files.map(\.uuid))
            let plan = try await sim.plan(specs)
            #expect(!plan.hasChanges && plan.toCreate.isEmpty && plan.unmatched.isEmpty)
        }
    }

    @Test("the seed's example task: coded names, ids as numbers, call loss named in a comment, not written as codes")
    func seedExample() async throws {
        try await SimulatorHarness.run { sim in
            let result = try await Self.exporter(sim).export(.init(targets: [DefaultTasks.seedExampleId]))
            let file = try #require(result.files.first)
            #expect(result.files.count == 1)
            #expect(file.fileName == "测试api接口创建-222-e5cb8746.yaml")
            let text = file.text
            #expect(text.hasPrefix("# yaml-language-server: $schema=https://calltask.dev/schemas/calltask-task.schema.json\n"
                                   + "# exported by calltask from "))
            #expect(text.contains("— task e5cb8746-411d-4d6d-a1fa-0fe030f00fad\nuuid: e5cb8746-411d-4d6d-a1fa-0fe030f00fad\nname: 测试api接口创建-222\n"))
            #expect(text.contains("\ntask_type: v2\n"))
            #expect(text.contains("\nis_group_switch: unified\n"))
            #expect(text.contains("\ndestination_extension: 102\n"))
            #expect(text.contains("destination_extension: 215870475195883520}"))
            #expect(text.contains("begin: \"20:00\""))
            #expect(!text.contains("remark"), "remark: null is not exported")
            #expect(!text.contains("llm_intention_id"), "0 means unset")
            #expect(!text.contains("\nenable:"))
            #expect(text.contains("# the platform reports call-loss statuses not in service, not a local number"))
            #expect(!text.contains("\n  redial_conditions:"), "a spec holding da_status would plan the call-loss strings' removal")
            #expect(text.contains("# redial_conditions: {da_status: [carrier_blocked, rejected, no_answer, powered_off, busy, incoming_barred]}"))
            #expect(text.hasSuffix("\n"))
        }
    }

    @Test("redial on: a comment says codes 11 and 12 cannot be read back; da_status by name")
    func redialComment() async throws {
        try await SimulatorHarness.run { sim in
            let result = try await Self.exporter(sim).export(.init(targets: ["spring-sale-followup"]))
            let text = try #require(result.files.first?.text)
            #expect(text.contains("""
                  # redial codes 11 (blacklisted) and 12 (user_blocked) cannot be read back from the platform; add them here if the task uses them.
                  redial_conditions:
                    da_status: [no_answer, powered_off, busy]
                """))
            #expect(text.contains("pop_mode: sequential"))
            #expect(text.contains("is_group_switch: by_time"))
            #expect(text.contains("task_type: new_v2"))
            #expect(text.contains("- {id: d47c3599-f166-4cd0-999c-f60e46814d26, limit: 2}"))
            #expect(text.contains("start_time: \"2026-03-01 09:00:00\""))
        }
    }

    @Test("detail-only fields are exported: holidays, variable scripts, group_switch_rule, new_call_rules")
    func detailOnlyFields() async throws {
        try await SimulatorHarness.run { sim in
            let result = try await Self.exporter(sim).export(.init(targets: ["insurance-renewal-2026", "legacy-collections"]))
            let texts = result.files.map(\.text).joined()
            #expect(texts.contains("- {start: \"2026-10-01 00:00\", end: \"2026-10-07 23:59\"}"))
            #expect(texts.contains("  - mode: equals\n    values: [男, 男的]\n    destination_extension: 11\n    sort: 1\n"))
            #expect(texts.contains("group_switch_rule:\n- {switch_start: \"09:00\", switch_end: \"12:00\", group_id: 13037, default_group_id: 123}"))
            #expect(texts.contains("new_call_rules:\n- {re_call_time: \"10:00:00\", call_interval: 60, rule_id: 15486}"))
        }
    }

    @Test("--target selects by name or uuid; a target naming nothing is reported")
    func target() async throws {
        try await SimulatorHarness.run { sim in
            let result = try await Self.exporter(sim).export(.init(targets: ["survey-q3", DefaultTasks.customerCallbackId, "no-such-task"]))
            #expect(Set(result.files.map(\.uuid)) == [DefaultTasks.surveyId, DefaultTasks.customerCallbackId])
            #expect(result.unmatchedTargets == ["no-such-task"])
            #expect(result.requests == 3)
            #expect(result.files.map(\.fileName).contains("回访-老客户-3d9f1c52.yaml"))
        }
    }

    @Test("the abnormal task is skipped with a warning and its detail is not read")
    func abnormal() async throws {
        try await SimulatorHarness.run { sim in
            let result = try await Self.exporter(sim).export(.init())
            #expect(result.skipped.map(\.uuid) == [DefaultTasks.brokenImportId])
            #expect(result.skipped.first?.reason.contains("abnormal") == true)
            #expect(!result.files.contains { $0.uuid == DefaultTasks.brokenImportId })
            #expect(await sim.kinds(of: DefaultTasks.brokenImportId) == [])
        }
    }

    @Test("enable is written only with --with-enable, and then plans empty too")
    func withEnable() async throws {
        try await SimulatorHarness.run { sim in
            let plain = try await Self.exporter(sim).export(.init())
            #expect(plain.files.allSatisfy { !$0.text.contains("\nenable:") })
            let pinned = try await Self.exporter(sim).export(.init(withEnable: true))
            let spring = try #require(pinned.files.first { $0.uuid == DefaultTasks.springSaleId })
            #expect(spring.text.contains("\nname: spring-sale-followup\nenable: true\ntask_type: new_v2\n"))
            let survey = try #require(pinned.files.first { $0.uuid == DefaultTasks.surveyId })
            #expect(survey.text.contains("\nenable: false\n"))
            let plan = try await sim.plan(SpecSet.load([try Self.write(pinned.files)]))
            #expect(!plan.hasChanges)
        }
    }

    @Test("two tasks with the same name get different files, and each plans against its own task")
    func duplicateNames() async throws {
        var tasks = Simulator.defaultTasks()
        let twin = DefaultTasks.surveyId.replacingOccurrences(of: "b82e4f17", with: "0a0b0c0d")
        var copy = try #require(tasks.first { $0.uuid == DefaultTasks.surveyId })
        copy.set(.string(twin), at: "uuid")
        copy.set(.int(2), at: "maximumcall")
        tasks.append(copy)
        // Same name and same first 8 characters of the uuid: the second file gets "-2".
        var triplet = copy
        triplet.set(.string(twin.replacingOccurrences(of: "-2a9c-", with: "-ffff-")), at: "uuid")
        tasks.append(triplet)
        try await SimulatorHarness.run(tasks: tasks) { sim in
            let result = try await Self.exporter(sim).export(.init(targets: ["survey-q3"]))
            #expect(result.files.map(\.fileName) == ["survey-q3-0a0b0c0d-2.yaml", "survey-q3-0a0b0c0d.yaml", "survey-q3-b82e4f17.yaml"])
            #expect(Set(result.files.map(\.uuid)).count == 3)
            let plan = try await sim.plan(SpecSet.load([try Self.write(result.files)]))
            #expect(!plan.hasChanges)
            #expect(plan.tasks.count == 3)
        }
    }

    @Test("multi-config, awkward text and 0-as-unset round-trip; a live value that breaks a rule is exported with a warning")
    func awkwardValues() async throws {
        var tasks = Simulator.defaultTasks()
        let index = try #require(tasks.firstIndex { $0.uuid == DefaultTasks.customerCallbackId })
        tasks[index].set(.int(3), at: "is_group_switch")
        tasks[index].set(["dial_mode": 1, "list": [["destination_extension": "13601", "sort": 1], ["destination_extension": 13602, "sort": 2]]],
                         at: "task_extras", "destination_extension_multi_config")
        tasks[index].set(.string("no"), at: "name")
        tasks[index].set(.string("第一行\n09:00 call: yes\n"), at: "remark")
        tasks[index].set(.int(0), at: "new_task_extra", "redial_max_times")
        let survey = try #require(tasks.firstIndex { $0.uuid == DefaultTasks.surveyId })
        tasks[survey].set(.string("XXXXX"), at: "destination_extension")
        try await SimulatorHarness.run(tasks: tasks) { sim in
            let result = try await Self.exporter(sim).export(.init(targets: [DefaultTasks.customerCallbackId, DefaultTasks.surveyId]))
            let callback = try #require(result.files.first { $0.uuid == DefaultTasks.customerCallbackId })
            #expect(callback.fileName == "no-3d9f1c52.yaml")
            #expect(callback.text.contains("\nname: \"no\"\nremark: |\n  第一行\n  09:00 call: yes\ntask_type: new_v2\n"))
            #expect(callback.text.contains("is_group_switch: multi"))
            #expect(callback.text.contains("""
                  destination_extension_multi_config:
                    dial_mode: random
                    list:
                    - {destination_extension: 13601, sort: 1}
                    - {destination_extension: 13602, sort: 2}
                """))
            #expect(!callback.text.contains("redial_max_times"), "0 means unset")
            #expect(callback.warnings.isEmpty, "\(callback.warnings)")

            let broken = try #require(result.files.first { $0.uuid == DefaultTasks.surveyId })
            #expect(broken.text.contains("\ndestination_extension: XXXXX\n"))
            #expect(broken.warnings.contains { $0.contains("'XXXXX'") }, "\(broken.warnings)")

            let specs = SpecSet.load([try Self.write([callback])])
            #expect(specs.diagnostics.isEmpty, "\(specs.diagnostics)")
            #expect(!(try await sim.plan(specs).hasChanges))
        }
    }

    @Test("file names: CJK kept, other runs become '-', ASCII lowercased, empty names become 'task'", arguments: [
        ("回访-老客户", "回访-老客户"), ("Spring Sale / 2026!", "spring-sale-2026"), ("  ", "task"), ("测试api接口创建-222", "测试api接口创建-222"),
        ("Café ☕ résumé", "caf-r-sum"), ("ｶﾀｶﾅ テスト", "ｶﾀｶﾅ-テスト"),
    ])
    func slugs(name: String, slug: String) {
        #expect(SpecExporter.slug(name) == slug)
    }

    @Test("long names are cut to 60 characters")
    func longName() {
        let slug = SpecExporter.slug(String(repeating: "ab ", count: 40))
        #expect(slug.count <= 60)
        #expect(!slug.hasSuffix("-"))
        #expect(SpecExporter.fileName(name: "x", uuid: "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e01") == "x-7f3c2a10.yaml")
    }
}
