import FlyingFox
import FlyingSocks
import Foundation

/// Ways to break a response on the wire for the `reset` and `truncate` faults.
enum BrokenResponses {
    struct Injected: Error {}

    /// Closes the connection before a single byte of response is written: FlyingFox asks a
    /// WebSocket handler for its frames before sending headers, and this one refuses.
    static func reset() -> FlyingFox.HTTPResponse {
        FlyingFox.HTTPResponse(headers: [:], webSocket: RefusingHandler())
    }

    /// Sends the status line, headers and a `Content-Length` for the whole body, then only half
    /// of the body, then closes the connection.
    static func truncated(_ response: FlyingFox.HTTPResponse, body: [UInt8]) -> FlyingFox.HTTPResponse {
        var copy = response
        let partial = Array(body.prefix(max(1, body.count / 2)))
        copy.payload = .httpBody(HTTPBodySequence(from: PartialBytes(bytes: partial), count: max(body.count, partial.count + 1)))
        return copy
    }

    struct RefusingHandler: WSHandler {
        func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
            throw Injected()
        }
    }

    /// Yields its bytes once, then fails, so the server drops the connection mid-body.
    struct PartialBytes: AsyncBufferedSequence {
        typealias Element = UInt8
        let bytes: [UInt8]

        func makeAsyncIterator() -> Iterator { Iterator(bytes: bytes) }

        struct Iterator: AsyncBufferedIteratorProtocol {
            var bytes: [UInt8]
            var index = 0

            mutating func next() async throws -> UInt8? {
                guard index < bytes.count else { throw Injected() }
                defer { index += 1 }
                return bytes[index]
            }

            mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
                guard index < bytes.count else { throw Injected() }
                let end = Swift.min(bytes.count, index + Swift.max(1, count))
                defer { index = end }
                return bytes[index..<end]
            }
        }
    }
}
