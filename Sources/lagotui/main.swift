import LagotuiCommands

await LagotuiEntryPoint.run()
