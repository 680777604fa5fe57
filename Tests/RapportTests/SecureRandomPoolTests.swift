import Crypto
import Testing

@testable import Rapport

/// The pool hands out every byte it draws once: keys and nonces taken across many blocks never repeat.
struct SecureRandomPoolTests {
    @Test func keysAndNoncesAcrossBlocksAreAllDifferent() throws {
        var pool = SecureRandomPool()
        var seen = Set<[UInt8]>()
        let blocks = 3
        let takes = blocks * SecureRandomPool.blockSize / (SubjectKeySlot.keyLength + PersonalDataCipher.nonceLength)
        for _ in 0..<takes {
            let key = try pool.nextKey()
            let nonce = try pool.nextNonce()
            #expect(key.bitCount == 256)
            seen.insert(key.withUnsafeBytes { Array($0) })
            seen.insert(Array(nonce))
        }
        #expect(seen.count == 2 * takes)
    }
}
