import ArgumentParser

struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply", abstract: "Not yet.")
    func run() async throws { throw ExitCode.failure }
}
