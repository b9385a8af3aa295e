import Foundation

/// Monotonic wall clock in seconds.
public func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// One corpus file, read before any timing starts (so every contender parses the same bytes from memory).
public struct CorpusFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
}

/// The `*.yaml` files directly under `directory`, sorted, with their bytes and the time reading them took.
public func readCorpus(_ directory: String) -> (files: [CorpusFile], seconds: Double) {
    let start = now()
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()
    var files: [CorpusFile] = []
    files.reserveCapacity(names.count)
    for name in names {
        let path = directory + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        files.append(CorpusFile(path: path, bytes: [UInt8](data)))
    }
    return (files, now() - start)
}

/// Runs `body` `repeats` times after one warm-up run; returns every timed run's seconds.
public func measure(repeats: Int, warmup: Bool = true, _ body: () -> Void) -> [Double] {
    if warmup { body() }
    var runs: [Double] = []
    for _ in 0..<max(1, repeats) {
        let start = now()
        body()
        runs.append(now() - start)
    }
    return runs
}

public extension Array where Element == Double {
    var best: Double { self.min() ?? 0 }
    var median: Double {
        let sorted = self.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// Prints one machine-readable result line: `RESULT key=value key=value ...` (bench.sh collects them).
public func result(_ pairs: KeyValuePairs<String, String>) {
    let line = "RESULT " + pairs.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + "\n"
    FileHandle.standardOutput.write(Data(line.utf8))
}

public func format(_ value: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", value) }

/// The standard result of a load-like benchmark over a corpus.
public func reportLoad(bench: String, files: [CorpusFile], tasks: Int, runs: [Double], readSeconds: Double) {
    let bytes = files.reduce(0) { $0 + $1.bytes.count }
    let best = runs.best
    result([
        "bench": bench, "files": String(files.count), "tasks": String(tasks), "bytes": String(bytes),
        "best_s": format(best), "median_s": format(runs.median), "runs": String(runs.count),
        "tasks_per_s": format(Double(tasks) / best, 0), "mb_per_s": format(Double(bytes) / 1e6 / best, 1),
        "read_s": format(readSeconds),
    ])
}

/// Reads `--name value` options from the command line.
public struct Arguments {
    public var positional: [String] = []
    var options: [String: [String]] = [:]
    var flags: Set<String> = []

    public init(_ arguments: ArraySlice<String>) {
        var rest = arguments
        while let argument = rest.popFirst() {
            if argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2))
                if let next = rest.first, !next.hasPrefix("--") {
                    options[name, default: []].append(next)
                    rest = rest.dropFirst()
                } else {
                    flags.insert(name)
                }
            } else {
                positional.append(argument)
            }
        }
    }

    public func string(_ name: String) -> String? { options[name]?.last }
    public func strings(_ name: String) -> [String] { options[name] ?? [] }
    public func int(_ name: String, default value: Int) -> Int { string(name).flatMap { Int($0) } ?? value }
    public func double(_ name: String, default value: Double) -> Double { string(name).flatMap { Double($0) } ?? value }
    public func flag(_ name: String) -> Bool { flags.contains(name) }
    public func required(_ name: String) -> String {
        guard let value = string(name) else { fail("missing --\(name)") }
        return value
    }
}

public func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(1)
}
