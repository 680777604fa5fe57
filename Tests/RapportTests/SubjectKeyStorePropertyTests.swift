import Crypto
import PropertyBased
import RapportTestSupport
import Testing

@testable import Rapport

/// Random sequences of key creations, destructions and reopenings over a few subjects always leave the store
/// answering as a dictionary of the same changes does, for a writer and for a reader.
struct SubjectKeyStorePropertyTests {
    private static let subjects = ["contact-c1", "contact-c2", "contact-c3", "lead-L1", "lead-L2"]

    /// One step: `0..<5` creates (or fetches) the key of that subject, `5..<10` destroys the key of subject
    /// `step - 5`, `10` syncs and opens the store again.
    private static let steps = zip(Gen<Int>.int(in: 0...10).array(of: 0...60), Gen<Bool>.bool)

    @Test func anyStepSequenceMatchesAModel() async {
        await propertyCheck(count: 60, input: Self.steps) { steps, syncEachChange in
            try await withTemporaryDirectory { directory in
                let durability: SubjectKeyStore.Durability = syncEachChange ? .syncEachChange : .syncOnRequest
                var store = try SubjectKeyFileBytes.openStore(in: directory, durability: durability)
                var model: [String: SubjectKeyStore.Lookup] = [:]
                for step in steps {
                    switch step {
                    case 0..<5:
                        let subject = Self.subjects[step]
                        let key = try store.key(creatingFor: subject)
                        switch model[subject] {
                        case .key(let known): #expect(key == known)
                        case .destroyed: #expect(key == nil)
                        case .unknown, nil: model[subject] = try .key(#require(key))
                        }
                    case 5..<10:
                        let subject = Self.subjects[step - 5]
                        try store.destroy(subject)
                        model[subject] = .destroyed
                    default:
                        try store.sync()
                        store.close()
                        store = try SubjectKeyFileBytes.openStore(in: directory, durability: durability)
                    }
                }
                try store.sync()
                store.close()

                let writer = try SubjectKeyFileBytes.openStore(in: directory)
                let reader = try SubjectKeyStore.openForReading(dataDirectory: directory)
                for subject in Self.subjects {
                    #expect(writer.lookup(subject) == model[subject] ?? .unknown)
                    #expect(reader.lookup(subject) == model[subject] ?? .unknown)
                }
                let live = model.values.filter { $0 != .destroyed }.count
                #expect(writer.liveCount == live)
                #expect(writer.destroyedCount == model.count - live)
                #expect(writer.subjects().count == model.count)
                let size = try SubjectKeyFileBytes.read(in: directory).count
                #expect(size == SubjectKeyFile.offset(ofSlot: model.count))
                reader.close()
                writer.close()
            }
        }
    }
}
