/// How a role looks in a theme: foreground, background and attributes.
public struct ThemeStyle: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var emphasis: Emphasis
    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault, emphasis: Emphasis = []) {
        self.foreground = foreground; self.background = background; self.emphasis = emphasis
    }
}

/// A named set of role styles. Loaded from a theme file over the default theme, so a user
/// theme only has to name what it changes.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [StyleRole: ThemeStyle]
    /// Box-drawing characters for frames (`frame.glyphs = unicode|heavy|ascii`).
    public var glyphs: GlyphSet

    public init(name: String, styles: [StyleRole: ThemeStyle], glyphs: GlyphSet = .unicode) {
        self.name = name; self.styles = styles; self.glyphs = glyphs
    }

    /// The style for a role (the text style when the theme does not name it).
    public func style(for role: StyleRole) -> ThemeStyle { styles[role] ?? styles[.text] ?? ThemeStyle() }

    /// Attributes a role gets when there is no colour at all (NO_COLOR, monochrome terminals):
    /// chosen so every state stays readable with bold, underline, reverse and dim alone.
    public static func monochromeEmphasis(for role: StyleRole) -> Emphasis {
        switch role {
        case .text, .accent, .statusSuccess, .statusDefault, .header, .headerValue, .crumbs, .hintText,
             .prompt, .promptInput, .dialog, .dialogInput, .jsonString, .jsonNumber, .jsonLiteral, .toastInfo,
             .toastSuccess, .tabInactive, .connectionOnline, .border, .progress:
            return []
        case .dim, .placeholder, .statusDisabled, .hintDisabled, .jsonPunctuation, .promptSuggestion, .connectionCached, .statusOutline:
            return .dim
        case .changed, .tableHeaderSorted: return [.bold, .underline]
        case .tableHeader, .title, .headerLabel, .crumbsActive, .hintKey, .dialogTitle, .jsonKey, .helpSection, .helpKey, .borderFocused:
            return .bold
        case .titleFocused: return [.bold, .reverse]
        case .statusWarning: return .bold
        case .statusDanger, .dialogDanger, .dialogError, .toastWarning, .connectionOffline: return [.bold, .underline]
        case .badgeLive, .badgeReadOnly, .toastError: return [.bold, .reverse]
        case .badgeTest, .dialogButtonFocused, .tabActive: return .reverse
        case .dialogButton: return []
        }
    }
}

/// Which box-drawing characters frames use.
public enum GlyphSet: String, Sendable, Equatable, CaseIterable {
    case unicode, heavy, ascii
    public var box: BoxGlyphs {
        switch self {
        case .unicode: return .unicode
        case .heavy: return .heavy
        case .ascii: return .ascii
        }
    }
}
