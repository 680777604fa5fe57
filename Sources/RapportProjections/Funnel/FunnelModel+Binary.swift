public import RapportCRM

extension FunnelModel {
    /// Writes the text pool, the campaigns in launch order, the leads, then the influenced opportunities.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        texts.write(to: &writer)
        campaigns.write(to: &writer)
        leads.write(to: &writer)
        opportunities.write(to: &writer)
    }

    /// Reads a funnel written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The funnel.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged: a text number outside the pool, a campaign
    ///   twice or a campaign place outside the campaigns.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> FunnelModel {
        var model = FunnelModel()
        model.texts = try TextPool.read(from: &reader)
        model.campaigns = try [CampaignRecord].read(from: &reader)
        for (index, campaign) in model.campaigns.enumerated() {
            guard model.campaignIndex.updateValue(index, forKey: campaign.id) == nil else {
                throw BinaryFormatError("campaign \(campaign.id) is stored twice")
            }
            try model.checkText(campaign.type, optional: true)
        }
        model.leads = try [RecordId: LeadRecord].read(from: &reader)
        for lead in model.leads.values {
            try model.checkText(lead.source, optional: true)
            try model.checkText(lead.status, optional: false)
            try model.checkCampaign(lead.campaign, optional: true)
        }
        model.opportunities = try [RecordId: InfluencedOpportunity].read(from: &reader)
        for opportunity in model.opportunities.values {
            try model.checkCampaign(opportunity.campaign, optional: false)
        }
        return model
    }

    private func checkText(_ number: Int32, optional: Bool) throws(BinaryFormatError) {
        guard (optional && number == TextPool.none) || texts.text(number) != nil else {
            throw BinaryFormatError("text number \(number) is not among the \(texts.table.count) pooled texts")
        }
    }

    private func checkCampaign(_ place: Int32, optional: Bool) throws(BinaryFormatError) {
        guard (optional && place == -1) || campaigns.indices.contains(Int(place)) else {
            throw BinaryFormatError("campaign place \(place) is not among the \(campaigns.count) campaigns")
        }
    }
}
