import Core
import Foundation

/// Throughput of an embedder on a set of texts; benchmarks print these numbers, tests never assert on them.
public enum EmbeddingBenchmark {
    /// One timed run.
    public struct Measurement: Sendable, CustomStringConvertible {
        /// Texts embedded.
        public let texts: Int
        /// Wall-clock seconds for the whole call.
        public let seconds: Double
        /// CPU seconds of the whole process (all threads) during the call; steadier than wall time on a busy box.
        public let cpuSeconds: Double
        /// texts / seconds.
        public var textsPerSecond: Double { seconds > 0 ? Double(texts) / seconds : 0 }
        /// Average milliseconds per text.
        public var millisecondsPerText: Double { texts > 0 ? seconds * 1000 / Double(texts) : 0 }

        public var description: String {
            String(
                format: "%d texts in %.2f s (%.2f CPU s): %.1f texts/s, %.2f ms/text, %.2f CPU ms/text", texts,
                seconds, cpuSeconds, textsPerSecond, millisecondsPerText, cpuSeconds * 1000 / Double(max(texts, 1)))
        }
    }

    /// Embeds `texts` once after a one-text warm-up, and times the call.
    public static func run(
        embedder: some Embedder, texts: [String], task: EmbeddingTask = .document
    ) throws -> Measurement {
        if let first = texts.first { _ = try embedder.embed([first], task: task) }
        let cpuStart = processCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        let vectors = try embedder.embed(texts, task: task)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = processCPUSeconds() - cpuStart
        precondition(
            vectors.count == texts.count, "embedder returned \(vectors.count) vectors for \(texts.count) texts")
        return Measurement(texts: texts.count, seconds: seconds, cpuSeconds: cpu)
    }

    /// User + system CPU time of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Synthetic job postings of roughly 150–250 word pieces: title, location, salary, skills, duties.
    public static func jobTexts(count: Int) -> [String] {
        let titles = [
            "Senior Backend Engineer", "Data Scientist", "Registered Nurse", "DevOps Engineer",
            "Frontend Developer", "Product Manager", "Machine Learning Engineer", "Accountant",
        ]
        let places = ["Berlin, Germany", "Austin, TX", "Remote (US)", "London, UK", "Toronto, ON", "Bangalore, India"]
        let skills = [
            "Python", "Kubernetes", "PostgreSQL", "React", "TypeScript", "AWS", "Terraform", "Swift",
            "SQL", "PyTorch", "Excel", "patient care", "Go", "Kafka", "Docker", "GraphQL",
        ]
        let duties = [
            "design, build and operate services used by millions of customers",
            "work closely with product, design and data teams to ship features every week",
            "mentor junior colleagues and review code with care",
            "own the reliability of our platform, including on-call rotations and incident reviews",
            "translate ambiguous business questions into measurable experiments",
            "keep documentation current and help shape our engineering practices",
        ]
        return (0..<count).map { i in
            let picked = (0..<6).map { skills[(i * 7 + $0 * 3) % skills.count] }
            var text = "\(titles[i % titles.count]) - \(places[i % places.count]). "
            text += "Salary $\(90 + i % 60)K–$\(130 + i % 70)K a year, \(2 + i % 6)+ years of experience. "
            text += "Required skills: \(picked.joined(separator: ", ")). "
            text +=
                "In this role you will "
                + (0..<duties.count).map { duties[($0 + i) % duties.count] }.joined(separator: "; ")
            text += ". We offer flexible hours, a learning budget, health insurance and 30 days of paid leave. "
            text += "Apply with your CV and a short note about a project you are proud of."
            return text
        }
    }

    /// Canonical role names of 3–5 word pieces.
    public static func roleNames(count: Int) -> [String] {
        let roles = [
            "Python Developer", "Registered Nurse", "Data Scientist", "DevOps Engineer", "Product Manager",
            "Frontend Developer", "Staff Accountant", "Site Reliability Engineer", "QA Analyst",
            "iOS Developer",
        ]
        return (0..<count).map { roles[$0 % roles.count] }
    }
}
