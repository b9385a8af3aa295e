import BenchSupport
import Foundation

/// SplitMix64: a small deterministic generator, so a corpus is the same bytes on every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uuid() -> String {
        let a = next(), b = next()
        let hex = String(format: "%016llx%016llx", a, b)
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-4" + String(c[13..<16]) + "-a" + String(c[17..<20]) + "-"
            + String(c[20..<32])
    }
}

/// Writes a realistic corpus: N new 2.0 task specs (one task per file, about 800 bytes each, the keys the
/// platform's docs use) and the matching simulator seed (`calltask-sim --seed FILE`, list item shape).
///
/// - `drift`: the share of tasks whose live `task_extras.redial_interval` differs from the spec (15 vs 30),
///   a field the list returns, so each drifted task is one `update`.
/// - `running`: the share of tasks whose top-level `enable` is on (an apply pauses and resumes them).
/// - `detail`: every spec also manages `task_extras.holiday`, which only the detail call returns, so a
///   plan must read each task's detail.
///
/// Drifted and running tasks are exact counts (round(N × share)), chosen by a seeded shuffle.
enum Generator {
    static let lines: [String] = {
        var rng = SplitMix64(state: 7)
        return (0..<24).map { _ in rng.uuid() }
    }()

    static func run(_ args: Arguments) {
        let count = args.int("count", default: 100)
        let out = args.required("out")
        let drift = args.double("drift", default: 0.1)
        let running = args.double("running", default: 0.5)
        let detail = args.flag("detail")
        let seedPath = args.string("seed") ?? (out + ".seed.json")
        var rng = SplitMix64(state: UInt64(args.int("random-seed", default: 42)))

        let manager = FileManager.default
        try? manager.removeItem(atPath: out)
        do {
            try manager.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            fail("cannot create \(out): \(error)")
        }
        let driftCount = Int((Double(count) * drift).rounded())
        let runningCount = Int((Double(count) * running).rounded())
        let drifted = Set(Array(0..<count).shuffled(using: &rng).prefix(driftCount))
        let runningSet = Set(Array(0..<count).shuffled(using: &rng).prefix(runningCount))

        var seed: [UInt8] = Array("[\n".utf8)
        var bytes = 0
        for index in 0..<count {
            let task = GeneratedTask(index: index, rng: &rng, detail: detail)
            let yaml = Array(task.yaml.utf8)
            bytes += yaml.count
            let path = out + "/" + String(format: "task-%05d.yaml", index)
            guard manager.createFile(atPath: path, contents: Data(yaml)) else { fail("cannot write \(path)") }
            seed += Array(task.seedJSON(running: runningSet.contains(index), drifted: drifted.contains(index)).utf8)
            seed += Array((index + 1 < count ? ",\n" : "\n").utf8)
        }
        seed += Array("]\n".utf8)
        guard manager.createFile(atPath: seedPath, contents: Data(seed)) else { fail("cannot write \(seedPath)") }
        result([
            "bench": "gen", "tasks": String(count), "bytes": String(bytes), "drifted": String(driftCount),
            "running": String(runningCount), "detail": String(detail), "specs": out, "seed": seedPath,
        ])
    }
}

/// One generated task: the same values drive its YAML spec and its seed entry.
struct GeneratedTask {
    var index: Int
    var uuid: String
    var name: String
    var remark: String
    var script: Int
    var dialTime: Int
    var lineIDs: [String]
    var limit: Int
    var start: String
    var stop: String
    var days: [Int]
    var afternoon: String
    var redialInterval = 30
    var redialMaxTimes: Int
    var detail: Bool

    init(index: Int, rng: inout SplitMix64, detail: Bool) {
        self.index = index
        uuid = rng.uuid()
        name = String(format: "bench-task-%05d", index)
        remark = "outbound follow-up, campaign \(index % 37), batch \(index / 100)"
        script = 100 + Int(rng.next() % 50)
        dialTime = 1 + Int(rng.next() % 9)
        let first = Int(rng.next() % UInt64(Generator.lines.count))
        lineIDs = [Generator.lines[first], Generator.lines[(first + 1 + Int(rng.next() % 5)) % Generator.lines.count]]
        limit = 1 + Int(rng.next() % 3)
        let month = 1 + Int(rng.next() % 6)
        start = String(format: "2026-%02d-01 09:00:00", month)
        stop = String(format: "2026-%02d-28 21:00:00", month + 6)
        days = rng.next() % 4 == 0 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5]
        afternoon = rng.next() % 2 == 0 ? "18:30" : "20:00"
        redialMaxTimes = 1 + Int(rng.next() % 3)
        self.detail = detail
    }

    var yaml: String {
        var text = """
            # yaml-language-server: $schema=../schemas/calltask-task.schema.json
            uuid: \(uuid)
            name: \(name)
            remark: "\(remark)"
            task_type: new_v2
            group_type: robot
            destination_extension: \(script)
            maximumcall: \(limit * lineIDs.count)
            dial_time_id: \(dialTime)
            task_extras:
              start_time: "\(start)"
              stop_time: "\(stop)"
              line:

            """
        for id in lineIDs { text += "    - { id: \(id), limit: \(limit) }\n" }
        text += "  work_week: [\(days.map(String.init).joined(separator: ", "))]\n"
        text += "  work_hour:\n"
        for day in days {
            text += "    - { wday: \(day), begin: \"09:00\", end: \"12:00\" }\n"
        }
        text += "    - { wday: \(days[0]), begin: \"14:00\", end: \"\(afternoon)\" }\n"
        if detail {
            text += "  holiday:\n    - { start: \"2026-10-01 00:00\", end: \"2026-10-07 23:59\" }\n"
        }
        text += """
              pop_mode: sequential
              redial_enabled: true
              redial_interval: \(redialInterval)
              redial_max_times: \(redialMaxTimes)
              redial_conditions:
                da_status: [no_answer, powered_off, busy]

            """
        return text
    }

    /// The live task in seed 000's list item shape (what `calltask-sim --seed` reads).
    func seedJSON(running: Bool, drifted: Bool) -> String {
        let lines = lineIDs.map { "{\"id\":\"\($0)\",\"limit\":\(limit)}" }.joined(separator: ",")
        var hours = days.map { "{\"wday\":\($0),\"begin\":\"09:00\",\"end\":\"12:00\"}" }
        hours.append("{\"wday\":\(days[0]),\"begin\":\"14:00\",\"end\":\"\(afternoon)\"}")
        let holiday = detail ? ",\"holiday\":[{\"start\":\"2026-10-01 00:00\",\"end\":\"2026-10-07 23:59\"}]" : ""
        return "{\"uuid\":\"\(uuid)\",\"name\":\"\(name)\",\"remark\":\"\(remark)\",\"enable\":\(running),"
            + "\"task_type\":7,\"group_type\":\"robot\",\"destination_extension\":\(script),"
            + "\"maximumcall\":\(limit * lineIDs.count),\"dial_time_id\":\(dialTime),"
            + "\"task_extras\":{\"start_time\":\"\(start)\",\"stop_time\":\"\(stop)\",\"line\":[\(lines)],"
            + "\"work_week\":[\(days.map(String.init).joined(separator: ","))],\"work_hour\":[\(hours.joined(separator: ","))]\(holiday)},"
            + "\"new_task_extra\":{\"pop_mode\":1,\"redial_enabled\":true,\"redial_interval\":\(drifted ? 15 : redialInterval),"
            + "\"redial_max_times\":\(redialMaxTimes),\"redial_conditions\":{\"da_status\":[4,6,8]}}}"
    }
}
