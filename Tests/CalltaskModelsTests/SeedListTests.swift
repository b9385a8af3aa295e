import CalltaskModels
import Foundation
import Testing

/// Seed 000's list answer (repaired into JSON, see Fixtures/seed-000-list.REPAIRS.md) decodes into the
/// live models with nothing the tool manages lost.
struct SeedListTests {
    static func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try Data(contentsOf: url)
    }

    @Test("the seed's list answer decodes: envelope, string per_page, both extras blocks")
    func decodesSeedList() throws {
        let envelope = try JSONDecoder().decode(Envelope<[LiveTask]>.self, from: Self.fixture("seed-000-list.json"))
        #expect(envelope.code == 200)
        let meta = try #require(envelope.meta)
        #expect(meta.perPage == 1 && meta.total == 31 && meta.lastPage == 31)
        let task = try #require(envelope.data?.first)
        #expect(task.uuid == "e5cb8746-411d-4d6d-a1fa-0fe030f00fad")
        #expect(task.destinationExtension == LenientInt(102), "the string \"102\" equals the int 102")
        #expect(task.enable?.value == false && task.callStatus?.value == true)
        #expect(task.taskCause?.count == 2)
        let local = try #require(task.taskExtras)
        let remote = try #require(task.newTaskExtra)
        #expect(local.workHour?.count == 10 && remote.workHour?.count == 3, "both copies kept, each as sent")
        #expect(remote.line == [TaskLine(id: "xxxx")])
        #expect(remote.destinationExtensionList?.first?.destinationExtension == LenientInt(text: "XXXXX"),
                "a placeholder id is kept verbatim, not dropped")
        #expect(remote.redialConditions?.first?.daStatus.contains("busy") == true)
        #expect(remote.redialConditions?.first?.daStatus.count == 19)
        #expect(remote.redialInterval == 3 && remote.redialMaxTimes == 3)
        #expect(task.isAbnormal == false)
    }

    @Test("an empty new_task_extra in any of its shapes marks the task abnormal", arguments: ["null", "{}", "[]", "\"\""])
    func abnormal(_ empty: String) throws {
        let json = #"{"uuid": "a", "name": "x", "enable": true, "new_task_extra": \#(empty)}"#
        let task = try JSONDecoder().decode(LiveTask.self, from: Data(json.utf8))
        #expect(task.isAbnormal)
    }

    @Test("ids and flags decode from the shapes the platform mixes", arguments: [
        (#"{"uuid": 7, "maximumcall": "4", "enable": 1, "dial_time_id": "5"}"#, 4, true, 5),
        (#"{"uuid": "7", "maximumcall": 4, "enable": "0", "dial_time_id": 5}"#, 4, false, 5),
    ])
    func lenient(_ json: String, maximum: Int, enabled: Bool, dialTime: Int) throws {
        let task = try JSONDecoder().decode(LiveTask.self, from: Data(json.utf8))
        #expect(task.uuid == "7")
        #expect(task.maximumcall?.value == maximum)
        #expect(task.isEnabled == enabled)
        #expect(task.dialTimeId?.value == dialTime)
    }

    @Test("coded values decode from numbers and names and encode as numbers")
    func codedValues() throws {
        let json = #"{"pop_mode": "sequential", "redial_conditions": {"da_status": [2, "busy", "user_blocked"]}}"#
        let extras = try JSONDecoder().decode(TaskExtras.self, from: Data(json.utf8))
        #expect(extras.popMode == .sequential)
        #expect(extras.redialConditions?.daStatus == [.carrierBlocked, .busy, .userBlocked])
        let encoded = String(decoding: try JSONEncoder().encode(extras.redialConditions), as: UTF8.self)
        #expect(encoded == #"{"da_status":[2,8,12]}"#)
    }

    @Test("redial flags are sent as 0/1 and elasticity_type as a boolean, as the seed's examples do")
    func flagEncoding() throws {
        var config = TaskConfig()
        config.elasticityType = true
        config.taskExtras = TaskExtras()
        config.taskExtras?.redialEnabled = true
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(config), as: UTF8.self)
        #expect(text == #"{"elasticity_type":true,"task_extras":{"redial_enabled":1}}"#)
    }
}
