import Foundation
import Testing

/// An endpoint nothing listens on fails at once with a message naming host and port, instead of
/// retrying a refused connection until a timeout.
struct UnreachableEndpointTests {
    @Test("a command against a port nothing listens on exits 1, naming host:port, with balanced parentheses",
          arguments: [["plan", "examples/"], ["apply", "--auto-approve", "examples/"], ["export", "--out", "-"], ["show", "spring-sale-followup"]])
    func refused(arguments: [String]) async throws {
        let workspace = try Workspace()
        let environment = ["CALLTASK_ENDPOINT": "http://127.0.0.1:1", "CALLTASK_USER_ID": SimulatorProcess.userID,
                           "CALLTASK_TOKEN": "t"]
        // A generous hang guard, not a timed assertion: speed is measured by benchmarks.
        let result = try await calltask(arguments, in: workspace, simulator: nil, extraEnvironment: environment, timeout: 30)
        #expect(!result.timedOut, "\(result)")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("calltask: error: cannot connect to 127.0.0.1:1 (connection refused); check --endpoint"),
                "\(result)")
        for line in result.stderr.split(separator: "\n") {
            #expect(line.filter { $0 == "(" }.count == line.filter { $0 == ")" }.count, "unbalanced: \(line)")
        }
    }

    @Test("--connect-timeout, CALLTASK_CONNECT_TIMEOUT and connect_timeout are settings; out of range is refused")
    func connectTimeoutSetting() async throws {
        let workspace = try Workspace()
        let environment = ["CALLTASK_ENDPOINT": "http://127.0.0.1:1", "CALLTASK_USER_ID": SimulatorProcess.userID,
                           "CALLTASK_TOKEN": "t"]
        let flag = try await calltask(["plan", "--connect-timeout", "2.5", "examples/"], in: workspace, simulator: nil,
                                      extraEnvironment: environment, timeout: 30)
        #expect(flag.status == 1 && flag.stderr.contains("cannot connect to 127.0.0.1:1"), "\(flag)")

        var bad = environment
        bad["CALLTASK_CONNECT_TIMEOUT"] = "0"
        let variable = try await calltask(["plan", "examples/"], in: workspace, simulator: nil, extraEnvironment: bad, timeout: 30)
        #expect(variable.status == 1, "\(variable)")
        #expect(variable.stderr.contains("invalid connect timeout '0.0' from CALLTASK_CONNECT_TIMEOUT"), "\(variable)")

        try workspace.write("calltask.yaml", "connect_timeout: 1000\n")
        let file = try await calltask(["plan", "examples/"], in: workspace, simulator: nil, extraEnvironment: environment, timeout: 30)
        #expect(file.status == 1, "\(file)")
        #expect(file.stderr.contains("invalid connect timeout '1000.0' from 'connect_timeout'"), "\(file)")
    }
}
