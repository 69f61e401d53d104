import Testing

@Test func LagotuiCommandsTargetLinks() { #expect(Bool(true)) }
