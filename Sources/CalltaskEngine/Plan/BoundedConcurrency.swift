/// Runs one async call per input, at most `width` at a time, and collects the answers by input: the
/// detail reads of `plan`, `apply`'s planning, `export` and `show`.
enum BoundedConcurrency {
    static func map<Output: Sendable>(
        _ inputs: [String], width: Int, _ call: @escaping @Sendable (String) async throws -> Output
    ) async throws -> [String: Output] {
        var out: [String: Output] = [:]
        try await withThrowingTaskGroup(of: (String, Output).self) { group in
            var pending = inputs[...]
            func start(_ input: String) {
                group.addTask { (input, try await call(input)) }
            }
            for _ in 0..<max(1, width) {
                guard let input = pending.popFirst() else { break }
                start(input)
            }
            while let (input, output) = try await group.next() {
                out[input] = output
                if let next = pending.popFirst() { start(next) }
            }
        }
        return out
    }
}
