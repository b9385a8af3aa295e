import CalltaskModels

/// A value that feeds a canonical, self-delimiting byte form of itself into a `ContentHasher` (for
/// plan fingerprints).
///
/// Equal values feed equal bytes; values whose encoded (update body) forms differ feed different bytes
/// (each field in declaration order, optionals with a presence byte, text and lists with their length,
/// a tag where one type has two forms). The bytes are an internal format: changing them changes every
/// fingerprint (saved plans then read as stale).
protocol ContentHashable {
    func feed(into hasher: inout ContentHasher)
}

extension String: ContentHashable {
    func feed(into hasher: inout ContentHasher) { hasher.feed(self) }
}

extension Int: ContentHashable {
    func feed(into hasher: inout ContentHasher) { hasher.feed(self) }
}

extension Bool: ContentHashable {
    func feed(into hasher: inout ContentHasher) { hasher.feed(self) }
}

extension Array: ContentHashable where Element: ContentHashable {
    func feed(into hasher: inout ContentHasher) {
        hasher.feed(count)
        for element in self { element.feed(into: &hasher) }
    }
}

extension Optional where Wrapped: ContentHashable {
    /// A presence byte, then the value.
    func feed(into hasher: inout ContentHasher) {
        switch self {
        case .none: hasher.feed(false)
        case .some(let value):
            hasher.feed(true)
            value.feed(into: &hasher)
        }
    }
}

extension LenientInt: ContentHashable {
    /// A number, or (tagged apart from numbers) the text as sent.
    func feed(into hasher: inout ContentHasher) {
        if let text {
            hasher.feed(byte: 1)
            hasher.feed(text)
        } else {
            hasher.feed(byte: 0)
            hasher.feed(value)
        }
    }
}

extension LenientBool: ContentHashable {
    func feed(into hasher: inout ContentHasher) { hasher.feed(value) }
}

extension Flag: ContentHashable {
    func feed(into hasher: inout ContentHasher) { hasher.feed(value) }
}

extension ClockTime: ContentHashable {
    func feed(into hasher: inout ContentHasher) { hasher.feed(minutes) }
}

extension CodedValue {
    func feed(into hasher: inout ContentHasher) { hasher.feed(rawValue) }
}

extension PopMode: ContentHashable {}
extension GroupSwitchMode: ContentHashable {}
extension VariableMatchMode: ContentHashable {}
extension MultiDialMode: ContentHashable {}
extension EndAction: ContentHashable {}
extension TaskType: ContentHashable {}
extension RedialStatus: ContentHashable {}

extension TaskLine: ContentHashable {
    func feed(into hasher: inout ContentHasher) {
        hasher.feed(id)
        limit.feed(into: &hasher)
    }
}

extension Holiday: ContentHashable {
    func feed(into hasher: inout ContentHasher) {
        hasher.feed(start)
        hasher.feed(end)
    }
}

extension WorkHour: ContentHashable {
    func feed(into hasher: inout ContentHasher) {
        wday.feed(into: &hasher)
        begin.feed(into: &hasher)
        end.feed(into: &hasher)
    }
}

extension TimedScript: ContentHashable {
    func feed(into hasher: inout ContentHasher) {
        begin.feed(into: &hasher)
        end.feed(into: &hasher)
        destinationExtension.feed(into: &hasher)
    }
}

extension VariableScript: ContentHashable {
    func feed(into hasher: inout ContentHasher) {
        mode.feed(into: &hasher)
        values.feed(into: &hasher)
        destinationExtension.feed(into: &hasher)
        hasher.feed(sort)
    }
}

extension MultiScriptEntry: ContentHashable {
    func feed(into hasher: inout ContentHasher) {
        destinationExtension.feed(into: &hasher)
        hasher.feed(sort)
    }
}

extension MultiScriptConfig: ContentHashable {
    func feed(into hasher: inout ContentHasher) {
        dialMode.feed(into: &hasher)
        list.feed(into: &hasher)
    }
}

extension GroupSwitchRule: ContentHashable {
    func feed(into hasher: inout ContentHasher) {
        switchStart.feed(into: &hasher)
        switchEnd.feed(into: &hasher)
        groupId.feed(into: &hasher)
        defaultGroupId.feed(into: &hasher)
    }
}

extension NewCallRule: ContentHashable {
    func feed(into hasher: inout ContentHasher) {
        hasher.feed(reCallTime)
        hasher.feed(callInterval)
        ruleId.feed(into: &hasher)
    }
}

extension RedialConditions: ContentHashable {
    func feed(into hasher: inout ContentHasher) { daStatus.feed(into: &hasher) }
}
