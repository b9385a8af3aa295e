import CalltaskModels

/// The API quirks that rows absorb when they read a GET copy (the rest are in the value types:
/// `LenientInt` ids, `ClockTime` times, `TaskLine` shapes, `LenientBool` flags).
extension FieldTable {
    /// The dialer's copy may write a window for every working day as `wday: "-1"` (facts §2.6);
    /// it stands for one window per `work_week` day of the same copy (docs/fields.md A12).
    static func expandEveryDay(_ hours: [WorkHour], week: [LenientInt]?) -> [WorkHour] {
        guard hours.contains(where: { $0.wday.value == -1 }) else { return hours }
        let days = week?.map(\.value) ?? Array(0...6)
        return hours.flatMap { hour in
            hour.wday.value == -1 ? days.map { WorkHour(wday: $0, begin: hour.begin, end: hour.end) } : [hour]
        }
    }

    /// `redial_conditions` is read back as a list of `{hangup_cause, da_status: [strings]}` and written
    /// as `{da_status: [codes]}` (A4): strings map to codes by seed 000's table (`RedialStatusTable`);
    /// strings with no code (call loss, e.g. `busy`, A6) are appended to `uncoded` verbatim, once each,
    /// never dropped and never mistaken for code 8.
    static func redialCodes(_ conditions: [LiveRedialCondition], uncoded: inout [String]) -> RedialConditions {
        var codes: [RedialStatus] = []
        for condition in conditions {
            for text in condition.daStatus {
                if let code = RedialStatusTable.codeForString[text] {
                    codes.append(code)
                } else if let number = Int(text), let code = RedialStatus(rawValue: number) {
                    codes.append(code)  // a platform that echoes codes back
                } else if !uncoded.contains(text) {
                    uncoded.append(text)
                }
            }
        }
        return RedialConditions(daStatus: Canonical.sortedUnique(codes))
    }
}
