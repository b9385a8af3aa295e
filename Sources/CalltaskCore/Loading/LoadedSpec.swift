public import CalltaskYAML
public import CalltaskModels

/// A task spec together with where it came from, so every later finding can be located.
///
/// It keeps its file's bytes (shared with the loader's copy, not duplicated, for snippets) and a compact
/// index of where each node is written (`LocationIndex`, from the first parse), not its YAML node tree:
/// a tree costs ten times the bytes. Locating a finding never parses the file again.
public struct LoadedSpec: Sendable {
    public var spec: TaskSpec
    /// The file and document start.
    public var location: SourceLocation
    /// Fields dropped because their values failed to decode (they already have an error).
    public var removedPaths: [FieldPath]
    /// The file the spec was read from, and which of its documents it is.
    public var source: SourceFile
    public var documentIndex: Int
    /// Where each node of the document is written.
    public var locations: LocationIndex

    public init(spec: TaskSpec, location: SourceLocation, source: SourceFile, documentIndex: Int,
                locations: LocationIndex, removedPaths: [FieldPath] = []) {
        self.spec = spec
        self.location = location
        self.source = source
        self.documentIndex = documentIndex
        self.locations = locations
        self.removedPaths = removedPaths
    }

    /// Where the value at `path` is written, or the nearest enclosing node when it is not written.
    public func location(of path: FieldPath) -> SourceLocation {
        locations.lookup(path).location
    }

    /// Whether the value at `path` is written in the spec (a key a merge brought in counts).
    public func writes(_ path: FieldPath) -> Bool {
        locations.lookup(path).complete
    }
}
