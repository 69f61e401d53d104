import Foundation

/// Where export bytes go: standard output or a file written atomically.
public protocol ByteSink: AnyObject {
    /// Appends bytes (buffered).
    func write(_ data: Data) throws
    /// Flushes and, for files, moves the finished file into place.
    func commit() throws
    /// Drops everything written; a file sink removes its temporary file.
    func abandon()
}

extension ByteSink {
    /// Appends UTF-8 text.
    public func write(_ text: String) throws { try write(Data(text.utf8)) }
}

/// Why output could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// The `errno` behind it, when a system call failed.
    public let code: Int32?
    public init(_ description: String, code: Int32? = nil) {
        self.description = description
        self.code = code
    }
}

/// The reader of standard output went away (`lagotui export … | head`): stop quietly.
public struct OutputClosed: Error, Sendable {}

/// Writes all of `data` to a file descriptor, retrying short writes and EINTR.
func writeAll(fd: Int32, _ data: Data) throws {
    try data.withUnsafeBytes { raw in
        guard var base = raw.baseAddress else { return }
        var remaining = raw.count
        while remaining > 0 {
            let n = Foundation.write(fd, base, remaining)
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw OutputError(String(cString: strerror(code)), code: code)
            }
            remaining -= n
            base = base.advanced(by: n)
        }
    }
}

/// Bytes gathered into large writes: an export makes one system call per MiB, not per record.
struct WriteBuffer {
    static let limit = 1 << 20
    private(set) var bytes = Data()

    init() { bytes.reserveCapacity(Self.limit + (1 << 16)) }

    /// Appends `data`; true when the buffer is full enough to be written out.
    mutating func append(_ data: Data) -> Bool {
        bytes.append(data)
        return bytes.count >= Self.limit
    }

    /// Hands the gathered bytes to `write` (when there are any) and empties the buffer.
    mutating func drain(_ write: (Data) throws -> Void) rethrows {
        guard !bytes.isEmpty else { return }
        defer { bytes.removeAll(keepingCapacity: true) }
        try write(bytes)
    }
}

/// Buffered standard output. A closed pipe (`| head`) ends the export quietly.
public final class StandardOutputSink: ByteSink {
    private var buffer = WriteBuffer()

    public init() { signal(SIGPIPE, SIG_IGN) }

    public func write(_ data: Data) throws {
        if buffer.append(data) { try flush() }
    }

    private func flush() throws {
        try buffer.drain { bytes in try writeStandardOutput(bytes) }
    }

    private func writeStandardOutput(_ bytes: Data) throws {
        do { try writeAll(fd: STDOUT_FILENO, bytes) } catch let error as OutputError {
            if error.code == EPIPE { throw OutputClosed() }
            throw OutputError("cannot write to standard output: \(error)", code: error.code)
        }
    }

    public func commit() throws { try flush() }
    public func abandon() { try? flush() }
}

/// A file written next to its destination under a temporary name (mode 0600, the records are
/// billing and personal data), fsynced and renamed into place only when complete.
public final class AtomicFileSink: ByteSink {
    /// The final path.
    public let destination: URL
    /// The temporary file being written.
    public let temporaryPath: String
    private let fd: Int32
    private var buffer = WriteBuffer()
    private var finished = false

    public init(destination: URL) throws {
        self.destination = destination
        let directory = destination.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError("cannot write \(destination.path): directory \(directory) does not exist")
        }
        var template = Array((directory + "/." + destination.lastPathComponent + ".lagotui-XXXXXX").utf8CString)
        InterruptCleanup.shared.install()
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw OutputError("cannot write \(destination.path): \(String(cString: strerror(errno)))")
        }
        fd = descriptor
        temporaryPath = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        InterruptCleanup.shared.register(temporaryPath)
    }

    deinit {
        if !finished { abandon() }
    }

    public func write(_ data: Data) throws {
        if buffer.append(data) { try flush() }
    }

    private func flush() throws {
        try buffer.drain { bytes in try writeFile(bytes) }
    }

    private func writeFile(_ bytes: Data) throws {
        do { try writeAll(fd: fd, bytes) } catch {
            throw OutputError("cannot write \(destination.path): \(error)")
        }
    }

    public func commit() throws {
        guard !finished else { return }
        do {
            try flush()
            guard fsync(fd) == 0 else { throw OutputError("cannot write \(destination.path): \(String(cString: strerror(errno)))") }
            close(fd)
            finished = true
            guard rename(temporaryPath, destination.path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporaryPath)
                InterruptCleanup.shared.unregister(temporaryPath)
                throw OutputError("cannot move the export into \(destination.path): \(reason)")
            }
            InterruptCleanup.shared.unregister(temporaryPath)
        } catch {
            abandon()
            throw error
        }
    }

    public func abandon() {
        if !finished { close(fd) }
        finished = true
        unlink(temporaryPath)
        InterruptCleanup.shared.unregister(temporaryPath)
    }
}
