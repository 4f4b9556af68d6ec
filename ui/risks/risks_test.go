package risks

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/ui/screentest"
)

func TestMain(m *testing.M) { screentest.Main(m) }

func session() *model.Session {
	w := model.Workshop{Name: "test", Steps: []model.Step{{Kind: model.StepRisks, Title: "Risks", Prompts: []string{"What keeps you up at night?"}}}}
	w.Risks.Categories = []string{"alignment", "crisis", "security"}
	s := model.New("risks-test", model.Meta{Title: "Risks"}, w)
	s.RACI.Roles = []model.Role{
		{ID: "comms", Name: "Head of communications"},
		{ID: "it", Name: "IT lead"},
	}
	s.Risks = []model.Risk{
		{Title: "Customer data leaks through a forum plug-in", Category: "security", Likelihood: 3, Impact: 5, Owner: "it",
			Treatment: model.Mitigate, Mitigation: "Patch monthly.\nReview plug-ins.", ResidualLikelihood: 1, ResidualImpact: 5, Status: model.RiskOpen, Review: "2026-06-30"},
		{Title: "Marketing buys a second listening tool", Category: "alignment", Likelihood: 4, Impact: 2, Status: model.RiskOpen},
		{Title: "Nobody answers a viral complaint", Category: "crisis", Likelihood: 4, Impact: 4, Status: model.RiskOpen},
		{Title: "Old blog left online", Category: "security", Likelihood: 1, Impact: 2, Status: model.RiskClosed},
		{Title: "Not yet scored", Category: "crisis", Status: model.RiskOpen},
	}
	return s
}

// rig is the shared screen rig with the risks screen's own model at hand.
type rig = screentest.Screen[*Model]

func newRig(t testing.TB, s *model.Session, w, h int) *rig {
	return screentest.Open(t, newModel, s, w, h)
}

// listed returns the titles of the list in the order drawn.
func listed(r *rig) []string {
	var out []string
	for _, i := range r.M.list().idx {
		out = append(out, r.Session.Risks[i].Title)
	}
	return out
}

// largeAt opens modeltest.Large() on its risk register.
func largeAt(tb testing.TB, w, h int) *rig {
	return newRig(tb, modeltest.Large(), w, h)
}

func TestListIsSortedByScoreAndSToggles(t *testing.T) {
	r := newRig(t, session(), 80, 24)
	want := []string{"Nobody answers a viral complaint", "Customer data leaks through a forum plug-in",
		"Marketing buys a second listening tool", "Old blog left online", "Not yet scored"}
	if got := listed(r); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("by score: %v", got)
	}
	r.WantView("Ask the room: What keeps you up at night?", "› ! 4×4 16 HIGH Nobody answers a viral complaint", "3×5 15 HIGH", "4×2  8 MED", "1×2  2 LOW", "not scored  Not yet scored", "by score")
	r.Keys("j", "s")
	if got := listed(r); got[0] != "Customer data leaks through a forum plug-in" || got[2] != "Nobody answers a viral complaint" {
		t.Errorf("s should show register order: %v", got)
	}
	r.WantView("in register order", "›   3×5 15 HIGH Customer data leaks")
	if r.Session.Risks[r.M.sel].Title != "Customer data leaks through a forum plug-in" {
		t.Error("sorting should keep the selection on its risk")
	}
	r.Keys("s")
	r.WantView("by score")
}

func TestMovingThroughTheList(t *testing.T) {
	r := largeAt(t, 80, 24)
	first := r.M.sel
	r.Keys("j", "down")
	if p := r.M.list().pos[r.M.sel]; p != 2 {
		t.Errorf("j and down should reach the third risk, at %d", p)
	}
	r.Keys("k", "up", "up")
	if r.M.sel != first {
		t.Error("k and up should stop at the first risk")
	}
	r.Keys("pgdown")
	if p := r.M.list().pos[r.M.sel]; p < 5 || r.M.top == 0 {
		t.Errorf("pgdown should move a page (at %d, top %d)", p, r.M.top)
	}
	r.Keys("G")
	last := r.Session.Risks[r.M.sel]
	if p := r.M.list().pos[r.M.sel]; p != 999 {
		t.Errorf("G should reach the last risk, at %d", p)
	}
	r.WantView("› ", titleStart(last.Title))
	r.Keys("pgup", "g")
	if r.M.sel != first || r.M.top != 0 {
		t.Error("g should go back to the top")
	}
}

// titleStart cuts a title as a narrow list shows its start.
func titleStart(title string) string {
	if len(title) > 12 {
		return title[:12]
	}
	return title
}

func TestFilterNarrowsTheListAndEscClearsIt(t *testing.T) {
	r := newRig(t, session(), 80, 24)
	r.Keys("/")
	if !r.M.Typing() {
		t.Fatal("/ should give the keys to the filter")
	}
	r.Keys("sec", "u")
	if got := listed(r); len(got) != 2 || got[0] != "Customer data leaks through a forum plug-in" {
		t.Errorf("filter secu shows %v", got)
	}
	r.Keys("enter")
	if r.M.Typing() {
		t.Error("enter should keep the filter and give the keys back")
	}
	r.WantView(`showing 2 of 5 risks`, `filter "secu"`)
	r.DontWantView("Nobody answers")
	// The owner's role name matches too.
	r.Keys("/", "backspace", "backspace", "backspace", "backspace", "it lead", "enter")
	if got := listed(r); len(got) != 1 || got[0] != "Customer data leaks through a forum plug-in" {
		t.Errorf("filter by owner shows %v", got)
	}
	r.Keys("/", "esc")
	if len(listed(r)) != 5 || r.M.Typing() {
		t.Errorf("esc should clear the filter: %v", listed(r))
	}
	r.DontWantView("filter")
}

func TestHeatMapCountsAndFiltersByCell(t *testing.T) {
	r := newRig(t, session(), 80, 24)
	// Row for impact 4: likelihood 4 holds the viral complaint, a high risk.
	r.WantView(" 4    · L    · M    · H    1 H    · C ", " 5    · M    · H    1 H    · C    · C ", "L low, M medium, H high, C critical")
	r.Keys("tab")
	if r.M.Typing() {
		t.Error("the map takes no text")
	}
	r.WantView(" 4    · L    · M    · H [  1 H]   · C ", "cell L4×I4")
	if got := listed(r); len(got) != 1 || got[0] != "Nobody answers a viral complaint" {
		t.Errorf("tab should filter to the selected risk's cell: %v", got)
	}
	r.Keys("k", "h")
	r.WantView(" 5    · M    · H [  1 H]   · C ", "cell L3×I5")
	if got := listed(r); len(got) != 1 || got[0] != "Customer data leaks through a forum plug-in" {
		t.Errorf("moving on the map should filter to L3×I5: %v", got)
	}
	r.Keys("j", "j", "j")
	r.WantView("No risk matches", "showing 0 of 5")
	// Back on the list the cell still filters; x shows every cell.
	r.Keys("up", "up", "up", "tab")
	r.WantView("›   3×5 15 HIGH Customer data leaks", "cell L3×I5")
	r.Keys("x")
	if len(listed(r)) != 5 {
		t.Errorf("x should show every risk: %v", listed(r))
	}
	r.DontWantView("cell L", "[")
	// The map stops at its edges.
	r.Keys("tab", "l", "l", "l", "l", "l", "k", "k", "k")
	if r.M.mapL != 5 || r.M.mapI != 5 {
		t.Errorf("the map cursor went to L%d×I%d", r.M.mapL, r.M.mapI)
	}
}

func TestFlagsOnSeriousRisksAppearAndClear(t *testing.T) {
	r := newRig(t, session(), 80, 24)
	r.WantView("! 1 serious without owner or mitigation", "! no owner, no mitigation")
	// e opens the form on the flagged risk; give it an owner and a plan.
	r.Keys("e")
	if !r.M.Typing() {
		t.Fatal("e should open the form")
	}
	r.Keys("tab", "tab", "tab", "tab", "right", "right", "tab", "right", "tab", "Staff the weekend rota.", "ctrl+s")
	got := r.Session.Risks[2]
	if got.Owner != "it" || got.Treatment != model.Mitigate || string(got.Mitigation) != "Staff the weekend rota." {
		t.Fatalf("the form saved %+v", got)
	}
	if got.Likelihood != 4 || got.Impact != 4 || got.Category != "crisis" || got.Status != model.RiskOpen {
		t.Errorf("untouched fields changed: %+v", got)
	}
	r.DontWantView("! 1 serious", "no owner", "! 4×4")
	r.WantView("IT lead", "Mitigation: Staff the weekend rota.")
	if want := "changed risk Nobody answers a viral complaint"; r.Status[len(r.Status)-1] != want {
		t.Errorf("status %q", r.Status[len(r.Status)-1])
	}
}

func TestAddARiskWithEveryField(t *testing.T) {
	r := newRig(t, session(), 100, 40)
	r.Keys("a", "Press calls at night", "tab", "right", "right", "tab", "right", "right", "tab", "right", "right", "right", "right", "right",
		"tab", "right", "tab", "right", "right", "tab", "Brief the duty officer.", "tab", "right", "tab", "right", "right", "tab", "right", "tab", "2026-07-01", "ctrl+s")
	if len(r.Session.Risks) != 6 {
		t.Fatalf("a then ctrl+s left %d risks", len(r.Session.Risks))
	}
	want := model.Risk{Title: "Press calls at night", Category: "crisis", Likelihood: 2, Impact: 5, Owner: "comms",
		Treatment: model.Accept, Mitigation: "Brief the duty officer.", ResidualLikelihood: 1, ResidualImpact: 2,
		Status: model.RiskInProgress, Review: "2026-07-01"}
	if got := r.Session.Risks[5]; got != want {
		t.Errorf("added %+v\nwant  %+v", got, want)
	}
	if r.M.sel != 5 {
		t.Error("the new risk should be selected")
	}
	r.WantView("›   2×5 10 HIGH Press calls at night", "Head of communications", "crisis", "accept")
}

func TestFormChecksTheReviewDateAndTitle(t *testing.T) {
	r := newRig(t, session(), 100, 40)
	r.Keys("a", "ctrl+s")
	r.WantView("! Risk: required — please fill it in")
	r.Keys("Typo date")
	for range 10 {
		r.Keys("tab")
	}
	r.Keys("30/06/2026", "ctrl+s")
	r.WantView("write the date as YYYY-MM-DD")
	if len(r.Session.Risks) != 5 {
		t.Error("a bad date must not be saved")
	}
	r.Keys("esc", "esc")
	if r.M.Typing() || len(r.Edits) != 0 {
		t.Error("esc should close the form without an edit")
	}
}

func TestCategoryCanBeTyped(t *testing.T) {
	r := newRig(t, session(), 100, 40)
	r.Keys("a", "Vendor folds", "tab", "left", "tab", "vendor", "ctrl+s")
	if got := r.Session.Risks[5].Category; got != "vendor" {
		t.Errorf("typed category saved as %q", got)
	}
}

func TestDeleteAsksFirst(t *testing.T) {
	r := newRig(t, session(), 80, 24)
	r.Keys("j", "d")
	r.WantView("Delete risk Customer data leaks through a forum plug-in?", "Score 3×5 = 15 (high), owner IT lead.")
	r.Keys("esc")
	if len(r.Session.Risks) != 5 || len(r.Edits) != 0 {
		t.Fatal("esc should keep the risk")
	}
	r.Keys("d", "n")
	if len(r.Session.Risks) != 5 {
		t.Fatal("n should keep the risk")
	}
	r.Keys("d", "y")
	if len(r.Session.Risks) != 4 || r.Session.Risks[0].Title == "Customer data leaks through a forum plug-in" {
		t.Errorf("y should delete it: %+v", r.Session.Risks)
	}
	if r.Status[len(r.Status)-1] != "deleted risk Customer data leaks through a forum plug-in" {
		t.Errorf("status %q", r.Status[len(r.Status)-1])
	}
	// A stale delete (the list changed under it) touches nothing.
	before := len(r.Session.Risks)
	r.Keys("d")
	r.Session.Risks[r.M.sel].Title = "renamed elsewhere"
	r.Keys("y")
	if len(r.Session.Risks) != before {
		t.Error("a delete must not remove a different risk")
	}
}

func TestOwnerFromTheRACIRoles(t *testing.T) {
	s := session()
	s.Risks[1].Owner = "gone"
	r := newRig(t, s, 80, 24)
	r.WantView("? gone")
	r.Keys("j", "j", "e", "tab", "tab", "tab", "tab")
	r.WantView("‹ ? gone (no longer in the grid) ›")
	r.Keys("right")
	r.WantView("‹ (nobody yet) ›")
	r.Keys("right")
	r.WantView("‹ Head of communications ›")
}

func TestHostileTextKeepsTheListAligned(t *testing.T) {
	s := session()
	s.Risks[0].Title = "Line\nbreak\x1b[31m red \u202e 長い名前のリスクです"
	s.Risks[0].Category = "\x00\x07"
	s.RACI.Roles[1].Name = "IT\tlead\r"
	for _, w := range []int{80, 125, 160} {
		r := newRig(t, s, w, 45)
		v := r.M.View()
		if strings.Contains(v, "\x1b[31m") {
			t.Error("a title's escape sequence reached the terminal")
		}
		lines := strings.Split(ansi.Strip(v), "\n")
		col := -1
		first := r.M.promptH() + 2
		for _, l := range lines[first : first+5] {
			// The owner column starts at the same cell on every row,
			// whatever bytes the title holds.
			at := strings.Index(l, "(nobody)")
			if at < 0 {
				at = strings.Index(l, "IT lead")
			}
			got := ansi.StringWidth(l[:max(at, 0)])
			if col >= 0 && got != col || at < 0 {
				t.Errorf("at %d the owner column moved to %d from %d:\n%s", w, got, col, ansi.Strip(v))
			}
			col = got
		}
	}
}

func TestGoldenViews(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 45}} {
		name := fmt.Sprintf("-%dx%d", sz[0], sz[1])
		r := newRig(t, session(), sz[0], sz[1])
		r.Keys("j")
		screentest.Golden(t, "small"+name, r.View())
		l := largeAt(t, sz[0], sz[1])
		l.Keys("j", "tab", "h")
		screentest.Golden(t, "large"+name, l.View())
	}
}

func TestEverySizeFits(t *testing.T) {
	states := map[string]*rig{
		"small": newRig(t, session(), 80, 24),
		"large": largeAt(t, 80, 24),
		"map":   largeAt(t, 80, 24),
		"form":  newRig(t, session(), 80, 24),
		"empty": newRig(t, model.New("e", model.Meta{}, model.Workshop{}), 80, 24),
	}
	states["large"].Keys("G")
	states["map"].Keys("tab", "/", "risk 1")
	states["form"].Keys("e")
	for name, r := range states {
		for w := 0; w <= 300; w += 7 {
			for h := 0; h <= 80; h += 5 {
				r.M.SetSize(w, h)
				v := r.M.View()
				screentest.Fits(t, name, v, w, h)
			}
		}
	}
}

// TestDeleteSelectsTheNextRiskAsShown: after a delete the selection is on
// the risk that was below it in the list the room sees (sorted by score),
// not on whatever followed it in the register; at the end, the one above.
func TestDeleteSelectsTheNextRiskAsShown(t *testing.T) {
	r := newRig(t, session(), 100, 30)
	shown := listed(r)
	if shown[0] != "Nobody answers a viral complaint" {
		t.Fatalf("the list starts with %q", shown[0])
	}
	r.Keys("d", "y")
	if got := r.Session.Risks[r.M.sel].Title; got != shown[1] {
		t.Errorf("after deleting the top risk the selection is on %q, want %q", got, shown[1])
	}
	r.WantView("› ", shown[1])
	r.Keys("G", "d", "y")
	shown = listed(r)
	if got := r.Session.Risks[r.M.sel].Title; got != shown[len(shown)-1] {
		t.Errorf("after deleting the last risk the selection is on %q, want %q", got, shown[len(shown)-1])
	}
}

// The heat map on screen and in the plan are one map: impact up the side,
// likelihood across, named the same way, with the same counts in the same
// places.
func TestHeatMapReadsTheSameOnScreenAndInThePlan(t *testing.T) {
	s := session()
	// The plan's map leaves closed risks out; the screen's counts them.
	s.Risks = slices.DeleteFunc(s.Risks, func(r model.Risk) bool { return r.Status == model.RiskClosed })
	s.Risks = append(s.Risks, model.Risk{Title: "Likely but minor", Likelihood: 5, Impact: 1, Status: model.RiskOpen})
	r := newRig(t, s, 80, 24)
	lines := strings.Split(r.View(), "\n")
	top := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "Heat map: impact ↑ likelihood →") {
			top = i
		}
	}
	if top < 0 {
		t.Fatalf("no heat map titled impact ↑ likelihood →:\n%s", r.View())
	}
	var screen [][]string
	for _, l := range lines[top+1 : top+6] {
		cells := strings.Fields(string([]rune(l)[:mapW]))
		row := []string{cells[0]}
		for j := 1; j+1 < len(cells); j += 2 {
			row = append(row, strings.ReplaceAll(cells[j], "·", "0"))
		}
		screen = append(screen, row)
	}

	doc := string(plan.Markdown(s))
	at := strings.Index(doc, "| Impact ↑ likelihood → | 1 | 2 | 3 | 4 | 5 |")
	if at < 0 {
		t.Fatalf("the plan's heat map is not headed impact ↑ likelihood →:\n%s", doc[strings.Index(doc, "### Heat map"):])
	}
	var written [][]string
	for _, l := range strings.Split(doc[at:], "\n")[2:7] {
		var row []string
		for _, c := range strings.Split(strings.Trim(l, "| "), " | ") {
			row = append(row, strings.Fields(c)[0])
		}
		written = append(written, row)
	}
	if fmt.Sprint(screen) != fmt.Sprint(written) {
		t.Errorf("the screen's map %v differs from the plan's %v", screen, written)
	}
	if screen[4][5] != "1" {
		t.Errorf("likelihood 5, impact 1 is not at the bottom right: %v", screen)
	}
}

// Undoing a delete brings the risk back where it was, and the cursor with
// it, whatever the list showed after the delete.
func TestUndoingADeleteSelectsTheRestoredRisk(t *testing.T) {
	for k := range 2 * len(session().Risks) {
		byScore, down := k%2 == 0, k/2
		r := newRig(t, session(), 100, 30)
		if !byScore {
			r.Keys("s")
		}
		for range down {
			r.Keys("j")
		}
		gone := r.Session.Risks[r.M.sel].Title
		before := r.Session.Clone()
		r.Keys("d", "y")
		if slices.ContainsFunc(r.Session.Risks, func(x model.Risk) bool { return x.Title == gone }) {
			t.Fatalf("%q was not deleted", gone)
		}
		r.Show(before)
		if got := r.Session.Risks[r.M.sel].Title; got != gone {
			t.Errorf("by score %v, row %d: after undo the cursor is on %q, want the restored %q", byScore, down+1, got, gone)
		}
		r.WantView("› ", gone)
		// An unrelated change later does not pull the cursor back.
		r.Keys("k")
		moved := r.M.sel
		r.Show(r.Session.Clone())
		if r.M.sel != moved {
			t.Errorf("by score %v: a later change moved the cursor back to the restored risk", byScore)
		}
	}
}
