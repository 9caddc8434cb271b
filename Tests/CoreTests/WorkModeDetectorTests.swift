import Testing

@testable import Core

/// Work-mode decisions on real field values (Naukri work types, JobSpy, Dice, LinkedIn, Indeed).
struct WorkModeDetectorTests {
    @Test func naukriWorkTypes() {
        #expect(WorkModeDetector.detect(texts: [("job_type", "Temp.WFH")], flags: []).mode == .remote)
        #expect(WorkModeDetector.detect(texts: [("job_type", "Permanent Remote")], flags: []).mode == .remote)
        #expect(WorkModeDetector.detect(texts: [("job_type", "Hybrid")], flags: []).mode == .hybrid)
        #expect(WorkModeDetector.detect(texts: [("job_type", "work from office")], flags: []).mode == .onsite)
    }

    @Test func negatedRemoteIsNotRemote() {
        for text in ["Not Remote", "No remote", "Remote not available", "This role is non-remote"] {
            let decision = WorkModeDetector.detect(texts: [("location", text)], flags: [])
            #expect(decision.mode == .onsite, "\(text)")
        }
        let description = "Remote work is not available for this position. You will join us in Austin."
        #expect(WorkModeDetector.detect(texts: [("description", description)], flags: []).mode != .remote)
    }

    /// Negations a few words away, and remote with office days (found by trying the CLI as a user).
    @Test func negationsAcrossAFewWordsAndOfficeDays() {
        func mode(_ text: String, _ field: String = "work_mode") -> WorkMode {
            WorkModeDetector.detect(texts: [(field, text)], flags: []).mode
        }
        #expect(mode("Remote work is not an option") == .onsite)
        #expect(mode("This role is not eligible for remote work") == .onsite)
        #expect(mode("Remote: No") == .onsite)
        #expect(mode("Remote, no relocation needed") == .remote)
        #expect(mode("We do not require travel; remote work is welcome") == .remote)
        #expect(mode("Remote friendly, but you must be in our Austin office 2 days a week") == .hybrid)
        #expect(mode("Fully remote. Team meets in the office once a year.", "description") == .remote)
        #expect(mode("Work from home 2 days a week") == .hybrid)
        // Glassdoor and Adzuna descriptions that were stored as remote.
        #expect(mode("Telecommuting Options:  Telecommuting Not Allowed", "description") == .onsite)
        #expect(mode("Registered nurse for a care home based in Bury St Edmunds", "description") == .unknown)
        #expect(mode("WFH flexibility", "description") == .hybrid)
        #expect(mode("Work-from-home Fridays", "description") == .hybrid)
        #expect(mode("Fully remote benefits include a home office stipend", "description") == .remote)
        // The evidence shows the negation, not only the words around "remote".
        let negated = WorkModeDetector.detect(texts: [("work_mode", "Remote work is not available for this position")],
                                              flags: [])
        #expect(negated.evidence == "work_mode: \"remote work is not available\"")
        #expect(mode("Remote - work 40 hours a week") == .remote)
    }

    @Test func hybridBeatsRemoteInTheSameField() {
        let decision = WorkModeDetector.detect(texts: [("title", "Data Engineer (Hybrid/Remote)")], flags: [])
        #expect(decision.mode == .hybrid)
    }

    @Test func titleHybridBeatsRemoteFlagAndNotesDisagreement() {
        let decision = WorkModeDetector.detect(
            texts: [("title", "Associate Director, Program Management (Hybrid)"), ("location", "Franklin Lakes, NJ")],
            flags: [("is_remote", true)])
        #expect(decision.mode == .hybrid)
        #expect(decision.evidence == "title: \"hybrid\"; disagrees with flag is_remote=true")
    }

    @Test func diceFlagsDisagreeing() {
        let decision = WorkModeDetector.detect(
            texts: [("location", "Reston, Virginia, USA")],
            flags: [("isRemote", true), ("workFromHomeAvailability", false)])
        #expect(decision.mode == .remote)
        #expect(decision.evidence == "isRemote=true; disagrees with flag workFromHomeAvailability=false")
    }

    @Test func diceWorkplaceTypes() {
        let onsiteOrRemote = WorkModeDetector.detect(texts: [("workplaceTypes", "Remote, On-Site")], flags: [])
        #expect(onsiteOrRemote.mode == .remote)
        let hybrid = WorkModeDetector.detect(texts: [("workplaceTypes", "Hybrid")], flags: [("isRemote", false)])
        #expect(hybrid.mode == .hybrid)
    }

    @Test func jobSpyFlagAloneDecides() {
        #expect(WorkModeDetector.detect(texts: [("location", "Orlando, FL")], flags: [("is_remote", true)]).mode == .remote)
        let onsite = WorkModeDetector.detect(texts: [("location", "Newark, NJ")], flags: [("is_remote", false)])
        #expect(onsite.mode == .onsite)
        #expect(onsite.evidence == "is_remote=false")
    }

    @Test func descriptionPhrasesWithEvidence() {
        let decision = WorkModeDetector.detect(
            texts: [("location", "Denver, CO"), ("description", "This is a fully remote position open to US residents.")],
            flags: [])
        #expect(decision == WorkModeDecision(mode: .remote, evidence: "description: \"fully remote\""))
        let hybrid = WorkModeDetector.detect(
            texts: [("description", "This is a hybrid role with 3 days in the office.")], flags: [])
        #expect(hybrid.mode == .hybrid)
    }

    @Test func descriptionTrapsAreIgnored() {
        let text = "Manage hybrid cloud infrastructure and remote monitoring of substations."
        #expect(WorkModeDetector.detect(texts: [("description", text)], flags: []).mode == .unknown)
    }

    @Test func descriptionBeatsFalseFlag() {
        let decision = WorkModeDetector.detect(
            texts: [("description", "We offer a hybrid schedule: two days a week in our Boston office.")],
            flags: [("is_remote", false)])
        #expect(decision.mode == .hybrid)
    }

    @Test func indeedTemporarilyRemoteAndTelecommute() {
        let temporary = WorkModeDetector.detect(texts: [("Remote", "Temporarily remote")], flags: [])
        #expect(temporary.mode == .remote)
        #expect(temporary.evidence?.lowercased().contains("temporarily remote") == true)
        #expect(WorkModeDetector.detect(texts: [("jobLocationType", "TELECOMMUTE")], flags: []).mode == .remote)
    }

    @Test func nothingSaidIsUnknown() {
        let decision = WorkModeDetector.detect(texts: [("location", "Huntsville, AL")], flags: [])
        #expect(decision == WorkModeDecision(mode: .unknown, evidence: nil))
    }
}
