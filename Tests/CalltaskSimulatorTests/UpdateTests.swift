import CalltaskSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Update, pause and resume")
struct UpdateTests {
    @Test("an update of an enabled task answers 6007 with HTTP 200 and changes nothing")
    func runningTaskRefusesUpdate() async throws {
        let simulator = Simulator()
        let before = await simulator.store.task(id: DefaultTasks.springSaleId)
        try await simulator.buildApplication().test(.router) { client in
            let response = try await client.call(.put, "\(userBase)/task/\(DefaultTasks.springSaleId)", body: insuranceBody())
            #expect(response.status.code == 200)
            #expect(json(response) == ["code": 6007, "status": "error", "message": "2.0任务启动中,请先停止任务", "data": []])
        }
        #expect(await simulator.store.task(id: DefaultTasks.springSaleId) == before)
    }

    @Test("after a pause an update succeeds and alter_datetime moves forward on every change")
    func pauseThenUpdate() async throws {
        let simulator = Simulator()
        try await simulator.buildApplication().test(.router) { client in
            let id = DefaultTasks.springSaleId
            let before = try await client.detail(id)["alter_datetime"]?.stringValue ?? ""

            let pause = try await client.call(.put, "\(userBase)/task_stop/\(id)", body: "{}")
            #expect(json(pause)["code"] == 200)
            let paused = try await client.detail(id)
            #expect(paused["enable"] == false)
            #expect(paused["call_status"] == false)
            #expect(paused["status"] == 1)
            #expect(paused["new_task_extra"]?["enable"] == 0)
            #expect(paused["new_task_extra"]?["call_status"] == false)
            #expect(paused["alter_datetime"]?.stringValue == before, "a pause is not a configuration change")

            let body = #"""
            {"name": "spring-sale-followup", "destination_extension": 13037, "dial_time_id": 5, "maximumcall": 4,
             "task_extras": {"start_time": "2026-03-01 09:00:00", "stop_time": "2026-12-31 21:00:00",
               "line": [{"id": "d47c3599-f166-4cd0-999c-f60e46814d26", "limit": 2}, {"id": "5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c", "limit": 2}],
               "holiday": [], "pop_mode": 1, "redial_interval": 30}}
            """#
            let update = try await client.call(.put, "\(userBase)/task/\(id)", body: body)
            #expect(update.status.code == 200)
            #expect(json(update) == ["code": 200, "status": "success", "message": "修改成功", "data": ""])
            let first = try await client.detail(id)
            let firstStamp = try #require(first["alter_datetime"]?.stringValue)
            #expect(firstStamp > before)
            #expect(first["new_task_extra"]?["redial_interval"] == 30)
            #expect(first["new_task_extra"]?["redial_enabled"] == true, "a key left out keeps its value")

            _ = try await client.call(.put, "\(userBase)/task/\(id)", body: body)
            let secondStamp = try #require(try await client.detail(id)["alter_datetime"]?.stringValue)
            #expect(secondStamp > firstStamp)

            let resume = try await client.call(.put, "\(userBase)/task_start/\(id)")
            #expect(json(resume)["code"] == 200)
            let resumed = try await client.detail(id)
            #expect(resumed["enable"] == true)
            #expect(resumed["new_task_extra"]?["enable"] == 1)
            #expect(resumed["new_task_extra"]?["call_status"] == true)
            #expect(resumed["status"] == 3)
        }
    }

    @Test("pausing twice is fine and an unknown task's pause is a 404")
    func pauseIsIdempotent() async throws {
        try await Simulator().buildApplication().test(.router) { client in
            for _ in 0..<2 {
                let response = try await client.call(.put, "\(userBase)/task_stop/\(DefaultTasks.insuranceRenewalId)")
                #expect(json(response)["code"] == 200)
            }
            let missing = try await client.call(.put, "\(userBase)/task_stop/nope")
            #expect(missing.status.code == 404)
        }
    }

    @Test("an update without task_extras.line, or whose maximumcall the lines do not divide, is a 422 naming the field")
    func validation() async throws {
        let simulator = Simulator()
        let before = await simulator.store.task(id: DefaultTasks.insuranceRenewalId)
        try await simulator.buildApplication().test(.router) { client in
            let path = "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)"
            let noLine = try await client.call(.put, path, body: insuranceBody(removing: ["line"]))
            #expect(noLine.status.code == 422)
            #expect(json(noLine)["code"] == 422)
            #expect(json(noLine)["status"] == "error")
            #expect(json(noLine)["message"]?.stringValue?.contains("task_extras.line") == true)

            let lineNotArray = try await client.call(.put, path, body: insuranceBody(extras: ["line": "d47c3599"]))
            #expect(lineNotArray.status.code == 422)

            let noHoliday = try await client.call(.put, path, body: insuranceBody(removing: ["holiday"]))
            #expect(json(noHoliday)["message"]?.stringValue?.contains("task_extras.holiday") == true)

            let twoLines: JSONValue = [["id": "a", "limit": 1], ["id": "b", "limit": 2]]
            let indivisible = try await client.call(.put, path, body: insuranceBody(extras: ["line": twoLines]))
            #expect(indivisible.status.code == 422)
            #expect(json(indivisible)["message"]?.stringValue?.contains("maximumcall") == true)

            let noName = try await client.call(.put, path, body: insuranceBody(removing: ["name"]))
            #expect(json(noName)["message"]?.stringValue?.contains("name") == true)

            let badPopMode = try await client.call(.put, path, body: insuranceBody(extras: ["pop_mode": 7]))
            #expect(json(badPopMode)["message"]?.stringValue?.contains("task_extras.pop_mode") == true)

            let notJSON = try await client.call(.put, path, body: "{not json")
            #expect(notJSON.status.code == 422)
            #expect(json(notJSON)["code"] == 422)
        }
        #expect(await simulator.store.task(id: DefaultTasks.insuranceRenewalId) == before)
    }

    @Test("redial codes read back as all their strings, and codes 11 and 12 vanish")
    func redialCodesReadBackAsStrings() async throws {
        let simulator = Simulator()
        try await simulator.buildApplication().test(.router) { client in
            let body = insuranceBody(extras: ["redial_enabled": 1, "redial_conditions": ["da_status": [2, 4, 11, 12]]])
            let response = try await client.call(.put, "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)", body: body)
            #expect(json(response)["code"] == 200)
            let detail = try await client.detail(DefaultTasks.insuranceRenewalId)
            #expect(detail["new_task_extra"]?["redial_conditions"] == [[
                "hangup_cause": nil,
                "da_status": ["failed", "is not reachable", "cannot be connected", "not answer"],
            ]])
            #expect(detail["new_task_extra"]?["redial_enabled"] == true)

            let onlyWriteOnly = insuranceBody(extras: ["redial_conditions": ["da_status": [11, 12]]])
            _ = try await client.call(.put, "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)", body: onlyWriteOnly)
            let after = try await client.detail(DefaultTasks.insuranceRenewalId)
            #expect(after["new_task_extra"]?["redial_conditions"] == [])
        }
    }

    @Test("an update writes both copies in the GET shapes")
    func updateWritesBothCopies() async throws {
        let simulator = Simulator()
        try await simulator.buildApplication().test(.router) { client in
            let body = insuranceBody(
                extras: [
                    "holiday": [["begin": "2026-11-01 00:00", "end": "2026-11-02 00:00"]],
                    "work_week": [1, 2],
                    "destination_extension_list": [["begin": "09:00", "end": "12:00", "destination_extension": 55]],
                ],
                top: ["destination_extension": 42])
            _ = try await client.call(.put, "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)", body: body)
            let detail = try await client.detail(DefaultTasks.insuranceRenewalId)
            #expect(detail["destination_extension"] == "42")
            #expect(detail["new_task_extra"]?["destination_extension"] == "42")
            for copy in ["task_extras", "new_task_extra"] {
                #expect(detail[copy]?["holiday"] == [["start": "2026-11-01 00:00", "end": "2026-11-02 00:00"]])
                #expect(detail[copy]?["work_week"] == [1, 2])
            }
            #expect(detail["new_task_extra"]?["destination_extension_list"] == [["begin": "09:00", "end": "12:00", "destination_extension": "55"]])
            #expect(detail["task_extras"]?["destination_extension_list"] == nil)
            #expect(detail["new_task_extra"]?["line"] == [["id": "d47c3599-f166-4cd0-999c-f60e46814d26", "limit": 3]])
        }
        let raw = try #require(await simulator.log.lastPutBody(taskId: DefaultTasks.insuranceRenewalId))
        #expect(try JSONValue.parse(raw)["destination_extension"] == 42)
    }

    @Test("strict put resets a field the body leaves out, while the default mode keeps it")
    func strictPut() async throws {
        let body = insuranceBody()  // no redial_interval, no work_week, no work_hour
        let lenient = Simulator()
        try await lenient.buildApplication().test(.router) { client in
            _ = try await client.call(.put, "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)", body: body)
            let detail = try await client.detail(DefaultTasks.insuranceRenewalId)
            #expect(detail["new_task_extra"]?["redial_interval"] == 10)
            #expect(detail["task_extras"]?["work_hour"]?.arrayValue?.count == 12)
        }

        var options = SimulatorOptions()
        options.strictPut = true
        let strict = Simulator(options: options)
        try await strict.buildApplication().test(.router) { client in
            _ = try await client.call(.put, "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)", body: body)
            let detail = try await client.detail(DefaultTasks.insuranceRenewalId)
            #expect(detail["new_task_extra"]?["redial_interval"] == 0)
            #expect(detail["task_extras"]?["work_hour"] == [])
            #expect(detail["new_task_extra"]?["work_week"] == [])
            #expect(detail["task_type"] == 7, "task_type is never reset")
        }
    }

    @Test("the resume path is a setting")
    func resumePathIsConfigurable() async throws {
        var options = SimulatorOptions()
        options.resumePath = "/agent-api/new/user/{user_id}/task/{task_id}/start"
        try await Simulator(options: options).buildApplication().test(.router) { client in
            let response = try await client.call(.put, "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)/start")
            #expect(json(response)["code"] == 200)
            #expect(try await client.detail(DefaultTasks.insuranceRenewalId)["enable"] == true)
            let oldPath = try await client.call(.put, "\(userBase)/task_start/\(DefaultTasks.insuranceRenewalId)")
            #expect(oldPath.status.code == 404)
        }
    }
}
