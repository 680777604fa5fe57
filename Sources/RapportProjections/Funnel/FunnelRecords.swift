import RapportCRM

/// What the funnel keeps of one lead: its source and status as numbers in the model's text pool, the campaign
/// that brought it in, and whether it was converted or disqualified.
struct LeadRecord: Sendable, Hashable {
    /// The source's number, ``TextPool/none`` when the lead has none.
    var source: Int32
    /// The status's number: the status as recorded last.
    var status: Int32
    /// The place of the campaign that brought it in, -1 when none did.
    var campaign: Int32
    /// Whether it was converted.
    var converted = false
    /// Whether it was disqualified.
    var disqualified = false
}

/// What the funnel keeps of one campaign: its launch, its members and responses, and its actual cost.
struct CampaignRecord: Sendable, Hashable {
    /// The campaign's id.
    var id: RecordId
    /// The campaign's name.
    var name: String
    /// The campaign's type's number in the text pool, ``TextPool/none`` when it has none.
    var type: Int32
    /// The cost planned at launch.
    var budgetedCost: Money?
    /// The actual cost recorded last.
    var actualCost: Money?
    /// Leads added as members.
    var leadMembers = 0
    /// Contacts added as members.
    var contactMembers = 0
    /// Members who responded.
    var responses = 0
    /// Whether it was completed.
    var completed = false
}

/// What the funnel keeps of an opportunity opened with a campaign's id: its amount now and whether it is won.
struct InfluencedOpportunity: Sendable, Hashable {
    /// The campaign's place.
    var campaign: Int32
    /// The amount now.
    var amount: Money
    /// Whether it is closed won now (a reopening or a loss clears it).
    var won = false
}

extension LeadRecord: BinaryField {
    /// Writes the record.
    ///
    /// - Parameter writer: The writer.
    func write(to writer: inout ByteWriter) {
        writer.writeSigned(Int64(source))
        writer.writeSigned(Int64(status))
        writer.writeSigned(Int64(campaign))
        writer.write(converted)
        writer.write(disqualified)
    }

    /// Reads a record; its text and campaign numbers are checked by the model.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The record.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged.
    static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> LeadRecord {
        LeadRecord(
            source: try readNumber(from: &reader),
            status: try readNumber(from: &reader),
            campaign: try readNumber(from: &reader),
            converted: try reader.read(),
            disqualified: try reader.read()
        )
    }
}

extension CampaignRecord: BinaryField {
    /// Writes the record.
    ///
    /// - Parameter writer: The writer.
    func write(to writer: inout ByteWriter) {
        writer.write(id)
        writer.write(name)
        writer.writeSigned(Int64(type))
        writer.write(budgetedCost)
        writer.write(actualCost)
        writer.write(leadMembers)
        writer.write(contactMembers)
        writer.write(responses)
        writer.write(completed)
    }

    /// Reads a record; its type's number is checked by the model.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The record.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged.
    static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> CampaignRecord {
        CampaignRecord(
            id: try reader.read(),
            name: try reader.read(),
            type: try readNumber(from: &reader),
            budgetedCost: try reader.read(),
            actualCost: try reader.read(),
            leadMembers: try reader.read(),
            contactMembers: try reader.read(),
            responses: try reader.read(),
            completed: try reader.read()
        )
    }
}

extension InfluencedOpportunity: BinaryField {
    /// Writes the record.
    ///
    /// - Parameter writer: The writer.
    func write(to writer: inout ByteWriter) {
        writer.writeSigned(Int64(campaign))
        writer.write(amount)
        writer.write(won)
    }

    /// Reads a record; its campaign's place is checked by the model.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The record.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged.
    static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> InfluencedOpportunity {
        InfluencedOpportunity(
            campaign: try readNumber(from: &reader),
            amount: try reader.read(),
            won: try reader.read()
        )
    }
}

/// Reads a 32-bit number written as a signed integer.
///
/// - Parameter reader: The reader.
/// - Returns: The number.
/// - Throws: ``BinaryFormatError`` when it does not fit in 32 bits.
private func readNumber(from reader: inout ByteReader) throws(BinaryFormatError) -> Int32 {
    let value = try reader.readSigned()
    guard let narrow = Int32(exactly: value) else { throw BinaryFormatError("number \(value) out of range") }
    return narrow
}
