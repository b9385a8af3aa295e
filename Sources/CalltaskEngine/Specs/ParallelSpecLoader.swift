import CalltaskCore
import CalltaskYAML
import Foundation

/// Runs the pure `SpecLoader` over chunks of the files on every core.
///
/// Files are independent and the loader keeps no shared state, so the result is the sequential one:
/// the same specs in the same order, and the same diagnostics (chunks are concatenated in order).
/// Small sets are loaded on the calling thread; a thread hop would cost more than it saves.
enum ParallelSpecLoader {
    static func load(_ files: [SourceFile], workers: Int = ProcessInfo.processInfo.activeProcessorCount) -> SpecLoader.Result {
        // A few chunks per worker, so one slow chunk does not leave the other cores idle.
        let chunkCount = min(files.count / 32, max(1, workers) * 4)
        guard workers > 1, chunkCount > 1 else { return SpecLoader.load(files) }
        let chunkSize = (files.count + chunkCount - 1) / chunkCount
        let chunks = stride(from: 0, to: files.count, by: chunkSize).map { start in
            Array(files[start..<min(start + chunkSize, files.count)])
        }
        let slots = ChunkResults(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            slots.store(SpecLoader.load(chunks[index]), at: index)
        }
        return slots.merged()
    }
}

/// One result slot per chunk, filled from the worker threads under a lock.
private final class ChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [SpecLoader.Result?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func store(_ result: SpecLoader.Result, at index: Int) {
        lock.withLock { results[index] = result }
    }

    /// The chunks' specs and diagnostics, in chunk order.
    func merged() -> SpecLoader.Result {
        lock.withLock {
            var merged = SpecLoader.Result(specs: [], diagnostics: [])
            for result in results {
                merged.specs += result?.specs ?? []
                merged.diagnostics += result?.diagnostics ?? []
            }
            return merged
        }
    }
}
