/// One message of a `text/event-stream` (the HTML standard's server-sent events).
public struct ServerSentEvent: Sendable, Equatable {
    public var id: String?
    public var event: String?
    public var data: [UInt8]

    public init(id: String?, event: String?, data: [UInt8]) {
        self.id = id
        self.event = event
        self.data = data
    }
}

/// Turns the bytes of an event stream, in whatever pieces the network delivers them, into
/// messages: `field: value` lines, a blank line ends a message, `:` lines are comments
/// (keep-alives), several `data:` lines join with a newline, CR, LF or CRLF end a line.
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var lastWasCR = false
    private var id: String?
    private var event: String?
    private var data: [UInt8] = []
    private var hasData = false

    public init() {}

    /// Feeds bytes; returns the messages they completed.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [ServerSentEvent] where Bytes.Element == UInt8 {
        var messages: [ServerSentEvent] = []
        for byte in bytes {
            if byte == 0x0A && lastWasCR {
                lastWasCR = false
                continue
            }
            lastWasCR = byte == 0x0D
            if byte == 0x0A || byte == 0x0D {
                if let message = endLine() { messages.append(message) }
            } else {
                line.append(byte)
            }
        }
        return messages
    }

    private mutating func endLine() -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty {
            defer {
                event = nil
                data = []
                hasData = false
            }
            return hasData ? ServerSentEvent(id: id, event: event, data: data) : nil
        }
        if line.first == UInt8(ascii: ":") { return nil }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        let name = String(decoding: line[..<colon], as: UTF8.self)
        var valueStart = colon < line.endIndex ? colon + 1 : colon
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let value = line[valueStart...]
        switch name {
        case "data":
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
        case "id": id = String(decoding: value, as: UTF8.self)
        case "event": event = String(decoding: value, as: UTF8.self)
        default: break  // `retry` and unknown fields: nothing the sink uses
        }
        return nil
    }
}
