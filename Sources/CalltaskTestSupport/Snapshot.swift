import Foundation
import Testing

/// Compares `actual` with the golden file `Snapshots/<name>.txt` next to the calling test file.
///
/// With `RECORD_SNAPSHOTS=1` in the environment the golden file is (re)written instead, and the test
/// records an issue so a recording run never passes silently. A missing golden file is an issue too.
public func assertSnapshot(
    _ actual: String,
    named name: String,
    file: StaticString = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let testFile = URL(fileURLWithPath: "\(file)")
    let folder = testFile.deletingLastPathComponent().appendingPathComponent("Snapshots")
    let snapshot = folder.appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: snapshot)
            Issue.record("recorded snapshot \(snapshot.path); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        } catch {
            Issue.record("could not write \(snapshot.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: snapshot.path) else {
        Issue.record("no snapshot at \(snapshot.path); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if actual != expected {
        Issue.record(
            "snapshot '\(name)' differs (RECORD_SNAPSHOTS=1 re-records):\n--- expected\n\(expected)\n--- actual\n\(actual)",
            sourceLocation: sourceLocation)
    }
}
