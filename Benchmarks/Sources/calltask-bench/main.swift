import BenchSupport
import CLibYAML
import CalltaskCore
import CalltaskModels
import CalltaskYAML
import Foundation

// calltask-bench: everything measured WITHOUT Yams in the binary.
//
//   calltask-bench gen   --count N --out DIR [--seed FILE] [--drift 0.1] [--running 0.5] [--detail]
//   calltask-bench load  DIR [--repeat 5]          SpecLoader.load + Validator.validate, files already in memory
//   calltask-bench scan  DIR [--repeat 5]          bare libyaml event scan of the same bytes (the floor)
//   calltask-bench diff  DIR --live PAGE.json... [--repeat 5]
//                                                 Differ.diff alone over every matched task (models in memory),
//                                                 plus normalize, fingerprint and the whole pure Planner.plan
//   calltask-bench stages DIR [--repeat 5]        where loading spends its time: parse only (tree building),
//                                                 parse + decode, parse + decode + validate
//   calltask-bench profile-load DIR [--repeat 1]  SpecLoader.load + validate only, no warm-up (for callgrind)
//
// Every result is one `RESULT key=value ...` line on stdout.

let arguments = Arguments(CommandLine.arguments.dropFirst(2))
let command = CommandLine.arguments.dropFirst().first ?? "help"

func sourceFiles(_ files: [CorpusFile]) -> [SourceFile] {
    files.map { SourceFile(path: $0.path, bytes: $0.bytes) }
}

/// Our loader, as `calltask validate` runs it: parse, decode, validate (and fail loudly on a bad corpus).
func loadAndValidate(_ sources: [SourceFile]) -> (specs: [LoadedSpec], errors: Int) {
    let loaded = SpecLoader.load(sources)
    let diagnostics = loaded.diagnostics + Validator.validate(loaded.specs)
    return (loaded.specs, diagnostics.filter { $0.severity == .error }.count)
}

func corpusDirectory(_ arguments: Arguments) -> String {
    guard let directory = arguments.positional.first else { fail("missing DIR") }
    return directory
}

/// The number of libyaml events in `bytes` (every event is produced; nothing is built).
func scanEvents(_ bytes: [UInt8]) -> Int {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) == 1 else { fail("yaml_parser_initialize failed") }
    defer { yaml_parser_delete(parser) }
    var events = 0
    bytes.withUnsafeBufferPointer { buffer in
        yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { fail("libyaml parse error") }
            let type = event.type
            yaml_event_delete(&event)
            events += 1
            if type == YAML_STREAM_END_EVENT { break }
        }
    }
    return events
}

switch command {
case "gen":
    Generator.run(arguments)

case "load":
    let (files, readSeconds) = readCorpus(corpusDirectory(arguments))
    let sources = sourceFiles(files)
    let check = loadAndValidate(sources)
    guard check.errors == 0, check.specs.count == files.count else {
        fail("the corpus does not load cleanly: \(check.specs.count) specs from \(files.count) files, \(check.errors) errors")
    }
    var sink = 0
    let runs = measure(repeats: arguments.int("repeat", default: 5)) {
        sink &+= loadAndValidate(sources).specs.count
    }
    reportLoad(bench: "load-calltask", files: files, tasks: check.specs.count, runs: runs, readSeconds: readSeconds)
    if sink == 0 { print("") }

case "profile-load":
    let (files, _) = readCorpus(corpusDirectory(arguments))
    let sources = sourceFiles(files)
    let runs = measure(repeats: arguments.int("repeat", default: 1), warmup: false) {
        _ = loadAndValidate(sources)
    }
    reportLoad(bench: "profile-load", files: files, tasks: files.count, runs: runs, readSeconds: 0)

case "stages":
    let (files, _) = readCorpus(corpusDirectory(arguments))
    let sources = sourceFiles(files)
    let repeats = arguments.int("repeat", default: 5)
    var sink = 0
    let parse = measure(repeats: repeats) {
        for source in sources { sink &+= YAMLParser.parse(source.bytes, file: source.path).documents.count }
    }
    let decode = measure(repeats: repeats) { sink &+= SpecLoader.load(sources).specs.count }
    // Decoding alone, from trees parsed beforehand (what the Codable layer costs by itself).
    let trees = sources.flatMap { YAMLParser.parse($0.bytes, file: $0.path).documents.map(\.root) }
    let decodeOnly = measure(repeats: repeats) {
        for tree in trees where YAMLDecoder().decode(TaskSpec.self, from: tree).value != nil { sink &+= 1 }
    }
    let loaded = SpecLoader.load(sources).specs
    let validate = measure(repeats: repeats) { sink &+= Validator.validate(loaded).count }
    result(["bench": "load-stages", "files": String(files.count), "parse_s": format(parse.best),
            "parse_decode_s": format(decode.best), "decode_s": format(decode.best - parse.best),
            "decode_only_s": format(decodeOnly.best), "validate_s": format(validate.best)])
    if sink == 0 { print("") }

case "scan":
    let (files, readSeconds) = readCorpus(corpusDirectory(arguments))
    var events = 0
    let runs = measure(repeats: arguments.int("repeat", default: 5)) {
        events = 0
        for file in files { events += scanEvents(file.bytes) }
    }
    reportLoad(bench: "load-libyaml-scan", files: files, tasks: files.count, runs: runs, readSeconds: readSeconds)
    result(["bench": "scan-events", "events": String(events)])

case "diff":
    let (files, _) = readCorpus(corpusDirectory(arguments))
    let loaded = loadAndValidate(sourceFiles(files))
    var live: [LiveTask] = []
    for page in arguments.strings("live") {
        guard let data = FileManager.default.contents(atPath: page) else { fail("cannot read \(page)") }
        do {
            live += try JSONDecoder().decode(Envelope<[LiveTask]>.self, from: data).data ?? []
        } catch {
            fail("\(page): \(error)")
        }
    }
    let repeats = arguments.int("repeat", default: 5)
    let matched = Matcher.match(loaded.specs, live: live)
    guard matched.matches.count == loaded.specs.count else {
        fail("only \(matched.matches.count) of \(loaded.specs.count) specs match a live task")
    }
    let pairs = matched.matches.map { (desired: Canonical.canonicalize($0.spec.spec.config), live: Normalizer.normalize($0.live)) }
    var changed = 0
    let diffRuns = measure(repeats: repeats) {
        changed = 0
        for pair in pairs where !Differ.diff(desired: pair.desired, live: pair.live).isEmpty { changed += 1 }
    }
    result(["bench": "diff", "tasks": String(pairs.count), "changed": String(changed), "best_s": format(diffRuns.best),
            "median_s": format(diffRuns.median), "runs": String(diffRuns.count)])
    let normalizeRuns = measure(repeats: repeats) {
        for task in matched.matches { _ = Normalizer.normalize(task.live) }
    }
    result(["bench": "normalize", "tasks": String(pairs.count), "best_s": format(normalizeRuns.best),
            "median_s": format(normalizeRuns.median), "runs": String(normalizeRuns.count)])
    let fingerprintRuns = measure(repeats: repeats) {
        for pair in pairs { _ = Fingerprint.of(pair.live) }
    }
    result(["bench": "fingerprint", "tasks": String(pairs.count), "best_s": format(fingerprintRuns.best),
            "median_s": format(fingerprintRuns.median), "runs": String(fingerprintRuns.count)])
    let planRuns = measure(repeats: repeats) {
        _ = Planner.plan(matched: Matcher.match(loaded.specs, live: live), details: [:], options: .init(), account: "bench",
                         specHash: "", requests: 0)
    }
    result(["bench": "plan-pure", "tasks": String(pairs.count), "best_s": format(planRuns.best),
            "median_s": format(planRuns.median), "runs": String(planRuns.count)])

default:
    print("usage: calltask-bench gen|load|scan|diff|profile-load ... (see Benchmarks/Sources/calltask-bench/main.swift)")
    exit(command == "help" ? 0 : 1)
}
