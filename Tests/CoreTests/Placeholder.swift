import Testing

@Test func placeholderCoreTests() { #expect(1 + 1 == 2) }
