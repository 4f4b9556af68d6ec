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

func TestWrapWordsBreaksOnlyWordsTooLongForALine(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		most  int
		want  []string
	}{
		{"Executive sponsor", 9, 3, []string{"Executive", "sponsor"}},
		{"PR and communications", 9, 3, []string{"PR and", "communic-", "ations"}},
		{"Information security and privacy", 9, 3, []string{"Informat-", "ion", "security…"}},
		{"IT", 9, 3, []string{"IT"}},
		{"", 9, 3, nil},
	} {
		got := WrapWords(c.in, c.width, c.most)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("WrapWords(%q, %d, %d) = %q, want %q", c.in, c.width, c.most, got, c.want)
		}
		for _, l := range got {
			if Width(l) > c.width {
				t.Errorf("%q is wider than %d", l, c.width)
			}
		}
	}
}

func TestRowKeepsEachCellToItsColumn(t *testing.T) {
	got := Row([]string{"Review sites of the big marketplaces", "customers", "", "high"}, []int{12, 10, 6})
	if want := "Review site…  customers           high"; got != want {
		t.Errorf("Row = %q, want %q", got, want)
	}
	if got := Row([]string{"Forum", "", ""}, []int{8, 8}); got != "Forum" {
		t.Errorf("empty cells at the end leave %q", got)
	}
}
