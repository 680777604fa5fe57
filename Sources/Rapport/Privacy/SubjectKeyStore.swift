public import Crypto
import Synchronization

/// The keys that encrypt personal data in the log: one random 256-bit AES key per data subject (a contact or a
/// lead), kept in the data directory's `subject-keys` file (docs/KEY-STORE.md).
///
/// Forgetting a subject destroys its key in place (crypto-shredding): the personal fields the append-only log
/// holds for it can then never be decrypted again, and the subject never gets another key. One process writes a
/// store at a time (the one that holds the data directory); any number may read it. Lookups are answered from
/// memory, so a replay can ask once per event.
public final class SubjectKeyStore: Sendable {
    /// The name of the key store file in a data directory.
    public static let fileName = "subject-keys"

    /// When the changes of a store open for writing are made durable.
    public enum Durability: Sendable {
        /// Every key created is synced to disk before ``SubjectKeyStore/key(creatingFor:)`` returns, so that a
        /// log append that follows never holds data whose key a crash could lose. The default.
        case syncEachChange
        /// Keys created are written to the file by ``SubjectKeyStore/writeCreatedKeys()`` or
        /// ``SubjectKeyStore/sync()``, and synced only by the latter, for bulk loads that write and sync once
        /// before their log appends; each key then costs no system call of its own.
        case syncOnRequest
    }

    /// What the store holds for a data subject.
    public enum Lookup: Sendable, Equatable {
        /// The subject's key.
        case key(SymmetricKey)
        /// The subject was forgotten: its key was destroyed and its personal fields can not be read.
        case destroyed
        /// The subject has no slot: no key was ever created for it.
        case unknown
    }

    /// The key store file.
    public let path: String
    /// Whether the store was opened with ``openForReading(dataDirectory:)`` and so refuses every change.
    public let isReadOnly: Bool
    private let durability: Durability
    private let state: Mutex<State>

    private struct State: Sendable {
        /// The open file, `nil` once the store is closed.
        var file: SubjectKeyFileHandle?
        var table: SubjectKeyTable
        /// Whether slots were created since the last sync.
        var unsynced = false
        /// The slots at the end of the table not written to the file yet (``Durability/syncOnRequest`` only),
        /// one after another.
        var unwritten: [UInt8] = []
        /// Where new keys come from.
        var randomBytes = SecureRandomPool()
        /// Why a write failed; the file may then hold a change the table does not, so no more are made.
        var failure: String?
    }

    /// What to do about a damaged key store, ending the messages that report damage.
    static let damageAdvice = "restore the key store from a backup with `rapport keys restore`"

    /// Creates a store on a file already read.
    ///
    /// - Parameters:
    ///   - file: The open file.
    ///   - table: Its slots.
    ///   - isReadOnly: Whether changes are refused.
    ///   - durability: When changes are synced.
    init(file: SubjectKeyFileHandle, table: SubjectKeyTable, isReadOnly: Bool, durability: Durability) {
        self.path = file.path
        self.isReadOnly = isReadOnly
        self.durability = durability
        self.state = Mutex(State(file: file, table: table))
    }

    deinit {
        state.withLock { $0.file?.close() }
    }

    /// The key store file of a data directory.
    ///
    /// - Parameter dataDirectory: The data directory.
    /// - Returns: The path of its `subject-keys` file.
    static func path(in dataDirectory: String) -> String {
        dataDirectory + "/" + fileName
    }

    /// How error messages name a key store file.
    ///
    /// - Parameter path: The file.
    /// - Returns: For example `key store /data/subject-keys`.
    static func name(of path: String) -> String {
        "key store \(path)"
    }

    /// How many subjects have a key; 0 once the store is closed.
    public var liveCount: Int {
        state.withLock { $0.table.liveCount }
    }

    /// How many subjects had their key destroyed, including those destroyed before they had one; 0 once the
    /// store is closed.
    public var destroyedCount: Int {
        state.withLock { $0.table.destroyedCount }
    }

    /// Every subject with a slot, in the order their slots were written.
    ///
    /// - Returns: Each subject and whether its key was destroyed; empty once the store is closed.
    public func subjects() -> [(subject: String, destroyed: Bool)] {
        state.withLock { $0.table.slots }.map { ($0.subject, $0.key == nil) }
    }

    /// What the store holds for a subject.
    ///
    /// A store open for reading first reads the slots a writer appended since it last looked when the subject is
    /// unknown. A slot that does not read yet (a writer may be writing it at that moment) is left for a later
    /// lookup, and so is everything after it; opening the store again reports it if it stays damaged. Keys that
    /// a writer destroyed after this store read them are seen once the store is opened again.
    ///
    /// - Parameter subject: The data subject, for example `contact-c17`.
    /// - Returns: The subject's key, `destroyed`, or `unknown` (also once the store is closed).
    public func lookup(_ subject: String) -> Lookup {
        state.withLock { state in
            if let entry = state.table[subject] {
                return entry.key.map(Lookup.key) ?? .destroyed
            }
            guard isReadOnly, let file = state.file,
                let size = try? file.size(),
                size >= SubjectKeyFile.offset(ofSlot: state.table.slotCount + 1)
            else { return .unknown }
            try? state.table.readSlots(of: file, upTo: size, advice: Self.damageAdvice)
            return state.table[subject].map { $0.key.map(Lookup.key) ?? .destroyed } ?? .unknown
        }
    }

    /// The subject's key, created when it has none.
    ///
    /// With ``Durability/syncEachChange`` a new key is appended to the file and synced before this returns; with
    /// ``Durability/syncOnRequest`` it is written with the next ``writeCreatedKeys()`` or ``sync()``, or once
    /// enough keys wait to fill ``unwrittenLimit`` bytes.
    ///
    /// - Parameter subject: The data subject: 1 to 88 bytes of UTF-8, for example `contact-c17`.
    /// - Returns: The subject's key, or `nil` when it was destroyed: the subject was forgotten and no personal
    ///   data may be stored for it.
    /// - Throws: ``RapportError`` `invalid_input` for a subject that is empty or too long, `key_store_failure`
    ///   when the store is read-only, closed, or the write fails (the store then refuses all further changes
    ///   until it is opened again).
    public func key(creatingFor subject: String) throws -> SymmetricKey? {
        try SubjectKeySlot.check(subject: subject)
        return try state.withLock { state in
            let file = try writableFile(&state, toDo: "create a key for \(subject)")
            if let entry = state.table[subject] { return entry.key }
            let key = try state.randomBytes.nextKey()
            let slot = SubjectKeySlot(subject: subject, key: key)
            guard durability == .syncOnRequest else {
                try append(slot, to: &state, file: file, syncing: true)
                return key
            }
            state.unwritten += slot.bytes
            state.table.append(slot)
            state.unsynced = true
            if state.unwritten.count >= Self.unwrittenLimit { try writeUnwritten(&state, to: file) }
            return key
        }
    }

    /// Destroys a subject's key, so that its personal data can never be read again and it never gets a key again.
    ///
    /// The key's slot is overwritten in place with zeros where the key was, and synced whatever the durability.
    /// A subject without a slot gets a destroyed one, so that no key can be created for it later. Destroying a
    /// destroyed key does nothing.
    ///
    /// - Parameter subject: The data subject: 1 to 88 bytes of UTF-8.
    /// - Throws: ``RapportError`` `invalid_input` for a subject that is empty or too long, `key_store_failure`
    ///   when the store is read-only, closed, or the write fails (the store then refuses all further changes).
    public func destroy(_ subject: String) throws {
        try SubjectKeySlot.check(subject: subject)
        try state.withLock { state in
            let file = try writableFile(&state, toDo: "destroy the key of \(subject)")
            try writeUnwritten(&state, to: file)
            let tombstone = SubjectKeySlot(subject: subject, key: nil)
            guard let entry = state.table[subject] else {
                try append(tombstone, to: &state, file: file, syncing: true)
                return
            }
            guard entry.key != nil else { return }
            try recordingFailure(&state) {
                try file.write(tombstone.bytes, at: SubjectKeyFile.offset(ofSlot: entry.slot))
                try file.sync()
            }
            state.table.markDestroyed(subject)
            state.unsynced = false
        }
    }

    /// Makes every change so far durable; needed only with ``Durability/syncOnRequest``.
    ///
    /// - Throws: ``RapportError`` `key_store_failure` when the store is closed or the write or sync fails (the
    ///   store then refuses all further changes).
    public func sync() throws {
        try state.withLock { state in
            guard let file = state.file else {
                throw RapportError(.keyStoreFailure, "\(Self.name(of: path)) is closed; it cannot be synced")
            }
            guard state.unsynced else { return }
            try writeUnwritten(&state, to: file)
            try recordingFailure(&state) { try file.sync() }
            state.unsynced = false
        }
    }

    /// Writes the keys created since the last write to the file, without syncing it, so that readers of the file
    /// find them; needed only with ``Durability/syncOnRequest``, before log appends that are not synced either.
    ///
    /// - Throws: ``RapportError`` `key_store_failure` when the store is closed or the write fails (the store then
    ///   refuses all further changes).
    public func writeCreatedKeys() throws {
        try state.withLock { state in
            guard let file = state.file else {
                throw RapportError(.keyStoreFailure, "\(Self.name(of: path)) is closed; it cannot be written")
            }
            try writeUnwritten(&state, to: file)
        }
    }

    /// Closes the file and releases the keys from memory; closing again does nothing.
    ///
    /// With ``Durability/syncOnRequest``, call ``sync()`` first to know that every change is durable.
    public func close() {
        state.withLock { state in
            // Best effort: a caller that needs to know the keys are on disk calls sync() first.
            if let file = state.file { try? writeUnwritten(&state, to: file) }
            state.file?.close()
            state.file = nil
            state.table = SubjectKeyTable()
        }
    }

    /// A consistent copy of the table, taken under the lock; a read-only store reads its file again first, so
    /// that the copy holds what writers changed since it was opened.
    ///
    /// - Returns: The table.
    /// - Throws: ``RapportError`` `key_store_failure` when the store is closed or its file does not read.
    func currentTable() throws -> SubjectKeyTable {
        try state.withLock { state in
            guard let file = state.file else {
                throw RapportError(.keyStoreFailure, "\(Self.name(of: path)) is closed; it cannot be copied")
            }
            if isReadOnly { state.table = try Self.loadSettled(from: file) }
            return state.table
        }
    }

    private func writableFile(_ state: inout State, toDo action: String) throws -> SubjectKeyFileHandle {
        let name = Self.name(of: path)
        guard let file = state.file else {
            throw RapportError(.keyStoreFailure, "\(name) is closed; it cannot \(action)")
        }
        guard !isReadOnly else {
            throw RapportError(.keyStoreFailure, "\(name) is open for reading only; it cannot \(action)")
        }
        if let failure = state.failure {
            throw RapportError(
                .keyStoreFailure,
                "\(name) takes no more changes after a failed write (\(failure)); open it again to \(action)"
            )
        }
        return file
    }

    private func append(
        _ slot: SubjectKeySlot,
        to state: inout State,
        file: SubjectKeyFileHandle,
        syncing: Bool
    ) throws {
        let offset = SubjectKeyFile.offset(ofSlot: state.table.slotCount)
        try recordingFailure(&state) {
            try file.write(slot.bytes, at: offset)
            if syncing { try file.sync() }
        }
        state.table.append(slot)
        state.unsynced = !syncing
    }

    /// The most bytes of created keys held back before they are written, whatever the durability.
    static let unwrittenLimit = 64 * SubjectKeyFile.slotSize

    /// Writes ``State/unwritten`` to the file where those slots belong, in one write.
    private func writeUnwritten(_ state: inout State, to file: SubjectKeyFileHandle) throws {
        guard !state.unwritten.isEmpty else { return }
        let bytes = state.unwritten
        let firstSlot = state.table.slotCount - bytes.count / SubjectKeyFile.slotSize
        try recordingFailure(&state) { try file.write(bytes, at: SubjectKeyFile.offset(ofSlot: firstSlot)) }
        state.unwritten.removeAll(keepingCapacity: true)
    }

    private func recordingFailure(_ state: inout State, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            state.failure = (error as? RapportError)?.message ?? "\(error)"
            throw error
        }
    }
}
