import Testing

@testable import Core

/// Real location strings from the shared data (Dice, Glassdoor, Adzuna, Naukri, Indeed, JobSpy, LinkedIn).
struct LocationParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var city: String?
        var region: String?
        var country: String?
        var remote = false
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Little Elm, Texas, USA", city: "Little Elm", region: "Texas", country: "US"),
        Case(text: "Washington, District of Columbia, USA", city: "Washington", region: "District of Columbia", country: "US"),
        Case(text: "Providence, Rhode Island, USA", city: "Providence", region: "Rhode Island", country: "US"),
        Case(text: "Palo Alto, CA", city: "Palo Alto", region: "California", country: "US"),
        // Postal codes are not part of the city (Adzuna's "London NW1 ,"; US addresses with ZIP).
        Case(text: "London NW1 ,", city: "London", region: nil, country: "GB"),
        Case(text: "New York, NY 10001", city: "New York", region: "New York", country: "US"),
        Case(text: "Seattle, WA 98101-1234", city: "Seattle", region: "Washington", country: "US"),
        Case(text: "London, EC2A 4BX", city: "London", region: nil, country: "GB"),
        Case(text: "Leeds LS1 4AP", city: "Leeds", region: nil, country: "GB"),
        Case(text: "Toronto, ON M5V 3L9", city: "Toronto", region: "Ontario", country: "CA"),
        // Adzuna: town, county and region with no commas.
        Case(text: "Ipswich Suffolk East Anglia", city: "Ipswich", region: "Suffolk", country: "GB"),
        Case(text: "Exeter Devon South West", city: "Exeter", region: "Devon", country: "GB"),
        Case(text: "Welwyn Garden City Hertfordshire South East", city: "Welwyn Garden City", region: "Hertfordshire",
             country: "GB"),
        Case(text: "Santa Fe Springs, Los Angeles, CA", city: "Santa Fe Springs", region: "California", country: "US"),
        Case(text: "Toronto, Ontario, CA", city: "Toronto", region: "Ontario", country: "CA"),
        Case(text: "Washington, DC", city: "Washington", region: "District of Columbia", country: "US"),
        Case(text: "New York, NY", city: "New York", region: "New York", country: "US"),
        Case(text: "Lancaster, CA, US", city: "Lancaster", region: "California", country: "US"),
        Case(text: "Illinois", city: nil, region: "Illinois", country: "US"),
        Case(text: "Birmingham, West Midlands", city: "Birmingham", region: "West Midlands", country: "GB"),
        Case(text: "Newcastle Upon Tyne, Tyne And Wear", city: "Newcastle Upon Tyne", region: "Tyne and Wear", country: "GB"),
        Case(text: "UK", city: nil, region: nil, country: "GB"),
        Case(text: "Belfast", city: "Belfast", region: nil, country: "GB"),
        Case(text: "Bangalore/Bengaluru", city: "Bengaluru", region: nil, country: "IN"),
        Case(text: "Madurai,Chennai, Coimbatore", city: "Madurai", region: nil, country: "IN"),
        Case(text: "Trichy", city: "Tiruchirappalli", region: nil, country: "IN"),
        Case(text: "Toronto, CA", city: "Toronto", region: "Ontario", country: "CA"),
        Case(text: "CA, BC, Vancouver", city: "Vancouver", region: "British Columbia", country: "CA"),
        Case(text: "US, CA, Santa Clara", city: "Santa Clara", region: "California", country: "US"),
        Case(text: "USA.VA.Reston", city: "Reston", region: "Virginia", country: "US"),
        Case(text: "California - San Francisco", city: "San Francisco", region: "California", country: "US"),
        Case(text: "This is a fully onsite position in El Monte,CA.", city: "El Monte", region: "California", country: "US"),
        Case(text: "Waltham, Waltham", city: "Waltham", region: "Massachusetts", country: "US"),
        Case(text: "Greater Los Angeles Area", city: "Los Angeles", region: "California", country: "US"),
        Case(text: "Salinas, California Area", city: "Salinas", region: "California", country: "US"),
        Case(text: "San Francisco Bay Area", city: "San Francisco", region: "California", country: "US"),
        Case(text: "Greater London", city: nil, region: "Greater London", country: "GB"),
        Case(text: "United States (Remote)", city: nil, region: nil, country: "US", remote: true),
        Case(text: "Remote - US", city: nil, region: nil, country: "US", remote: true),
        Case(text: "Remote (EMEA)", city: nil, region: "EMEA", country: nil, remote: true),
        Case(text: "Remote Romania", city: nil, region: nil, country: "RO", remote: true),
        Case(text: "North America remote", city: nil, region: "North America", country: nil, remote: true),
        Case(text: "Anywhere", city: nil, region: "Worldwide", country: nil, remote: true),
        Case(text: "Remote, Remote", city: nil, region: nil, country: nil, remote: true),
        Case(text: "Temporarily remote", city: nil, region: nil, country: nil, remote: true),
        Case(text: "Temp.WFH", city: nil, region: nil, country: nil, remote: true),
        Case(text: "Not Remote", city: nil, region: nil, country: nil, remote: false),
        Case(text: "no remote work, Austin, TX", city: "Austin", region: "Texas", country: "US", remote: false),
        Case(text: "Hybrid", city: nil, region: nil, country: nil, remote: false),
        Case(text: "\"addressRegion\": \"UNAVAILABLE\"", city: nil, region: nil, country: nil),
        Case(text: #""applicantLocationRequirements": {"@type": "Country", "sameAs": "https://www.wikidata.org/wiki/Q30", "name": "USA"}"#,
             city: nil, region: nil, country: "US", remote: true),
        Case(text: #"[{"city": "Remote"}, {"city": "Warsaw", "street": "Puławska 2", "country": {"code": "POL", "name": "Poland"}}, ...]"#,
             city: "Warsaw", region: nil, country: "PL", remote: true),
        // The capital and New York written every way postings write them.
        Case(text: "Washington DC", city: "Washington", region: "District of Columbia", country: "US", remote: false),
        Case(text: "Washington, D.C.", city: "Washington", region: "District of Columbia", country: "US", remote: false),
        Case(text: "New York City", city: "New York", region: "New York", country: "US", remote: false),
        Case(text: "New York, New York", city: "New York", region: "New York", country: "US", remote: false),
        Case(text: "Seattle, Washington, USA", city: "Seattle", region: "Washington", country: "US", remote: false),
    ]

    @Test(arguments: cases)
    func parsesLocation(_ example: Case) {
        let location = LocationParser.parse(example.text)
        #expect(location.city == example.city)
        #expect(location.region == example.region)
        #expect(location.country == example.country)
        #expect(location.remote == example.remote)
    }

    @Test func emptyAndJunkGiveEmptyLocation() {
        #expect(LocationParser.parse("") == Location())
        #expect(LocationParser.parse("   ") == Location())
        #expect(LocationParser.parse("nan") == Location())
        _ = LocationParser.parse("((((,,,,----||||\"\":")
        _ = LocationParser.parse("\u{0}\u{1}\u{FFFD}")
    }
}
