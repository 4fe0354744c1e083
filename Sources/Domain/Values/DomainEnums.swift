// The enumerated values of docs/DOMAIN.md, Event catalogue. Raw values are the contract; append new cases at
// the end only (binary payloads store the case position).

/// What sort of organisation a member is; it decides which events the member may record.
public enum MemberKind: String, DomainEnum {
    public static let ordered = allCases
    case government, park, association, enterprise, school, research

    /// Government, park and association members form the secretariat.
    public var isSecretariat: Bool { self == .government || self == .park || self == .association }

    /// Enterprises and schools are admitted with their unified social credit code (schema version 2).
    public var needsCreditCode: Bool { self == .enterprise || self == .school }
}

public enum SchoolLevel: String, DomainEnum {
    public static let ordered = allCases
    case secondary
    case higherVocational = "higher-vocational"
    case undergraduate
}

/// The tier at which an enterprise is certified as 产教融合型企业.
public enum CertificationLevel: String, DomainEnum {
    public static let ordered = allCases
    case city, province, national
}

public enum AgreementKind: String, DomainEnum {
    public static let ordered = allCases
    case orderClass, apprenticeship, coBuild, internship, techService
}

/// Which side of the dual-mentor system a mentor comes from.
public enum MentorSide: String, DomainEnum {
    public static let ordered = allCases
    case school, enterprise
}

public enum PlatformKind: String, DomainEnum {
    public static let ordered = allCases
    case trainingBase, lab, craftsmanLab, industryCollege, rdCenter
}

public enum ContributionKind: String, DomainEnum {
    public static let ordered = allCases
    case cash, equipment, staff, site
}

/// The subsidy programmes a budget funds and a claim applies under.
public enum SubsidyProgramme: String, DomainEnum {
    public static let ordered = allCases
    case apprenticeship, internship, employment, startup, skillsAward, socialInsurance
}

/// The council figures a KPI target can be set for (the scalar council query names).
public enum KPIMetric: String, DomainEnum {
    public static let ordered = allCases
    case members, enterprisesParticipating, certifiedEnterprises, apprenticesEnrolled,
        apprenticesGraduated, graduatesHired, graduatesRetainedLocally, trainingPersonTimes,
        techServices, techServiceValueFen, orderClassPlaces, orderClassFilled, platforms,
        inactiveMembers
}
