package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/screentest"
	"github.com/roundtable/roundtable/workshops"
)

// TestEveryScreenFitsEverySize draws every screen from 20×5 to 300×80:
// nothing may panic and no line may be wider than the terminal.
func TestEveryScreenFitsEverySize(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.create("Roles workshop with a long title that will not fit a narrow terminal", "Acme Corporation International")
	h.create("Crisis", "Globex")
	h.reload()

	var sizes [][2]int
	for _, w := range []int{20, 25, 39, 40, 41, 60, 79, 80, 81, 120, 160, 300} {
		for _, hh := range []int{5, 8, 11, 12, 13, 24, 45, 80} {
			sizes = append(sizes, [2]int{w, hh})
		}
	}
	check := func(what string) {
		t.Helper()
		for _, s := range sizes {
			h.size(s[0], s[1])
			checkFits(t, h.app.View(), s[0], s[1], what)
		}
		h.size(80, 24)
	}
	check("home")
	h.keys("/", "ro")
	check("home filtering")
	h.keys("esc", "d")
	check("delete dialog")
	h.keys("esc", "c")
	check("duplicate prompt")
	h.keys("esc", "e")
	h.wantScreen("Details and participants of")
	check("details of a closed session")
	h.keys("esc", "d", "y", "t")
	h.wantScreen("1 session deleted")
	check("trash")
	h.keys("enter", "esc")
	h.keys("esc", "n", "A title", "tab", "tab", "tab", "tab", "tab", "enter", "Ada")
	check("new session form")
	h.keys("esc")
	check("new session form, esc asked to drop the words")
	h.keys("esc", "s")
	if h.sess() == nil {
		t.Fatal("the sample did not open")
	}
	h.send(common.EditMsg{Label: "fill", Apply: fillBig(20, 8, 50)})
	for i := 1; i <= stepsOf(h); i++ {
		h.keys(fmt.Sprint(i))
		check(fmt.Sprintf("step %d", i))
	}
	reviewPreview(h, sizes)
	h.keys("?")
	check("full help")
	h.keys("esc", "P", "tab", "tab", "tab", "tab", "ctrl+d")
	h.wantScreen("Remove ")
	check("details and participants, asking before a removal")
	h.keys("n")
	check("details and participants")
}

// reviewPreview sweeps the sizes with the review step's preview on
// screen: each width draws it anew, fitted to that width.
func reviewPreview(h *harness, sizes [][2]int) {
	h.t.Helper()
	for i, st := range h.sess().Workshop.Steps {
		if st.Kind != model.StepReview {
			continue
		}
		h.keys(fmt.Sprint(i+1), "tab", "tab")
		h.wantScreen("[Preview]", "═══")
		for _, s := range sizes {
			h.size(s[0], s[1])
			v := h.app.View()
			checkFits(h.t, v, s[0], s[1], "review preview")
			if s[1] >= 12 && strings.Contains(ansi.Strip(v), "(updating the preview…)") {
				h.t.Fatalf("at %dx%d the preview is not drawn for the new width:\n%s", s[0], s[1], ansi.Strip(v))
			}
		}
		h.size(80, 24)
		h.keys("tab")
		return
	}
	h.t.Fatal("the workshop has no review step")
}

// fillBig gives the session n activities × roles roles, risks risks, and a
// drill run, so every step view has something to draw.
func fillBig(activities, roles, risks int) func(*model.Session) {
	return func(s *model.Session) {
		s.RACI.Roles = nil
		for r := 0; r < roles; r++ {
			s.RACI.Roles = append(s.RACI.Roles, model.Role{ID: fmt.Sprintf("r%d", r), Name: fmt.Sprintf("Role number %d", r), Person: "Person"})
		}
		s.RACI.Activities = nil
		for a := 0; a < activities; a++ {
			cells := map[string]model.Letter{}
			for r := 0; r < roles; r++ {
				cells[fmt.Sprintf("r%d", r)] = []model.Letter{"", "R", "A", "C", "I"}[(a+r)%5]
			}
			s.RACI.Activities = append(s.RACI.Activities, model.Activity{Name: fmt.Sprintf("Activity %d of the grid", a), Area: fmt.Sprintf("area %d", a/10), Cells: cells})
		}
		for i := 0; i < risks; i++ {
			s.Risks = append(s.Risks, model.Risk{Title: fmt.Sprintf("Risk %d", i), Category: "people", Likelihood: i%5 + 1, Impact: (i/5)%5 + 1, Owner: "r1", Status: model.RiskOpen})
		}
		s.Objectives.Items = append(s.Objectives.Items, model.Objective{Title: "Listen to customers", Votes: 4, Strategy: "Two lines\nof strategy"})
		s.Listen.Poll = append(s.Listen.Poll, model.PollRow{Platform: "Forums", Reads: 12, Creates: 3})
		s.Drill.Runs = append(s.Drill.Runs, model.DrillRun{Speed: 2, Clock: 754,
			Log:      []model.LogEntry{{At: 60, Kind: model.LogDecision, Text: "Spokesperson answers", Inject: -1}},
			Messages: []model.Message{{At: 120, Audience: "customers", Phase: "first hour", Sender: "r0", Text: "We know.\nWe act.", Inject: -1}}})
		s.Actions = append(s.Actions, model.ActionItem{Text: "Write the response page", Owner: "r0", Due: "2026-04-01", Source: model.StepDrill})
		s.Assessment = append(s.Assessment, model.Rating{Practice: "listen", IT: 2, Business: 5})
	}
}

// TestGoldenScreens keeps the home screen and the new-session form as a
// person sees them at 80×24 and on a projector at 160×45; run with -update
// to rewrite them after an intended change.
func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		w, hh := size[0], size[1]
		h := newHarness(t, w, hh)
		h.create("Social media roles", "Acme")
		h.create("Crisis rehearsal", "Globex")
		h.reload()
		screentest.Golden(t, fmt.Sprintf("home-%dx%d", w, hh), h.screen())
		h.keys("n", "Quarterly review", "tab", "Acme")
		screentest.Golden(t, fmt.Sprintf("form-%dx%d", w, hh), h.screen())
		h2 := newHarness(t, w, hh)
		screentest.Golden(t, fmt.Sprintf("home-empty-%dx%d", w, hh), h2.screen())
	}
}

// TestBigSessionsAndEveryDrillStateFitEverySize draws every step of the
// large session and of the self-assessment, and the drill's set-up, live
// and results views, at sizes from 20×5 to 300×80.
func TestBigSessionsAndEveryDrillStateFitEverySize(t *testing.T) {
	h := newHarness(t, 80, 24)
	sizes := [][2]int{{20, 5}, {21, 6}, {40, 12}, {79, 23}, {80, 24}, {81, 25}, {120, 30}, {160, 45}, {300, 80}}
	check := func(what string) {
		t.Helper()
		for _, s := range sizes {
			h.size(s[0], s[1])
			checkFits(t, h.app.View(), s[0], s[1], what)
		}
		h.size(80, 24)
	}
	open := func(sess *model.Session) {
		t.Helper()
		if _, err := h.store.Create(sess); err != nil {
			t.Fatal(err)
		}
		h.send(common.OpenMsg{Ref: sess.ID})
		if h.sess() == nil {
			t.Fatalf("%s did not open:\n%s", sess.Meta.Title, h.screen())
		}
	}

	large := modeltest.Large()
	large.ID = store.NewID("Large", fixedNow)
	open(large)
	for i := 1; i <= stepsOf(h); i++ {
		h.keys(fmt.Sprint(i))
		check(fmt.Sprintf("large session, step %d", i))
	}
	reviewPreview(h, sizes)
	h.keys("esc")

	w, err := h.app.opts.Workshops.Get(workshops.SelfAssessment)
	if err != nil {
		t.Fatal(err)
	}
	self := model.New(store.NewID("Self", fixedNow), model.Meta{Title: "Self", Date: "2026-03-14"}, w)
	if err := workshops.Sample(self); err != nil {
		t.Fatal(err)
	}
	open(self)
	for i := 1; i <= stepsOf(h); i++ {
		h.keys(fmt.Sprint(i))
		check(fmt.Sprintf("self-assessment, step %d", i))
	}
	h.keys("esc")

	def, err := h.app.opts.Workshops.Get(workshops.Default)
	if err != nil {
		t.Fatal(err)
	}
	toDrill := func() {
		t.Helper()
		for i, st := range h.sess().Workshop.Steps {
			if st.Kind == model.StepDrill {
				h.keys(fmt.Sprint(i + 1))
				return
			}
		}
		t.Fatal("the workshop has no drill step")
	}
	open(model.New(store.NewID("Fresh", fixedNow), model.Meta{Title: "Fresh", Date: "2026-03-14"}, def))
	toDrill()
	h.wantScreen("Set up drill run 1")
	check("drill set-up")
	h.keys("esc")

	// A drill stopped half-way opens paused at its clock: the live view,
	// without a clock ticking under the test.
	stopped := model.New(store.NewID("Stopped", fixedNow), model.Meta{Title: "Stopped", Date: "2026-03-14"}, def)
	stopped.Drill.Runs = []model.DrillRun{{Scenario: def.Drill.Scenarios[0].ID, Speed: 4, Clock: 1500,
		Messages: []model.Message{{At: 300, Audience: "customers", Phase: "first hour", Text: "We are sorry; more by 14:00.", Inject: -1}}}}
	open(stopped)
	toDrill()
	h.wantScreen("PAUSED")
	check("live drill")
	h.keys("m")
	check("drafting a message")
	h.keys("esc", "f")
	check("finish dialog")
	h.keys("y")
	h.wantScreen("Results of run 1")
	check("drill results")
}

// oddText is text that terminals draw wider than the width library counts
// it, or that is invisible: a soft hyphen pasted from a word processor, a
// Hindi word, a skin tone, a joined emoji, a Hangul syllable written as
// jamo, a zero-width space, a word joiner, tag characters and the Arabic
// letter mark.
const oddText = " Com\u00admu\u00adni\u00adca\u00adtion नमस्ते 👍🏽 👩\u200d👩\u200d👧 \u1100\u1161\u11a8 A\u200bda A\u2060da \U000E0041\U000E0042 \u061c\u200f"

// withOddText appends oddText to every piece of text in the session: every
// string and free text, and every key of a map, so references still match.
func withOddText(s *model.Session) {
	textType := reflect.TypeFor[model.Text]()
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if v.Type() == reflect.TypeFor[string]() || v.Type() == textType {
				v.SetString(v.String() + oddText)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			if v.Type().Key().Kind() != reflect.String {
				return
			}
			entries := reflect.MakeMap(v.Type())
			for it := v.MapRange(); it.Next(); {
				k := reflect.New(v.Type().Key()).Elem()
				k.SetString(it.Key().String() + oddText)
				e := reflect.New(v.Type().Elem()).Elem()
				e.Set(it.Value())
				walk(e)
				entries.SetMapIndex(k, e)
			}
			v.Set(entries)
		}
	}
	walk(reflect.ValueOf(s).Elem())
}

// TestOddTextInEveryFieldStaysInsideTheTerminal fills every field of the
// sample session with text that the width library and terminals measure
// differently, and draws every step at sizes from 20×5 to 300×80.
func TestOddTextInEveryFieldStaysInsideTheTerminal(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.create("Odd"+oddText, "Acme"+oddText)
	h.reload()
	h.keys("s")
	if h.sess() == nil {
		t.Fatal("the sample did not open")
	}
	h.send(common.EditMsg{Label: "odd", Apply: withOddText})
	sizes := [][2]int{{20, 5}, {40, 12}, {61, 17}, {80, 24}, {120, 30}, {300, 80}}
	for i := 1; i <= stepsOf(h); i++ {
		h.keys(fmt.Sprint(i))
		for _, keys := range [][]string{nil, {"tab"}, {"?"}} {
			h.keys(keys...)
			for _, s := range sizes {
				h.size(s[0], s[1])
				checkFits(t, h.app.View(), s[0], s[1], fmt.Sprintf("step %d after %v", i, keys))
			}
			h.size(80, 24)
			if len(keys) > 0 && keys[0] == "?" {
				h.keys("?")
			}
		}
	}
	h.keys("esc")
	for _, s := range sizes {
		h.size(s[0], s[1])
		checkFits(t, h.app.View(), s[0], s[1], "home")
	}
	// Typed into a field, the text is drawn as the field keeps it.
	h.keys("n", "Title"+oddText, "tab", "Organisation"+oddText)
	for _, s := range sizes {
		h.size(s[0], s[1])
		checkFits(t, h.app.View(), s[0], s[1], "new-session form")
	}
}
