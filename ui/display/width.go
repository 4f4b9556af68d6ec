package display

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/parser"
	"github.com/clipperhouse/displaywidth"
)

// Terminals disagree with the width library about some text. The library
// measures a grapheme cluster ("कि", "👍🏽", "e" with an accent) as one
// character; tmux, xterm, VTE and glibc's wcwidth draw each code point of
// it in cells of its own, so a line the library measures at 80 cells can
// take 82 there and wrap, shifting the whole screen. A few characters, the
// soft hyphen first, take a cell in those terminals and none in the
// library. Width counts every cluster at the larger of the two, so a line
// cut to the terminal by Fit stays inside it in either kind of terminal.

// Width is the number of terminal cells s takes, styles aside, counted as
// the widest terminal draws it.
func Width(s string) int {
	if isPlain(s) {
		return len(s)
	}
	width := 0
	state := parser.GroundState
	for i := 0; i < len(s); i++ {
		next, action := parser.Table.Transition(state, s[i])
		if next == parser.Utf8State {
			cluster, w := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
			width += clusterWidth(cluster, w)
			i += len(cluster) - 1
			state = parser.GroundState
			continue
		}
		if action == parser.PrintAction {
			width++
		}
		state = next
	}
	return width
}

// clusterWidth is the cells a grapheme cluster takes in the widest terminal:
// what the library measures, w, or the sum of its code points' own widths.
func clusterWidth(cluster string, w int) int {
	sum := 0
	for _, r := range cluster {
		sum += codePointWidth(r)
	}
	return max(w, sum)
}

// codePointWidth is the width of r drawn on its own, as glibc's wcwidth
// gives it: the library's, but for the ranges where the two differ.
func codePointWidth(r rune) int {
	// Latin, Greek and Cyrillic text, but for the soft hyphen, is not in
	// the list.
	if r == 0x00AD || r >= 0x0600 && r <= 0x1F1FF {
		for _, o := range wcwidthDiffers {
			if r >= o.from && r <= o.to {
				return o.width
			}
		}
	}
	return displaywidth.Rune(r)
}

// wcwidthDiffers lists where glibc 2.36's wcwidth differs from the width
// library for a character on its own: format characters that take a cell,
// Hangul vowel and final jamo that take none, regional indicators and
// some symbols that take one rather than two, and the reverse.
var wcwidthDiffers = []struct {
	from, to rune
	width    int
}{
	{0x00AD, 0x00AD, 1}, {0x0600, 0x0605, 1}, {0x06DD, 0x06DD, 1}, {0x070F, 0x070F, 1},
	{0x0890, 0x0891, 1}, {0x08E2, 0x08E2, 1}, {0x1160, 0x11FF, 0}, {0x2630, 0x2637, 1},
	{0x268A, 0x268F, 1}, {0x3248, 0x324F, 2}, {0xD7B0, 0xD7C6, 0}, {0xD7CB, 0xD7FB, 0},
	{0x110BD, 0x110BD, 1}, {0x110CD, 0x110CD, 1}, {0x1D300, 0x1D356, 1}, {0x1D360, 0x1D376, 1},
	{0x1F1E6, 0x1F1FF, 1},
}

// truncate keeps the clusters of s that fit in width cells, then writes
// tail; the escape sequences after the cut are kept, so that a style that
// was opened is also closed.
func truncate(s string, width int, tail string) string {
	var b strings.Builder
	b.Grow(len(s))
	cells := 0
	cut := false
	state := parser.GroundState
	for i := 0; i < len(s); i++ {
		next, action := parser.Table.Transition(state, s[i])
		if next == parser.Utf8State {
			cluster, w := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
			i += len(cluster) - 1
			state = parser.GroundState
			if cut {
				continue
			}
			if cells += clusterWidth(cluster, w); cells > width {
				cut = true
				b.WriteString(tail)
				continue
			}
			b.WriteString(cluster)
			continue
		}
		switch action {
		case parser.PrintAction:
			if cut {
				break
			}
			if cells++; cells > width {
				cut = true
				b.WriteString(tail)
				break
			}
			b.WriteByte(s[i])
		case parser.ExecuteAction:
			// A line break or a bell after the cut is not drawn.
			if !cut {
				b.WriteByte(s[i])
			}
		default:
			b.WriteByte(s[i])
		}
		state = next
	}
	return b.String()
}
