/// The tool version written into exports and shown by `ledger --version`.
public enum LedgerVersion {
    public static let current = "0.1.0"
}
