import BenchSupport
import CalltaskModels
import Foundation
import Yams

// yams-bench: the comparison. Yams (with its own vendored libyaml) decodes the same files into the same
// `TaskSpec` Codable models. No validation and no locations: Yams' decoder does not do them (and ignores
// unknown keys), so this is less work than calltask's loader does.
//
//   yams-bench load DIR [--repeat 5]

let arguments = Arguments(CommandLine.arguments.dropFirst(2))
let command = CommandLine.arguments.dropFirst().first ?? "help"

switch command {
case "load":
    guard let directory = arguments.positional.first else { fail("missing DIR") }
    let (files, readSeconds) = readCorpus(directory)
    let datas = files.map { Data($0.bytes) }
    let decoder = YAMLDecoder()
    func decodeAll() -> Int {
        var count = 0
        for data in datas {
            do {
                let spec = try decoder.decode(TaskSpec.self, from: data)
                if spec.config.name != nil { count += 1 }
            } catch {
                fail("Yams cannot decode a corpus file: \(error)")
            }
        }
        return count
    }
    let tasks = decodeAll()
    guard tasks == files.count else { fail("Yams decoded \(tasks) named tasks from \(files.count) files") }
    var sink = 0
    let runs = measure(repeats: arguments.int("repeat", default: 5)) { sink &+= decodeAll() }
    reportLoad(bench: "load-yams", files: files, tasks: tasks, runs: runs, readSeconds: readSeconds)
    if sink == 0 { print("") }
default:
    print("usage: yams-bench load DIR [--repeat N]")
    exit(command == "help" ? 0 : 1)
}
