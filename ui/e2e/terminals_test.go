package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/hinshun/vt10x"

	"github.com/roundtable/roundtable/ui/theme"
)

// withEnv returns env with each KEY=value of set replacing the one there.
func withEnv(env []string, set ...string) []string {
	out := make([]string, 0, len(env)+len(set))
	for _, e := range env {
		keep := true
		for _, s := range set {
			if strings.SplitN(e, "=", 2)[0] == strings.SplitN(s, "=", 2)[0] {
				keep = false
			}
		}
		if keep {
			out = append(out, e)
		}
	}
	return append(out, set...)
}

// coloured counts the cells drawn in a colour other than the terminal's own.
func coloured(s *screen) int {
	s.vt.Lock()
	defer s.vt.Unlock()
	cols, rows := s.vt.Size()
	n := 0
	for y := 0; y < rows; y++ {
		for x := 0; x < cols; x++ {
			if g := s.vt.Cell(x, y); g.FG != vt10x.DefaultFG || g.BG != vt10x.DefaultBG {
				n++
			}
		}
	}
	return n
}

// TestPlainTerminalsGetWordsNotColours opens the risk register, the most
// colourful screen, with NO_COLOR set and on a dumb terminal: no cell may
// be coloured, and the bands and flags still read as words. The same screen
// on a colour terminal is coloured, so the check can tell.
func TestPlainTerminalsGetWordsNotColours(t *testing.T) {
	home := t.TempDir()
	base := testEnv(t, home)
	out, _, err := roundtable(t, base, "new", "Colours", "--sample", "--no-open")
	if err != nil {
		t.Fatal(err)
	}
	id := lastLine(out)
	for _, tc := range []struct {
		name  string
		env   []string
		plain bool
	}{
		{"colour terminal", base, false},
		{"NO_COLOR", withEnv(base, "NO_COLOR=1"), true},
		{"TERM=dumb", withEnv(base, "TERM=dumb"), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := startScreen(t, tc.env, 80, 24, "open", id, "--read-only")
			s.waitFor("Step 1 of")
			s.send("4")
			s.waitFor("What could go wrong", "HIGH", "Heat map", "L low, M medium, H high, C critical")
			n := coloured(s)
			if tc.plain && n > 0 {
				t.Errorf("%d cells are coloured:\n%s", n, s.text())
			}
			if !tc.plain && n == 0 {
				t.Errorf("a colour terminal shows no colour at all:\n%s", s.text())
			}
			s.send(keyCtrlC)
			_ = s.exit()
		})
	}
}

// TestLightBackgroundGetsTheLightPalette starts the program on a terminal
// with a white background and on one with a black one; each answers the
// program's question about its background. The title is drawn in each
// palette's own accent, the one checked for contrast on that background.
func TestLightBackgroundGetsTheLightPalette(t *testing.T) {
	env := testEnv(t, t.TempDir())
	for _, tc := range []struct {
		name, bg string
		accent   lipgloss.Color
	}{
		{"light", "rgb:ffff/ffff/ffff", theme.Light.Accent},
		{"dark", "rgb:0000/0000/0000", theme.Dark.Accent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := start(t, env, "", tc.bg, 80, 24)
			s.waitFor("Roundtable", "Sessions")
			want, err := strconv.Atoi(string(tc.accent))
			if err != nil {
				t.Fatal(err)
			}
			s.vt.Lock()
			got := s.vt.Cell(0, 0)
			s.vt.Unlock()
			if got.Char != 'R' || int(got.FG) != want {
				t.Errorf("the title's first cell is %q in colour %d, want 'R' in %d:\n%s", got.Char, got.FG, want, s.text())
			}
			s.send(keyCtrlC)
			_ = s.exit()
		})
	}
}
