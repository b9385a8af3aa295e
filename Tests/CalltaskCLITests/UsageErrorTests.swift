import Foundation
import Testing

/// Flag values a command cannot use are usage errors: exit 64 with a message naming the flag, before
/// any settings are resolved, any file is read or any request is sent (no simulator is needed).
struct UsageErrorTests {
    @Test("out-of-range flag values and unsupported formats exit 64, naming the flag", arguments: [
        (["apply", "--format", "markdown", "examples/"], "--format"),
        (["validate", "--format", "markdown", "examples/"], "--format"),
        (["apply", "--parallelism", "0", "examples/"], "--parallelism"),
        (["apply", "--parallelism", "65", "examples/"], "--parallelism"),
        (["apply", "--max-changes=-1", "examples/"], "--max-changes"),
        (["plan", "--page-size", "0", "examples/"], "--page-size"),
        (["plan", "--page-parallelism", "0", "examples/"], "--page-parallelism"),
        (["plan", "--max-rps=-1", "examples/"], "--max-rps"),
        (["plan", "--max-retries=-1", "examples/"], "--max-retries"),
        (["plan", "--timeout", "0", "examples/"], "--timeout"),
        (["plan", "--timeout", "nan", "examples/"], "--timeout"),
        (["plan", "--connect-timeout", "0", "examples/"], "--connect-timeout"),
        (["export", "--page-size", "0", "--out", "exported"], "--page-size"),
        (["recover", "--max-retries", "21"], "--max-retries"),
        (["plan", "--format", "yaml", "examples/"], "--format"),
        (["show", "--format", "markdown", "spring-sale-followup"], "--format"),
        (["show"], "<tasks>"),
    ])
    func usageErrors(arguments: [String], flag: String) async throws {
        let workspace = try Workspace()
        // An account that would work if the run got that far: the usage error must come first.
        let environment = ["CALLTASK_ENDPOINT": "http://127.0.0.1:1", "CALLTASK_USER_ID": SimulatorProcess.userID,
                           "CALLTASK_TOKEN": "t"]
        let result = try await calltask(arguments, in: workspace, simulator: nil, extraEnvironment: environment, timeout: 30)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains(flag), "\(result)")
        #expect(!result.stdout.contains("calltask: account:"), "the run started: \(result)")
    }

    @Test("the error says what is accepted")
    func messages() async throws {
        let workspace = try Workspace()
        let parallelism = try await calltask(["apply", "--parallelism", "0", "examples/"], in: workspace, simulator: nil)
        #expect(parallelism.stderr.contains("--parallelism must be 1…64, not 0"), "\(parallelism)")
        let timeout = try await calltask(["plan", "--timeout", "0", "examples/"], in: workspace, simulator: nil)
        #expect(timeout.stderr.contains("--timeout must be 0.1…3600, not 0"), "\(timeout)")
        let format = try await calltask(["apply", "--format", "markdown", "examples/"], in: workspace, simulator: nil)
        #expect(format.stderr.contains("text") && format.stderr.contains("json"), "\(format)")
    }

    @Test("values at the edges of the ranges are accepted")
    func edges() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()
        let plan = try await calltask(["plan", "--page-size", "1", "--page-parallelism", "64", "--max-rps", "0", "--max-retries", "0",
                                       "--timeout", "3600", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        let apply = try await calltask(["apply", "--parallelism", "1", "--max-changes", "0", "--format", "json", "examples/"],
                                       in: workspace, simulator: simulator)
        // --max-changes 0 refuses any change: exit 1, not a usage error.
        #expect(apply.status == 1, "\(apply)")
        #expect(apply.stderr.contains("more than --max-changes 0"), "\(apply)")
    }
}
