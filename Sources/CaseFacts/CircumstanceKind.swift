/// The kinds of facts the extractor recognises. Names follow GLOSSARY.md where it has one.
public enum CircumstanceKind: String, Codable, Sendable, CaseIterable {
    // Quantities.
    case amount, count, injury, disability, death, drug, age, bloodAlcohol
    // Offender characteristics (三(一)–(三)).
    case minor, elderly, deafMuteOrBlind
    // Statutory and discretionary circumstances named in 三 of 法发〔2021〕21号.
    case attempt, accessory, coercedAccomplice
    case surrender, confession, majorConfession, courtPlea
    case meritoriousService, majorMeritoriousService
    case restitution, compensation, forgiveness, compensationAndForgiveness, reconciliation
    case custodyConduct, pleaLeniency
    case recidivism, priorRecord, vulnerableVictim, epidemicPeriod
    // Facts that select a starting point for particular crimes.
    case burglary, armed, pickpocketing, flight, responsibility, telecomFraud
}
