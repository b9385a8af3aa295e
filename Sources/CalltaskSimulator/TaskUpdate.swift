/// How an update call (`PUT .../task/{id}`, seed 001) changes a stored task, field by field as
/// `UpdateFields` lists them.
///
/// Every key present in the body replaces the stored value in each place the field is kept (the top
/// level, the local copy `task_extras`, the dialer's copy `new_task_extra`), in the shape GET gives it
/// back (`UpdateField.storedValue`). Keys the body does not name are ignored (under --strict-put they
/// never get this far: `UpdateValidator` refuses them).
///
/// Keys absent from the body keep their value, except `bridge_group_id`: seed 001 says an omitted
/// `bridge_group_id` means "none" (001:540), so it is cleared. With `strict` (--strict-put) every field
/// the body leaves out is reset to its empty value (`UpdateField.reset`: null, 0, [], "", false) — but
/// only where the copy holds the field, and never `task_type`, which says what kind of task it is.
/// An abnormal task (`new_task_extra` null or empty, 000:134) has no dialer copy to update.
enum TaskUpdate {
    static func apply(_ body: JSONValue, strict: Bool, to record: JSONValue, alterDatetime: String) -> JSONValue {
        guard var top = record.objectValue else { return record }
        var local = top["task_extras"]?.objectValue ?? [:]
        var dialer = top["new_task_extra"]?.objectValue ?? [:]
        let dialerIsLive = !dialer.isEmpty
        let extras = body["task_extras"]?.objectValue ?? [:]

        for field in UpdateFields.all {
            let sent = field.section == .top ? body[field.key] : extras[field.key]
            let value = sent.flatMap { $0.isNull ? nil : field.storedValue($0) } ?? field.whenOmitted
            for place in field.stored {
                switch place.copy {
                case .top: write(value, field.reset, strict: strict, at: place.key, in: &top)
                case .local: write(value, field.reset, strict: strict, at: place.key, in: &local)
                case .dialer where dialerIsLive: write(value, field.reset, strict: strict, at: place.key, in: &dialer)
                case .dialer: break
                }
            }
        }
        top["alter_datetime"] = .string(alterDatetime)
        top["task_extras"] = .object(local)
        if dialerIsLive { top["new_task_extra"] = .object(dialer) }
        return .object(top)
    }

    /// Sets `key` to `value`; or, when there is none, resets it in strict mode if the copy holds it.
    private static func write(_ value: JSONValue?, _ reset: JSONValue?, strict: Bool, at key: String, in copy: inout [String: JSONValue]) {
        if let value {
            copy[key] = value
        } else if strict, let reset, copy[key] != nil {
            copy[key] = reset
        }
    }
}
