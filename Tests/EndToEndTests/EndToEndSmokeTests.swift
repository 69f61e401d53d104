import Testing

@Test func EndToEndTargetLinks() { #expect(Bool(true)) }
