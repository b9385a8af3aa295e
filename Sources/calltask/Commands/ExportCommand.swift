import ArgumentParser
import CalltaskClient
import CalltaskCore
import CalltaskEngine
import Foundation

/// `calltask export --out DIR`: writes the live tasks as spec files, so a team adopts calltask from
/// what it has (like `terraform import`). Reads the platform, never writes to it.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the live tasks as spec files (reads the platform, never writes to it).",
        discussion: """
            One file per task, named from the task's name and the start of its uuid. Files of the same name \
            are overwritten; other files in DIR are left alone. The run state (enable) is written only with \
            --with-enable: pinned in git, the next apply would undo every pause made in the console. \
            Abnormal tasks (empty new_task_extra) are skipped with a warning. With --out - the tasks go \
            to standard output instead, one YAML document each, separated by '---'; everything else goes \
            to standard error.
            """)

    @Option(help: "Directory to write the spec files to (created if missing); '-' for standard output.")
    var out: String

    @Option(name: .customLong("target"), help: "Only this task (name or uuid); repeatable.")
    var targets: [String] = []

    @Flag(help: "Also write each task's run state (enable).")
    var withEnable = false

    @Option(help: "What the files' '$schema=' modeline points at (a URL, or a path relative to DIR).")
    var schema: String = SpecExporter.defaultSchema

    @OptionGroup var account: AccountOptions

    @Flag(help: "Never colour the output (NO_COLOR is honoured too).")
    var noColor = false

    func run() async throws {
        let console = Console(noColor: noColor)
        let toStandardOutput = out == "-"
        let session = try CommandSupport.openSession(account.flags(), console: console, machineOutput: toStandardOutput)
        let options = ExportRunner.Options(targets: targets, withEnable: withEnable, schema: schema)
        let result = try await CommandSupport.run(console) {
            try await session.withClient(verbose: account.verbose) { client in
                try await ExportRunner(client: client, account: session.account.accountDescription,
                                       parallelism: session.tuning.pageParallelism).export(options)
            }
        }
        if toStandardOutput {
            try Self.writeToStandardOutput(result, console: console)
            return
        }
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure.error("cannot create \(out): \(error.localizedDescription)")
        }
        let earlier = Self.earlierExports(in: out)
        var failed = false
        var warnings = 0
        for file in result.files {
            let path = (out as NSString).appendingPathComponent(file.fileName)
            do {
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                console.err("calltask: error: cannot write \(path): \(error.localizedDescription)")
                failed = true
                continue
            }
            console.out("wrote \(path) (\(InertText.line(file.name)), \(file.uuid))")
            for warning in file.warnings {
                console.err("warning: \(InertText.line(warning))")
                warnings += 1
            }
            for other in earlier[file.uuid, default: []] where other != file.fileName {
                console.err("warning: \((out as NSString).appendingPathComponent(other)) holds the same task \(file.uuid) "
                            + "(an earlier export under another name?); remove it, or plan reports the task twice")
                warnings += 1
            }
        }
        warnings += Self.reportSkipped(result, console: console)
        failed = failed || !result.unmatchedTargets.isEmpty
        console.out("Export: \(result.files.count) file(s) written to \(out), \(result.skipped.count) skipped, "
                    + "\(warnings) warning(s). (\(result.requests) requests)")
        if failed { throw CommandFailure.reported }
    }

    /// `--out -`: every file's text as one YAML stream on stdout (documents separated by `---`), so it
    /// can be piped or redirected into one spec file; warnings, errors and the summary go to stderr.
    static func writeToStandardOutput(_ result: ExportRunner.Result, console: Console) throws {
        console.out(SpecExporter.stream(result.files), terminator: "")
        var warnings = 0
        for file in result.files {
            for warning in file.warnings {
                console.err("warning: \(InertText.line(file.name)) (\(file.uuid)): \(InertText.line(warning))")
                warnings += 1
            }
        }
        warnings += Self.reportSkipped(result, console: console)
        console.err("Export: \(result.files.count) task(s) written to standard output, \(result.skipped.count) skipped, "
                    + "\(warnings) warning(s). (\(result.requests) requests)")
        if !result.unmatchedTargets.isEmpty { throw CommandFailure.reported }
    }

    /// Prints the skipped tasks (warnings) and the `--target`s that named no live task (errors) on
    /// stderr; returns the number of warnings.
    static func reportSkipped(_ result: ExportRunner.Result, console: Console) -> Int {
        for skip in result.skipped {
            let name = skip.name.isEmpty ? skip.uuid : "\(InertText.line(skip.name)) (\(skip.uuid))"
            console.err("warning: skipped \(name): \(InertText.line(skip.reason))")
        }
        for target in result.unmatchedTargets {
            console.err("calltask: error: --target \(InertText.line(target)) names no live task")
        }
        return result.skipped.count
    }

    /// `--out ""` is a usage error (exit 64).
    func validate() throws {
        if out.isEmpty { throw ValidationError("--out needs a directory, or '-' for standard output") }
    }

    /// Files in `directory` written by an earlier export, by the task uuid in their header.
    static func earlierExports(in directory: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for entry in entries.sorted() where entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
            let path = (directory as NSString).appendingPathComponent(entry)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let head = String(decoding: data.prefix(2048), as: UTF8.self)
            for line in head.split(separator: "\n").prefix(3) where line.hasPrefix("# exported by calltask from ") {
                if let range = line.range(of: " — task ", options: .backwards) {
                    out[String(line[range.upperBound...]), default: []].append(entry)
                }
            }
        }
        return out
    }
}
