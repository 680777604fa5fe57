import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The advisory lock that lets one writer at a time use a data directory.
///
/// `flock` locks belong to an open file description, so a second open log in the same process is refused
/// just like one in another process, and the lock goes away with the process if it dies.
final class DirectoryLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock without waiting.
    ///
    /// - Parameter directory: The data directory.
    /// - Throws: ``LogError/Code/directoryLocked`` when another writer holds it, ``LogError/Code/ioFailure``
    ///   when the lock file can not be opened.
    init(directory: String) throws {
        let path = directory + "/LOCK"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LogError(.directoryUnavailable, "can not open lock file \(path)", cause: Errno(rawValue: errno))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let cause = Errno(rawValue: errno)
            close(descriptor)
            throw LogError(
                .directoryLocked,
                "\(directory) is already open for writing by another process or log; one writer at a time",
                cause: cause
            )
        }
        self.descriptor = descriptor
    }

    /// Releases the lock.
    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
