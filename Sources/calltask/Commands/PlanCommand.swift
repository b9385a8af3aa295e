import ArgumentParser

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Not yet.")
    func run() async throws { throw ExitCode.failure }
}
