import Hummingbird
import Logging
import NIOCore

/// Per-request state: who called (filled by `AuthMiddleware`) and where from (for the log of refusals).
public struct LedgerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The caller a valid token or session cookie names; `nil` for anonymous requests.
    public var caller: Caller?
    /// Why a presented credential was refused, so a route that needs one can say so.
    var credentialProblem: String?
    public let remoteAddress: String
    let bodyLimit: Int

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.description ?? "unknown"
        bodyLimit = ServerConfiguration.defaultMaxBodyBytes
    }

    public var maxUploadSize: Int { bodyLimit }
}
