/// Suggestions for misspelt keys ("did you mean ...?").
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
    ///
    /// "Close enough" is a distance of at most 4 and less than the word's own length, so that a short
    /// unrelated key does not get a far-fetched suggestion.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        var best: (String, Int)?
        let lowered = word.lowercased()
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if let current = best, distance > current.1 || (distance == current.1 && candidate >= current.0) {
                continue
            }
            best = (candidate, distance)
        }
        guard let (candidate, distance) = best else { return nil }
        let half: Int = word.count / 2 + 1
        let limit: Int = Swift.min(4, Swift.max(1, half))
        return distance <= limit && distance < word.count ? candidate : nil
    }

    /// The several candidates closest to `word`, best first (for "closest live names").
    public static func nearest(to word: String, in candidates: [String], count: Int) -> [String] {
        let lowered = word.lowercased()
        let scored: [(name: String, distance: Int)] = candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
        let sorted = scored.sorted { a, b in
            a.distance == b.distance ? a.name < b.name : a.distance < b.distance
        }
        return sorted.prefix(count).map { $0.name }
    }

    /// Levenshtein distance over Unicode scalars.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                let deletion: Int = previous[j] + 1
                let insertion: Int = current[j - 1] + 1
                let substitution: Int = previous[j - 1] + cost
                current[j] = Swift.min(deletion, insertion, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
