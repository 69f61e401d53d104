import Testing

@Test func BrowserModelTargetLinks() { #expect(Bool(true)) }
