import Testing

@Test func PageCacheTargetLinks() { #expect(Bool(true)) }
