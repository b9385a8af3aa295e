import CalltaskClient
import CalltaskModels
import CalltaskSimulator
import Testing

@Suite("The token never leaks")
struct RedactionTests {
    static let secret = "tok-3f9a1c7e5b2d4f60-secret"

    @Test("APIToken prints as <redacted> however it is printed")
    func tokenPrinting() {
        let token = APIToken(Self.secret + "\n")
        #expect(token.description == "<redacted>")
        #expect(token.debugDescription == "<redacted>")
        #expect("\(token)" == "<redacted>")
        #expect(String(reflecting: token) == "<redacted>")
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains(Self.secret))
        #expect(token.redacting(in: "echo: Bearer \(Self.secret)") == "echo: Bearer <redacted>")
    }

    @Test("no error description and no log line holds the token")
    func errorsAndLogs() async throws {
        let recorder = LogRecorder()
        var options = SimulatorOptions()
        options.token = Self.secret
        let simulator = Simulator(options: options)
        var tuning = SimulatorHarness.fastTuning
        tuning.maxRetries = 1
        var descriptions: [String] = []

        // Successful calls with the right token, logged at trace level.
        let account = try await SimulatorHarness.run(simulator, tuning: tuning, logger: recorder.logger()) { client in
            _ = try await client.listTasks()
            _ = try await client.taskDetail(uuid: DefaultTasks.springSaleId)
            try await client.pauseTask(uuid: DefaultTasks.springSaleId)
            do {
                _ = try await client.taskDetail(uuid: "missing")
            } catch let error as APIError {
                return [client.account.accountDescription, error.description, "\(error)", String(reflecting: error)]
            }
            return [client.account.accountDescription]
        }
        descriptions += account

        // A wrong token (the secret as a prefix of it) and server errors until retries run out.
        var failing = SimulatorOptions()
        failing.faults.failRate = 1
        failing.token = Self.secret
        for (simulator, token) in [(Simulator(), Self.secret + "-wrong"), (Simulator(options: failing), Self.secret)] {
            let description = try await SimulatorHarness.run(simulator, tuning: tuning, token: token,
                                                             logger: recorder.logger()) { client in
                do {
                    _ = try await client.listTasks()
                    return "no error"
                } catch let error as APIError {
                    return error.description + " " + String(reflecting: error) + " " + error.shortDescription
                }
            }
            descriptions.append(description)
        }

        #expect(descriptions.count == 6)
        for text in descriptions {
            #expect(!text.contains(Self.secret), "leaked in: \(text)")
        }
        let lines = recorder.all
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(!line.contains(Self.secret), "leaked in log: \(line)")
            #expect(!line.lowercased().contains("authorization"), "header in log: \(line)")
            #expect(!line.contains("Bearer"), "header in log: \(line)")
        }
        #expect(lines.contains { $0.contains("status=200") && $0.contains("path=/agent-api/new/user/") })
    }
}
