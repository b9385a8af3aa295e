import ArgumentParser

/// `plan --format`: text for people, JSON for tools, Markdown for pull-request comments.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

/// `--format` of the commands that print a result rather than a plan (`apply`, `validate`, `show`):
/// text or JSON. Another value (`markdown`) is a usage error (exit 64) naming the ones accepted.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
