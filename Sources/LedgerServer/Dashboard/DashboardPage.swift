/// The HTML frame of every dashboard page. It carries only the language and the page name; the
/// script draws everything from the API's JSON, so a figure on the page is the API's figure.
enum DashboardPage {
    /// The pages, in navigation order.
    static let names = ["council", "committee", "projects", "health"]

    enum Language: String {
        case zh, en

        init(query: String?) { self = query == "en" ? .en : .zh }

        var htmlTag: String { self == .en ? "en" : "zh-CN" }
        var title: String { self == .en ? "City consortium · Council dashboard" : "市域产教联合体 · 理事会看板" }
        var loading: String { self == .en ? "Loading…" : "加载中…" }
        var needsScript: String {
            self == .en
                ? "The dashboard needs JavaScript; the same figures are at /v1/council, /v1/committee and /v1/projects."
                : "看板需要启用 JavaScript；同样的数据可通过 /v1/council、/v1/committee、/v1/projects 获取。"
        }
    }

    /// The page `name` (one of `names`) in `language`.
    static func html(page name: String, language: Language) -> String {
        let assetQuery = "?v=" + DashboardAssets.tag
        return """
            <!DOCTYPE html>
            <html lang="\(language.htmlTag)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(language.title)</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/dashboard/assets/app.css\(assetQuery)">
            <script defer src="/dashboard/assets/app.js\(assetQuery)"></script>
            </head>
            <body data-lang="\(language.rawValue)" data-page="\(name)" data-state="starting">
            <header id="top"><div class="brand"><span class="title">\(language.title)</span></div></header>
            <main id="main" tabindex="-1"><p class="loading">\(language.loading)</p>
            <noscript><p>\(language.needsScript)</p></noscript></main>
            </body>
            </html>

            """
    }
}
