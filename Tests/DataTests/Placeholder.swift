import Testing

@Test func placeholderDataTests() { #expect(1 + 1 == 2) }
