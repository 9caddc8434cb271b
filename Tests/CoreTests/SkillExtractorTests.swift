import Testing

@testable import Core

/// Skill extraction and list canonicalisation on real strings (Dice "Required Skills", Naukri key skills,
/// JobSpy and Glassdoor descriptions), including the false-positive traps.
struct SkillExtractorTests {
    let extractor = SkillExtractor.shared

    struct Extraction: Sendable, CustomTestStringConvertible {
        var text: String
        var skills: [String]
        var testDescription: String { text }
    }

    static let extractions: [Extraction] = [
        Extraction(text: "Know Python, R, Java, Scala, Spark.", skills: ["Python", "R", "Java", "Scala", "Apache Spark"]),
        Extraction(text: "Experience with JavaScript, node.js, JSON or equivalent",
                   skills: ["JavaScript", "Node.js", "JSON"]),
        Extraction(text: "Strong JavaScript skills", skills: ["JavaScript"]),
        Extraction(text: "Deploy to our platform with Terraform", skills: ["Terraform"]),
        Extraction(text: "Our platform transforms data", skills: []),
        Extraction(text: "Join Google to go above and beyond", skills: []),
        Extraction(text: "go to / go ahead", skills: []),
        Extraction(text: "Report to C-level executives and the C suite", skills: []),
        Extraction(text: "We raised a Series C round last year", skills: []),
        Extraction(text: "Collaborate with R&D on new products", skills: []),
        Extraction(text: "-A/R experience fast paced warehouse/office setting", skills: []),
        Extraction(text: "Payments (Payment Gateways, ACH/Wires/Swift) - Experience working with ServiceNow",
                   skills: ["ServiceNow"]),
        Extraction(text: "Named Top Tech Startup in Phoenix", skills: []),
        Extraction(text: "We react quickly to customer needs in the spring", skills: []),
        Extraction(text: "in two or more of the following: C/C++, C#, Python, Java",
                   skills: ["C", "C++", "C#", "Python", "Java"]),
        Extraction(text: "Experience in Go and Kubernetes (k8s)", skills: ["Go", "Kubernetes"]),
        Extraction(text: "Backend written in Golang; frontend in React/Redux", skills: ["Go", "React", "Redux"]),
        Extraction(text: "proficiency in R programming and RStudio", skills: ["R"]),
        Extraction(text: "Applied machine learning and CI/CD pipelines on Amazon Web Services",
                   skills: ["Machine Learning", "CI/CD", "AWS"]),
        Extraction(text: "ASP.NET MVC, .NET Core and SQL Server 2019", skills: [".NET", "SQL Server"]),
        Extraction(text: "Build RESTful APIs with Spring Boot and Hibernate", skills: ["REST APIs", "Spring Boot", "Hibernate"]),
        Extraction(text: "Excel in a fast-paced environment; advanced Excel required", skills: ["Excel"]),
        Extraction(text: "Proficient in Python or R Preferred Skills", skills: ["Python", "R"]),
        Extraction(text: "Vitamin C, John R. Smith, grade C", skills: []),
        Extraction(text: "Web frameworks like Angular, React, Ember, or Vue", skills: ["Angular", "React", "Ember.js", "Vue.js"]),
        Extraction(text: "SWIFT payments and the swift delivery of features", skills: []),
        Extraction(text: "iOS apps in Swift and SwiftUI", skills: ["iOS", "Swift", "SwiftUI"]),
    ]

    @Test(arguments: extractions)
    func extractsSkills(_ example: Extraction) {
        #expect(extractor.extract(from: example.text) == example.skills)
    }

    @Test func canonicalizesDiceAndJSearchSkills() {
        #expect(extractor.canonicalize(["C#.NET", "C #", "c#"]) == ["C#"])
        #expect(extractor.canonicalize(["Postgres", "PostgreSQL", "pg"]) == ["PostgreSQL"])
        #expect(extractor.canonicalize(["SqlServer", "MS SQL", "MSSQL", "MS-SQL"]) == ["SQL Server"])
        #expect(extractor.canonicalize(["REACT JS", "React.JS", "reactjs"]) == ["React"])
        #expect(extractor.canonicalize(["Node", "NodeJS vs Node.js"]) == ["Node.js"])
        #expect(extractor.canonicalize(["dot net", "Asp.net", ".Net"]) == [".NET"])
        #expect(extractor.canonicalize(["Amazon web services", "golang", "Go"]) == ["AWS", "Go"])
        #expect(extractor.canonicalize(["JS, Node, Mongo"]) == ["JavaScript", "Node.js", "MongoDB"])
        #expect(extractor.canonicalize(["Python (primary)", "TS"]) == ["Python", "TypeScript"])
        #expect(extractor.canonicalize(["C++, C#, Node.js"]) == ["C++", "C#", "Node.js"])
    }

    @Test func splitsCompoundsAndKeepsUnknownPhrases() {
        #expect(extractor.canonicalize(["Angular JS and GWT"]) == ["Angular", "GWT"])
        #expect(extractor.canonicalize(["Cryptography - React.JS"]) == ["Cryptography", "React"])
        #expect(extractor.canonicalize(["Create.js", "create.js ", "Economic Research SAS"])
            == ["Create.js", "Economic Research", "SAS"])
        #expect(extractor.canonicalize(["(ROUTERS ) AND (FIREWALLS OR FIREWALL ) AND(MANAGER ) AND (CISCO )"])
            == ["ROUTERS", "Firewalls", "Cisco"])  // "MANAGER" is a job title, no skill
        #expect(extractor.canonicalize(["See Job Description", "SEE BELOW", "  "]) == [])
    }

    /// Dice CSV skill fields that are instructions or sentences, as they were stored before (×15, ×6, ×5, ×3).
    @Test func instructionsAndSentencesAreNoSkills() {
        #expect(extractor.canonicalize(["Please refer to Job Description", "Well also need to see this on your resume",
                                        "Refer to Job Description", "See Required Skills Below", "Please see below",
                                        "As Per Detailed Job Description"]) == [])
        // A sentence keeps its known skills only; a short unknown phrase is still kept as written.
        #expect(extractor.canonicalize(["Certification preferred with relevant practical experience. 3. Backup experience "
                                        + "with Linux data deduplication", "Avaya prefered", "Economic Research"])
            == ["Linux", "data deduplication", "Avaya", "Economic Research"])
    }

    @Test func naukriSpaceSeparatedSkills() {
        let skills = extractor.canonicalize(["Excel Data Analysis SQL Server Data mining research analysis"])
        #expect(skills == ["Excel", "Data Analysis", "SQL Server", "Data Mining", "research analysis"])
    }

    /// Dice: 320 postings listing "Testing" were stored with TestNG; typos with swapped letters were missed.
    @Test func fuzzyMatchesTyposNotOtherWords() {
        #expect(extractor.canonicalize(["Testing", "Networking"]) == ["Testing", "Networking"])
        #expect(extractor.canonicalize(["Pyhton", "Kubernets", "Javascipt", "Postgress"])
                == ["Python", "Kubernetes", "JavaScript", "PostgreSQL"])
        #expect(extractor.canonicalize(["business inteligence", "BI"]) == ["Business Intelligence"])
    }

    @Test func fuzzyOnlyForLongNames() {
        #expect(extractor.canonicalize(["Javascript", "Java Script", "javescript"]) == ["JavaScript"])
        #expect(extractor.canonicalize(["PostgresSQL", "Kubernates"]) == ["PostgreSQL", "Kubernetes"])
        #expect(extractor.canonicalize(["Jva"]) == ["Jva"])
        #expect(extractor.canonicalize(["Goo"]) == ["Goo"])
        // A fuzzy match keeps the first letter: "Studio" is one deletion from "RStudio" but is not R.
        #expect(extractor.canonicalize(["Studio"]) == ["Studio"])
    }

    @Test func slashesSplitSkillsButNotNames() {
        #expect(extractor.canonicalize(["Java/Python"]) == ["Java", "Python"])
        #expect(extractor.canonicalize(["C/C++"]) == ["C", "C++"])
        #expect(extractor.canonicalize(["A/B Testing", "Android Studio"]) == ["A/B Testing", "Android Studio"])
        #expect(extractor.canonicalize(["X/Y Plotting"]) == ["X/Y Plotting"])
        // A known name with a slash stays whole inside a longer phrase (was "CI", "CD pipelines", "CI/CD").
        #expect(extractor.canonicalize(["CI/CD pipelines with GitHub Actions"]) == ["CI/CD", "GitHub Actions"])
        // Canonical names read back as themselves.
        let names = SkillTaxonomy.shared.skills.map(\.name)
        #expect(names.filter { extractor.canonicalize([$0]) != [$0] } == [])
    }

    /// Dice lists name tags that are no skill ("Development" ×576, "Management" ×500, "Project" ×310) and job
    /// titles; one Dice record pasted its company blurb into the field. Naukri lists items with spaces only.
    @Test func noiseInSkillListsIsNoSkill() {
        #expect(extractor.canonicalize(["Development", "Management", "Project", "Developer", "Lifecycle",
                                         "Software Engineer", "Project Manager", "Full Time", "Contract W2", "TX",
                                         "2012", "reliable", "INC. specializes in delivering secure",
                                         "their prime contractors. Wi"]) == [])
        // Found by a tester in Dice and Glassdoor lists.
        #expect(extractor.canonicalize(["3+ Months Contract to Hire", "implementation experience....5+", "4-5",
                                         "4+ years experience in dimensional", "health insurance", "ON-SITE", "basic",
                                         "Learn"]) == [])
        #expect(extractor.canonicalize(["Domain◦Microsoft Group Policy◦Enterprise"]) == ["Domain", "Microsoft Group Policy", "Enterprise"])
        // Real skills in the same lists, known or not, stay.
        #expect(extractor.canonicalize(["Routers", "CISSP", "TAD PGS", "Testing"]) == ["Routers", "CISSP", "TAD PGS", "Testing"])
        #expect(extractor.canonicalize(["Root cause analysis Data analysis Interpersonal skills Networking "
                                        + "Project management Data collection Gap analysis Data Analyst"])
                == ["Root Cause Analysis", "Data Analysis", "Interpersonal", "Networking", "Project Management",
                    "Data Collection", "Gap analysis"])
        #expect(extractor.canonicalize(["COBIT verbal written communication ISO 20k Excel MS - Powerpoint word ITIL"])
                == ["COBIT", "Communication", "ISO 20k", "Excel", "PowerPoint", "ITIL"])
    }

    @Test func taxonomyLookups() {
        let taxonomy = SkillTaxonomy.shared
        #expect(taxonomy.count >= 300)
        #expect(taxonomy.aliasCount > taxonomy.count * 2)
        #expect(taxonomy.skill(id: "kubernetes")?.name == "Kubernetes")
        #expect(taxonomy.skill(named: "k8s")?.id == "kubernetes")
        #expect(taxonomy.skill(named: "c sharp")?.name == "C#")
        #expect(taxonomy.skill(named: "GCP")?.category == "cloud")
        #expect(taxonomy.canonicalName(for: "Kubernets") == "Kubernetes")
        #expect(taxonomy.skill(named: "nonsense-skill") == nil)
        #expect(Set(taxonomy.skills.map(\.id)).count == taxonomy.count)
    }
}
