import Testing

@Test func LagoSandboxTargetLinks() { #expect(Bool(true)) }
