/// The one way a pane reads something in the background: the work runs in the busy tracker
/// (so tests and the terminal driver can wait for idle), its result reaches the pane on the
/// main actor only while `isCurrent()` (a newer read supersedes it), the header learns whether
/// Lago answered, and a frame is asked for.
extension PaneEnvironment {
    func load<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value,
                               isCurrent: @escaping @MainActor () -> Bool,
                               then deliver: @escaping @MainActor (Result<Value, any Error>) -> Void) {
        changed()
        tracker.run { [weak self] in
            let result: Result<Value, any Error>
            do { result = .success(try await work()) } catch { result = .failure(error) }
            guard let self, isCurrent() else { return }
            switch result {
            case .success: self.succeeded()
            case .failure(let error): self.failed(error)
            }
            deliver(result)
            self.changed()
        }
    }
}
