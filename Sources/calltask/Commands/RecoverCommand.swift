import ArgumentParser

struct RecoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recover", abstract: "Not yet.")
    func run() async throws { throw ExitCode.failure }
}
