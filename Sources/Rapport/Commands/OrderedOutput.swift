import Synchronization

/// Writes result lines in input order although results arrive out of it: a refusal is known at once, while an
/// earlier command may still wait for its sync.
final class OrderedOutput: Sendable {
    private struct State {
        var next = 0
        var ready: [Int: String] = [:]
    }

    private let state = Mutex(State())
    private let write: @Sendable (String) -> Void

    /// Creates an output.
    ///
    /// - Parameter write: Writes one line; called in input order, one call at a time.
    init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// Hands over the line of input number `index` (counted from 0 over the lines that get a result) and
    /// writes every line whose turn has come.
    func deliver(_ line: String, at index: Int) {
        state.withLock { state in
            state.ready[index] = line
            while let line = state.ready.removeValue(forKey: state.next) {
                write(line)
                state.next += 1
            }
        }
    }
}
