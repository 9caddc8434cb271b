/// Lookup tables for `LocationParser`: US states, Canadian provinces, countries, known cities.
/// Keys are lower-cased; built once.
enum LocationTables {
    /// US state and territory names by 2-letter code.
    static let usStates: [String: String] = [
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
        "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
        "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
        "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
        "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
        "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
        "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
        "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
        "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
        "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
        "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands",
    ]

    /// Lower-cased state name or code → full state name.
    static let usStateLookup: [String: String] = {
        var table: [String: String] = [:]
        for (code, name) in usStates {
            table[code.lowercased()] = name
            table[name.lowercased()] = name
        }
        table["washington dc"] = "District of Columbia"
        table["washington d.c."] = "District of Columbia"
        table["d.c."] = "District of Columbia"
        table["d.c"] = "District of Columbia"  // "Washington, D.C." once the part's trailing dot is trimmed
        return table
    }()

    /// Canadian provinces: lower-cased code or name → full name.
    static let caProvinces: [String: String] = {
        let pairs = [
            ("AB", "Alberta"), ("BC", "British Columbia"), ("MB", "Manitoba"), ("NB", "New Brunswick"),
            ("NL", "Newfoundland and Labrador"), ("NS", "Nova Scotia"), ("ON", "Ontario"),
            ("PE", "Prince Edward Island"), ("QC", "Quebec"), ("SK", "Saskatchewan"),
            ("NT", "Northwest Territories"), ("NU", "Nunavut"), ("YT", "Yukon"),
        ]
        var table: [String: String] = [:]
        for (code, name) in pairs {
            table[code.lowercased()] = name
            table[name.lowercased()] = name
        }
        table["québec"] = "Quebec"
        return table
    }()

    /// Lower-cased country name, ISO-2 or ISO-3 code → ISO 3166-1 alpha-2 code.
    static let countries: [String: String] = {
        let rows: [(String, [String])] = [
            ("US", ["usa", "us", "u.s.", "u.s.a.", "united states", "united states of america", "america"]),
            ("GB", ["uk", "u.k.", "gb", "gbr", "united kingdom", "great britain", "england", "scotland", "wales",
                    "northern ireland", "britain"]),
            ("CA", ["canada", "can"]), ("IN", ["india", "ind"]), ("DE", ["germany", "deu", "deutschland"]),
            ("FR", ["france", "fra"]), ("ES", ["spain", "esp"]), ("IT", ["italy", "ita"]),
            ("NL", ["netherlands", "the netherlands", "nld", "holland"]), ("BE", ["belgium", "bel"]),
            ("IE", ["ireland", "irl"]), ("PT", ["portugal", "prt"]), ("PL", ["poland", "pol", "polska"]),
            ("RO", ["romania", "rou"]), ("SE", ["sweden", "swe"]), ("NO", ["norway", "nor"]),
            ("DK", ["denmark", "dnk"]), ("FI", ["finland", "fin"]), ("CH", ["switzerland", "che"]),
            ("AT", ["austria", "aut"]), ("CZ", ["czech republic", "czechia", "cze"]), ("HU", ["hungary", "hun"]),
            ("GR", ["greece", "grc"]), ("UA", ["ukraine", "ukr"]), ("BG", ["bulgaria", "bgr"]),
            ("RS", ["serbia", "srb"]), ("HR", ["croatia", "hrv"]), ("LT", ["lithuania", "ltu"]),
            ("LV", ["latvia", "lva"]), ("EE", ["estonia", "est"]), ("SK", ["slovakia", "svk"]),
            ("SI", ["slovenia", "svn"]), ("LU", ["luxembourg", "lux"]), ("TR", ["turkey", "türkiye", "tur"]),
            ("IL", ["israel", "isr"]), ("AE", ["united arab emirates", "uae", "are"]),
            ("SA", ["saudi arabia", "sau"]), ("QA", ["qatar", "qat"]), ("EG", ["egypt", "egy"]),
            ("ZA", ["south africa", "zaf"]), ("NG", ["nigeria", "nga"]), ("KE", ["kenya", "ken"]),
            ("MA", ["morocco", "mar"]), ("AU", ["australia", "aus"]), ("NZ", ["new zealand", "nzl"]),
            ("SG", ["singapore", "sgp"]), ("MY", ["malaysia", "mys"]), ("ID", ["indonesia", "idn"]),
            ("PH", ["philippines", "phl"]), ("TH", ["thailand", "tha"]), ("VN", ["vietnam", "viet nam", "vnm"]),
            ("JP", ["japan", "jpn"]), ("KR", ["south korea", "korea", "kor"]), ("CN", ["china", "chn"]),
            ("HK", ["hong kong", "hkg"]), ("TW", ["taiwan", "twn"]), ("PK", ["pakistan", "pak"]),
            ("BD", ["bangladesh", "bgd"]), ("LK", ["sri lanka", "lka"]), ("NP", ["nepal", "npl"]),
            ("MX", ["mexico", "méxico", "mex"]), ("BR", ["brazil", "brasil", "bra"]),
            ("AR", ["argentina", "arg"]), ("CL", ["chile", "chl"]), ("CO", ["colombia", "col"]),
            ("PE", ["peru", "per"]), ("UY", ["uruguay", "ury"]), ("CR", ["costa rica", "cri"]),
            ("RU", ["russia", "russian federation", "rus"]), ("BY", ["belarus", "blr"]),
            ("AM", ["armenia", "arm"]), ("GE", ["georgia (country)"]), ("CY", ["cyprus", "cyp"]),
            ("MT", ["malta", "mlt"]), ("IS", ["iceland", "isl"]),
        ]
        var table: [String: String] = [:]
        for (code, names) in rows {
            for name in names { table[name] = code }
        }
        return table
    }()

    /// ISO-2 codes accepted as a country when written in capitals as a separate part ("Toronto, CA").
    static let isoCodes: Set<String> = Set(countries.values)

    /// Known cities: lower-cased name → (display name, region, country). Region may be nil.
    static let cities: [String: (name: String, region: String?, country: String)] = {
        var table: [String: (name: String, region: String?, country: String)] = [:]
        // India (Naukri).
        let india: [(String, String)] = [
            ("bangalore", "Bengaluru"), ("bengaluru", "Bengaluru"), ("chennai", "Chennai"), ("mumbai", "Mumbai"),
            ("navi mumbai", "Navi Mumbai"), ("hyderabad", "Hyderabad"), ("secunderabad", "Secunderabad"),
            ("pune", "Pune"), ("delhi", "Delhi"), ("new delhi", "New Delhi"), ("delhi ncr", "Delhi NCR"),
            ("ncr", "Delhi NCR"), ("gurgaon", "Gurugram"), ("gurugram", "Gurugram"), ("noida", "Noida"),
            ("greater noida", "Greater Noida"), ("ghaziabad", "Ghaziabad"), ("faridabad", "Faridabad"),
            ("kolkata", "Kolkata"), ("calcutta", "Kolkata"), ("ahmedabad", "Ahmedabad"), ("surat", "Surat"),
            ("vadodara", "Vadodara"), ("jaipur", "Jaipur"), ("lucknow", "Lucknow"), ("kanpur", "Kanpur"),
            ("indore", "Indore"), ("bhopal", "Bhopal"), ("nagpur", "Nagpur"), ("nashik", "Nashik"),
            ("coimbatore", "Coimbatore"), ("madurai", "Madurai"), ("trichy", "Tiruchirappalli"),
            ("tiruchirappalli", "Tiruchirappalli"), ("salem", "Salem"), ("nagercoil", "Nagercoil"),
            ("tirunelveli", "Tirunelveli"), ("vellore", "Vellore"), ("kochi", "Kochi"), ("cochin", "Kochi"),
            ("ernakulam", "Ernakulam"), ("thiruvananthapuram", "Thiruvananthapuram"),
            ("trivandrum", "Thiruvananthapuram"), ("mysore", "Mysuru"), ("mysuru", "Mysuru"),
            ("mangalore", "Mangaluru"), ("visakhapatnam", "Visakhapatnam"), ("vizag", "Visakhapatnam"),
            ("vijayawada", "Vijayawada"), ("bhubaneswar", "Bhubaneswar"), ("chandigarh", "Chandigarh"),
            ("mohali", "Mohali"), ("ludhiana", "Ludhiana"), ("patna", "Patna"), ("ranchi", "Ranchi"),
            ("guwahati", "Guwahati"), ("dehradun", "Dehradun"), ("goa", "Goa"), ("thane", "Thane"),
            ("hosur", "Hosur"), ("pondicherry", "Puducherry"), ("puducherry", "Puducherry"),
            ("kolhapur", "Kolhapur"), ("aurangabad", "Aurangabad"), ("raipur", "Raipur"),
        ]
        for (key, name) in india { table[key] = (name, nil, "IN") }
        // United Kingdom (Adzuna): cities and counties.
        let uk = [
            "london", "city of london", "greater london", "birmingham", "manchester", "greater manchester",
            "liverpool", "leeds", "sheffield", "bristol", "newcastle upon tyne", "newcastle", "belfast",
            "glasgow", "edinburgh", "aberdeen", "inverness", "dundee", "cardiff", "swansea", "newport",
            "crewe", "plymouth", "hereford", "derby", "darlington", "poole", "hemel hempstead", "preston",
            "middlesbrough", "macclesfield", "peterborough", "ipswich", "woking", "colchester", "cambridge",
            "oxford", "maidstone", "coventry", "nottingham", "bournemouth", "taunton", "portsmouth",
            "southampton", "blackpool", "watford", "stoke on trent", "stoke-on-trent", "doncaster", "exeter",
            "bagshot", "reading", "slough", "milton keynes", "leicester", "northampton", "norwich", "york",
            "brighton", "guildford", "basingstoke", "swindon", "gloucester", "cheltenham", "bath", "chester",
            "warrington", "stockport", "bolton", "wigan", "huddersfield", "bradford", "wakefield", "hull",
            "sunderland", "durham", "lincoln", "luton", "chelmsford", "crawley", "dorking", "wolverhampton",
            "telford", "shrewsbury", "worcester (uk)", "solihull", "canary wharf", "the city",
            // counties and regions
            "west midlands", "east midlands", "cheshire", "devon", "cornwall", "aberdeenshire",
            "herefordshire", "west yorkshire", "south yorkshire", "north yorkshire", "east yorkshire",
            "yorkshire", "oxfordshire", "derbyshire", "dorset", "hertfordshire", "lancashire", "suffolk",
            "surrey", "essex (uk)", "kent", "cambridgeshire", "nottinghamshire", "somerset", "hampshire",
            "gloucestershire", "staffordshire", "highland", "tyne and wear", "merseyside", "berkshire",
            "buckinghamshire", "bedfordshire", "wiltshire", "norfolk (uk)", "leicestershire",
            "northamptonshire", "lincolnshire", "warwickshire", "worcestershire", "shropshire",
            "east anglia", "east sussex", "west sussex", "sussex", "middlesex", "county durham",
            "northumberland", "cumbria", "lanarkshire", "south east england", "south west england",
            "north west england", "north east england",
        ]
        for key in uk where !key.contains("(") && !ukCounties.contains(key) {
            table[key] = (titleCased(key), nil, "GB")
        }
        // Canada.
        let canada: [(String, String)] = [
            ("toronto", "ON"), ("mississauga", "ON"), ("ottawa", "ON"), ("brampton", "ON"), ("markham", "ON"),
            ("waterloo", "ON"), ("kitchener", "ON"), ("montreal", "QC"), ("montréal", "QC"),
            ("quebec city", "QC"), ("calgary", "AB"), ("edmonton", "AB"), ("winnipeg", "MB"),
            ("halifax", "NS"), ("regina", "SK"), ("saskatoon", "SK"), ("burnaby", "BC"),
        ]
        for (key, province) in canada {
            table[key] = (titleCased(key), caProvinces[province.lowercased()], "CA")
        }
        // Other large hubs.
        let world: [(String, String)] = [
            ("warsaw", "PL"), ("krakow", "PL"), ("kraków", "PL"), ("wroclaw", "PL"), ("bucharest", "RO"),
            ("cluj-napoca", "RO"), ("berlin", "DE"), ("munich", "DE"), ("hamburg", "DE"), ("frankfurt", "DE"),
            ("paris", "FR"), ("amsterdam", "NL"), ("dublin", "IE"), ("madrid", "ES"), ("barcelona", "ES"),
            ("lisbon", "PT"), ("zurich", "CH"), ("stockholm", "SE"), ("copenhagen", "DK"), ("oslo", "NO"),
            ("helsinki", "FI"), ("vienna", "AT"), ("prague", "CZ"), ("budapest", "HU"), ("tel aviv", "IL"),
            ("dubai", "AE"), ("singapore", "SG"), ("sydney", "AU"), ("melbourne", "AU"), ("tokyo", "JP"),
            ("manila", "PH"), ("karachi", "PK"), ("lahore", "PK"), ("sao paulo", "BR"), ("são paulo", "BR"),
            ("mexico city", "MX"), ("buenos aires", "AR"),
        ]
        for (key, country) in world { table[key] = (titleCased(key), nil, country) }
        // United States: large cities and tech hubs, used when the state is missing ("Greater Los Angeles Area").
        let us: [(String, String)] = [
            ("new york", "NY"), ("new york city", "NY"), ("nyc", "NY"), ("los angeles", "CA"),
            ("san francisco", "CA"), ("san francisco bay area", "CA"), ("bay area", "CA"), ("san jose", "CA"),
            ("san diego", "CA"), ("palo alto", "CA"), ("mountain view", "CA"), ("sunnyvale", "CA"),
            ("santa clara", "CA"), ("oakland", "CA"), ("sacramento", "CA"), ("irvine", "CA"),
            ("chicago", "IL"), ("houston", "TX"), ("dallas", "TX"), ("austin", "TX"), ("san antonio", "TX"),
            ("fort worth", "TX"), ("plano", "TX"), ("phoenix", "AZ"), ("scottsdale", "AZ"), ("tempe", "AZ"),
            ("philadelphia", "PA"), ("pittsburgh", "PA"), ("seattle", "WA"), ("redmond", "WA"),
            ("bellevue", "WA"), ("boston", "MA"), ("cambridge (us)", "MA"), ("waltham", "MA"),
            ("denver", "CO"), ("boulder", "CO"), ("atlanta", "GA"), ("miami", "FL"), ("orlando", "FL"),
            ("tampa", "FL"), ("jacksonville", "FL"), ("detroit", "MI"), ("ann arbor", "MI"),
            ("minneapolis", "MN"), ("saint paul", "MN"), ("st. louis", "MO"), ("kansas city", "MO"),
            ("nashville", "TN"), ("memphis", "TN"), ("charlotte", "NC"), ("raleigh", "NC"), ("durham (us)", "NC"),
            ("columbus", "OH"), ("cleveland", "OH"), ("cincinnati", "OH"), ("indianapolis", "IN"),
            ("baltimore", "MD"), ("washington dc", "DC"), ("washington d.c.", "DC"), ("salt lake city", "UT"),
            ("las vegas", "NV"), ("portland", "OR"), ("milwaukee", "WI"), ("new orleans", "LA"),
            ("reston", "VA"), ("arlington", "VA"), ("mclean", "VA"), ("richmond", "VA"), ("salinas", "CA"),
            ("honolulu", "HI"), ("anchorage", "AK"), ("albuquerque", "NM"), ("omaha", "NE"),
        ]
        for (key, state) in us where !key.contains("(") {
            table[key] = (titleCased(key), usStates[state], "US")
        }
        table["nyc"] = ("New York", "New York", "US")
        table["new york city"] = ("New York", "New York", "US")
        table["bay area"] = ("San Francisco", "California", "US")
        table["san francisco bay area"] = ("San Francisco", "California", "US")
        table["washington dc"] = ("Washington", "District of Columbia", "US")
        table["washington d.c."] = ("Washington", "District of Columbia", "US")
        return table
    }()

    /// UK counties and regions (lower-cased): a region after a city, never a city.
    static let ukCounties: Set<String> = [
        "west midlands", "east midlands", "cheshire", "devon", "cornwall", "aberdeenshire", "herefordshire",
        "west yorkshire", "south yorkshire", "north yorkshire", "east yorkshire", "yorkshire", "oxfordshire",
        "derbyshire", "dorset", "hertfordshire", "lancashire", "suffolk", "surrey", "kent", "cambridgeshire",
        "nottinghamshire", "somerset", "hampshire", "gloucestershire", "staffordshire", "highland", "tyne and wear",
        "merseyside", "berkshire", "buckinghamshire", "bedfordshire", "wiltshire", "leicestershire",
        "northamptonshire", "lincolnshire", "warwickshire", "worcestershire", "shropshire", "east anglia",
        "east sussex", "west sussex", "sussex", "middlesex", "county durham", "northumberland", "cumbria",
        "lanarkshire", "south east england", "south west england", "north west england", "north east england",
        "greater manchester", "greater london",
    ]

    /// Macro-regions that are not countries ("EMEA", "North America").
    static let macroRegions: [String: String] = [
        "emea": "EMEA", "apac": "APAC", "latam": "LATAM", "europe": "Europe", "eu": "EU",
        "north america": "North America", "south america": "South America", "americas": "Americas",
        "asia": "Asia", "africa": "Africa", "middle east": "Middle East", "worldwide": "Worldwide",
        "global": "Worldwide", "anywhere": "Worldwide", "nordics": "Nordics", "dach": "DACH",
    ]

    /// "new york" → "New York"; keeps short words lower-case after the first.
    static func titleCased(_ text: String) -> String {
        let small: Set<String> = ["of", "and", "upon", "on", "the"]
        var words: [String] = []
        for (index, word) in text.split(separator: " ").enumerated() {
            let lower = String(word)
            if index > 0, small.contains(lower) {
                words.append(lower == "upon" || lower == "on" ? lower.capitalized : lower)
            } else {
                words.append(lower.split(separator: "-").map { $0.capitalized }.joined(separator: "-"))
            }
        }
        return words.joined(separator: " ")
    }
}
