import ArgumentParser
import CalltaskSimulator
import Foundation
import Hummingbird

/// `calltask-sim`: a local simulator of the platform's task API (see `Simulator`).
///
/// Prints exactly one line, `calltask-sim listening on http://127.0.0.1:PORT`, once it accepts
/// connections (with `--port 0`, the port the OS chose), and runs until SIGINT or SIGTERM.
struct CalltaskSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calltask-sim",
        abstract: "Serve a local simulator of the AI calling platform's task API.",
        discussion: """
            Routes: GET /agent-api/new/user/{user_id}/task, POST …/task, GET …/task/{task_id}/edit, \
            PUT …/task/{task_id}, PUT …/task_stop/{task_id}, the resume path (PUT …/task_start/{task_id} by \
            default), and the simulator's own GET/DELETE /_sim/log, GET /_sim/tasks, GET /_sim/put/{task_id}, \
            GET/PUT /_sim/clock, GET /_sim/create, POST /_sim/hold, GET /_sim/hold, GET /_sim/hold/wait, \
            POST /_sim/release.
            Without --seed it serves a built-in set of seven tasks.
            """
    )

    @Option(help: "Port to listen on (0: let the OS choose).")
    var port: Int = 8089

    @Option(help: "Loopback address to listen on (127.0.0.1, ::1 or localhost).")
    var host: String = "127.0.0.1"

    @Option(help: "JSON file with an array of tasks in the list item shape (default: the built-in tasks).")
    var seed: String?

    @Option(help: "Bearer token every call must send.")
    var token: String = SimulatorOptions.defaultToken

    @Option(name: .customLong("user-id"), help: "The main account id the paths must name.")
    var userId: String = SimulatorOptions.defaultUserId

    @Option(name: .customLong("sub-user-id"), help: "Sub-account owning the tasks (calls must send sub_user_id).")
    var subUserId: String?

    @Flag(name: .customLong("strict-put"), help: "Reset every settable field an update body leaves out, and refuse keys the update docs do not name.")
    var strictPut = false

    @Option(name: .customLong("resume-path"), help: "Path of the resume call, with {user_id} and {task_id}.")
    var resumePath: String = SimulatorOptions.defaultResumePath

    @Option(name: .customLong("latency-ms"), help: "Delay every /agent-api call by this many milliseconds.")
    var latencyMs: Int = 0

    @Option(name: .customLong("jitter-ms"), help: "Add a random 0…N ms to the delay.")
    var jitterMs: Int = 0

    @Option(name: .customLong("fail-rate"), help: "Share of calls answered HTTP 500 (0…1).")
    var failRate: Double = 0

    @Option(name: .customLong("throttle-rate"), help: "Share of calls answered HTTP 429 with Retry-After (0…1).")
    var throttleRate: Double = 0

    @Option(name: .customLong("retry-after"), help: "Retry-After seconds of a throttled call.")
    var retryAfter: Int = 1

    @Option(name: .customLong("drop-rate"), help: "Share of calls whose connection is closed mid-answer, after the change (0…1).")
    var dropRate: Double = 0

    @Option(name: .customLong("fault-seed"), help: "Seed of the fault RNG (and of created tasks' uuids), to replay a run.")
    var faultSeed: UInt64?

    @Option(name: .customLong("create-fail-rate"), help: "Share of create calls answered HTTP 500 before the task is stored (0…1).")
    var createFailRate: Double = 0

    @Option(name: .customLong("create-commit-then-fail-rate"), help: "Share of create calls that store the task, then answer HTTP 500 (0…1).")
    var createCommitThenFailRate: Double = 0

    @Option(name: .customLong("create-commit-then-drop-rate"), help: "Share of create calls that store the task, then drop the connection (0…1).")
    var createCommitThenDropRate: Double = 0

    @Option(name: .customLong("create-hidden-seconds"), help: "Keep a new task out of every list answer for this many seconds of wall time.")
    var createHiddenSeconds: Double = 0

    @Option(name: .customLong("create-task-type"), help: "task_type of created tasks: 6 (2.0, default) or 7 (new 2.0).")
    var createTaskType: Int = 6

    @Flag(name: .customLong("create-paused"), help: "Created tasks start paused (default: enabled, the stricter case).")
    var createPaused = false

    @Flag(name: .customLong("create-empty-extra"), help: "Created tasks get an empty new_task_extra {} (an abnormal task).")
    var createEmptyExtra = false

    @Option(name: .customLong("alter-on-update"), help: "Test knob: after each update, change this top-level field (e.g. remark) to a value the body did not carry.")
    var alterOnUpdate: String?

    @Option(help: "The dialer clock (YYYY-MM-DD HH:MM:SS), which decides each task's call_status; PUT /_sim/clock moves it.")
    var now: String = TaskStore.defaultDialerTime

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") else {
            throw ValidationError("--host must be a loopback address: the simulator never listens beyond this machine")
        }
        let rates = [
            ("--fail-rate", failRate), ("--throttle-rate", throttleRate), ("--drop-rate", dropRate),
            ("--create-fail-rate", createFailRate), ("--create-commit-then-fail-rate", createCommitThenFailRate),
            ("--create-commit-then-drop-rate", createCommitThenDropRate),
        ]
        for (name, rate) in rates where !(0...1).contains(rate) {
            throw ValidationError("\(name) must be between 0 and 1")
        }
        guard createFailRate + createCommitThenFailRate + createCommitThenDropRate <= 1 else {
            throw ValidationError("--create-fail-rate, --create-commit-then-fail-rate and --create-commit-then-drop-rate must add up to at most 1")
        }
        guard createHiddenSeconds >= 0, createHiddenSeconds.isFinite else {
            throw ValidationError("--create-hidden-seconds must not be negative")
        }
        guard [6, 7].contains(createTaskType) else {
            throw ValidationError("--create-task-type must be 6 (2.0) or 7 (new 2.0)")
        }
        guard latencyMs >= 0, jitterMs >= 0, retryAfter >= 0 else {
            throw ValidationError("--latency-ms, --jitter-ms and --retry-after must not be negative")
        }
        guard now.split(separator: " ").count == 2, now.count >= 16, now.count <= 19 else {
            throw ValidationError("--now must be a time like 2026-03-02 10:00:00")
        }
        guard resumePath.hasPrefix("/"), resumePath.contains("{task_id}") else {
            throw ValidationError("--resume-path must start with / and contain {task_id}")
        }
    }

    func run() async throws {
        var options = SimulatorOptions()
        options.token = token
        options.userId = userId
        options.subUserId = subUserId
        options.strictPut = strictPut
        options.resumePath = resumePath
        options.faults.latencyMs = latencyMs
        options.faults.jitterMs = jitterMs
        options.faults.failRate = failRate
        options.faults.throttleRate = throttleRate
        options.faults.retryAfterSeconds = retryAfter
        options.faults.dropRate = dropRate
        options.faults.seed = faultSeed
        options.faults.createFailRate = createFailRate
        options.faults.createCommitThenFailRate = createCommitThenFailRate
        options.faults.createCommitThenDropRate = createCommitThenDropRate
        options.faults.createHiddenSeconds = createHiddenSeconds
        options.createTaskType = createTaskType
        options.createEnabled = !createPaused
        options.createEmptyExtra = createEmptyExtra
        options.dialerTime = now
        options.alterOnUpdate = alterOnUpdate

        let tasks: [SimTask]?
        if let seed {
            do {
                tasks = try SeedFile.load(path: seed, userId: userId)
            } catch {
                throw ValidationError("\(error)")
            }
        } else {
            tasks = nil
        }

        let simulator = Simulator(options: options, tasks: tasks)
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let app = simulator.buildApplication(host: host, port: port) { boundPort in
            FileHandle.standardOutput.write(Data("calltask-sim listening on http://\(shownHost):\(boundPort)\n".utf8))
        }
        try await app.runService()
    }
}

// Top-level code (this is main.swift, so no @main): parse, validate, run, and exit with
// ArgumentParser's messages and codes on errors, `--help` included.
do {
    let command = try CalltaskSim.parse()
    try await command.run()
} catch {
    CalltaskSim.exit(withError: error)
}
