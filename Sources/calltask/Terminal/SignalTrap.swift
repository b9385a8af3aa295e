import CalltaskEngine
import Foundation

/// SIGINT (Ctrl-C) and SIGTERM (a cancelled CI job): start no new task, stop waiting, restore what this
/// run paused, then print the summary and exit non-zero. A second signal exits at once.
final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    init(control: RunControl, console: Console) {
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            let seen = SignalCount()
            source.setEventHandler {
                if seen.increment() > 1 { exit(130) }
                console.err("calltask: interrupted: starting no new task, restoring the tasks this run paused…")
                Task { await control.cancel() }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func stop() {
        for source in sources { source.cancel() }
    }
}

/// A counter safe to touch from a signal handler's queue.
final class SignalCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
