import Foundation
import Testing

/// `export --out -` writes the tasks to standard output, one YAML document per task, instead of creating
/// a directory named `-`.
struct ExportToStandardOutputTests {
    @Test("export --out - prints every task as YAML documents on stdout; they plan with no changes")
    func toStandardOutput() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()

        let export = try await calltask(["export", "--out", "-"], in: workspace, simulator: simulator)
        #expect(export.status == 0, "\(export)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("-").path), "a directory named '-' was created")
        // stdout is only YAML: the account line, warnings and the summary go to stderr.
        #expect(export.stdout.hasPrefix("# yaml-language-server: $schema="), "\(export)")
        #expect(!export.stdout.contains("calltask:"), "\(export)")
        #expect(export.stderr.contains("calltask: account: \(simulator.hostPort)"), "\(export)")
        #expect(export.stderr.contains("Export: 6 task(s) written to standard output, 1 skipped"), "\(export)")
        let documents = export.stdout.components(separatedBy: "\n---\n")
        #expect(documents.count == 6, "\(export)")
        #expect(documents.allSatisfy { $0.contains("\nuuid: ") && $0.contains("\nname: ") }, "\(export)")

        try workspace.write("all.yaml", export.stdout)
        let plan = try await calltask(["plan", "--detailed-exitcode", "all.yaml"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        #expect(plan.stdout.contains("6 unchanged"), "\(plan)")
    }

    @Test("export --out - --target NAME prints that task only")
    func oneTask() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()
        let export = try await calltask(["export", "--out", "-", "--target", "spring-sale-followup"], in: workspace, simulator: simulator)
        #expect(export.status == 0, "\(export)")
        #expect(!export.stdout.contains("\n---\n"), "\(export)")
        #expect(export.stdout.contains("\nname: spring-sale-followup\n"), "\(export)")
    }
}
