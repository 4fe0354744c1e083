import PackagePlugin

/// Generates the event catalogue's Swift from the target's `.events` files at build time, so
/// only the one declaration per type is in the source tree (see docs/DESIGN.md, Event catalogue).
@main
struct EventCataloguePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let inputs = module.sourceFiles(withSuffix: "events").map(\.url).sorted { $0.path < $1.path }
        guard !inputs.isEmpty else { return [] }
        let output = context.pluginWorkDirectoryURL
        let outputs =
            inputs.map { output.appending(path: $0.deletingPathExtension().lastPathComponent + ".generated.swift") }
            + [output.appending(path: "DomainEvent.generated.swift")]
        return [
            .buildCommand(
                displayName: "Generating the event catalogue from \(inputs.count) declaration files",
                executable: try context.tool(named: "EventCatalogueGen").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: outputs)
        ]
    }
}
