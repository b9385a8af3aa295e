import CalltaskModels
public import CalltaskYAML

/// Loads task specs from YAML files: parse with libyaml, decode into `TaskSpec`, collect every problem.
///
/// One task per YAML document; a file may hold several documents (`---`). Top-level keys starting with
/// `x-` are ignored, so a document can hold anchors (a shared schedule) for `<<` merge keys.
///
/// ```swift
/// let result = SpecLoader.load([SourceFile(path: "tasks/sale.yaml", text: yaml)])
/// ```
public enum SpecLoader {
    public struct Result: Sendable {
        public var specs: [LoadedSpec]
        public var diagnostics: [Diagnostic]

        public init(specs: [LoadedSpec], diagnostics: [Diagnostic]) {
            self.specs = specs
            self.diagnostics = diagnostics
        }
    }

    /// Parses and decodes every document of every file; a bad document does not hide the others.
    public static func load(_ files: [SourceFile], limits: YAMLLimits = .default) -> Result {
        var specs: [LoadedSpec] = []
        var diagnostics: [Diagnostic] = []
        // Specs are written by people: quoted values are text (the models' `SpecInput` mode).
        let decoder = YAMLDecoder(specInput: true)
        for file in files {
            let parsed = YAMLParser.parse(file.bytes, file: file.path, limits: limits)
            diagnostics += parsed.diagnostics
            for document in parsed.documents {
                if let scalar = document.root.scalar, ScalarResolver.resolve(scalar, tag: document.root.tag) == .null {
                    continue  // an empty document, e.g. a trailing '---'
                }
                guard document.root.pairs != nil else {
                    diagnostics.append(Diagnostic(
                        at: document.root.location,
                        "a task spec must be a mapping of keys to values, found \(document.root.kindDescription)",
                        hint: "start the document with 'name: ...'"))
                    continue
                }
                let result = decoder.decode(TaskSpec.self, from: document.root, ignoringRootKeys: { $0.hasPrefix("x-") })
                diagnostics += result.diagnostics
                if let spec = result.value {
                    specs.append(LoadedSpec(spec: spec, location: document.root.location, source: file, documentIndex: document.index,
                                            locations: LocationIndex(document.root), removedPaths: result.removedPaths))
                }
            }
        }
        return Result(specs: specs, diagnostics: diagnostics)
    }
}
