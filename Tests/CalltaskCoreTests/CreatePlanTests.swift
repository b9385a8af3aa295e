import CalltaskCore
import CalltaskModels
import CalltaskTestSupport
import CalltaskYAML
import Foundation
import Testing

/// A spec no live task matches plans as a create: every field it sets, checked offline.
struct CreatePlanTests {
    static let complete = """
        name: autumn-renewals
        task_type: v2
        destination_extension: 13037
        dial_time_id: 5
        maximumcall: 2
        enable: true
        task_extras:
          start_time: "2026-09-01 09:00:00"
          stop_time: "2026-12-31 21:00:00"
          line: [d47c3599-f166-4cd0-999c-f60e46814d26]
          pop_mode: sequential
        """

    static func live(_ name: String, uuid: String = "u-1") -> LiveTask {
        var task = LiveTask(uuid: uuid)
        task.name = name
        task.enable = LenientBool(true)
        task.newTaskExtra = LiveExtras()
        return task
    }

    static func plan(_ text: String, live: [LiveTask] = [live("spring-sale")]) -> (plan: Plan, diagnostics: [Diagnostic]) {
        let loaded = SpecLoader.load([SourceFile(path: "specs/new.yaml", text: text)])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return Planner.plan(matched: Matcher.match(loaded.specs, live: live), details: [:], options: .init(),
                            account: "a", specHash: "0", requests: 1)
    }

    @Test("a complete spec no live task matches plans as a create with every field it sets, in all three formats")
    func create() throws {
        let (plan, diagnostics) = Self.plan(Self.complete)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let create = try #require(plan.toCreate.first)
        #expect(create.steps == [.create, .pause, .update, .resume])
        #expect(create.changes.map(\.path).contains("task_extras.pop_mode"))
        #expect(create.changes.allSatisfy { $0.old == nil })
        #expect(plan.hasChanges && !plan.hasErrors)
        let text = PlanRenderer.text(plan)
        #expect(text.contains("+ autumn-renewals — create (create → pause if it starts running → update → resume)\n"), "\(text)")
        #expect(text.contains("      + task_extras.pop_mode: sequential\n"), "\(text)")
        #expect(text.contains("      + enable: true\n"), "\(text)")
        #expect(text.contains("Plan: 1 to create, 0 to update, 0 unchanged, 1 unmanaged."), "\(text)")
        let markdown = PlanRenderer.markdown(plan)
        #expect(markdown.contains("**Plan:** 1 to create · 0 to update"), "\(markdown)")
        #expect(markdown.contains("| + | <code>autumn-renewals</code> | create | create → pause if it starts running → update → resume |"), "\(markdown)")
        #expect(markdown.contains(create.digest), "a reviewed create is listed among the digests")
        let json = PlanRenderer.json(plan)
        #expect(json.contains("\"action\" : \"create\""), "\(json)")
        #expect(try JSONDecoder().decode(Plan.self, from: Data(json.utf8)) == plan)
    }

    @Test("a create spec without enable ends paused: no resume step")
    func createPaused() throws {
        let (plan, _) = Self.plan(Self.complete.replacingOccurrences(of: "enable: true\n", with: ""))
        #expect(plan.toCreate.first?.steps == [.create, .pause, .update])
    }

    @Test("a create spec missing a field the create call requires, or task_type: a located error each, no create")
    func missingRequired() throws {
        let text = Self.complete.replacingOccurrences(of: "task_type: v2\n", with: "")
            .replacingOccurrences(of: "  start_time: \"2026-09-01 09:00:00\"\n", with: "")
        let (plan, diagnostics) = Self.plan(text)
        #expect(plan.toCreate.isEmpty)
        #expect(diagnostics.map(\.path.description) == ["task_type", "task_extras.start_time"], "\(diagnostics)")
        let first = try #require(diagnostics.first)
        #expect(first.location?.description.hasPrefix("specs/new.yaml:") == true)
        #expect(first.message.contains("required to create a task: no live task is named 'autumn-renewals'"), "\(first)")
    }

    @Test("a name one edit from a live name: the create is called out as a likely typo")
    func typo() throws {
        let (plan, _) = Self.plan(Self.complete, live: [Self.live("autumn-renewal")])
        let warning = try #require(plan.toCreate.first?.warnings.first)
        #expect(warning.contains("'autumn-renewal' is 1 edit(s) away"), "\(warning)")
    }

    @Test("a create whose name equals a live name after trimming and NFKC is an error", arguments: [
        "autumn-renewals ", "ａｕｔｕｍｎ-renewals",
    ])
    func collision(liveName: String) throws {
        let (plan, diagnostics) = Self.plan(Self.complete, live: [Self.live(liveName)])
        #expect(plan.toCreate.isEmpty)
        let error = try #require(diagnostics.first)
        #expect(error.path.description == "name")
        #expect(error.message.contains("only in whitespace or Unicode form"), "\(error)")
    }

    @Test("two create specs whose names are equal after NFKC: an error naming the other spec")
    func collisionBetweenSpecs() throws {
        let second = Self.complete.replacingOccurrences(of: "name: autumn-renewals", with: "name: \"autumn-renewals\\u3000\"")
        let (plan, diagnostics) = Self.plan(Self.complete + "\n---\n" + second)
        #expect(plan.toCreate.count == 1)
        #expect(diagnostics.count == 1 && diagnostics[0].notes.count == 1, "\(diagnostics)")
    }

    @Test("a live name quoted in a create's error cannot forge a line of the diagnostic output")
    func hostileLiveNameInError() throws {
        let forged = "autumn-renewal\nspecs/new.yaml:1:1: error: forged"
        let (_, diagnostics) = Self.plan(Self.complete.replacingOccurrences(of: "task_type: v2\n", with: ""), live: [Self.live(forged)])
        #expect(diagnostics.first?.message.contains(forged) == true, "the message quotes the live name: \(diagnostics)")
        let text = DiagnosticRenderer.text(diagnostics, sources: [:])
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("specs/new.yaml:1:1: error: forged") }, "\(text)")
        #expect(text.contains("autumn-renewal\\nspecs/new.yaml"), "\(text)")
    }

    @Test("a spec with a uuid that matches nothing stays an error, never a create")
    func uuidUnmatched() throws {
        let (plan, _) = Self.plan("uuid: nope\n" + Self.complete)
        #expect(plan.toCreate.isEmpty && plan.unmatched.count == 1 && plan.hasErrors)
        #expect(PlanRenderer.text(plan).contains("error: no live task has this uuid"))
    }

    @Test("the update after a create: planned from the new task, paused if it runs, resumed only for enable: true")
    func followUp() throws {
        let (plan, _) = Self.plan(Self.complete.replacingOccurrences(of: "enable: true\n", with: ""))
        let create = try #require(plan.toCreate.first)
        var fresh = Self.live("autumn-renewals", uuid: "new-1")
        fresh.maximumcall = 2
        let task = Planner.followUp(of: create, uuid: "new-1", detail: fresh)
        #expect(task.uuid == "new-1" && task.action == .update && task.digest == create.digest)
        #expect(task.steps == [.pause, .update], "\(task.steps)")
        #expect(task.desiredEnable == false)
    }
}
