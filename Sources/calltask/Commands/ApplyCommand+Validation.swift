import ArgumentParser
import CalltaskEngine

extension ApplyCommand {
    /// `--parallelism` out of range and a negative `--max-changes` are usage errors (exit 64).
    func validate() throws {
        try FlagRange.check(parallelism, SettingsLimits.parallelism, flag: "--parallelism")
        try FlagRange.checkNotNegative(maxChanges, flag: "--max-changes")
    }
}
