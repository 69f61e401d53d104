import LagoAPI

/// A pane of charts: a bar chart (one bar per period), progress meters (amount towards a
/// threshold) and text lines under them. Values are exact integers (cents, or units in
/// hundredths) with their labels already formatted, so the front end never formats money.
public struct ChartSnapshot: Sendable, Equatable {
    /// What a bar stands for; the front end gives each its colour and monochrome pattern.
    public enum BarKind: Sendable, Equatable { case normal, highlight, estimate }

    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Int64
        public var valueLabel: String
        public var kind: BarKind
        public init(label: String, value: Int64, valueLabel: String, kind: BarKind = .normal) {
            self.label = TextSanitizer.clean(label); self.value = value
            self.valueLabel = TextSanitizer.clean(valueLabel); self.kind = kind
        }
    }

    public struct Meter: Sendable, Equatable {
        /// What is measured ("lifetime usage → next threshold").
        public var title: String
        public var value: Int64
        public var target: Int64
        /// The exact figures ("€620.00 of €1,000.00").
        public var label: String
        public init(title: String, value: Int64, target: Int64, label: String) {
            self.title = TextSanitizer.clean(title); self.value = value; self.target = target; self.label = TextSanitizer.clean(label)
        }
    }

    /// The chart's heading ("amount per period", "api_calls units per period").
    public var chartTitle: String
    public var bars: [Bar]
    /// Meaning of each bar kind shown, for the legend.
    public var legend: [(kind: BarKind, text: String)]
    public var meters: [Meter]
    public var lines: [StyledText]
    /// Shown in place of the chart when there are no bars.
    public var emptyChart: String

    public init(chartTitle: String, bars: [Bar], legend: [(kind: BarKind, text: String)], meters: [Meter], lines: [StyledText], emptyChart: String) {
        self.chartTitle = chartTitle; self.bars = bars; self.legend = legend; self.meters = meters; self.lines = lines; self.emptyChart = emptyChart
    }

    public static func == (a: ChartSnapshot, b: ChartSnapshot) -> Bool {
        a.chartTitle == b.chartTitle && a.bars == b.bars && a.meters == b.meters && a.lines == b.lines && a.emptyChart == b.emptyChart
            && a.legend.map(\.kind) == b.legend.map(\.kind) && a.legend.map(\.text) == b.legend.map(\.text)
    }
}
