package display

import (
	"strings"
	"testing"
)

func TestOneLineShowsEveryByteWithoutBreakingTheLine(t *testing.T) {
	for in, want := range map[string]string{
		"plain":           "plain",
		"two\nlines":      "two⏎lines",
		"crlf\r\nend":     "crlf⏎end",
		"bell\x07esc\x1b": "bell␇esc␛",
		"tab\there":       "tab here",
		"bad\xffbyte":     "bad\uFFFDbyte",
		"\u202eevil":      "\uFFFDevil",
		// Terminals draw a joined emoji as one, two or three people;
		// without the joiners every terminal draws the same three.
		"שלום 👩‍👩‍👧":      "שלום 👩👩👧",
		"Ad\u00ada":       "Ada",
		"A\u200bda":       "A\uFFFDda",
		"Ada\u2060":       "Ada\uFFFD",
		"Ada\U000E0041":   "Ada\uFFFD",
		"\u061cAda\u200f": "\uFFFDAda\uFFFD",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFitNeverExceedsTheWidth(t *testing.T) {
	long := strings.Repeat("👩‍👩‍👧x", 100)
	for w := 0; w < 30; w++ {
		if got := Width(Fit(long, w)); got > w {
			t.Fatalf("Fit to %d gave %d cells", w, got)
		}
		if got := Width(Pad("ab", w)); got != w {
			t.Fatalf("Pad to %d gave %d cells", w, got)
		}
	}
}

func TestWrapKeepsLinesWithinWidth(t *testing.T) {
	for _, l := range Wrap("a paragraph\nwith "+strings.Repeat("averyveryverylongword", 5), 12) {
		if Width(l) > 12 {
			t.Fatalf("wrapped line %q is too wide", l)
		}
	}
}

func TestCountPicksTheNounOfTheNumber(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 minutes"}, {1, "1 minute"}, {2, "2 minutes"}, {-1, "-1 minutes"}} {
		if got := Count(tc.n, "minute", "minutes"); got != tc.want {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
