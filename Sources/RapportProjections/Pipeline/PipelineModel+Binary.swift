public import RapportCRM
import RapportTime

extension PipelineModel {
    /// Writes the stages, the owners, the deals (with their ids, in the order opened) and the slips; the
    /// figures are not written: they are rebuilt from the deals when read.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(stages.count))
        for number in 0..<Int32(stages.count) {
            writer.writeString(stages[number])
            writer.writeByte(stages.firstProbabilities[Int(number)])
            writer.writeByte(stages.seenOpen[Int(number)] ? 1 : 0)
        }
        writer.write(owners.texts)
        var ids = [RecordId?](repeating: nil, count: deals.count)
        for (id, number) in dealNumbers { ids[Int(number)] = id }
        writer.writeVarint(UInt64(deals.count))
        for (id, deal) in zip(ids, deals) {
            writer.writeString(id?.text ?? "")
            Self.write(deal, to: &writer)
        }
        writer.writeVarint(UInt64(slips.count))
        for slip in slips.sorted() { writer.writeVarint(slip) }
    }

    /// Reads a pipeline written by ``write(to:)`` and rebuilds its figures.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The pipeline.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged: cut short, a name or id twice, a number out of
    ///   range, a slip of no deal.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> PipelineModel {
        var model = PipelineModel()
        let stageCount = try reader.readCount()
        for _ in 0..<stageCount {
            let name = try reader.readString()
            let probability = try reader.readByte()
            let open = try reader.read(Bool.self)
            guard !model.stages.names.contains(name), probability <= 100 else {
                throw BinaryFormatError("stage \"\(name)\" stored twice or with probability \(probability)")
            }
            model.stages.restore(name, probability: probability, open: open)
            model.figures.appendStage()
        }
        for name in try reader.read([String].self) {
            guard !model.owners.contains(name) else { throw BinaryFormatError("owner \(name) stored twice") }
            _ = model.owners.append(name)
            model.figures.appendOwner()
        }
        let dealCount = try reader.readCount()
        guard dealCount < Int(Int32.max) else { throw BinaryFormatError("\(dealCount) deals stored") }
        model.deals.reserveCapacity(dealCount)
        model.dealNumbers.reserveCapacity(dealCount)
        for number in 0..<Int32(dealCount) {
            let id = RecordId(unchecked: try reader.readString())
            let deal = try readDeal(from: &reader, stages: model.stages.count, owners: model.owners.count)
            guard model.dealNumbers.updateValue(number, forKey: id) == nil else {
                throw BinaryFormatError("opportunity \(id) stored twice")
            }
            model.deals.append(deal)
            model.figures.add(deal)
            model.figures.countStages(before: (0, 0), after: deal)
        }
        let slipCount = try reader.readCount()
        model.slips.reserveCapacity(slipCount)
        for _ in 0..<slipCount {
            let slip = try reader.readVarint()
            guard slip >> 32 < UInt64(dealCount), model.slips.insert(slip).inserted else {
                throw BinaryFormatError("slip \(slip) names no deal or is stored twice")
            }
        }
        return model
    }

    private static func write(_ deal: PipelineDeal, to writer: inout ByteWriter) {
        writer.write(deal.amount)
        writer.write(deal.openedAt)
        writer.write(deal.closedAt)
        writer.writeVarint(deal.enteredStages)
        writer.writeVarint(deal.advancedStages)
        writer.writeVarint(UInt64(deal.owner))
        writer.writeSigned(Int64(deal.closeMonth.key))
        writer.writeVarint(UInt64(deal.stage))
        writer.writeByte(deal.probability)
        writer.writeByte(UInt8(PipelineDeal.place(of: deal.category)))
        writer.writeByte(deal.status.rawValue)
    }

    private static func readDeal(
        from reader: inout ByteReader,
        stages: Int,
        owners: Int
    ) throws(BinaryFormatError) -> PipelineDeal {
        let amount = try reader.read(Money.self)
        let openedAt = try reader.read(Timestamp.self)
        let closedAt = try reader.read(Timestamp.self)
        let entered = try reader.readVarint()
        let advanced = try reader.readVarint()
        let owner = try reader.readVarint()
        let month = try reader.readSigned()
        let stage = try reader.readVarint()
        let probability = try reader.readByte()
        let category = try reader.readByte()
        guard let status = PipelineDeal.Status(rawValue: try reader.readByte()),
            owner < UInt64(owners), stage < UInt64(stages), probability <= 100,
            Int(category) < PipelineDeal.categories.count, let monthKey = Int32(exactly: month),
            monthKey.magnitude < 1 << 30,
            advanced & ~entered == 0, entered >> UInt64(stages) == 0
        else {
            throw BinaryFormatError("deal ending at byte \(reader.offset) holds a value out of range")
        }
        return PipelineDeal(
            amount: amount,
            openedAt: openedAt,
            closedAt: closedAt,
            enteredStages: entered,
            advancedStages: advanced,
            owner: Int32(owner),
            closeMonth: PipelineMonth(key: monthKey),
            stage: Int32(stage),
            probability: probability,
            category: PipelineDeal.categories[Int(category)],
            status: status
        )
    }
}
