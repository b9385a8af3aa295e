import CalltaskModels
import Foundation
import Testing

/// The create body (../api/facts.md §2.2): the create page's keys, in its shapes.
struct TaskCreateBodyTests {
    static func json(_ body: TaskCreateBody) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(body), as: UTF8.self)
    }

    static func minimal() -> TaskCreateBody {
        TaskCreateBody(name: "n", destinationExtension: 13037, dialTimeId: 5, maximumcall: 2,
                       taskExtras: .init(startTime: "2026-03-01 09:00:00", stopTime: "2026-12-31 21:00:00", line: []))
    }

    @Test("optional keys are left out; line and holiday are always sent, [] when empty")
    func minimalBody() throws {
        #expect(try Self.json(Self.minimal()) == #"""
            {"destination_extension":13037,"dial_time_id":5,"maximumcall":2,"name":"n","task_extras":{"holiday":[],"line":[],"start_time":"2026-03-01 09:00:00","stop_time":"2026-12-31 21:00:00"}}
            """#)
    }

    @Test("every key: ids as numbers, end_action as its code, holidays as {start, end}, lines as ids")
    func fullBody() throws {
        var body = Self.minimal()
        body.subUserId = "sub-1"
        body.bridgeGroupId = 3
        body.remark = "r"
        body.autoRecycleRuleId = LenientInt(15486)
        body.endAction = .pauseRelease
        body.backgroundId = 2
        body.llmIntentionId = 0
        body.taskExtras.holiday = [Holiday(start: "2026-10-01 00:00", end: "2026-10-07 23:59")]
        body.taskExtras.line = ["d47c3599"]
        body.taskExtras.intervalTime = 0
        #expect(try Self.json(body) == #"""
            {"auto_recycle_rule_id":15486,"background_id":2,"bridge_group_id":3,"destination_extension":13037,"dial_time_id":5,"end_action":1,"llm_intention_id":0,"maximumcall":2,"name":"n","remark":"r","sub_user_id":"sub-1","task_extras":{"holiday":[{"end":"2026-10-07 23:59","start":"2026-10-01 00:00"}],"interval_time":0,"line":["d47c3599"],"start_time":"2026-03-01 09:00:00","stop_time":"2026-12-31 21:00:00"}}
            """#)
        #expect(Set(TaskCreateBody.CodingKeys.allCases.map(\.rawValue)) == [
            "sub_user_id", "name", "destination_extension", "dial_time_id", "maximumcall", "bridge_group_id", "remark",
            "auto_recycle_rule_id", "end_action", "background_id", "llm_intention_id", "task_extras",
        ], "the create page's keys, less enable_type and is_call_in")
    }

    static func config() -> TaskConfig {
        var config = TaskConfig()
        config.name = "spring"
        config.destinationExtension = 13037
        config.dialTimeId = 5
        config.maximumcall = 4
        config.remark = "r"
        config.taskType = .newV2
        config.endAction = EndAction.none
        config.llmIntentionId = 12
        var extras = TaskExtras()
        extras.startTime = "2026-03-01 09:00:00"
        extras.stopTime = "2026-12-31 21:00:00"
        extras.line = [TaskLine(id: "a", limit: 2), TaskLine(id: "b", limit: 2)]
        extras.popMode = .sequential
        extras.redialInterval = 30
        extras.workWeek = [1, 2]
        config.taskExtras = extras
        return config
    }

    @Test("from a configuration: the create page's fields only, lines as ids, holiday [] when none")
    func fromConfig() throws {
        let body = try TaskCreateBody(config: Self.config(), subUserId: "sub-1")
        #expect(body.name == "spring")
        #expect(body.subUserId == "sub-1")
        #expect(body.maximumcall == 4)
        #expect(body.remark == "r")
        #expect(body.endAction == EndAction.none)
        #expect(body.llmIntentionId == 12)
        #expect(body.bridgeGroupId == nil)
        #expect(body.taskExtras.line == ["a", "b"])
        #expect(body.taskExtras.holiday == [])
        #expect(body.taskExtras.intervalTime == nil)
        let json = try Self.json(body)
        for leftOut in ["task_type", "pop_mode", "redial_interval", "work_week", "limit"] {
            #expect(!json.contains(leftOut), "\(leftOut) is left to the update")
        }
    }

    @Test("from a configuration lacking required fields: every missing key is named")
    func missingFields() {
        var config = Self.config()
        config.name = nil
        config.dialTimeId = nil
        config.taskExtras?.line = nil
        config.taskExtras?.stopTime = nil
        #expect(throws: TaskCreateBody.MissingFields(paths: ["name", "dial_time_id", "task_extras.stop_time", "task_extras.line"])) {
            try TaskCreateBody(config: config)
        }
        #expect(throws: TaskCreateBody.MissingFields(paths: [
            "name", "destination_extension", "dial_time_id", "maximumcall",
            "task_extras.start_time", "task_extras.stop_time", "task_extras.line",
        ])) {
            try TaskCreateBody(config: TaskConfig())
        }
        var empty = Self.config()
        empty.taskExtras?.line = []
        #expect((try? TaskCreateBody(config: empty))?.taskExtras.line == [], "an empty line list is sent as []")
    }
}
