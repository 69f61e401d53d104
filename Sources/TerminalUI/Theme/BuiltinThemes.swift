/// The built-in themes. Generated from themes/*.theme (a test checks that they stay equal):
/// the binary carries them, so it needs no resource files at run time.
public enum BuiltinThemes {
    /// The theme used when none is chosen.
    public static let defaultName = "dark"

    /// Theme file text by name.
    public static let sources: [String: String] = [
        "dark": #"""
# lagotui default theme, for dark terminal backgrounds.
# Format: see themes/README.md. `default` means the terminal's own colour.
name = dark
frame.glyphs = unicode

text = default
text.dim = gray
text.accent = cyan
text.placeholder = black on yellow
text.changed = bold yellow

frame.border = gray
frame.focus = cyan
frame.title = default
frame.title.focus = bold cyan

table.header = bold default
table.header.sorted = bold underline cyan

status.success = green
status.warning = yellow
status.danger = bright-red
status.disabled = gray
status.default = default
status.outline = cyan

header = default
header.label = gray
header.value = bold default
badge.live = bold white on red
badge.test = bold black on yellow
badge.readonly = bold black on cyan
connection.online = green
connection.offline = bold bright-red
connection.cached = yellow

crumbs = gray
crumbs.active = bold cyan

hints.key = bold cyan
hints.text = default
hints.disabled = gray

prompt = bold cyan
prompt.input = default
prompt.suggestion = gray

dialog = default
dialog.title = bold default
dialog.danger = bold bright-red
dialog.button = default
dialog.button.focus = bold black on cyan
dialog.input = underline default
dialog.error = bright-red

json.key = cyan
json.string = green
json.number = magenta
json.literal = yellow
json.punctuation = gray

toast.info = default
toast.success = green
toast.warning = yellow
toast.error = bold bright-red

help.section = bold yellow
help.key = bold cyan

tab.active = bold black on cyan
tab.inactive = gray
progress = cyan
"""#,
        "light": #"""
# For light terminal backgrounds: dark inks only, nothing pale (no white, no yellow text).
name = light
extends = dark

text = default
text.dim = 243
text.accent = #005f87
text.placeholder = black on #ffd75f
text.changed = bold #af5f00

frame.border = 246
frame.focus = #005f87
frame.title.focus = bold #005f87

table.header.sorted = bold underline #005f87

status.success = #008700
status.warning = #af5f00
status.danger = bold #d70000
status.disabled = 244
status.outline = #005f87

header.label = 243
badge.live = bold white on #d70000
badge.test = bold black on #ffd75f
badge.readonly = bold white on #005f87
connection.online = #008700
connection.offline = bold #d70000
connection.cached = #af5f00

crumbs = 243
crumbs.active = bold #005f87

hints.key = bold #005f87
hints.disabled = 246

prompt = bold #005f87
prompt.suggestion = 246

dialog.danger = bold #d70000
dialog.button.focus = bold white on #005f87
dialog.error = #d70000

json.key = #005f87
json.string = #008700
json.number = #870087
json.literal = #af5f00
json.punctuation = 245

toast.success = #008700
toast.warning = #af5f00
toast.error = bold #d70000

help.section = bold #870087
help.key = bold #005f87

tab.active = bold white on #005f87
tab.inactive = 243
progress = #005f87
"""#,
        "high-contrast": #"""
# Maximum contrast: bright primaries, bold everywhere it carries meaning, heavy frames.
name = high-contrast
extends = dark
frame.glyphs = heavy

text = bright-white
text.dim = white
text.placeholder = bold black on bright-yellow
frame.border = bright-white
frame.focus = bold bright-yellow
frame.title = bold bright-white
frame.title.focus = bold black on bright-yellow
table.header = bold underline bright-white
status.success = bold bright-green
status.warning = bold bright-yellow
status.danger = bold bright-red
status.disabled = white
status.outline = bold bright-cyan
badge.live = bold bright-white on red
badge.test = bold black on bright-yellow
badge.readonly = bold black on bright-cyan
crumbs = bright-white
crumbs.active = bold bright-yellow
hints.key = bold bright-yellow
dialog.button.focus = bold black on bright-yellow
tab.active = bold black on bright-yellow
tab.inactive = white
"""#,
        "monochrome": #"""
# No colour at all, for monochrome terminals and people who prefer it: states are told
# apart by bold, underline, reverse and dim. NO_COLOR=1 gives the same result with any theme.
name = monochrome
extends = dark
frame.glyphs = unicode

text = default
text.dim = dim
text.accent = plain
text.placeholder = reverse
text.changed = bold underline
frame.border = plain
frame.focus = bold
frame.title = bold
frame.title.focus = bold reverse
table.header = bold
table.header.sorted = bold underline
status.success = plain
status.warning = bold
status.danger = bold underline
status.disabled = dim
status.default = plain
status.outline = dim
header = plain
header.label = dim
header.value = bold
badge.live = bold reverse
badge.test = reverse
badge.readonly = bold reverse
connection.online = plain
connection.offline = bold underline
connection.cached = dim
crumbs = plain
crumbs.active = bold
hints.key = bold
hints.text = plain
hints.disabled = dim
prompt = bold
prompt.input = plain
prompt.suggestion = dim
dialog = plain
dialog.title = bold
dialog.danger = bold underline
dialog.button = plain
dialog.button.focus = reverse
dialog.input = underline
dialog.error = bold
json.key = bold
json.string = plain
json.number = plain
json.literal = plain
json.punctuation = dim
toast.info = plain
toast.success = plain
toast.warning = bold
toast.error = bold reverse
help.section = bold underline
help.key = bold
tab.active = reverse
tab.inactive = plain
progress = plain
"""#,
        "live-frame": #"""
# The default theme with a red frame: set `theme = "live-frame"` on a live profile so the
# production account is impossible to mistake for the test one.
name = live-frame
extends = dark
frame.border = red
frame.focus = bold bright-red
frame.title.focus = bold bright-red
crumbs.active = bold bright-red
"""#,
    ]
}
