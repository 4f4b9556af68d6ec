package theme

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/model"
)

// rgb is the colour an xterm shows for a 256-colour index.
func rgb(t *testing.T, c lipgloss.Color) [3]float64 {
	t.Helper()
	n, err := strconv.Atoi(string(c))
	if err != nil || n < 16 || n > 255 {
		t.Fatalf("colour %q is not an xterm index from 16 to 255", c)
	}
	if n >= 232 {
		g := float64(8 + 10*(n-232))
		return [3]float64{g, g, g}
	}
	levels := []float64{0, 95, 135, 175, 215, 255}
	n -= 16
	return [3]float64{levels[n/36], levels[n/6%6], levels[n%6]}
}

// luminance is the relative luminance of WCAG 2.
func luminance(c [3]float64) float64 {
	var l [3]float64
	for i, v := range c {
		v /= 255
		if v <= 0.03928 {
			l[i] = v / 12.92
		} else {
			l[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestEveryColourReadsOnItsBackground checks each palette's words against
// the background it is made for: body text at 7:1, every other colour of
// text at least 3:1 (WCAG's bar for large and bold text), on a white and on
// a black terminal.
func TestEveryColourReadsOnItsBackground(t *testing.T) {
	for _, tc := range []struct {
		name string
		th   Theme
		bg   [3]float64
	}{
		{"light", For(false), [3]float64{255, 255, 255}},
		{"dark", For(true), [3]float64{0, 0, 0}},
	} {
		if got := contrast(rgb(t, tc.th.Text), tc.bg); got < 7 {
			t.Errorf("%s: body text has a contrast of %.1f:1, want 7:1", tc.name, got)
		}
		for name, c := range map[string]lipgloss.Color{
			"muted": tc.th.Muted, "accent": tc.th.Accent, "good": tc.th.Good, "warn": tc.th.Warn, "bad": tc.th.Bad,
		} {
			if got := contrast(rgb(t, c), tc.bg); got < 3 {
				t.Errorf("%s: %s text has a contrast of %.1f:1, want 3:1", tc.name, name, got)
			}
		}
		// Selected rows keep the text readable on the selection colour.
		if got := contrast(rgb(t, tc.th.Text), rgb(t, tc.th.Selection)); got < 4.5 {
			t.Errorf("%s: text on the selection has a contrast of %.1f:1, want 4.5:1", tc.name, got)
		}
	}
}

// TestLettersReadApart: the RACI letters are drawn in styles of their own,
// the accountable one standing out, and the inks paint as the styles do.
func TestLettersReadApart(t *testing.T) {
	st := New(Dark)
	letters := []model.Letter{model.Accountable, model.Responsible, model.Consulted, model.Informed}
	seen := map[string]model.Letter{}
	inks := st.LetterInks()
	for _, l := range letters {
		fg := fmt.Sprint(st.Letter(l).GetForeground())
		if other, ok := seen[fg]; ok {
			t.Errorf("%s and %s are drawn alike (%s)", l, other, fg)
		}
		seen[fg] = l
		if got, want := inks.Of(l), InkOf(st.Letter(l)); got != want {
			t.Errorf("%s: the ink %q paints otherwise than its style %q", l, got, want)
		}
	}
	if !st.Letter(model.Accountable).GetBold() {
		t.Error("the accountable letter does not stand out")
	}
	if fmt.Sprint(st.Letter("")) != fmt.Sprint(st.Letter(model.Informed)) {
		t.Error("an empty cell is not drawn as quietly as an informed one")
	}
}
