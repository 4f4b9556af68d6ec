package objectives

import (
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/screentest"
)

func TestMain(m *testing.M) { screentest.Main(m) }

func workshop() model.Workshop {
	w := model.Workshop{Name: "test", Title: "Test workshop", Steps: []model.Step{
		{Kind: model.StepObjectives, Title: "Objectives", Prompts: []string{"Whom do we want to reach?"}},
	}}
	w.Objectives = model.ObjectiveCatalogue{
		VotesPerParticipant: 3,
		Objectives: []model.CatalogueObjective{
			{ID: "listen", Title: "Listen", Source: "Groundswell", Description: "Use what people say online as research."},
			{ID: "talk", Title: "Talk", Source: "Groundswell", Description: "Take part in the conversation."},
			{ID: "support", Title: "Support", Source: "Groundswell", Description: "Help customers help each other."},
		},
		Models: []model.OrgModel{
			{ID: "organic", Name: "Organic", Description: "Anyone may post; nobody coordinates."},
			{ID: "centralised", Name: "Centralised", Description: "One team runs every account."},
			{ID: "hub-and-spoke", Name: "Hub and spoke", Description: "A small central team sets policy; the business units talk."},
		},
	}
	return w
}

// session is a room of eleven with no objectives yet.
func session() *model.Session {
	s := model.New("objectives-test", model.Meta{Title: "Objectives"}, workshop())
	for i := range 11 {
		s.Participants = append(s.Participants, model.Participant{Name: "Person " + strconv.Itoa(i+1)})
	}
	return s
}

// rig is the shared screen rig with the objectives screen's own model at hand.
type rig = screentest.Screen[*Model]

func newRig(t testing.TB, s *model.Session, w, h int) *rig {
	return screentest.Open(t, newModel, s, w, h)
}

func TestPickFromTheCatalogueAndFillTheObjective(t *testing.T) {
	r := newRig(t, session(), 100, 30)
	r.WantView("No objectives yet")
	r.Keys("a")
	if !r.M.Typing() {
		t.Fatal("the catalogue should take the keys while it is open")
	}
	r.WantView("Pick an objective", "Listen (Groundswell)", "✎ Write a new objective", "Use what people say online as research.")
	r.Keys("j", "enter")
	r.WantView("Add an objective", "Talk")
	// Objective, audience, strategy, technology, then the sponsor.
	r.Keys("tab", "Customers who ask for help", "tab", "Answer within a day.", "tab", "The community platform", "tab", "right", "right",
		"tab", "Questions answered by customers", "tab", "30%", "tab", "2027-06-30", "ctrl+s")
	items := r.Session.Objectives.Items
	if len(items) != 1 {
		t.Fatalf("objectives = %+v", items)
	}
	o := items[0]
	want := model.Objective{Title: "Talk", Catalogue: "talk", Audience: "Customers who ask for help", Strategy: "Answer within a day.",
		Technology: "The community platform", Sponsor: "Person 2", Metric: "Questions answered by customers", Target: "30%", Due: "2027-06-30"}
	if o != want {
		t.Fatalf("objective =\n%+v, want\n%+v", o, want)
	}
	if r.LastLabel() != "added objective: Talk" {
		t.Errorf("label = %q", r.LastLabel())
	}
	r.WantView("1.", "Talk — Person 2", "From the catalogue: Talk (Groundswell)", "Target     30%")
	r.DontWantView("[missing")

	// The catalogue marks what is already in the list.
	r.Keys("a")
	r.WantView("Talk (Groundswell)  ✓ already in the list")
	r.Keys("esc")
	if r.M.Typing() || len(r.Edits) != 1 {
		t.Fatal("esc should close the catalogue and change nothing")
	}
}

// TestWriteANewObjectiveWithANewSponsor: a sponsor typed instead of picked
// joins the participants in the same edit, and is then offered by name.
func TestWriteANewObjectiveWithANewSponsor(t *testing.T) {
	r := newRig(t, session(), 100, 30)
	people := len(r.Session.Participants)
	r.Keys("a", "G", "enter", "Hear complaints early")
	// left from "(nobody yet)" wraps to "someone new…", which opens a line.
	r.Keys("tab", "tab", "tab", "tab", "left")
	r.WantView("someone new…", "typed")
	r.Keys("tab", "Rosa Mendes", "ctrl+s")
	o := r.Session.Objectives.Items[0]
	if o.Title != "Hear complaints early" || o.Catalogue != "" || o.Sponsor != "Rosa Mendes" {
		t.Fatalf("objective = %+v", o)
	}
	if n := len(r.Session.Participants); n != people+1 || r.Session.Participants[n-1].Name != "Rosa Mendes" || len(r.Edits) != 1 {
		t.Fatalf("the new sponsor should join the participants in the one edit: %d edits, %+v", len(r.Edits), r.Session.Participants)
	}
	// Editing shows the sponsor picked by name; nobody is two steps on.
	r.Keys("e")
	r.WantView("‹ Rosa Mendes ›")
	r.DontWantView("typed")
	r.Keys("tab", "tab", "tab", "tab", "right")
	r.WantView("typed")
	r.Keys("right")
	r.DontWantView("typed")
	r.Keys("ctrl+s")
	if got := r.Session.Objectives.Items[0].Sponsor; got != "" {
		t.Fatalf("sponsor = %q; the choice after 'someone new' is nobody", got)
	}
}

func TestMissingSponsorAndMetricAreFlaggedAndClear(t *testing.T) {
	r := newRig(t, session(), 100, 30)
	r.Keys("a", "G", "enter", "Engage employees", "ctrl+s")
	r.WantView("Engage employees  [missing: sponsor, metric, target]", "Sponsor    — missing", "Metric     — missing")
	if miss := r.Session.Missing(model.StepObjectives); !strings.Contains(strings.Join(miss, ";"), "1 objective without a sponsor") {
		t.Errorf("the step's missing list = %q", miss)
	}
	r.Keys("e", "tab", "tab", "tab", "tab", "right", "tab", "Staff trained", "ctrl+s")
	r.WantView("[missing: target]")
	r.DontWantView("missing: sponsor")
	r.Keys("e", "tab", "tab", "tab", "tab", "tab", "tab", "80%", "ctrl+s")
	r.DontWantView("[missing")
	if r.LastLabel() != "edited objective: Engage employees" {
		t.Errorf("label = %q", r.LastLabel())
	}

	// Undo, as the root does it, brings the flag back.
	before := r.Session.Clone()
	before.Objectives.Items[0].Target = ""
	r.M.SetSession(before, r.Rev+1)
	r.WantView("[missing: target]")
}

func TestDueDateIsValidated(t *testing.T) {
	r := newRig(t, session(), 100, 30)
	r.Keys("a", "G", "enter", "Support", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "31/03/2027", "ctrl+s")
	r.WantView("YYYY-MM-DD, for example 2027-03-31")
	if len(r.Edits) != 0 {
		t.Fatal("a bad date was saved")
	}
	for range 10 {
		r.Keys("backspace")
	}
	r.Keys("2027-03-31", "ctrl+s")
	if got := r.Session.Objectives.Items[0].Due; got != "2027-03-31" {
		t.Fatalf("due = %q", got)
	}
}

func sessionWithObjectives() *model.Session {
	s := session()
	s.Objectives.Items = []model.Objective{
		{Title: "Listen", Catalogue: "listen", Sponsor: "Person 1", Metric: "Complaints answered", Target: "90%", Votes: 4},
		{Title: "Support", Catalogue: "support", Votes: 7},
		{Title: "Capture innovation", Sponsor: "Person 3", Votes: 2},
	}
	return s
}

func TestVotingRanksAndCountsTheDots(t *testing.T) {
	r := newRig(t, sessionWithObjectives(), 100, 30)
	r.WantView("Dots: 3 per participant × 11 in the room = 33; 13 placed, 20 left.")
	v := r.View()
	if strings.Index(v, "Support") > strings.Index(v, "Listen —") || strings.Index(v, "Listen —") > strings.Index(v, "Capture innovation") {
		t.Fatalf("the list should be ranked by votes:\n%s", v)
	}
	// The selection starts on the top objective; the third moves up as it
	// gains votes, and the cursor follows it.
	r.Keys("G")
	for range 6 {
		r.Keys("+")
	}
	if got := r.Session.Objectives.Items[2].Votes; got != 8 {
		t.Fatalf("votes = %d, want 8", got)
	}
	if r.LastLabel() != "votes: Capture innovation 8" {
		t.Errorf("label = %q", r.LastLabel())
	}
	r.WantView("› 1.    8 ████████ Capture innovation")
	r.Keys("v", "ctrl+u", "1", "enter")
	if got := r.Session.Objectives.Items[2].Votes; got != 1 {
		t.Fatalf("typed votes = %d, want 1", got)
	}
	r.WantView("› 3.")
	r.Keys("-", "-", "-")
	if got := r.Session.Objectives.Items[2].Votes; got != 0 {
		t.Fatalf("votes = %d; they never go below zero", got)
	}
	r.Keys("v", "ctrl+u", "x", "enter")
	r.WantView("type a whole number")
	r.Keys("esc")

	// Dots per participant.
	r.Keys("V", "ctrl+u", "1", "enter")
	if r.Session.Objectives.VotesPerParticipant != 1 || r.LastLabel() != "dots per participant: 1" {
		t.Fatalf("dots per participant = %d (%q)", r.Session.Objectives.VotesPerParticipant, r.LastLabel())
	}
	r.WantView("= 11; 11 placed, all used.")
	r.Keys("+")
	r.WantView("! 1 more than the room has")
}

func TestDeleteAsksFirst(t *testing.T) {
	r := newRig(t, sessionWithObjectives(), 100, 30)
	r.Keys("d")
	r.WantView("Delete this objective?", "Support")
	r.Keys("n", "d", "esc")
	if len(r.Session.Objectives.Items) != 3 || r.M.Typing() {
		t.Fatal("n and esc should keep it")
	}
	r.Keys("d", "y")
	if len(r.Session.Objectives.Items) != 2 || r.LastLabel() != "deleted objective: Support" {
		t.Fatalf("after delete: %+v (%q)", r.Session.Objectives.Items, r.LastLabel())
	}
	r.DontWantView("Support")
}

func TestEscLeavesDataUnchanged(t *testing.T) {
	r := newRig(t, sessionWithObjectives(), 100, 30)
	for _, ks := range [][]string{
		{"e", "ctrl+u", "Renamed", "tab", "tab", "tab", "tab", "right", "esc", "esc"},
		{"a", "enter", "tab", "Someone", "esc", "esc"},
		{"a", "esc"},
		{"v", "ctrl+u", "9", "esc"},
		{"V", "ctrl+u", "9", "esc"},
		{"d", "esc"},
	} {
		r.Keys(ks...)
		if r.M.Typing() {
			t.Fatalf("%v: esc should close what was open", ks)
		}
	}
	if len(r.Edits) != 0 || r.Session.Objectives.Items[1].Title != "Support" || len(r.Session.Objectives.Items) != 3 {
		t.Fatalf("esc changed the session: %v", r.Edits)
	}
	if _, cmd := r.M.Update(tea.KeyMsg{Type: tea.KeyEsc}); cmd != nil || r.M.Typing() {
		t.Fatal("esc with nothing open should be left to the root")
	}
}

func TestOrganisationalModel(t *testing.T) {
	r := newRig(t, sessionWithObjectives(), 100, 30)
	r.WantView("Organisational model: not chosen !")
	r.Keys("tab")
	r.WantView("How will the company organise", "( ) Organic — Anyone may post", "Organic:")
	r.Keys("j", "j", "enter")
	if r.Session.Objectives.Model != "hub-and-spoke" || r.LastLabel() != "organisational model: Hub and spoke" {
		t.Fatalf("model = %q (%q)", r.Session.Objectives.Model, r.LastLabel())
	}
	r.WantView("(•) Hub and spoke — chosen", "[ Organisational model: Hub and spoke ]", "A small central team sets policy")
	r.Keys("x")
	if r.Session.Objectives.Model != "" {
		t.Fatal("x should clear the choice")
	}
	r.Keys("tab")
	r.WantView("[ Objectives (3) ]")
}

func TestApplyIsSafeWhenTheListChanged(t *testing.T) {
	r := newRig(t, sessionWithObjectives(), 80, 22)
	for _, k := range []string{"+", "-"} {
		_, cmd := r.M.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
		edit := cmd().(common.EditMsg)
		s := session()
		edit.Apply(s) // must not panic on a list that shrank meanwhile
	}
	r.Keys("d")
	_, cmd := r.M.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
	edit := cmd().(common.EditMsg)
	edit.Apply(session())
}

func TestUserTextIsCleanedAndDrawnSafely(t *testing.T) {
	r := newRig(t, session(), 80, 22)
	r.Keys("a", "G", "enter", "Grow\x1b[31m \xff", "ctrl+s")
	if got := r.Session.Objectives.Items[0].Title; strings.Contains(got, "\xff") || !strings.HasPrefix(got, "Grow") {
		t.Fatalf("title not cleaned: %q", got)
	}
	if strings.Contains(r.M.View(), "\x1b[31m") {
		t.Error("an escape sequence typed by a user reached the screen")
	}
}

func TestGoldenViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		w, h := size[0], size[1]
		sz := "-" + strconv.Itoa(w) + "x" + strconv.Itoa(h)
		s := sessionWithObjectives()
		s.Objectives.Items[0].Strategy = "Monitor forums and review sites every day, and route any complaint that spreads to support within the hour."
		r := newRig(t, s, w, h)
		r.Keys("j")
		screentest.Golden(t, "list"+sz, r.View())
		r.Keys("e")
		screentest.Golden(t, "form"+sz, r.View())
		r.Keys("esc", "a")
		screentest.Golden(t, "catalogue"+sz, r.View())
		r.Keys("esc", "tab", "j", "enter")
		screentest.Golden(t, "model"+sz, r.View())
	}
}

func TestEverySizeFits(t *testing.T) {
	s := modeltest.Large()
	s.Objectives.Items[0].Title = "A very long objective\twith a tab and a line\nbreak " + strings.Repeat("wide 漢字 ", 30)
	r := newRig(t, s, 80, 24)
	states := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"form", []string{"e"}},
		{"votes", []string{"esc", "v"}},
		{"catalogue", []string{"esc", "a"}},
		{"delete", []string{"esc", "d"}},
		{"model", []string{"esc", "tab"}},
	}
	for _, st := range states {
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
