import Foundation
import Testing

@testable import Core

@Suite struct ParseReportTests {
    static let now = Date(timeIntervalSince1970: 1_617_364_800)  // 2021-04-02T12:00:00Z

    @Test func salaryLine() throws {
        let line = try ParseReport.json(kind: "salary", text: "USD 21.00 - 27.00 per hour", now: Self.now)
        #expect(line == #"{"input":"USD 21.00 - 27.00 per hour","currency":"USD","interval":"HOUR","min":21,"max":27,"#
            + #""annual_min":43680,"annual_max":56160,"source":"parsed","unstated":false,"note":null}"#)
    }

    @Test func unstatedSalaryLineCarriesTheNote() throws {
        let line = try ParseReport.json(kind: "salary", text: "$60 - $65", now: Self.now)
        #expect(line.contains(#""interval":"HOUR""#))
        #expect(line.contains(#""unstated":true,"note":"magnitude suggests HOUR""#))
    }

    /// `--description` runs the importer's description path: the field path reads "Region 1: $115,500" as $1 an
    /// hour; the description path as $115,500 a year, and "head office" gives no years.
    @Test func descriptionModeIsTheImportersDescriptionPath() throws {
        let text = "On Target Earnings Region 1: $115,500"
        #expect(try ParseReport.json(kind: "salary", text: text, now: Self.now, description: true)
            .contains(#""min":115500,"max":115500"#))
        #expect(try ParseReport.json(kind: "experience", text: "Reports to head office", now: Self.now, description: true)
            .contains(#""years_min":null"#))
        #expect(try ParseReport.json(kind: "experience", text: "Head of Engineering", now: Self.now).contains(#""years_min":10"#))
    }

    @Test func decimalsStayDecimal() throws {
        let line = try ParseReport.json(kind: "salary", text: "USD 28.71 - 35.87 per hour", now: Self.now)
        #expect(line.contains(#""min":28.71,"max":35.87"#))
    }

    @Test func absentSalaryIsNullAndSaysWhy() throws {
        let line = try ParseReport.json(kind: "salary", text: "Depends on \"Experience\"\n", now: Self.now)
        #expect(line == #"{"input":"Depends on \"Experience\"\n","currency":null,"interval":null,"min":null,"#
            + #""max":null,"annual_min":null,"annual_max":null,"source":null,"unstated":null,"#
            + #""note":"no pay amount in this text"}"#)
    }

    /// Money that is not pay says so, not "no pay amount".
    @Test func moneyThatIsNotPaySaysSo() throws {
        for text in ["$500 sign-on gift card", "401k match up to 6% and a $2,000 bonus", "We raised $40 million"] {
            let line = try ParseReport.json(kind: "salary", text: text, now: Self.now)
            #expect(line.contains(#""note":"money that is not pay"#), "\(text)")
            #expect(line.contains(#""min":null"#))
        }
    }

    @Test func experienceLine() throws {
        #expect(try ParseReport.json(kind: "experience", text: "5+ years", now: Self.now)
            == #"{"input":"5+ years","years_min":5,"years_max":null}"#)
        #expect(try ParseReport.json(kind: "experience", text: "18 months", now: Self.now)
            == #"{"input":"18 months","years_min":1.5,"years_max":null}"#)
    }

    @Test func dateLine() throws {
        #expect(try ParseReport.json(kind: "date", text: "2 days ago", now: Self.now)
            == #"{"input":"2 days ago","posted_at":"2021-03-31T12:00:00Z"}"#)
        #expect(try ParseReport.json(kind: "date", text: "nan", now: Self.now)
            == #"{"input":"nan","posted_at":null}"#)
    }

    @Test func otherKindsHaveTheirKeys() throws {
        let location = try ParseReport.json(kind: "location", text: "Austin, TX", now: Self.now)
        #expect(location.hasPrefix(#"{"input":"Austin, TX","city":"#) && location.contains(#""remote":"#))
        let skills = try ParseReport.json(kind: "skills", text: "Python, SQL", now: Self.now)
        #expect(skills.hasPrefix(#"{"input":"Python, SQL","skills":["#))
        let mode = try ParseReport.json(kind: "work-mode", text: "Remote", now: Self.now)
        #expect(mode.hasPrefix(#"{"input":"Remote","mode":"#) && mode.contains(#""evidence":"#))
    }

    @Test func skillsReadListsAsListsAndProseAsProse() throws {
        func skills(_ text: String) throws -> String { try ParseReport.json(kind: "skills", text: text, now: Self.now) }
        #expect(try skills("k8s, JS, Postgres, React.js, C#, Golang").hasSuffix(
            #""skills":["Kubernetes","JavaScript","PostgreSQL","React","C#","Go"]}"#))
        #expect(try skills("Weaving, Python").hasSuffix(#""skills":["Weaving","Python"]}"#))
        #expect(try skills("Our platform transforms data").hasSuffix(#""skills":[]}"#))
        #expect(try skills("We are building a platform with Python and AWS").hasSuffix(#""skills":["Python","AWS"]}"#))
        #expect(try skills("Kubernates").hasSuffix(#""skills":["Kubernetes"]}"#))
    }

    @Test func unknownKindNamesTheValidOnes() {
        #expect(throws: ParseReport.Failure.unknownKind("wage", valid: ParseReport.kinds)) {
            try ParseReport.json(kind: "wage", text: "x", now: Self.now)
        }
        let message = "\(ParseReport.Failure.unknownKind("wage", valid: ParseReport.kinds))"
        #expect(message.contains("wage") && message.contains("salary, experience, location, skills, date, work-mode"))
    }
}
