/// Seed 000's table of the English `da_status` strings GET returns, against seed 001's write codes.
///
/// A code's read-back is present when any of its strings is. Strings filed under 呼损 (call loss) have
/// no code, among them `busy`, which is not code 8. Codes 11 and 12 have no string: write-only.
public enum RedialStatusTable {
    /// Code → the strings it reads back as.
    public static let strings: [RedialStatus: [String]] = [
        .carrierBlocked: ["failed"],
        .rejected: ["not convenient", "redial later"],
        .noAnswer: ["is not reachable", "cannot be connected", "not answer"],
        .vacantNumber: ["does not exist"],
        .poweredOff: ["power off"],
        .suspended: ["out of service"],
        .busy: ["hold on", "busy now", "call reminder"],
        .incomingBarred: ["barring of incoming"],
        .arrears: ["defaulting"],
    ]

    /// String → code, for the strings that have one.
    public static let codeForString: [String: RedialStatus] = {
        var table: [String: RedialStatus] = [:]
        for (code, strings) in strings {
            for string in strings { table[string] = code }
        }
        return table
    }()
}
