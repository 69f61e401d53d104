/// The version string sent as `User-Agent: lagotui/<version>` and printed by `lagotui --version`.
public enum LagotuiVersion {
    public static let current = "0.1.0"
}
