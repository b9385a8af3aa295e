import Foundation
import Testing

/// What `CalltaskCLITests.tokenNeverShown` does not already cover: `validate` and `export`, the token
/// read from `--token-file` instead of `CALLTASK_TOKEN`, and failures forced by the SERVER (every call
/// answered 500, 429 or cut: retries exhausted) at -v and -vv, with the plan file and the exported specs
/// checked too. The token must appear in no output, log, plan file, journal or exported file.
struct SecretLeakTests {
    static let token = "tok-LEAK-9f8e7d6c5b4a"

    @Test("the token (from --token-file) never appears, for every command at -v and -vv, with server faults forced",
          arguments: ["--fail-rate", "--throttle-rate", "--drop-rate"])
    func tokenNeverShownUnderServerFaults(fault: String) async throws {
        let healthy = try SimulatorProcess([], token: Self.token)
        defer { healthy.stop() }
        let failing = try SimulatorProcess([fault, "1", "--retry-after", "0"], token: Self.token)
        defer { failing.stop() }
        let workspace = try Workspace()
        try workspace.write("token.txt", Self.token + "\n")
        chmod(workspace.path("token.txt").path, 0o600)
        // No CALLTASK_TOKEN at all (simulator: nil below): the token comes from the file only.
        let file = workspace.path("token.txt").path
        let healthyEnv = ["CALLTASK_ENDPOINT": healthy.baseURL, "CALLTASK_USER_ID": SimulatorProcess.userID, "CALLTASK_TOKEN_FILE": file]
        let failingEnv = ["CALLTASK_ENDPOINT": failing.baseURL, "CALLTASK_USER_ID": SimulatorProcess.userID, "CALLTASK_TOKEN_FILE": file]

        var outputs: [(String, Outcome)] = []
        for verbosity in ["-v", "-vv"] {
            outputs.append(("validate \(verbosity)", try await calltask(["validate", verbosity, "examples/"], in: workspace, simulator: nil,
                                                                         extraEnvironment: healthyEnv)))
            outputs.append(("plan \(verbosity)", try await calltask(["plan", verbosity, "--out", "plan\(verbosity).json", "examples/"],
                                                                     in: workspace, simulator: nil, extraEnvironment: healthyEnv)))
            outputs.append(("export \(verbosity)", try await calltask(["export", verbosity, "--out", "exported\(verbosity)"],
                                                                       in: workspace, simulator: nil, extraEnvironment: healthyEnv)))
            for command in [["plan"], ["apply", "--auto-approve"], ["export", "--out", "failed-export"]] {
                let arguments = command + [verbosity, "--max-retries", "1"] + (command[0] == "export" ? [] : ["examples/"])
                let outcome = try await calltask(arguments, in: workspace, simulator: nil, extraEnvironment: failingEnv)
                #expect(outcome.status != 0, "\(command) against a server answering \(fault) 1 must fail: \(outcome)")
                outputs.append(("\(command.joined(separator: " ")) \(verbosity) (\(fault) 1)", outcome))
            }
            outputs.append(("apply --plan \(verbosity) (\(fault) 1)", try await calltask(
                ["apply", verbosity, "--auto-approve", "--max-retries", "1", "--plan", "plan\(verbosity).json", "examples/"],
                in: workspace, simulator: nil, extraEnvironment: failingEnv)))
            outputs.append(("recover \(verbosity) (\(fault) 1)", try await calltask(["recover", verbosity, "--max-retries", "1"],
                                                                                     in: workspace, simulator: nil,
                                                                                     extraEnvironment: failingEnv)))
        }
        for (label, outcome) in outputs {
            #expect(!outcome.stdout.contains(Self.token) && !outcome.stderr.contains(Self.token), "\(label) printed the token: \(outcome)")
        }
        #expect(outputs.contains { $0.1.stderr.contains("GET /agent-api/") }, "-v and -vv logged no requests at all")
        for name in ["plan-v.json", "plan-vv.json"] {
            #expect(!(workspace.read(name) ?? "").contains(Self.token), "\(name) holds the token")
        }
        #expect(!(workspace.read(".calltask/journal.jsonl") ?? "").contains(Self.token), "the journal holds the token")
        for directory in ["exported-v", "exported-vv", "failed-export"] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: workspace.path(directory).path)) ?? []
            for file in files {
                #expect(!(workspace.read("\(directory)/\(file)") ?? "").contains(Self.token), "\(directory)/\(file) holds the token")
            }
        }
    }
}
