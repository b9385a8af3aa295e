import CalltaskCore
import CalltaskModels
import CalltaskTestSupport
import CalltaskYAML
import Foundation
import Testing

/// Golden files for the text, JSON and Markdown plans, on one fixture with several kinds of change.
struct PlanRendererTests {
    static let specs = """
        uuid: u-1
        name: spring-sale
        maximumcall: 4
        task_extras:
          work_week: [1, 2, 3, 4, 5]
          redial_interval: 30
          redial_conditions:
            da_status: [no_answer, busy, blacklisted]
        ---
        uuid: u-2
        name: paused-task
        enable: true
        remark: renewals
        ---
        uuid: u-3
        name: quiet-task
        maximumcall: 2
        ---
        uuid: u-4
        name: broken-import
        maximumcall: 2
        ---
        name: sprng-sale-2
        task_type: v2
        destination_extension: 13037
        dial_time_id: 5
        maximumcall: 2
        task_extras:
          start_time: "2026-09-01 09:00:00"
          stop_time: "2026-12-31 21:00:00"
          line: [d47c3599-f166-4cd0-999c-f60e46814d26]
        ---
        uuid: u-404
        name: gone-task
        """

    static func live(_ uuid: String, _ name: String, enabled: Bool, configure: (inout LiveExtras) -> Void = { _ in }) -> LiveTask {
        var task = LiveTask(uuid: uuid)
        task.name = name
        task.enable = LenientBool(enabled)
        task.maximumcall = 2
        task.remark = "old"
        var extras = LiveExtras()
        extras.workWeek = [1, 2, 3, 6].map { LenientInt($0) }
        extras.redialInterval = 15
        extras.redialConditions = [LiveRedialCondition(daStatus: ["not answer", "busy"])]
        configure(&extras)
        task.newTaskExtra = extras
        var local = extras
        local.redialInterval = 20
        task.taskExtras = local
        return task
    }

    static func fixture() throws -> Plan {
        let loaded = SpecLoader.load([SourceFile(path: "specs/tasks.yaml", text: specs)])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        var broken = live("u-4", "broken-import", enabled: false)
        broken.newTaskExtra = nil
        let liveTasks = [
            live("u-1", "spring-sale", enabled: true),
            live("u-2", "paused-task", enabled: false),
            live("u-3", "quiet-task", enabled: true),
            broken,
            live("u-9", "unmanaged-task", enabled: true),
            live("u-8", "spring-sale-2", enabled: false),
        ]
        return Planner.plan(matched: Matcher.match(loaded.specs, live: liveTasks), details: [:], options: .init(),
                            account: "account: api.example.com user_id=u sub_user_id=—", specHash: "0123456789abcdef", requests: 1).plan
    }

    @Test("text plan")
    func text() throws {
        assertSnapshot(PlanRenderer.text(try Self.fixture(), showUnmanaged: true), named: "plan-text")
    }

    @Test("coloured text plan only differs by ANSI codes")
    func colour() throws {
        let plan = try Self.fixture()
        let coloured = PlanRenderer.text(plan, style: TerminalStyle(colour: true))
        #expect(coloured.contains("\u{1B}["))
        var stripped = ""
        var inEscape = false
        for character in coloured {
            if character == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                if character == "m" { inEscape = false }
            } else {
                stripped.append(character)
            }
        }
        #expect(stripped == PlanRenderer.text(plan))
    }

    @Test("JSON plan")
    func json() throws {
        let text = PlanRenderer.json(try Self.fixture())
        assertSnapshot(text, named: "plan-json")
        let decoded = try JSONDecoder().decode(Plan.self, from: Data(text.utf8))
        #expect(decoded == (try Self.fixture()), "the saved plan reads back as the same plan")
    }

    @Test("Markdown plan")
    func markdown() throws {
        assertSnapshot(PlanRenderer.markdown(try Self.fixture()), named: "plan-markdown")
    }

    @Test("a Markdown plan past GitHub's comment limit is cut with a note")
    func markdownLimit() throws {
        var plan = try Self.fixture()
        let task = try #require(plan.toUpdate.first)
        plan.tasks = (0..<3000).map { index in
            var copy = task
            copy.uuid = "u-\(index)"
            copy.name = "task-\(index)"
            return copy
        }
        let text = PlanRenderer.markdown(plan)
        #expect(text.count <= PlanRenderer.commentLimit)
        // 3,000 rows alone pass the limit: rows are cut too, with their own note, and no section is shown
        // whose row was cut.
        #expect(text.contains("more row(s) left out"))
        #expect(text.contains("full plan is in the CI log"))
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("| ~ |") }.count
        #expect(text.components(separatedBy: "<details>").count - 1 <= rows)
        #expect(text.hasSuffix(PlanRenderer.summary(plan) + "\n"))
    }

    @Test("an unchanged task with a warning (copies that disagree) is shown in text and Markdown, with its spec file:line")
    func unchangedTaskWithWarning() throws {
        let loaded = SpecLoader.load([SourceFile(path: "specs/quiet.yaml", text: "uuid: u-1\nname: spring-sale\ntask_extras:\n  redial_interval: 15\n")])
        // The dialer copy says 15 (as the spec), the local copy 20: no change, a warning.
        let plan = Planner.plan(matched: Matcher.match(loaded.specs, live: [Self.live("u-1", "spring-sale", enabled: true)]), details: [:],
                                options: .init(), account: "a", specHash: "0", requests: 1).plan
        #expect(plan.unchanged.count == 1 && plan.tasks.first?.warnings.isEmpty == false, "\(plan.tasks)")
        let text = PlanRenderer.text(plan)
        #expect(text.contains("  spring-sale (u-1) — no changes\n    spec: specs/quiet.yaml:1:1\n    warning: task_extras.redial_interval: the local copy"), "\(text)")
        let markdown = PlanRenderer.markdown(plan)
        #expect(markdown.contains("<code>spring-sale</code> — no changes, 1 warning</summary>"), "\(markdown)")
        #expect(markdown.contains("Spec: <code>specs/quiet.yaml:1:1</code>"), "\(markdown)")
    }
}

