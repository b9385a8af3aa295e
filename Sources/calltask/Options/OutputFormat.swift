import ArgumentParser

/// `--format`: text for people, JSON for tools, Markdown for pull-request comments.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}
