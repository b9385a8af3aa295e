import CalltaskCore
import CalltaskModels
import CalltaskTestSupport
import CalltaskYAML
import Foundation
import Testing

/// Golden files of plans of 1, 10 and 500 changed tasks in all three formats. Every task changes coded
/// values (shown by name) and lists element by element: a line's limit changed and a line added, a
/// holiday added and one removed, a variable rule changed and one moved, a `group_switch_rule` window
/// moved, a work hour changed. CI renders the Markdown ones as GitHub does (scripts/check-markdown.py).
struct PlanSizeGoldenTests {
    static func uuid(_ index: Int) -> String { String(format: "00000000-0000-4000-8000-%012d", index) }
    static func name(_ index: Int) -> String { String(format: "campaign-%04d", index) }

    /// The spec of task `index`: what it changes depends on `index % 4`; task 0 changes everything.
    static func spec(_ index: Int) -> String {
        let kind = index % 4
        var out = "uuid: \(uuid(index))\nname: \(name(index))\nend_action: pause_lock\ntask_type: new_v2\n"
        if index == 0 || kind == 3 {
            out += """
                is_group_switch: by_variable
                group_switch_rule:
                  - {switch_start: "10:00", switch_end: "12:00", group_id: 13039, default_group_id: 124}
                  - {switch_start: "14:00", switch_end: "18:00", group_id: 13040, default_group_id: 124}

                """
        }
        out += "task_extras:\n  pop_mode: sequential\n  redial_enabled: true\n"
        if index == 0 || kind == 1 {
            out += """
                  line:
                    - {id: 5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c, limit: 10}
                    - {id: 29c39ec4-b292-4af9-a88b-922d61866ab1, limit: 5}
                    - {id: 7f3c0000-0000-4000-8000-00000000000\(index % 10), limit: 5}

                """
        }
        if index == 0 || kind == 2 {
            out += """
                  holiday:
                    - {start: "2026-05-01 00:00", end: "2026-05-03 23:59"}
                    - {start: "2026-10-01 00:00", end: "2026-10-07 23:59"}
                  work_week: [1, 2, 3, 4, 5]
                  work_hour:
                    - {wday: 1, begin: "09:00", end: "12:00"}
                    - {wday: 2, begin: "09:00", end: "18:00"}

                """
        }
        if index == 0 || kind == 3 {
            out += """
                  destination_extension_with_variable_list:
                    - {mode: equals, values: [renewal], destination_extension: 15, sort: 2}
                    - {mode: contains, values: [renewal, expiry, overdue], destination_extension: 14, sort: 1}
                    - {mode: contains, values: [refund], destination_extension: 16, sort: 3}

                """
        }
        return out
    }

    /// The live task of `index`: what every spec above changes.
    static func live(_ index: Int) -> LiveTask {
        var task = LiveTask(uuid: uuid(index))
        task.name = name(index)
        task.enable = LenientBool(index % 3 != 0)
        task.maximumcall = 20
        task.endAction = 0
        task.taskType = 7
        task.isGroupSwitch = 2
        task.groupSwitchRule = [
            GroupSwitchRule(switchStart: ClockTime(minutes: 540), switchEnd: ClockTime(minutes: 660), groupId: 13039, defaultGroupId: 124),
            GroupSwitchRule(switchStart: ClockTime(minutes: 840), switchEnd: ClockTime(minutes: 1080), groupId: 13040, defaultGroupId: 124),
        ]
        var extras = LiveExtras()
        extras.popMode = 0
        extras.redialEnabled = LenientBool(false)
        extras.line = [TaskLine(id: "5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c", limit: 5), TaskLine(id: "29c39ec4-b292-4af9-a88b-922d61866ab1", limit: 5)]
        extras.holiday = [Holiday(start: "2026-04-04 00:00", end: "2026-04-06 23:59"), Holiday(start: "2026-05-01 00:00", end: "2026-05-03 23:59")]
        extras.workWeek = [1, 2, 3, 4, 5].map { LenientInt($0) }
        extras.workHour = [WorkHour(wday: 1, begin: ClockTime(minutes: 540), end: ClockTime(minutes: 1080)),
                           WorkHour(wday: 2, begin: ClockTime(minutes: 540), end: ClockTime(minutes: 1080))]
        extras.destinationExtensionWithVariableList = [
            VariableScript(mode: .contains, values: ["renewal", "expiry"], destinationExtension: 14, sort: 1),
            VariableScript(mode: .equals, values: ["renewal"], destinationExtension: 15, sort: 2),
            VariableScript(mode: .contains, values: ["refund"], destinationExtension: 16, sort: 3),
        ]
        task.newTaskExtra = extras
        task.taskExtras = extras
        return task
    }

    static func plan(tasks count: Int) throws -> Plan {
        let text = (0..<count).map(spec).joined(separator: "---\n")
        let loaded = SpecLoader.load([SourceFile(path: "specs/campaigns.yaml", text: text)])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.prefix(3))")
        var live = (0..<count).map(live)
        live.append(LiveTask(uuid: "00000000-0000-4000-8000-999999999999"))
        live[count].name = "console-only-task"
        let details = Dictionary(uniqueKeysWithValues: live.map { ($0.uuid, $0) })
        let result = Planner.plan(matched: Matcher.match(loaded.specs, live: live), details: details, options: .init(),
                                  account: "account: api.example.com user_id=u sub_user_id=—", specHash: "0123456789abcdef",
                                  requests: 1 + count)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3))")
        #expect(result.plan.toUpdate.count == count)
        return result.plan
    }

    @Test("golden plans of 1, 10 and 500 changed tasks: text, JSON and Markdown", arguments: [1, 10, 500])
    func golden(count: Int) throws {
        let plan = try Self.plan(tasks: count)
        assertSnapshot(PlanRenderer.text(plan, showUnmanaged: true), named: "plan-\(count)-text")
        assertSnapshot(PlanRenderer.json(plan), named: "plan-\(count)-json")
        let markdown = PlanRenderer.markdown(plan)
        assertSnapshot(markdown, named: "plan-\(count)-markdown")
        #expect(markdown.count <= PlanRenderer.commentLimit)
        // Every changed task keeps its row, however many sections were left out.
        for task in plan.toUpdate { #expect(markdown.contains("| ~ | <code>\(task.name)</code> |")) }
    }

    @Test("the first task's plan: names for codes, element diffs keyed by the field table, no begin/start twice")
    func firstTask() throws {
        let text = PlanRenderer.text(try Self.plan(tasks: 1))
        for line in [
            "      end_action: none → pause_lock\n",
            "      task_extras.pop_mode: random → sequential\n",
            "      task_extras.redial_enabled: false → true\n",
            "        ~ [id: \"5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c\"].limit: 5 → 10\n",
            "        + {id: \"7f3c0000-0000-4000-8000-000000000000\", limit: 5}\n",
            "        - {start: \"2026-04-04 00:00\", end: \"2026-04-06 23:59\"}\n",
            "        + {start: \"2026-10-01 00:00\", end: \"2026-10-07 23:59\"}\n",
            "        ~ [wday: 1].end: \"18:00\" → \"12:00\"\n",
            "        ~ [group_id: 13039].switch_start: \"09:00\" → \"10:00\"\n",
            "        ~ [group_id: 13039].switch_end: \"11:00\" → \"12:00\"\n",
            "        ~ [sort: 1].values: [renewal, expiry] → [renewal, expiry, overdue]\n",
            "        ~ [sort: 1]: moved [0] → [1]\n",
        ] {
            #expect(text.contains(line), "missing \(line.debugDescription) in\n\(text)")
        }
        #expect(!text.contains("begin: \"2026"), "a holiday's start is shown once")
    }
}
