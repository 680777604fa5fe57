public import Foundation
public import RapportCRM
public import RapportLog
import Synchronization

/// The keys that seal the personal values of new events and open those of events read back, from a data
/// directory's key store (see ``SubjectKeyStore``).
///
/// The engine holds one over the store it writes. A reader of a data directory (the commands that only read, an
/// export) holds one that opens the store for reading the first time an event needs it, so that a log without
/// personal data reads without a key store. Either can be narrowed (``opening(only:)``) to the event types whose
/// personal values a reader uses, such as the read models': other events keep theirs sealed.
public final class PersonalDataKeys: Sendable {
    private let dataDirectory: String
    private let store: Mutex<Result<SubjectKeyStore, RapportError>?>
    /// The store when it was open at creation, read without a lock.
    private let openedStore: SubjectKeyStore?
    /// The event types whose personal values are opened; `nil` for every type.
    private let openedTypes: Set<String>?
    /// The nonces of the values sealed.
    private let nonces = Mutex(SecureRandomPool())

    /// Keys from a store open for writing.
    ///
    /// - Parameters:
    ///   - store: The data directory's key store.
    ///   - dataDirectory: The data directory, for messages.
    init(store: SubjectKeyStore, dataDirectory: String) {
        self.dataDirectory = dataDirectory
        self.store = Mutex(.success(store))
        self.openedStore = store
        self.openedTypes = nil
    }

    private init(dataDirectory: String, store: SubjectKeyStore?, openedTypes: Set<String>?) {
        self.dataDirectory = dataDirectory
        self.store = Mutex(store.map { .success($0) })
        self.openedStore = store
        self.openedTypes = openedTypes
    }

    /// Keys of a data directory read by another process than its writer, its store opened when first needed.
    ///
    /// - Parameter dataDirectory: The data directory.
    /// - Returns: The keys.
    public static func forReading(dataDirectory: String) -> PersonalDataKeys {
        PersonalDataKeys(dataDirectory: dataDirectory, store: nil, openedTypes: nil)
    }

    /// Keys of a data directory's log read by another process than its writer: a log that holds sealed personal
    /// data without a key store beside it is refused now, as the engine refuses it; otherwise the store is opened
    /// when first needed.
    ///
    /// - Parameter log: The log, open for reading.
    /// - Returns: The keys.
    /// - Throws: ``RapportError`` `key_store_failure` when the key store is missing but needed, `log_failure` when
    ///   the log cannot be scanned.
    public static func forReading(of log: EventLog) throws -> PersonalDataKeys {
        let keys = forReading(dataDirectory: log.directory)
        if !FileManager.default.fileExists(atPath: SubjectKeyStore.path(in: log.directory)),
            try holdsSealedPersonalData(log)
        {
            _ = try keys.keyStore()
        }
        return keys
    }

    /// Whether any record of a log holds sealed personal data: scanned only when a key store is missing.
    ///
    /// - Parameter log: The log.
    /// - Returns: `true` at the first record that does.
    /// - Throws: ``RapportError`` `log_failure`.
    static func holdsSealedPersonalData(_ log: EventLog) throws -> Bool {
        var found = false
        try EventReading.scan(log) { view in
            found = (try? EventMetadata(decoding: view.metadataBytes))?.sealedPersonalData != nil
            return !found
        }
        return found
    }

    /// The same keys, opening the personal values of some event types only: an event of another type is read with
    /// its personal fields empty and its values still sealed in ``RapportCRM/EventMetadata/sealedPersonalData``.
    ///
    /// - Parameter eventTypes: The event types whose personal values the reader uses.
    /// - Returns: The narrowed keys.
    public func opening(only eventTypes: Set<String>) -> PersonalDataKeys {
        // A store already open is shared. One not opened yet is opened by the narrowed keys when they first need
        // it, so keys narrowed to types without personal data never read it (seconds for millions of people).
        PersonalDataKeys(
            dataDirectory: dataDirectory,
            store: openedStore ?? store.withLock { try? $0?.get() },
            openedTypes: eventTypes
        )
    }

    /// Starts opening the key store on another thread when these keys open any personal values and it is not
    /// open yet, so that it loads while the caller reads a snapshot. A use before it is open waits for it, and a
    /// failure to open it is thrown at that use, as without this call.
    func startOpeningKeyStore() {
        guard openedStore == nil, openedTypes.map({ !$0.isEmpty }) ?? true else { return }
        Thread.detachNewThread { [self] in _ = try? keyStore() }
    }

    /// Whether the personal values of an event are opened when it is read.
    ///
    /// - Parameter event: The event, as stored.
    /// - Returns: `true` unless the keys were narrowed to other event types.
    func opens(_ event: CRMEvent) -> Bool {
        openedTypes.map { $0.contains(event.eventType) } ?? true
    }

    /// The key store, opened for reading on first use by a reader.
    ///
    /// - Throws: ``RapportError`` `key_store_failure` when the store is missing or damaged.
    func keyStore() throws -> SubjectKeyStore {
        if let openedStore { return openedStore }
        let result = store.withLock { current in
            if let current { return current }
            let opened = Result { () throws(RapportError) -> SubjectKeyStore in
                do {
                    return try SubjectKeyStore.openForReading(dataDirectory: dataDirectory)
                } catch let error as RapportError {
                    throw error
                } catch {
                    throw RapportError(.keyStoreFailure, "cannot open the key store of \(dataDirectory): \(error)")
                }
            }
            current = opened
            return opened
        }
        return try result.get()
    }

    /// The event as the log stores it: its personal values left out and sealed under the person's key, which is
    /// made when the person has none yet.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - eventId: Its id.
    ///   - stream: Its stream: the person whose key seals it.
    /// - Returns: The event to encode and its sealed values; `nil` when it holds no personal values, and is stored
    ///   as it is.
    /// - Throws: ``RapportError`` `key_store_failure` when the key cannot be made, or the person was forgotten.
    func seal(_ event: CRMEvent, eventId: UUID, stream: String) throws -> (event: CRMEvent, sealed: [UInt8])? {
        guard let (stored, personal) = event.sealingPersonalData() else { return nil }
        guard let key = try keyStore().key(creatingFor: stream) else {
            throw RapportError(
                .keyStoreFailure,
                "\(stream) was forgotten: its key is destroyed, and new personal data cannot be stored for it"
            )
        }
        let nonce = try nonces.withLock { try $0.nextNonce() }
        return (stored, try PersonalDataCipher.seal(personal, key: key, eventId: eventId, stream: stream, nonce: nonce))
    }

    /// The event with its sealed personal values opened, or marked erased when the person was forgotten.
    ///
    /// - Parameters:
    ///   - event: The event as stored, without its personal values.
    ///   - sealed: The sealed values.
    ///   - eventId: The event's id.
    ///   - stream: The event's stream.
    ///   - position: The event's position, for messages.
    /// - Returns: The whole event, or the erased one.
    /// - Throws: ``RapportError`` `key_store_failure` when the store has no key for the person or the key does not
    ///   open the values, `unreadable_event` when the opened values do not fit the event.
    func open(
        _ event: CRMEvent,
        sealed: [UInt8],
        eventId: UUID,
        stream: String,
        position: UInt64
    ) throws -> CRMEvent {
        switch try keyStore().lookup(stream) {
        case .destroyed:
            return event.erasingPersonalData
        case .unknown:
            throw RapportError(
                .keyStoreFailure,
                "the key store of \(dataDirectory) has no key for \(stream), whose event at position \(position) "
                    + "holds personal data: the key store is not this log's, or was restored from a backup older "
                    + "than the event"
            )
        case .key(let key):
            let personal: Data
            do {
                personal = try PersonalDataCipher.open(sealed, key: key, eventId: eventId, stream: stream)
            } catch {
                throw RapportError(
                    .keyStoreFailure,
                    "the personal data of the event at position \(position) (\(stream)) does not open with its "
                        + "key: the key store is not this log's, or the record was altered"
                )
            }
            do {
                return try personal.withUnsafeBytes { bytes in try event.unsealingPersonalData(bytes) }
            } catch {
                throw RapportError(
                    .unreadableEvent,
                    "the personal data of the event at position \(position) (\(stream)) does not fit a "
                        + "\(event.eventType): \(error)"
                )
            }
        }
    }
}
