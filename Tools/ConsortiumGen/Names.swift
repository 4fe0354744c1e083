// Vocabulary for organisation names, majors, occupations and free-text fields.
// Organisations have names; people never do (pseudonymous ids only).

/// The words generated names, majors, topics and titles are drawn from.
enum Vocabulary {
    static let cityNames: [String] = [
        "Riverside", "Lakeview", "Hillcrest", "Eastport", "Westbrook", "Northfield", "Southgate", "Maplewood",
        "Stonebridge", "Clearwater", "Pinehurst", "Redcliff", "Ashford", "Fairhaven", "Oakridge", "Silverton",
    ]

    static let industries: [String] = [
        "advanced-manufacturing", "new-energy-vehicles", "electronic-information", "biomedicine",
        "modern-logistics", "new-materials", "digital-economy", "healthcare", "modern-agriculture",
        "tourism-hospitality",
    ]

    static let industryNouns: [String] = [
        "Precision Machinery", "New Energy Auto", "Electronics", "Biopharma", "Logistics", "Advanced Materials",
        "Digital Technology", "Health Services", "Agritech", "Hospitality",
    ]

    static let companyWords: [String] = [
        "Huaxing", "Zhongke", "Tianrui", "Jinhai", "Hengtong", "Xinyuan", "Dongfang", "Changjiang", "Boyuan",
        "Ruida", "Kaiwei", "Mingtai", "Shengda", "Yongxin", "Haitian", "Lianchuang",
    ]

    static let majorsByIndustry: [[String]] = [
        ["CNC machining", "mechatronics", "industrial robotics"],
        ["new-energy vehicle maintenance", "power battery technology", "automotive electronics"],
        ["embedded systems", "software engineering", "network operations"],
        ["pharmaceutical production", "medical devices", "bioprocessing"],
        ["logistics management", "cold-chain operations", "e-commerce operations"],
        ["materials testing", "polymer processing", "metallurgy"],
        ["big data technology", "cloud computing", "AI applications"],
        ["nursing", "elderly care", "rehabilitation therapy"],
        ["smart agriculture", "agricultural machinery", "food processing"],
        ["hotel management", "culinary arts", "tourism services"],
    ]

    static let occupationsByIndustry: [[String]] = [
        ["CNC operator", "maintenance technician", "robot operator", "quality inspector"],
        ["EV technician", "battery assembler", "vehicle electrician"],
        ["embedded developer", "software tester", "network technician"],
        ["production operator", "QA technician", "lab assistant"],
        ["warehouse supervisor", "dispatcher", "e-commerce specialist"],
        ["materials tester", "process technician", "furnace operator"],
        ["data annotator", "cloud operations engineer", "AI trainer"],
        ["nurse", "care worker", "rehabilitation assistant"],
        ["agronomy technician", "machinery operator", "food safety inspector"],
        ["front desk agent", "chef", "tour guide"],
    ]

    static let researchFields: [String] = [
        "Intelligent Manufacturing", "New Energy", "Materials Science", "Digital Economy", "Biomedicine",
        "Modern Agriculture", "Industrial Design",
    ]

    static let trainingTopics: [String] = [
        "workplace safety", "digital skills", "lean production", "quality management", "equipment maintenance",
        "new-employee induction", "craftsmanship workshop", "AI literacy", "customer service", "green production",
    ]

    static let certificates: [String] = [
        "1+X vocational skill certificate", "vocational skill level certificate", "industry skill certificate",
    ]

    static let resolutionTitles: [String] = [
        "Adopt annual work plan", "Approve subsidy budget plan", "Admit new members",
        "Approve platform construction plan",
        "Review KPI progress", "Revise subsidy rules", "Approve annual report", "Approve order-class enrolment plan",
        "Approve industry college charter", "Review member participation",
    ]

    static let projectTitles: [String] = [
        "Smart production line retrofit", "Digital twin training platform", "Battery recycling process study",
        "Cold-chain monitoring system", "Elderly care skills curriculum", "Robot welding cell",
        "Precision metrology lab",
        "Agricultural drone service pilot", "Cloud operations training range", "Hospitality service standards",
    ]

    static let milestoneTitles: [String] = [
        "design approved", "equipment procured", "installation complete", "pilot run", "training delivered",
        "acceptance review",
    ]
}
