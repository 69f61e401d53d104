import ArgumentParser

/// Runs the `lagotui` command line; the executable target only calls this.
public enum LagotuiEntryPoint {
    public static func run() async {
        await Lagotui.main()
    }
}
