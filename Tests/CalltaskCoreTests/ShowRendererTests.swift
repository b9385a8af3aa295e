import CalltaskCore
import CalltaskModels
import Foundation
import Testing

/// `calltask show`: the spec is the one export writes; run state and counters come from the answer.
struct ShowRendererTests {
    static func detail(enable: Bool, topLevel: Bool?, dialer: Bool?) -> LiveTask {
        var task = LiveTask(uuid: "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e01")
        task.name = "spring-sale-followup"
        task.enable = LenientBool(enable)
        task.callStatus = topLevel.map { LenientBool($0) }
        task.maximumcall = 4
        var extras = LiveExtras()
        extras.callStatus = dialer.map { LenientBool($0) }
        extras.line = [TaskLine(id: "d47c3599-f166-4cd0-999c-f60e46814d26", limit: 4)]
        extras.popMode = 1
        task.newTaskExtra = extras
        task.taskExtras = extras
        task.taskCause = ["任务结束时间不符合"]
        return task
    }

    static let activity = TaskActivity(statusText: "等待执行", numberCount: 1840, cacheNumberCount: 3, lines: [
        { () -> LineActivity in
            var line = LineActivity(lineID: "d47c3599", lineName: "line A")
            line.dialedNumberTotal = 2
            line.answerTotal = 1
            return line
        }(),
    ])

    static let options = SpecExporter.Options(account: "account: api.example.com user_id=u sub_user_id=—")

    @Test("the spec is exactly SpecExporter's file; the dialer's call_status wins over the top-level one")
    func sameAsExport() throws {
        let detail = Self.detail(enable: true, topLevel: true, dialer: false)
        let show = TaskShow(detail: detail, activity: Self.activity, options: Self.options)
        let file = try SpecExporter.export(Normalizer.normalize(detail), options: Self.options)
        #expect(show.spec == file.text)
        #expect(show.fileName == file.fileName)
        #expect(show.runState == .enabledNotDialing)
        #expect(show.callStatus == false)
        #expect(TaskShow(detail: Self.detail(enable: true, topLevel: false, dialer: nil), activity: Self.activity,
                         options: Self.options).runState == .enabledNotDialing, "the top-level call_status when the dialer's is absent")
    }

    @Test("text: run state, platform words, task_cause, counters per line, then the spec")
    func text() throws {
        let show = TaskShow(detail: Self.detail(enable: true, topLevel: true, dialer: true), activity: Self.activity, options: Self.options)
        let text = ShowRenderer.text(ShowReport(account: Self.options.account, tasks: [show]))
        #expect(text.hasPrefix("""
            spring-sale-followup (7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e01)
              run state: dialing (enable: true, call_status: true; platform: 等待执行)
              task_cause: 任务结束时间不符合
              counters: number_count 1840, cache_number_count 3
                line d47c3599 (line A): dialed_number_total 2, answer_total 1
              spec (as 'calltask export' writes it, to spring-sale-followup-7f3c2a10.yaml):

            # yaml-language-server: $schema=
            """), "\(text)")
        #expect(text.hasSuffix(try #require(show.spec)))
    }

    @Test("JSON: format_version 1, run_state, counters and the spec text")
    func json() throws {
        let show = TaskShow(detail: Self.detail(enable: false, topLevel: true, dialer: true), activity: Self.activity, options: Self.options)
        let text = ShowRenderer.json(ShowReport(account: Self.options.account, tasks: [show]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["format_version"] as? Int == 1)
        let task = try #require((object["tasks"] as? [[String: Any]])?.first)
        #expect(task["run_state"] as? String == "paused")
        #expect(task["enable"] as? Bool == false)
        #expect(task["status_str"] as? String == "等待执行")
        #expect(task["spec"] as? String == show.spec)
        let counters = try #require(task["counters"] as? [String: Any])
        #expect(counters["number_count"] as? Int == 1840)
        let line = try #require((counters["lines"] as? [[String: Any]])?.first)
        #expect(line["line_id"] as? String == "d47c3599" && line["dialed_number_total"] as? Int == 2)
    }

    @Test("an abnormal task has no spec, and says why")
    func abnormal() {
        var detail = Self.detail(enable: false, topLevel: false, dialer: false)
        detail.newTaskExtra = nil
        let show = TaskShow(detail: detail, activity: TaskActivity(), options: Self.options)
        #expect(show.abnormal && show.spec == nil)
        #expect(show.warnings == [SpecExporter.abnormalReason])
        #expect(ShowRenderer.text(ShowReport(account: "a", tasks: [show])).contains("warning: abnormal task"))
    }
}
