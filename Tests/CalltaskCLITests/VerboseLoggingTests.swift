import Foundation
import Testing

/// `-v` logs one line per request on stderr (method, path, status, elapsed time); `-vv` adds the request
/// and answer bodies; neither ever shows the token, and without `-v` nothing of the kind is printed.
@Suite("-v and -vv request logs", .serialized)
struct VerboseLoggingTests {
    static let token = "tok-VERBOSE-5e1f0a9c"

    /// `GET /agent-api/new/user/<id>/task?page=1&per_page=100 200 12 ms`, a whole line.
    static let listLine = #"(?m)^GET /agent-api/new/user/[^ ]+/task\?page=1&per_page=100 200 \d+ ms$"#

    @Test("-v prints one line per request: method, path, status and milliseconds; no bodies")
    func requestLines() async throws {
        let simulator = try SimulatorProcess([], token: Self.token)
        defer { simulator.stop() }
        let workspace = try Workspace()

        let quiet = try await calltask(["plan", "examples/"], in: workspace, simulator: simulator)
        #expect(quiet.status == 0, "\(quiet)")
        #expect(!quiet.stderr.contains("GET /agent-api"), "request lines without -v: \(quiet)")

        let verbose = try await calltask(["plan", "-v", "examples/"], in: workspace, simulator: simulator)
        #expect(verbose.status == 0, "\(verbose)")
        #expect(verbose.stderr.range(of: Self.listLine, options: .regularExpression) != nil, "\(verbose)")
        // Detail reads of the tasks whose specs manage detail-only fields, one line each.
        #expect(verbose.stderr.range(of: #"(?m)^GET /agent-api/new/user/[^ ]+/task/[0-9a-f-]+/edit 200 \d+ ms$"#,
                                     options: .regularExpression) != nil, "\(verbose)")
        #expect(!verbose.stderr.contains("body:"), "-v printed bodies: \(verbose)")
        #expect(!verbose.stdout.contains("GET /agent-api"), "request lines belong on stderr: \(verbose)")
        #expect(!verbose.combined.contains(Self.token), "\(verbose)")
    }

    @Test("-vv adds the request and answer bodies, and never the token")
    func bodies() async throws {
        let simulator = try SimulatorProcess([], token: Self.token)
        defer { simulator.stop() }
        let workspace = try Workspace()

        let plan = try await calltask(["plan", "-vv", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        #expect(plan.stderr.range(of: Self.listLine, options: .regularExpression) != nil, "\(plan)")
        #expect(plan.stderr.contains("< GET /agent-api/new/user/\(SimulatorProcess.userID)/task?page=1&per_page=100 200 body: {"), "\(plan)")
        #expect(plan.stderr.contains("\"spring-sale-followup\""), "the list body is not shown: \(plan)")

        let apply = try await calltask(["apply", "-vv", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        #expect(apply.status == 0, "\(apply)")
        #expect(apply.stderr.range(of: #"(?m)^> PUT /agent-api/new/user/[^ ]+/task/[0-9a-f-]+ body: \{"#,
                                   options: .regularExpression) != nil, "the update body is not shown: \(apply)")
        #expect(apply.stderr.range(of: #"(?m)^PUT /agent-api/new/user/[^ ]+/task_stop/[0-9a-f-]+ 200 \d+ ms$"#,
                                   options: .regularExpression) != nil, "\(apply)")

        // A refused token: the platform's answer is logged, the token that was sent is not.
        let refused = try await calltask(["plan", "-vv", "examples/"], in: workspace, simulator: simulator,
                                         extraEnvironment: ["CALLTASK_TOKEN": Self.token + "-wrong"])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.range(of: #"(?m)^GET /agent-api/[^ ]+ 401 \d+ ms$"#, options: .regularExpression) != nil, "\(refused)")
        for outcome in [plan, apply, refused] {
            #expect(!outcome.combined.contains(Self.token), "the token was printed: \(outcome)")
            #expect(!outcome.combined.contains("Bearer"), "the Authorization header was printed: \(outcome)")
        }
    }
}
