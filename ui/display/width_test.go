package display

import (
	"strings"
	"testing"
)

// TestWidthIsWhatTerminalsDraw: text that a terminal draws wider than the
// width library measures it is counted as the terminal draws it, and cut to
// fit by that count.
func TestWidthIsWhatTerminalsDraw(t *testing.T) {
	for s, want := range map[string]int{
		"Ad\u00ada":          4, // a soft hyphen takes a cell in tmux and xterm
		"कि":                 2, // a vowel sign takes a cell of its own
		"नमस्ते":             4,
		"👍🏽":                 4, // a skin tone is drawn apart where not joined
		"👩\u200d👩\u200d👧":    6,
		"🇪🇺":                 2,
		"\u1100\u1161\u11a8": 2, // Hangul written as jamo is one syllable
		"각":                  2,
		"e\u0301":            1,
		"\u3248":             2,
		"日本":                 4,
		"\x1b[1mbold\x1b[0m": 4,
	} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
	for _, s := range []string{strings.Repeat("Communi\u00adcation ", 20), strings.Repeat("नमस्ते दुनिया ", 20), strings.Repeat("👍🏽 ok ", 30)} {
		for w := 1; w < 60; w++ {
			if got := Width(Fit(s, w)); got > w {
				t.Fatalf("Fit(%q, %d) takes %d cells", s[:20], w, got)
			}
			for _, l := range Wrap(s, w) {
				if Width(l) > w {
					t.Fatalf("Wrap(%q, %d) gives the line %q of %d cells", s[:20], w, l, Width(l))
				}
			}
		}
	}
	if got := Fit("\x1b[31mred text here\x1b[0m", 5); got != "\x1b[31mred …\x1b[0m" {
		t.Errorf("Fit keeps %q, want the colour closed after the cut", got)
	}
}
