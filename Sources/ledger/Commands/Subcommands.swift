import ArgumentParser

extension LedgerCommand {
    /// Every subcommand, in the order `--help` lists them.
    static let allSubcommands: [any ParsableCommand.Type] = [
        InitCommand.self,
        AppendCommand.self,
        ImportCommand.self,
        ServeCommand.self,
        TokenCommand.self,
        LogCommand.self,
        QueryCommand.self,
        ProjectionsCommand.self,
        VerifyCommand.self,
        AuditCommand.self,
        CheckpointCommand.self,
        ProveCommand.self,
        VerifyProofCommand.self,
        ExportCommand.self,
        RestoreCommand.self,
        KeygenCommand.self,
        SinkCommand.self,
        WitnessCommand.self,
        MirrorCommand.self,
    ]
}
