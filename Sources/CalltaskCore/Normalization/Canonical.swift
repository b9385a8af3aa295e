public import CalltaskModels

/// The canonical form of a `TaskConfig`, applied to both sides before comparing, so that values that
/// mean the same compare equal: each row that compares as a set puts its value in order
/// (`FieldTable.Compare.set`).
///
/// - Sets: `work_week`, `work_hour` (as (wday, begin, end) triples), `line` (by id) and redial
///   `da_status` are sorted (and, except `line`, de-duplicated); their order means nothing to the platform.
/// - Ordered lists (holidays, time slices, variable rules, multi-config) keep their order.
/// - Times are already canonical (`ClockTime` reads `9:00` and `09:00` alike); ids are `LenientInt`.
public enum Canonical {
    public static func canonicalize(_ config: TaskConfig, table: FieldTable = .standard) -> TaskConfig {
        var config = config
        let canonicalizers = table.canonicalizers
        for index in canonicalizers.indices { canonicalizers[index](&config) }
        return config
    }

    /// The elements sorted by `areInIncreasingOrder`, each distinct (`==`) element once.
    ///
    /// What `Array(Set(elements)).sorted(by:)` gives, without hashing; elements the order ties but
    /// `==` tells apart are all kept (in their first-seen order, not the set's, so the result is
    /// deterministic).
    static func sortedUnique<Element: Equatable>(
        _ elements: [Element], by areInIncreasingOrder: (Element, Element) -> Bool
    ) -> [Element] {
        guard elements.count > 1 else { return elements }
        let sorted = elements.sorted(by: areInIncreasingOrder)
        var out: [Element] = []
        out.reserveCapacity(sorted.count)
        var runStart = 0  // index in `out` where the current run of order-equal elements begins
        for element in sorted {
            if let last = out.last, !areInIncreasingOrder(last, element) {
                // Same place in the order as the run: keep it unless the run already holds it.
                if !out[runStart...].contains(element) { out.append(element) }
            } else {
                runStart = out.count
                out.append(element)
            }
        }
        return out
    }

    /// The elements sorted, each distinct element once (`Array(Set(elements)).sorted()`).
    static func sortedUnique<Element: Comparable>(_ elements: [Element]) -> [Element] {
        sortedUnique(elements, by: <)
    }
}
