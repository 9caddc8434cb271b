import Foundation

/// A city postings and candidates can name; real places, no real people or employers.
struct DemoCity: Sendable {
    var name: String
    /// State or region code ("MA"), or the region's name where no code is usual.
    var regionCode: String
    /// The region spelled out ("Massachusetts").
    var regionName: String
    /// Country as Dice spells it ("USA", "United Kingdom", "India").
    var country: String
    /// ISO 3166 alpha-2 code.
    var countryCode: String
    /// ISO 4217 code of local pay.
    var currency: String
    /// Local pay relative to US dollars for the same job (rough market level, not an exchange rate).
    var payFactor: Double

    /// "Boston, MA" (US) or "London, UK".
    var short: String {
        countryCode == "US" ? "\(name), \(regionCode)" : "\(name), \(countryCode == "GB" ? "UK" : country)"
    }
}

/// Fixed word lists the generator draws from. All companies are invented.
enum DemoVocabulary {
    /// Sixty invented employers.
    static let companies: [String] = [
        "Northwind Analytics", "Tidewater Lantern Labs", "Emberline Freight Software", "Quillfeather Health Data",
        "Marigold Circuitworks", "Granite Heron Logistics", "Silverpine Orbital", "Foxglove Ledger Systems",
        "Harborview Datacraft", "Ironbark Mobility Labs", "Meadowlark Payments Co.", "Kestrelwood Insurance Tech",
        "Lanternfish Media Group", "Oakhollow Bioinformatics", "Pinecrest Signal Works", "Driftwood Retail Cloud",
        "Umberfield Energy Analytics", "Willowmere Learning Systems", "Zephyrine Robotics", "Ambergate Clinical Software",
        "Brightwater Grid Systems", "Cobalt Fern Security", "Dunmore Ferry Networks", "Everhollow Games",
        "Fennel & Finch Financial", "Glimmerstone AI", "Hollowpeak Telematics", "Inkwell Cartography",
        "Juniperhill Foods Tech", "Kettlebrook Commerce", "Larkspur Loop Software", "Mossgate Capital Systems",
        "Nettlefield Agritech", "Orchid Vale Pharma Data", "Pebblecreek Logistics", "Quarrystone Construction Tech",
        "Rookfield Travel Labs", "Saltmarsh Maritime Systems", "Thistledown Insurance Labs", "Underbrook Water Analytics",
        "Velvetpine Fashion Tech", "Wrenfield Civic Software", "Yarrowby Health Systems", "Zinnia Point Robotics",
        "Acornfield Lending Platforms", "Birchlight Semiconductors", "Cinderpath Mobility", "Dovetail Harbor Analytics",
        "Elderbrook Energy Storage", "Frostmere Cloudworks", "Gullwing Aerial Systems", "Heathercroft Media",
        "Ivyreach Marketing Cloud", "Jasperline Payments", "Kingfisher Vale Software", "Lodestar Meadow Biotech",
        "Moonrake Data Studio", "Nightjar Cyber Defense", "Oxbow Lantern Health", "Puddingstone Labs",
    ]

    /// Invented staffing agencies (the "Recruiter" employers of Dice and TechFetch).
    static let agencies: [String] = [
        "Brookstone Talent Partners", "Clearpath IT Staffing", "Harrowgate Consulting Group", "Tallgrass Tech Resources",
        "Summitview Staffing Solutions",
    ]

    static let usCities: [DemoCity] = [
        ("San Francisco", "CA", "California"), ("Austin", "TX", "Texas"), ("Seattle", "WA", "Washington"),
        ("New York", "NY", "New York"), ("Boston", "MA", "Massachusetts"), ("Chicago", "IL", "Illinois"),
        ("Denver", "CO", "Colorado"), ("Atlanta", "GA", "Georgia"), ("Raleigh", "NC", "North Carolina"),
        ("Dallas", "TX", "Texas"), ("Phoenix", "AZ", "Arizona"), ("Minneapolis", "MN", "Minnesota"),
        ("Pittsburgh", "PA", "Pennsylvania"), ("Columbus", "OH", "Ohio"), ("Salt Lake City", "UT", "Utah"),
        ("San Diego", "CA", "California"), ("Portland", "OR", "Oregon"), ("Charlotte", "NC", "North Carolina"),
        ("Detroit", "MI", "Michigan"), ("Tampa", "FL", "Florida"), ("Jersey City", "NJ", "New Jersey"),
        ("Herndon", "VA", "Virginia"),
    ].map { DemoCity(name: $0.0, regionCode: $0.1, regionName: $0.2, country: "USA", countryCode: "US",
                     currency: "USD", payFactor: 1.0) }

    static let europeCities: [DemoCity] = [
        DemoCity(name: "London", regionCode: "England", regionName: "England", country: "United Kingdom",
                 countryCode: "GB", currency: "GBP", payFactor: 0.55),
        DemoCity(name: "Manchester", regionCode: "England", regionName: "England", country: "United Kingdom",
                 countryCode: "GB", currency: "GBP", payFactor: 0.47),
        DemoCity(name: "Edinburgh", regionCode: "Scotland", regionName: "Scotland", country: "United Kingdom",
                 countryCode: "GB", currency: "GBP", payFactor: 0.46),
        DemoCity(name: "Bristol", regionCode: "England", regionName: "England", country: "United Kingdom",
                 countryCode: "GB", currency: "GBP", payFactor: 0.46),
        DemoCity(name: "Berlin", regionCode: "Berlin", regionName: "Berlin", country: "Germany",
                 countryCode: "DE", currency: "EUR", payFactor: 0.60),
        DemoCity(name: "Amsterdam", regionCode: "North Holland", regionName: "North Holland", country: "Netherlands",
                 countryCode: "NL", currency: "EUR", payFactor: 0.62),
        DemoCity(name: "Dublin", regionCode: "Leinster", regionName: "Leinster", country: "Ireland",
                 countryCode: "IE", currency: "EUR", payFactor: 0.64),
        DemoCity(name: "Barcelona", regionCode: "Catalonia", regionName: "Catalonia", country: "Spain",
                 countryCode: "ES", currency: "EUR", payFactor: 0.42),
        DemoCity(name: "Warsaw", regionCode: "Masovia", regionName: "Masovian", country: "Poland",
                 countryCode: "PL", currency: "EUR", payFactor: 0.40),
    ]

    static let indiaCities: [DemoCity] = [
        ("Bengaluru", "KA", "Karnataka"), ("Hyderabad", "TG", "Telangana"), ("Pune", "MH", "Maharashtra"),
        ("Chennai", "TN", "Tamil Nadu"), ("Gurgaon", "HR", "Haryana"), ("Noida", "UP", "Uttar Pradesh"),
        ("Mumbai", "MH", "Maharashtra"), ("Kolkata", "WB", "West Bengal"), ("Coimbatore", "TN", "Tamil Nadu"),
    ].map { DemoCity(name: $0.0, regionCode: $0.1, regionName: $0.2, country: "India", countryCode: "IN",
                     currency: "INR", payFactor: 9.5) }

    /// Generic first names; combined at random with last names, they name no one in particular.
    static let firstNames: [String] = [
        "Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn", "Rowan",
        "Emma", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Mia", "Lucas", "Sofia", "Mason",
        "Priya", "Arjun", "Ananya", "Rahul", "Kavya", "Vikram", "Neha", "Rohan", "Divya", "Karthik",
        "Chen", "Mei", "Hiro", "Yuki", "Min-jun", "Ji-woo", "Lena", "Jonas", "Marta", "Pablo",
        "Chloe", "Daniel", "Grace", "Samuel", "Isla", "Oliver", "Amara", "Kofi", "Fatima", "Omar",
    ]

    /// Generic last names.
    static let lastNames: [String] = [
        "Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Martinez", "Lopez", "Wilson", "Anderson",
        "Thomas", "Moore", "Jackson", "Martin", "Lee", "Walker", "Hall", "Young", "King", "Wright",
        "Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Rao", "Menon", "Das", "Kulkarni",
        "Wang", "Li", "Zhang", "Tanaka", "Sato", "Kim", "Park", "Schmidt", "Novak", "Rossi",
        "Evans", "Hughes", "Murphy", "O'Brien", "Okafor", "Mensah", "Haddad", "Silva", "Costa", "Jensen",
    ]

    /// One-sentence company descriptions; `%C` is replaced by the company name.
    static let blurbs: [String] = [
        "%C builds software that helps mid-sized manufacturers plan production and cut waste.",
        "%C is a fast-growing fintech company serving more than two million small businesses.",
        "%C makes the tools hospitals use to schedule staff and track patient flow.",
        "%C runs a logistics platform that moves freight for retailers across North America and Europe.",
        "%C is a venture-backed startup building an API-first platform for insurance carriers.",
        "%C helps utilities forecast demand and balance the grid with real-time analytics.",
        "%C is a B2B SaaS company whose products are used by over 4,000 customers in 30 countries.",
        "%C designs learning software for schools, universities and corporate training teams.",
        "%C builds the data platform behind some of the largest online marketplaces.",
        "%C develops autonomous systems for warehouses and ports.",
        "%C is an employee-owned consultancy delivering digital transformation for public-sector clients.",
        "%C operates a consumer app with more than 8 million monthly active users.",
    ]

    /// Short culture paragraphs.
    static let culture: [String] = [
        "We are a small, senior team that values clear writing, thoughtful code review and shipping often. You will have real ownership from your first week.",
        "Our engineering culture is built on trust, pairing and continuous delivery. We deploy dozens of times a day and keep our on-call load low.",
        "You will join a cross-functional squad of engineers, a designer and a product manager, and work directly with customers to solve real problems.",
        "We invest in our people: every engineer has a learning budget, time for side projects and a clear path to promotion.",
        "Diversity of background and thought makes our products better. We welcome applicants from all walks of life.",
    ]

    /// Benefits, one bullet each.
    static let perks: [String] = [
        "Comprehensive medical, dental and vision insurance",
        "401(k) with 4% company match",
        "Unlimited paid time off (with a minimum of 20 days)",
        "$1,500 annual learning and conference budget",
        "Home-office stipend of $750",
        "16 weeks of paid parental leave",
        "Employee stock options",
        "Annual performance bonus",
        "Wellness allowance and gym membership",
        "Flexible working hours",
        "Company-paid life and disability insurance",
        "Quarterly team off-sites",
        "Commuter benefits",
        "Latest MacBook Pro or ThinkPad of your choice",
    ]

    /// Generic requirement bullets.
    static let softRequirements: [String] = [
        "Bachelor's degree in Computer Science, Engineering or a related field, or equivalent practical experience",
        "Excellent written and verbal communication skills",
        "Comfortable working in an agile team with short release cycles",
        "A habit of writing tests and documentation",
        "Ability to break down ambiguous problems and deliver incrementally",
        "Experience mentoring other engineers is a plus",
    ]

    /// Closing equal-opportunity sentences; `%C` is replaced by the company name.
    static let closings: [String] = [
        "%C is an equal opportunity employer. All qualified applicants will receive consideration for employment without regard to race, colour, religion, sex, sexual orientation, gender identity, national origin, disability or veteran status.",
        "We are committed to building a diverse and inclusive team. If you need an accommodation during the application process, let us know.",
        "%C participates in E-Verify. Candidates must be authorised to work in the country of the role; we do not offer visa sponsorship for this position.",
    ]
}
