/// The dashboard's script parts, one file each (see the `DashboardScript+…` files).
enum DashboardScript {}

/// The dashboard's static files as the server sends them, with a content tag so browsers
/// revalidate after an upgrade instead of running an old script against a new API.
enum DashboardAssets {
    /// One script: labels first, then the helpers, the pages and the frame that starts it.
    static let script = [
        "\"use strict\";\n", DashboardScript.labels, DashboardScript.core, DashboardScript.council,
        DashboardScript.pages, DashboardScript.frame,
    ].joined(separator: "\n")
    static let style = DashboardStyle.css

    /// FNV-1a over both files: changes whenever either does.
    static let tag: String = {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (script + style).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }()
}
