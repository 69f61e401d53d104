import Dispatch

/// Coalesces render requests: any number of `request()` calls in one turn of the main queue
/// produce exactly one call of `render` at the start of the next turn.
@MainActor
public final class RenderScheduler {
    private var scheduled = false
    private let render: @MainActor () -> Void
    /// Frames actually rendered (tests check coalescing with it).
    public private(set) var frames = 0

    public init(render: @escaping @MainActor () -> Void) { self.render = render }

    public func request() {
        guard !scheduled else { return }
        scheduled = true
        DispatchQueue.main.async { [weak self] in
            MainActor.assumeIsolated {
                guard let self else { return }
                self.scheduled = false
                self.frames += 1
                self.render()
            }
        }
    }

    /// True when a frame is scheduled but not drawn yet.
    public var isPending: Bool { scheduled }
}
