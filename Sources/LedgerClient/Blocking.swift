import Foundation

/// Runs `body` to completion from synchronous code (the CLI's commands are synchronous).
public func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox<T>()
    Task {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    guard let result = box.result else { throw RemoteError(status: 0, title: "Internal", detail: "no result") }
    return try result.get()
}

private final class ResultBox<T>: @unchecked Sendable {  // written before the semaphore signals, read after
    var result: Result<T, any Error>?
}
