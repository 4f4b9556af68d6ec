package assessment

import (
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/ui/screentest"
)

func TestMain(m *testing.M) { screentest.Main(m) }

func workshop() model.Workshop {
	w := model.Workshop{Name: "test", Title: "Test workshop", Steps: []model.Step{
		{Kind: model.StepAssessment, Title: "Rate the practices", Prompts: []string{"IT first, then the business."}},
	}}
	w.Assessment.Practices = []model.Practice{
		{ID: "awareness", Title: "IT anticipates business needs", Explanation: "IT knows what the business plans before the tickets arrive."},
		{ID: "responsibility", Title: "Clear lines for running and paying", Explanation: "It is written down who answers for the strategy, the content, support and the costs."},
		{ID: "trusted-voices", Title: "Trusted people speak for us", Explanation: "A respected person speaks first in public, with a named backup."},
	}
	return w
}

func session() *model.Session {
	return model.New("assessment-test", model.Meta{Title: "Assessment"}, workshop())
}

// rig is the shared screen rig with the assessment screen's own model at hand.
type rig = screentest.Screen[*Model]

func newRig(t testing.TB, s *model.Session, w, h int) *rig {
	return screentest.Open(t, newModel, s, w, h)
}

func TestRatingsSideBySideAndTheGap(t *testing.T) {
	r := newRig(t, session(), 100, 30)
	r.WantView("3 practices · rated by IT 0, by the business 0", "IT knows what the business plans", "gap ?")
	r.Keys("+", "+", "+", "+")
	if got := r.Session.Assessment[0].IT; got != 4 {
		t.Fatalf("IT rating = %d, want 4", got)
	}
	if r.LastLabel() != "IT rating: IT anticipates business needs 4" {
		t.Errorf("label = %q", r.LastLabel())
	}
	r.WantView("[4] ■■■■□", "gap ?")
	r.Keys("right", "+", "+")
	r.WantView("4  ■■■■□   [2] ■■□□□   gap 2 !", "1 wide gap (! = 2+ apart)")
	if r.LastLabel() != "business rating: IT anticipates business needs 2" {
		t.Errorf("label = %q", r.LastLabel())
	}
	r.Keys("+")
	r.WantView("gap 1")
	r.DontWantView("gap 2 !")
	// Ratings stay within 1 to 5; - from 1 leaves it not rated.
	r.Keys("+", "+", "+", "+")
	if got := r.Session.Assessment[0].Business; got != 5 {
		t.Fatalf("business rating = %d, want at most 5", got)
	}
	r.Keys("x")
	if got := r.Session.Assessment[0].Business; got != 0 {
		t.Fatalf("x should clear the rating, got %d", got)
	}
	r.WantView("[-] □□□□□")
	if miss := r.Session.Missing(model.StepAssessment); len(miss) != 2 || miss[1] != "3 practices not rated by the business" {
		t.Errorf("missing = %q", miss)
	}
}

func TestTypedRating(t *testing.T) {
	r := newRig(t, session(), 100, 30)
	r.Keys("j", "enter")
	r.WantView("Clear lines for running and paying — IT's rating, 1 (not at all) to 5")
	r.Keys("7", "enter")
	r.WantView("type a whole number from 1 to 5")
	r.Keys("backspace", "3", "enter")
	if got := r.Session.Assessment[1].IT; got != 3 || r.M.Typing() {
		t.Fatalf("typed rating = %d", got)
	}
	r.Keys("enter", "backspace", "enter")
	if got := r.Session.Assessment[1].IT; got != 0 || r.LastLabel() != "IT rating: Clear lines for running and paying not rated" {
		t.Fatalf("an empty rating should clear it: %d (%q)", got, r.LastLabel())
	}
	n := len(r.Edits)
	r.Keys("enter", "4", "esc")
	if len(r.Edits) != n || r.Session.Assessment[1].IT != 0 || r.M.Typing() {
		t.Fatal("esc should leave the rating as it was")
	}
}

func TestNotes(t *testing.T) {
	r := newRig(t, session(), 100, 30)
	r.WantView("none yet")
	r.Keys("e", "IT says: we heard of the launch two days before.", "ctrl+s")
	if got := r.Session.Assessment[0].Notes; got != "IT says: we heard of the launch two days before." || r.LastLabel() != "notes: IT anticipates business needs" {
		t.Fatalf("notes = %q (%q)", got, r.LastLabel())
	}
	r.WantView("Notes:", "we heard of the launch two days before.")
	n := len(r.Edits)
	r.Keys("e", " More.", "esc")
	if len(r.Edits) != n || r.M.Typing() {
		t.Fatal("esc should keep the notes")
	}
	// Undo, as the root does it, shows the notes gone.
	before := session()
	r.M.SetSession(before, r.Rev+1)
	r.WantView("none yet")
}

func TestRatingsMatchPracticesByID(t *testing.T) {
	s := session()
	// The file lists the ratings in another order, one practice has none,
	// and one rating belongs to a practice the workshop no longer has.
	s.Assessment = []model.Rating{
		{Practice: "trusted-voices", IT: 5, Business: 2},
		{Practice: "awareness", IT: 1, Business: 1},
		{Practice: "old-practice", IT: 3, Business: 3},
	}
	r := newRig(t, s, 100, 30)
	r.WantView("Trusted people speak for us", "5  ■■■■■    2  ■■□□□   gap 3 !", "old-practice (not in this workshop)")
	r.Keys("j", "+")
	if len(r.Session.Assessment) != 4 || r.Session.Assessment[3].Practice != "responsibility" || r.Session.Assessment[3].IT != 1 {
		t.Fatalf("a rating for an unrated practice should be added: %+v", r.Session.Assessment)
	}
	// Sorting by gap puts the widest first and keeps the selection.
	r.Keys("s")
	v := r.View()
	if strings.Index(v, "Trusted people") > strings.Index(v, "IT anticipates") {
		t.Fatalf("the widest gap should come first:\n%s", v)
	}
	r.WantView("› Clear lines", "Practice (widest gap first")
	r.Keys("s")
	r.WantView("Practice (s sorts by gap)")
}

func TestKeysAreNotDigits(t *testing.T) {
	r := newRig(t, session(), 100, 30)
	for _, k := range []string{"1", "2", "3", "4", "5"} {
		if _, cmd := r.M.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}); cmd != nil {
			t.Fatalf("%s is the root's step jump; the screen must not take it", k)
		}
	}
	if _, cmd := r.M.Update(tea.KeyMsg{Type: tea.KeyEsc}); cmd != nil || r.M.Typing() {
		t.Fatal("esc with nothing open should be left to the root")
	}
}

func TestGoldenViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		w, h := size[0], size[1]
		sz := "-" + strconv.Itoa(w) + "x" + strconv.Itoa(h)
		s := session()
		s.Assessment[0].IT, s.Assessment[0].Business, s.Assessment[0].Notes = 4, 2, "Marketing heard of the new forum from a customer."
		s.Assessment[1].IT, s.Assessment[1].Business = 3, 3
		s.Assessment[2].IT = 2
		r := newRig(t, s, w, h)
		screentest.Golden(t, "ratings"+sz, r.View())
		r.Keys("j", "l", "enter")
		screentest.Golden(t, "rating-form"+sz, r.View())
		r.Keys("esc", "k", "e")
		screentest.Golden(t, "notes-form"+sz, r.View())
	}
}

func TestEverySizeFits(t *testing.T) {
	s := modeltest.Large()
	s.Workshop.Steps = append(s.Workshop.Steps, model.Step{Kind: model.StepAssessment, Prompts: []string{"Rate\tthem\n" + strings.Repeat("wide 漢字 ", 30)}})
	s.Step = len(s.Workshop.Steps) - 1
	r := newRig(t, s, 80, 24)
	for _, st := range []struct {
		name string
		keys []string
	}{{"ratings", nil}, {"rating-form", []string{"enter"}}, {"notes-form", []string{"esc", "e"}}, {"sorted", []string{"esc", "s", "G"}}} {
		r.Keys(st.keys...)
		for w := 0; w <= 300; w += 7 {
			for h := 0; h <= 80; h += 5 {
				r.M.SetSize(w, h)
				v := r.M.View()
				screentest.Fits(t, st.name, v, w, h)
			}
		}
	}
}
