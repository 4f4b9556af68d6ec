package present

import "strings"

// font draws each character of a clock as five rows of pixels, "#" lit.
var font = map[rune][5]string{
	'0': {"###", "# #", "# #", "# #", "###"},
	'1': {" # ", "## ", " # ", " # ", "###"},
	'2': {"###", "  #", "###", "#  ", "###"},
	'3': {"###", "  #", " ##", "  #", "###"},
	'4': {"# #", "# #", "###", "  #", "  #"},
	'5': {"###", "#  ", "###", "  #", "###"},
	'6': {"###", "#  ", "###", "# #", "###"},
	'7': {"###", "  #", "  #", "  #", "  #"},
	'8': {"###", "# #", "###", "# #", "###"},
	'9': {"###", "# #", "###", "  #", "###"},
	':': {" ", "#", " ", "#", " "},
	'-': {"   ", "   ", "###", "   ", "   "},
}

// fontRows is how many rows of pixels a character has.
const fontRows = 5

// bigWidth is how many cells text takes drawn at scale: each pixel is
// 2×scale cells wide, characters one pixel apart.
func bigWidth(text string, scale int) int {
	w := 0
	for i, r := range text {
		if i > 0 {
			w += 2 * scale
		}
		w += len(font[r][0]) * 2 * scale
	}
	return w
}

// bigText draws text in block characters, fontRows×scale lines high.
// Characters the font lacks are left out.
func bigText(text string, scale int) []string {
	scale = max(scale, 1)
	rows := make([]strings.Builder, fontRows)
	first := true
	for _, r := range text {
		glyph, ok := font[r]
		if !ok {
			continue
		}
		for y := range fontRows {
			if !first {
				rows[y].WriteString(strings.Repeat(" ", 2*scale))
			}
			for _, px := range glyph[y] {
				cell := " "
				if px == '#' {
					cell = "█"
				}
				rows[y].WriteString(strings.Repeat(cell, 2*scale))
			}
		}
		first = false
	}
	out := make([]string, 0, fontRows*scale)
	for y := range fontRows {
		for range scale {
			out = append(out, rows[y].String())
		}
	}
	return out
}
