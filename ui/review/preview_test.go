package review

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/screentest"
	"github.com/roundtable/roundtable/ui/theme"
)

// TestPreviewGolden keeps the whole preview of the sample plan as a person
// reads it on a laptop and on a projector, and the preview pane as the
// review step shows it.
func TestPreviewGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		w := size[0]
		screentest.Golden(t, "plan-"+strconv.Itoa(w), Render(plan.Build(sample(t)), ctx.Styles, w))
		s := newScreen(t, sample(t), w, size[1])
		s.press("tab", "tab")
		screentest.Golden(t, fmt.Sprintf("preview-%dx%d", w, size[1]), s.view())
	}
}

// fits fails when a line of out is wider than width.
func fits(t *testing.T, what, out string, width int) {
	t.Helper()
	if strings.TrimSpace(out) == "" {
		t.Fatalf("%s at %d: nothing drawn", what, width)
	}
	for i, l := range strings.Split(out, "\n") {
		if w := display.Width(l); w > width {
			t.Fatalf("%s at %d: line %d is %d wide: %q", what, width, i+1, w, ansi.Strip(l))
		}
	}
}

// TestPreviewFitsEveryWidth draws the sample plan at every width from 20
// to 300, the large plan and hostile ones at a spread of them: the text is
// laid out to the width, never cut by the pane.
func TestPreviewFitsEveryWidth(t *testing.T) {
	doc := plan.Build(sample(t))
	for w := 20; w <= 300; w++ {
		fits(t, "the sample plan", Render(doc, ctx.Styles, w), w)
	}
	large := plan.Build(modeltest.Large())
	for _, w := range []int{20, 39, 40, 80, 120, 160, 300} {
		fits(t, "the large plan", Render(large, ctx.Styles, w), w)
	}
	for seed := range uint64(40) {
		doc := plan.Build(modeltest.Random(rand.New(rand.NewPCG(seed, 7))))
		w := 20 + int(seed*37)%281
		fits(t, "random plan of seed "+strconv.FormatUint(seed, 10), Render(doc, ctx.Styles, w), w)
	}
}

// TestPreviewShowsNoControlCharacter: whatever bytes were typed, the
// preview holds no character that would move the cursor or reorder text.
func TestPreviewShowsNoControlCharacter(t *testing.T) {
	for seed := range uint64(30) {
		out := Render(plan.Build(modeltest.Random(rand.New(rand.NewPCG(seed, 8)))), ctx.Styles, 90)
		for _, r := range out {
			if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Fatalf("seed %d: the preview holds %U", seed, r)
			}
		}
	}
}

// TestWideGridReadsAtEightyColumns: the large session's RACI grid of 30
// roles does not fit 80 columns, so each activity names its roles by
// letter; on a projector the grid itself is drawn.
func TestWideGridReadsAtEightyColumns(t *testing.T) {
	s := modeltest.Large()
	doc := plan.Build(s)
	narrow := ansi.Strip(Render(doc, ctx.Styles, 80))
	a := s.RACI.Activities[0]
	name := a.Name
	if a.Key {
		name += " (key)"
	}
	_, part, found := strings.Cut(narrow, "\n  "+name+" · "+a.Area+"\n")
	if !found {
		t.Fatalf("at 80 columns %q is not a heading of its own", name)
	}
	part, _, _ = strings.Cut(part, "\n\n")
	part = strings.Join(strings.Fields(part), " ")
	for _, r := range s.RACI.Roles {
		if l := a.Cells[r.ID]; l != "" && !strings.Contains(part, r.Name) {
			t.Errorf("at 80 columns %q does not name %s (%s):\n%s", a.Name, r.Name, l, part)
		}
	}
	if !strings.Contains(part, "A ") || !strings.Contains(part, " · R ") {
		t.Errorf("at 80 columns the letters do not lead the roles:\n%s", part)
	}
	wide := ansi.Strip(Render(doc, ctx.Styles, 160))
	if !regexp.MustCompile(`\n  Activity +Area +[A-Z]+ [A-Z]+`).MatchString(wide) {
		t.Error("at 160 columns the large grid is not drawn as a grid")
	}
}

// TestTooWideTablesReadRowByRow: the risk register's 15 columns cannot
// share 80 columns, so each risk is laid out under its number and title
// with every column named; a narrow table stays a table.
func TestTooWideTablesReadRowByRow(t *testing.T) {
	s := sample(t)
	out := ansi.Strip(Render(plan.Build(s), ctx.Styles, 80))
	r := s.Risks[0]
	if !strings.Contains(out, "\n  1 · "+r.Title+"\n    Category: "+r.Category+" · Likelihood: 4 · Impact: 5 · Score: 20 ·") {
		t.Errorf("the first risk is not laid out under its title:\n%s", out)
	}
	if !strings.Contains(out, "│ Mina Sato     │ Retail (Leeds store) │ Runs a hiking blog with eight      │") {
		t.Error("the experts' table is not drawn as a table")
	}
}

// TestPicturesAreColoured: in a colour terminal the heat map's cells take
// their band's colour, the critical ones reversed, and the accountable
// letter of the RACI grid stands out.
func TestPicturesAreColoured(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	st := theme.New(theme.Dark)
	out := Render(plan.Build(sample(t)), st, 160)
	_, heat, _ := strings.Cut(out, "Heat map")
	heat, _, _ = strings.Cut(heat, "Step 5")
	if !regexp.MustCompile(`\x1b\[[0-9;]*\b7\b[0-9;]*m[^\n]*1 C`).MatchString(heat) {
		t.Errorf("the critical cell is not reversed:\n%q", heat)
	}
	if !strings.Contains(out, theme.InkOf(st.Marker).Paint("A")) {
		t.Error("the RACI grid's A is not in the marker's colour")
	}
}

// odd is text that terminals draw wider than the width library counts it,
// or that is invisible, and a word longer than any line.
const odd = " Com\u00admu\u00adni\u00adca\u00adtion नमस्ते 👍🏽 👩\u200d👩\u200d👧 \u1100\u1161\u11a8 A\u200bda 日本語の長い言葉日本語の長い言葉日本語の長い言葉 " +
	"Supercalifragilisticexpialidocious-and-then-some-more-words-joined-up-without-a-space-anywhere"

// TestOddTextStaysInsideTheWidth puts odd text into the fields every
// picture and layout draws and renders the plan at a spread of widths.
func TestOddTextStaysInsideTheWidth(t *testing.T) {
	s := sample(t)
	s.Meta.Title += odd
	s.Participants[0].Name += odd
	s.Listen.Poll[0].Platform += odd
	s.Listen.Inventory[0].Notes += odd
	s.RACI.Activities[0].Name += odd
	s.RACI.Roles[0].Name += odd
	s.Risks[0].Title += odd
	s.Risks[0].Mitigation += odd
	s.Drill.Runs[0].Log[0].Text += odd
	s.Actions[0].Text += odd
	doc := plan.Build(s)
	for _, w := range []int{20, 21, 33, 40, 57, 80, 119, 160, 300} {
		fits(t, "the plan with odd text", Render(doc, ctx.Styles, w), w)
	}
}
