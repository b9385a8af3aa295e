import CalltaskSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("List and detail answers")
struct ListAndDetailTests {
    @Test("the list pages with a string per_page and the right total and last page")
    func pagination() async throws {
        try await Simulator().buildApplication().test(.router) { client in
            let first = json(try await client.call(.get, "\(userBase)/task?page=1&per_page=3"))
            #expect(first["code"] == 200)
            #expect(first["message"] == "返回任务列表信息成功")
            #expect(first["meta"]?["per_page"] == "3")
            #expect(first["meta"]?["total"] == 7)
            #expect(first["meta"]?["last_page"] == 3)
            #expect(first["meta"]?["current_page"] == 1)
            #expect(first["meta"]?["has_pages"] == true)
            #expect(first["data"]?.arrayValue?.count == 3)

            let last = json(try await client.call(.get, "\(userBase)/task?page=3&per_page=3"))
            #expect(last["data"]?.arrayValue?.count == 1)
            #expect(last["data"]?.arrayValue?.first?["name"] == "broken-import")

            let all = json(try await client.call(.get, "\(userBase)/task"))
            #expect(all["meta"]?["per_page"] == "15")
            #expect(all["meta"]?["last_page"] == 1)
            #expect(all["meta"]?["has_pages"] == false)
            #expect(all["data"]?.arrayValue?.compactMap { $0["uuid"]?.stringValue } == DefaultTasks.all().map(\.uuid))
        }
    }

    @Test("the list filters by name, status and task type")
    func filters() async throws {
        try await Simulator().buildApplication().test(.router) { client in
            func names(_ query: String) async throws -> [String] {
                json(try await client.call(.get, "\(userBase)/task?\(query)"))["data"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            }
            let byName = try await names("name=sale")
            let running = try await names("status=3")
            let pausedOld = try await names("status=1&task_type=6")
            #expect(byName == ["spring-sale-followup"])
            #expect(running == ["spring-sale-followup", "legacy-collections", "回访-老客户"])
            #expect(pausedOld == ["测试api接口创建-222", "survey-q3"])
        }
    }

    @Test("a list item lacks the detail-only keys, which the detail carries")
    func listVersusDetail() async throws {
        try await Simulator().buildApplication().test(.router) { client in
            let list = json(try await client.call(.get, "\(userBase)/task"))
            let item = try #require(list["data"]?.arrayValue?.first { $0["uuid"]?.stringValue == DefaultTasks.legacyCollectionsId })
            let detail = try await client.detail(DefaultTasks.legacyCollectionsId)

            for key in ["group_switch_rule", "new_call_rules", "elasticity_type"] {
                #expect(item[key] == nil, "list item carries \(key)")
                #expect(detail[key] != nil, "detail lacks \(key)")
            }
            for copy in ["task_extras", "new_task_extra"] {
                for key in ["holiday", "interval_time", "destination_extension_with_variable_list", "destination_extension_multi_config"] {
                    #expect(item[copy]?[key] == nil, "list item carries \(copy).\(key)")
                    #expect(detail[copy]?[key] != nil, "detail lacks \(copy).\(key)")
                }
            }
            #expect(Set(item["task_extras"]?.objectValue?.keys.map { $0 } ?? []) == ["line", "start_time", "stop_time", "work_hour", "work_week"])
            #expect(detail["task_extras"]?["holiday"] == [["start": "2026-05-01 00:00", "end": "2026-05-05 23:59"]])
            #expect(detail["group_switch_rule"]?.arrayValue?.first?["group_id"] == 13037)
            #expect(item["uuid"] == detail["uuid"])
        }
    }

    @Test("destination_extension comes back as a string, at the top and in new_task_extra")
    func destinationExtensionIsAString() async throws {
        try await Simulator().buildApplication().test(.router) { client in
            let list = json(try await client.call(.get, "\(userBase)/task"))
            let item = try #require(list["data"]?.arrayValue?.first { $0["uuid"]?.stringValue == DefaultTasks.springSaleId })
            #expect(item["destination_extension"] == "13037")
            #expect(item["new_task_extra"]?["destination_extension"] == "13037")
            #expect(item["new_task_extra"]?["destination_extension_list"]?.arrayValue?.last?["destination_extension"] == "13038")
            #expect(item["dial_time_id"] == 5)
            let detail = try await client.detail(DefaultTasks.springSaleId)
            #expect(detail["destination_extension"] == "13037")
        }
    }

    @Test("an unknown task's detail is a 404 envelope")
    func unknownTask() async throws {
        try await Simulator().buildApplication().test(.router) { client in
            let response = try await client.call(.get, "\(userBase)/task/no-such-task/edit")
            #expect(response.status.code == 404)
            #expect(json(response)["code"] == 404)
        }
    }

    @Test("the built-in tasks: seed 000's example first, broken-import abnormal")
    func builtInTasks() throws {
        for task in DefaultTasks.all() {
            #expect(task.isAbnormal == (task.uuid == DefaultTasks.brokenImportId))
        }
        let seedTask = try #require(DefaultTasks.all().first)
        #expect(seedTask.uuid == "e5cb8746-411d-4d6d-a1fa-0fe030f00fad")
        #expect(seedTask["new_task_extra", "redial_conditions"]?.arrayValue?.first?["da_status"]?.arrayValue?.last == "busy")
        #expect(seedTask["task_extras", "holiday"] == [])
        #expect(DefaultTasks.all()[1]["new_task_extra", "redial_interval"] == 15)
    }

    @Test("a seed file's tasks get defaults for what they leave out")
    func seedDefaults() throws {
        let text = #"""
        [{"uuid": "t-1", "name": "seeded", "enable": true, "destination_extension": 77, "maximumcall": 2,
          "task_extras": {"line": [{"id": "L1", "limit": 2}], "start_time": "2026-01-01 09:00:00", "stop_time": "2026-02-01 09:00:00",
                          "holiday": [{"begin": "2026-01-10 00:00", "end": "2026-01-11 00:00"}]},
          "new_task_extra": {"redial_conditions": {"da_status": [3, 12]}}},
         {"uuid": "t-2", "name": "abnormal", "new_task_extra": null}]
        """#
        let tasks = try SeedFile.tasks(fromJSON: Data(text.utf8))
        #expect(tasks.count == 2)
        let first = tasks[0]
        #expect(first["destination_extension"] == "77")
        #expect(first["status"] == 3)
        #expect(first["user_id"] == .string(SimulatorOptions.defaultUserId))
        #expect(first["task_extras", "holiday"] == [["start": "2026-01-10 00:00", "end": "2026-01-11 00:00"]])
        #expect(first["new_task_extra", "line"] == [["id": "L1", "limit": 2]])
        #expect(first["new_task_extra", "destination_extension"] == "77")
        #expect(first["new_task_extra", "redial_conditions"] == [["hangup_cause": nil, "da_status": ["not convenient", "redial later"]]])
        #expect(first["new_task_extra", "enable"] == 1)
        #expect(tasks[1].isAbnormal)
        #expect(tasks[1]["new_task_extra"] == .null)
        #expect(throws: SeedFile.Problem.self) { try SeedFile.tasks(fromJSON: Data(#"{"uuid": "x"}"#.utf8)) }
    }
}
