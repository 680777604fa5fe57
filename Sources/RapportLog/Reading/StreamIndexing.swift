/// Whether a log opened for reading keeps its stream index.
///
/// The index is what finds a stream's records and versions. Restoring it is most of the work of opening a large
/// log from a checkpoint, and a reader that only reads by position, such as a report over the whole log, never
/// uses it.
public enum StreamIndexing: Sendable {
    /// The log knows its streams: ``EventLog/readStream(_:fromVersion:limit:)``, ``EventLog/version(of:)`` and
    /// ``EventLog/streamCount`` answer.
    case indexed
    /// The log reads by position only. It restores no stream index and, opening, checks the batches' checksums
    /// and hash chain but not that each stream's versions follow each other. Stream reads are refused with
    /// ``LogError/Code/streamsNotIndexed``.
    case notIndexed
}
