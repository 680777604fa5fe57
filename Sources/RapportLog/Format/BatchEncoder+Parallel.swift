import Dispatch

extension BatchEncoder {
    /// Compresses the first `count` encoders' batches, on as many cores as there are batches (and cores).
    ///
    /// LZ4 is the largest part of the writer's work per record, and a group commit of bulk appends holds several
    /// batches, which need not wait for one core to compress them all.
    ///
    /// - Parameters:
    ///   - encoders: The encoders, each holding one batch of the write.
    ///   - count: How many of them hold a batch.
    static func compressAll(_ encoders: inout [BatchEncoder], count: Int) {
        guard count > 1 else {
            if count == 1 {
                encoders[0].compress()
            }
            return
        }
        encoders.withUnsafeMutableBufferPointer { buffer in
            // Each iteration mutates only its own encoder, whose buffers no other encoder shares, and
            // concurrentPerform returns once every iteration has finished, so nothing is touched by two threads
            // and the buffer pointer does not outlive this closure.
            nonisolated(unsafe) let batches = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                batches[index].compress()
            }
        }
    }
}
