public import Search

extension SearchHit {
    /// The score to three decimals, or nil for a citation hit: those rank above everything with a sentinel score that
    /// means nothing to a reader (and is no valid JSON number once scaled).
    public var displayScore: Double? {
        guard match != .citation, score.isFinite, abs(score) < 1e12 else { return nil }
        return (score * 1000).rounded() / 1000
    }
}
