import CalltaskModels
import Foundation
import Testing

/// The status text and counters `calltask show` reports, read leniently from the same JSON as `LiveTask`.
struct TaskActivityTests {
    @Test("seed 000's list item: status_str, cache_number_count, number_count and call_info per line")
    func seedListItem() throws {
        let envelope = try JSONDecoder().decode(Envelope<[TaskActivity]>.self, from: SeedListTests.fixture("seed-000-list.json"))
        let activity = try #require(envelope.data?.first)
        #expect(activity.statusText == "停止")
        #expect(activity.cacheNumberCount == 0)
        #expect(activity.numberCount == 0)
        let line = try #require(activity.lines.first)
        #expect(activity.lines.count == 1)
        #expect(line.lineID == "90611087-c2c2-4f04-8fe3-c8e33e5d1ffa")
        #expect(line.lineName == "测试站ip对接线路")
        #expect(line.counters.map(\.key) == ["limit", "dialed_number_total", "answer_total", "normal_hangup_total",
                                             "gateway_error_hangup_total", "calling_count", "answering_count"])
        #expect(line.dialedNumberTotal == 2 && line.answerTotal == 1 && line.normalHangupTotal == 2)
    }

    @Test("call_info as a list, numbers as strings, odd shapes left out rather than failing", arguments: [
        #"{"new_task_extra": {"number_count": "12", "call_info": [{"line_id": "l1", "answer_total": "3", "calling_count": "x"}]}}"#,
        #"{"status_str": 5, "cache_number_count": "many", "new_task_extra": {"number_count": 12, "call_info": {"l1": {"answer_total": 3}}}}"#,
    ])
    func lenient(json: String) throws {
        let activity = try JSONDecoder().decode(TaskActivity.self, from: Data(json.utf8))
        #expect(activity.numberCount == 12)
        #expect(activity.cacheNumberCount == nil)
        #expect(activity.lines.count == 1)
        #expect(activity.lines.first?.lineID == "l1")
        #expect(activity.lines.first?.answerTotal == 3)
        #expect(activity.lines.first?.callingCount == nil)
    }

    @Test("an abnormal task (empty new_task_extra) has no dialer counters", arguments: ["null", "{}", "[]", "\"\""])
    func abnormal(empty: String) throws {
        let json = #"{"status_str": "停止", "cache_number_count": 4, "new_task_extra": \#(empty)}"#
        let activity = try JSONDecoder().decode(TaskActivity.self, from: Data(json.utf8))
        #expect(activity == TaskActivity(statusText: "停止", numberCount: nil, cacheNumberCount: 4, lines: []))
    }
}
