import Testing

@Test func placeholderCentralTUITests() { #expect(1 + 1 == 2) }
