/// One bar of an analytics chart: the month, its exact value in minor units and that value
/// formatted as money.
public struct ChartBarSnapshot: Sendable, Equatable {
    public var label: String
    public var value: Int64
    public var valueLabel: String
}

/// One series drawn as a chart: its title, the latest month with its month-over-month
/// change, the bars, and notes (the parts of a grouped month). `message` replaces the chart
/// when there is nothing to draw: loading, "not available on this Lago plan", or an error.
public struct ChartPanelSnapshot: Sendable, Equatable {
    public var title: String
    public var headline: String
    public var headlineRole: StatusRole
    public var bars: [ChartBarSnapshot]
    public var notes: [StyledText]
    public var message: StyledText?
}

/// The analytics view: every series as a panel, which one is selected, and a caption with
/// the currency and window in force.
public struct ChartsSnapshot: Sendable, Equatable {
    public var panels: [ChartPanelSnapshot]
    public var selected: Int
    public var caption: String
}
