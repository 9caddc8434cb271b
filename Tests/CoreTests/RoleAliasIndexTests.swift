import Testing
@testable import Core

@Suite("Role aliases in job titles")
struct RoleAliasIndexTests {
    let index = RoleAliasIndex([
        (alias: "python developer", roleId: 1), (alias: "python engineer", roleId: 1), (alias: "c++ developer", roleId: 2),
        (alias: "java developer", roleId: 3), (alias: "senior .net software engineer", roleId: 4),
        (alias: "data engineer", roleId: 5), (alias: "front-end developer", roleId: 6),
    ])

    @Test func wholeWordsOnly() {
        #expect(index.roleIds(in: "Senior Python Developer (Remote)") == [1])
        #expect(index.roleIds(in: "Python Developers wanted") == [], "a plural is another word")
        #expect(index.roleIds(in: "JavaScript Developer") == [], "Java is not JavaScript")
        #expect(index.roleIds(in: "Sr. Java Developer") == [3])
    }

    @Test func aTitleNamingTwoRolesMapsToBothEachOnce() {
        #expect(index.roleIds(in: "Lead C++ Developer / Python Engineer") == [2, 1])
        #expect(index.roleIds(in: "Python Developer or Python Engineer") == [1])
    }

    @Test func punctuationSeparatesWordsButPlusHashAndDotBelongToThem() {
        #expect(index.roleIds(in: "DATA-ENGINEER, Spark") == [5])
        #expect(index.roleIds(in: "Senior .NET Software Engineer – C#") == [4], "four words, the longest alias")
        // An alias holding a character that separates words in titles can never match, as in SQL.
        #expect(index.roleIds(in: "Front-End Developer") == [])
        #expect(RoleAliasIndex.words("Ingénieur C# / .NET (m/w/d)") == ["ing", "nieur", "c#", ".net", "m", "w", "d"])
    }

    @Test func noAliasesOrNoWordsMapNothing() {
        #expect(RoleAliasIndex([]).roleIds(in: "Python Developer") == [])
        #expect(index.roleIds(in: "") == [])
        #expect(index.roleIds(in: "— / —") == [])
    }
}
