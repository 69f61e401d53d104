import Testing

@Test func LagoAPITargetLinks() { #expect(Bool(true)) }
