import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

// End-to-end harness: runs the BUILT `calltask` and `calltask-sim` executables as child processes, the way
// swift-argument-parser's `AssertExecuteCommand` does, and talks to the simulator over loopback.

/// Where the built executables are: the products directory (`.build/debug`, or the `--scratch-path`'s)
/// holds the test bundle and the executables side by side.
enum Products {
    /// `CALLTASK_BIN_DIR` if set; else the first directory holding an executable `calltask`, walking up
    /// from the test binary (`CommandLine.arguments[0]`, `Bundle.main`, every loaded bundle); else the
    /// package's `.build/debug`.
    static let directory: URL? = {
        let manager = FileManager.default
        func holdsProducts(_ directory: URL) -> Bool {
            ["calltask", "calltask-sim"].allSatisfy { name in
                var isDirectory: ObjCBool = false
                let path = directory.appendingPathComponent(name).path
                return manager.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                    && manager.isExecutableFile(atPath: path)
            }
        }
        if let override = ProcessInfo.processInfo.environment["CALLTASK_BIN_DIR"], !override.isEmpty {
            let url = URL(fileURLWithPath: override)
            return holdsProducts(url) ? url : nil
        }
        var starts: [URL] = []
        if let first = CommandLine.arguments.first {
            starts.append(URL(fileURLWithPath: first).resolvingSymlinksInPath())
        }
        starts.append(Bundle.main.bundleURL)
        starts.append(contentsOf: Bundle.allBundles.map(\.bundleURL))
        for start in starts {
            var current = start.standardizedFileURL
            for _ in 0..<8 {
                if holdsProducts(current) { return current }
                let parent = current.deletingLastPathComponent()
                if parent.path == current.path { break }
                current = parent
            }
        }
        let fallback = packageRoot.appendingPathComponent(".build/debug")
        return holdsProducts(fallback) ? fallback : nil
    }()

    /// The package root, from this file's path (Tests/CalltaskCLITests/Support/CLIHarness.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func executable(_ name: String) throws -> URL {
        guard let directory else {
            throw HarnessError("cannot find the built '\(name)': build with 'swift build --build-tests' or set CALLTASK_BIN_DIR")
        }
        return directory.appendingPathComponent(name)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What a finished child process left.
struct Outcome: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The process was ended by a signal (`status` is then the signal number).
    var signaled: Bool
    var timedOut: Bool
    var seconds: Double

    var combined: String { stdout + "\n" + stderr }

    var description: String {
        "exit \(status)\(signaled ? " (signal)" : "")\(timedOut ? " (TIMED OUT)" : "") after \(String(format: "%.2f", seconds)) s\n"
            + "--- stdout\n\(stdout)--- stderr\n\(stderr)---"
    }
}

/// A child process with its stdout and stderr captured through pipes (drained on background threads, so
/// a chatty child never blocks), stdin from /dev/null (never a terminal), and a timeout after which it
/// gets SIGKILL.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    private let outPipe = Pipe()
    private let errPipe = Pipe()
    private let lock = NSLock()
    private var outData = Data()
    private var errData = Data()
    private let drained = DispatchGroup()
    private let started = Date()
    private var timedOut = false

    init(_ executable: URL, _ arguments: [String], environment: [String: String], directory: URL) {
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outPipe
        process.standardError = errPipe
    }

    func start(timeout: Double) throws {
        try process.run()
        for (pipe, isOut) in [(outPipe, true), (errPipe, false)] {
            drained.enter()
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    lock.lock()
                    if isOut { outData.append(chunk) } else { errData.append(chunk) }
                    lock.unlock()
                }
                drained.leave()
            }
        }
        let process = self.process
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [self] in
            if process.isRunning {
                lock.lock()
                timedOut = true
                lock.unlock()
                kill(process.processIdentifier, SIGKILL)
            }
        }
    }

    var pid: Int32 { process.processIdentifier }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits (off the cooperative pool) for the process to end and its pipes to drain.
    func wait() async -> Outcome {
        await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            Thread.detachNewThread { [self] in
                process.waitUntilExit()
                drained.wait()
                lock.lock()
                let outcome = Outcome(
                    status: process.terminationStatus,
                    stdout: String(decoding: outData, as: UTF8.self),
                    stderr: String(decoding: errData, as: UTF8.self),
                    signaled: process.terminationReason == .uncaughtSignal,
                    timedOut: timedOut,
                    seconds: Date().timeIntervalSince(started))
                lock.unlock()
                continuation.resume(returning: outcome)
            }
        }
    }
}

/// A scratch working directory with a copy of the example specs under `examples/`, removed at the end.
final class Workspace {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("calltask-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try copyExamples(to: "examples")
    }

    /// Copies the top-level example spec files (not subdirectories such as CI pipelines) to `name`.
    func copyExamples(to name: String) throws {
        let source = Products.packageRoot.appendingPathComponent("examples")
        let target = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for entry in try FileManager.default.contentsOfDirectory(atPath: source.path).sorted()
        where entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(entry), to: target.appendingPathComponent(entry))
        }
    }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path(relative).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ relative: String, _ text: String) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Replaces the first occurrence of `old` in a file; fails if it is not there.
    func edit(_ relative: String, replacing old: String, with new: String) throws {
        guard let text = read(relative), text.contains(old) else { throw HarnessError("\(relative) has no '\(old)'") }
        try write(relative, text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old)))
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// One `calltask-sim --port 0` child; `stop()` ends it (SIGTERM, then SIGKILL).
final class SimulatorProcess: @unchecked Sendable {
    static let userID = "5832d184-dd53-42a0-8ace-0bf8d660f4cc"

    let process = Process()
    let baseURL: String
    let hostPort: String
    let token: String
    private let logDirectory: URL

    /// Starts the simulator and waits (up to 30 s) for its `listening on http://127.0.0.1:PORT` line.
    init(_ arguments: [String] = [], token: String = "sim-token") throws {
        self.token = token
        logDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("calltask-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logDirectory, withIntermediateDirectories: true)
        let outFile = logDirectory.appendingPathComponent("out")
        let errFile = logDirectory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        process.executableURL = try Products.executable("calltask-sim")
        var arguments = ["--port", "0"] + arguments
        if token != "sim-token" { arguments += ["--token", token] }
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var found: String?
        while Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: outFile, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains("listening on http://") }),
               let range = line.range(of: "http://") {
                found = String(line[range.lowerBound...]).trimmingCharacters(in: .whitespaces)
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard let found else {
            let errors = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw HarnessError("calltask-sim did not start: \(errors)")
        }
        baseURL = found
        hostPort = String(found.dropFirst("http://".count))
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: logDirectory)
    }

    deinit { stop() }

    /// The environment `calltask` reads its account from, pointing at this simulator.
    var environment: [String: String] {
        ["CALLTASK_ENDPOINT": baseURL, "CALLTASK_USER_ID": Self.userID, "CALLTASK_TOKEN": token]
    }

    // MARK: - The simulator's own routes

    func get(_ path: String) async throws -> Data {
        let (data, response) = try await URLSession.shared.data(from: URL(string: baseURL + path)!)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw HarnessError("GET \(path): \(response)") }
        return data
    }

    /// `GET /_sim/log`: every call answered, oldest first.
    func log() async throws -> [LogEntry] {
        try JSONDecoder().decode([LogEntry].self, from: try await get("/_sim/log"))
    }

    func clearLog() async throws {
        var request = URLRequest(url: URL(string: baseURL + "/_sim/log")!)
        request.httpMethod = "DELETE"
        _ = try await URLSession.shared.data(for: request)
    }

    /// `GET /_sim/tasks`: uuid → run state (`enable`).
    func enableStates() async throws -> [String: Bool] {
        let tasks = try JSONSerialization.jsonObject(with: try await get("/_sim/tasks")) as? [[String: Any]] ?? []
        var out: [String: Bool] = [:]
        for task in tasks {
            guard let uuid = task["uuid"] as? String else { continue }
            switch task["enable"] {
            case let flag as Bool: out[uuid] = flag
            case let number as NSNumber: out[uuid] = number.intValue != 0
            case let text as String: out[uuid] = text == "true" || text == "1"
            default: out[uuid] = false
            }
        }
        return out
    }

    /// `GET /_sim/tasks`: one task's detail as JSON.
    func task(_ uuid: String) async throws -> [String: Any]? {
        let tasks = try JSONSerialization.jsonObject(with: try await get("/_sim/tasks")) as? [[String: Any]] ?? []
        return tasks.first { $0["uuid"] as? String == uuid }
    }
}

struct LogEntry: Decodable, Sendable {
    var sequence: Int
    var method: String
    var path: String
    var kind: String
    var taskId: String?
    var httpStatus: Int

    enum CodingKeys: String, CodingKey {
        case sequence, method, path, kind
        case taskId = "task_id"
        case httpStatus = "http_status"
    }
}

extension [LogEntry] {
    func of(_ kind: String) -> [LogEntry] { filter { $0.kind == kind } }
}

/// Runs the built `calltask` in `workspace` with the simulator's account in its environment (and nothing
/// else of the parent's `CALLTASK_*`), waits for it, and returns what it printed.
@discardableResult
func calltask(_ arguments: [String], in workspace: Workspace, simulator: SimulatorProcess?,
              extraEnvironment: [String: String] = [:], timeout: Double = 120) async throws -> Outcome {
    let child = try startCalltask(arguments, in: workspace, simulator: simulator, extraEnvironment: extraEnvironment, timeout: timeout)
    return await child.wait()
}

/// Starts the built `calltask` without waiting (for signal tests).
func startCalltask(_ arguments: [String], in workspace: Workspace, simulator: SimulatorProcess?,
                   extraEnvironment: [String: String] = [:], timeout: Double = 120) throws -> ChildProcess {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CALLTASK_") }
    environment["NO_COLOR"] = "1"
    for (key, value) in simulator?.environment ?? [:] { environment[key] = value }
    for (key, value) in extraEnvironment { environment[key] = value }
    let child = ChildProcess(try Products.executable("calltask"), arguments, environment: environment, directory: workspace.url)
    try child.start(timeout: timeout)
    return child
}

/// Polls `condition` every 20 ms until it holds or `seconds` pass; returns whether it held.
func eventually(within seconds: Double, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try? await Task.sleep(nanoseconds: 20_000_000)
    }
    return try await condition()
}
