import AsyncHTTPClient
import ConsortiumLedger
import Foundation

/// The live event stream of a `FeedSource`: one reading task per open stream, its records
/// buffered until the sink takes them. A stream that ends or fails is reopened at the next
/// sequence the sink asks for (the server resumes from `from`, or `Last-Event-ID`).
actor FeedStream {
    private var buffer: [SinkRecord] = []
    /// The sequence the buffer's next record must have (the stream's position).
    private var expected: UInt64 = 0
    private var reader: Task<Void, Never>?
    private var failure: SinkError?

    func take(
        after sequence: UInt64, limit: Int, wait: Duration,
        open: @escaping @Sendable (UInt64) async throws -> HTTPClientResponse
    ) async throws -> [SinkRecord] {
        let next = buffer.first?.sequence ?? expected
        if reader == nil || next != sequence + 1 {
            restart(from: sequence + 1, open: open)
        }
        let deadline = ContinuousClock.now + wait
        while buffer.isEmpty, failure == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        if let failure {
            self.failure = nil
            reader?.cancel()
            reader = nil
            throw failure
        }
        let taken = Array(buffer.prefix(limit))
        buffer.removeFirst(taken.count)
        return taken
    }

    private func restart(from: UInt64, open: @escaping @Sendable (UInt64) async throws -> HTTPClientResponse) {
        reader?.cancel()
        buffer = []
        expected = from
        failure = nil
        reader = Task { [weak self] in
            do {
                let response = try await open(from)
                var parser = ServerSentEventParser()
                for try await chunk in response.body {
                    for message in parser.feed(chunk.readableBytesView) where !message.data.isEmpty {
                        let record: SinkRecord
                        do {
                            record = try SinkRecord.parse(
                                logLine: message.data, source: "feed event \(message.id ?? "?")")
                        } catch {
                            throw SinkError(.source, "\(error)")
                        }
                        await self?.deliver(record)
                    }
                }
                await self?.fail(SinkError(.sourceUnavailable, "the feed closed its event stream"))
            } catch let error as SinkError {
                await self?.fail(error)
            } catch is CancellationError {
                return
            } catch {
                await self?.fail(SinkError(.sourceUnavailable, "the feed's event stream failed: \(error)"))
            }
        }
    }

    private func deliver(_ record: SinkRecord) {
        // Messages before the position asked for (a server that resends from an earlier id)
        // are skipped; the chain check catches anything else out of order.
        guard record.sequence >= expected else { return }
        buffer.append(record)
        expected = record.sequence + 1
    }

    private func fail(_ error: SinkError) {
        if failure == nil { failure = error }
    }
}
