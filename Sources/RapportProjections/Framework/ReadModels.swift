public import RapportCRM

/// Every read model the engine keeps, folded together in one pass over the log.
public struct ReadModels: Sendable, Hashable {
    /// The sales pipeline.
    public var pipeline = PipelineModel()
    /// The case backlog.
    public var backlog = BacklogModel()
    /// The account 360 view of every account.
    public var accounts = AccountsModel()
    /// The lead funnel and campaign results.
    public var funnel = FunnelModel()

    /// Empty read models: no event folded.
    public init() {}

    /// The name and version of every read model, in the order they are stored.
    public static let catalog: [(name: String, version: Int)] = [
        (PipelineModel.name, PipelineModel.version),
        (BacklogModel.name, BacklogModel.version),
        (AccountsModel.name, AccountsModel.version),
        (FunnelModel.name, FunnelModel.version),
    ]

    /// The names of every read model.
    public static var names: [String] { catalog.map(\.name) }

    /// The event types whose personal values (see ``RapportCRM/PersonalData``) some read model folds: the account
    /// 360 view's contacts. A reader that feeds the read models need not open the personal values of other
    /// types, which are encrypted in the log. A read model that starts reading another type's personal fields
    /// must add it here.
    public static let personalDataEventTypes: Set<String> = [ContactAdded.eventType, ContactUpdated.eventType]

    /// Folds one event into every read model.
    ///
    /// - Parameter event: The event, in log order.
    public mutating func apply(_ event: RecordedEvent) {
        pipeline.apply(event)
        backlog.apply(event)
        accounts.apply(event)
        funnel.apply(event)
    }

    /// Folds one event into the selected read models only (a rebuild of some of them).
    ///
    /// - Parameters:
    ///   - event: The event, in log order.
    ///   - selection: The read models to fold into.
    public mutating func apply(_ event: RecordedEvent, only selection: Selection) {
        if selection.pipeline { pipeline.apply(event) }
        if selection.backlog { backlog.apply(event) }
        if selection.accounts { accounts.apply(event) }
        if selection.funnel { funnel.apply(event) }
    }

    /// Some of the read models, chosen by name.
    public struct Selection: Sendable, Hashable {
        /// Whether the pipeline is selected.
        public var pipeline: Bool
        /// Whether the case backlog is selected.
        public var backlog: Bool
        /// Whether the account 360 view is selected.
        public var accounts: Bool
        /// Whether the funnel is selected.
        public var funnel: Bool
        /// The accounts whose reports alone are asked for, when the account 360 view is selected for one account
        /// (and those a merge or transfer moved records from onto it): the view is then read from a snapshot
        /// focused on them (see ``AccountsModel/focused(on:)``), and the reader folds on only the events
        /// ``AccountsModel/admission(of:focusedOn:)`` admits.
        public private(set) var accountFocus: Set<RecordId>?

        /// Selects the read models with these names; other names select nothing.
        ///
        /// - Parameter names: Read model names.
        public init(_ names: Set<String>) {
            pipeline = names.contains(PipelineModel.name)
            backlog = names.contains(BacklogModel.name)
            accounts = names.contains(AccountsModel.name)
            funnel = names.contains(FunnelModel.name)
        }

        /// Every read model.
        public static let all = Selection(Set(ReadModels.names))

        /// The account 360 view alone, focused on one account.
        ///
        /// - Parameter id: The account.
        /// - Returns: The selection.
        public static func account(_ id: RecordId) -> Selection {
            var selection = Selection([AccountsModel.name])
            selection.accountFocus = [id]
            return selection
        }

        /// The same selection, its focus widened to more accounts: those that records events move onto a focused
        /// account come from (``AccountsModel/FocusAdmission/outOfFocus(from:)``).
        ///
        /// - Parameter ids: The accounts.
        /// - Returns: The selection; unchanged when it has no focus.
        public func holding(_ ids: Set<RecordId>) -> Selection {
            var selection = self
            selection.accountFocus?.formUnion(ids)
            return selection
        }

        /// The same read models, the account 360 view whole.
        public var unfocused: Selection {
            var selection = self
            selection.accountFocus = nil
            return selection
        }

        /// Whether any selected read model folds the events of records of this kind (see
        /// ``ReadModel/recordKinds``).
        ///
        /// - Parameter kind: A kind of record.
        /// - Returns: `false` when every selected model would leave the event unread.
        public func folds(_ kind: RecordKind) -> Bool {
            (pipeline && PipelineModel.recordKinds.contains(kind))
                || (backlog && BacklogModel.recordKinds.contains(kind))
                || (accounts && AccountsModel.recordKinds.contains(kind))
                || (funnel && FunnelModel.recordKinds.contains(kind))
        }

        /// The event types whose personal values the selected read models fold: those of
        /// ``ReadModels/personalDataEventTypes`` when the account 360 view is selected, else none.
        public var personalDataEventTypes: Set<String> { accounts ? ReadModels.personalDataEventTypes : [] }
    }

    /// Makes room in the selected read models for as many records as those of `other` hold (see
    /// ``ReadModel/reserveCapacity(like:)``).
    ///
    /// - Parameters:
    ///   - other: Read models whose record counts the tables are sized for.
    ///   - selection: The read models to make room in.
    public mutating func reserveCapacity(like other: ReadModels, only selection: Selection) {
        if selection.pipeline { pipeline.reserveCapacity(like: other.pipeline) }
        if selection.backlog { backlog.reserveCapacity(like: other.backlog) }
        if selection.accounts { accounts.reserveCapacity(like: other.accounts) }
        if selection.funnel { funnel.reserveCapacity(like: other.funnel) }
    }

    /// Replaces the selected read models with those of `other`.
    ///
    /// - Parameters:
    ///   - selection: The read models to replace.
    ///   - other: Where the replacements come from.
    public mutating func replace(_ selection: Selection, from other: ReadModels) {
        if selection.pipeline { pipeline = other.pipeline }
        if selection.backlog { backlog = other.backlog }
        if selection.accounts { accounts = other.accounts }
        if selection.funnel { funnel = other.funnel }
    }
}
