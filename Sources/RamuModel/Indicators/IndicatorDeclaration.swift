/// What the outputs say about one indicator, declared once: every writer (CSV, terminal, workbook,
/// HTML) reads it rather than keeping its own copy. The tables are `Indicator.declaration` and
/// `QuintileIndicator.declaration`.
public struct IndicatorDeclaration: Sendable, Equatable {
    /// Stable snake_case id, the `indicator` column of the CSVs.
    public var id: String
    /// The French label, the `label_fr` column.
    public var labelFR: String
    public var unit: IndicatorUnit
    public var format: NumberFormat
    public var group: BriefingGroup
    /// The section of MODEL.md that defines it.
    public var modelSection: Int
    /// For the share covered by one regime, that regime; nil for every other indicator.
    public var regime: Regime?

    public init(_ id: String, _ labelFR: String, unit: IndicatorUnit, format: NumberFormat, group: BriefingGroup,
                section modelSection: Int, regime: Regime? = nil) {
        self.id = id
        self.labelFR = labelFR
        self.unit = unit
        self.format = format
        self.group = group
        self.modelSection = modelSection
        self.regime = regime
    }
}
