package review

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/screentest"
	"github.com/roundtable/roundtable/workshops"
)

func TestMain(m *testing.M) { screentest.Main(m) }

var ctx = screentest.Context(func() time.Time { return time.Date(2026, 11, 24, 11, 0, 0, 0, time.UTC) })

// sample is the sample organisation's workshop, at its review step.
func sample(t testing.TB) *model.Session {
	t.Helper()
	w, err := workshops.Load(t.TempDir()).Get(workshops.Default)
	if err != nil {
		t.Fatal(err)
	}
	s := model.New("northwind-social-media-7f3k", model.Meta{Title: "Northwind social media plan"}, w)
	if err := workshops.Sample(s); err != nil {
		t.Fatal(err)
	}
	s.Step = len(s.Workshop.Steps) - 1
	return s
}

// screen is the review screen under test and the session it shows.
type screen struct {
	t    *testing.T
	m    *Model
	sess *model.Session
	rev  int
}

func newScreen(t *testing.T, s *model.Session, width, height int) *screen {
	m := New(ctx).(*Model)
	m.SetSession(s, 0)
	m.SetSize(width, height)
	return &screen{t: t, m: m, sess: s}
}

// press sends keys and returns the edits they asked for; any other message
// a command produces goes back to the screen, as the program would send it.
func (s *screen) press(keys ...string) []common.EditMsg {
	var edits []common.EditMsg
	for _, k := range keys {
		_, cmd := s.m.Update(screentest.Key(k))
		edits = append(edits, s.run(cmd)...)
	}
	return edits
}

func (s *screen) run(cmd tea.Cmd) []common.EditMsg {
	if cmd == nil {
		return nil
	}
	var edits []common.EditMsg
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			edits = append(edits, s.run(c)...)
		}
	case common.EditMsg:
		edits = append(edits, msg)
	case nil:
	default:
		_, next := s.m.Update(msg)
		edits = append(edits, s.run(next)...)
	}
	return edits
}

// apply makes the edits as the root would.
func (s *screen) apply(edits []common.EditMsg) {
	for _, e := range edits {
		e.Apply(s.sess)
		s.rev++
		s.m.SetSession(s.sess, s.rev)
	}
}

func (s *screen) view() string { return ansi.Strip(s.m.View()) }

func TestSummaryListsWhatEachStepStillMisses(t *testing.T) {
	s := newScreen(t, sample(t), 100, 30)
	v := s.view()
	for _, want := range []string{
		"[Summary]", "Action items (8)", "Preview",
		"ctrl+e exports the plan to northwind-social-media-7f3k-plan.md in the current folder",
		"✓ 1. Listen first — complete",
		"! 3. Who does what — still missing:",
		"· 1 case of accountability without ownership",
		"! 6. The plan — still missing:",
		"· the steps above are not all complete",
		"4 of 6 steps complete.",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the summary lacks %q:\n%s", want, v)
		}
	}
	// An action without an owner is the review step's own finding.
	s.sess.Actions[0].Owner = ""
	s.m.SetSession(s.sess, 1)
	if v := s.view(); !strings.Contains(v, "! 6. The plan — still missing:") || !strings.Contains(v, "· 1 action item without an owner") {
		t.Errorf("an action without an owner is not shown under the review step:\n%s", v)
	}
}

func TestAddAnAction(t *testing.T) {
	s := newScreen(t, sample(t), 120, 30)
	s.press("tab")
	if v := s.view(); !strings.Contains(v, "[Action items (8)]") || !strings.Contains(v, "Give IT operations a consulted seat") {
		t.Fatalf("the actions pane does not show the actions:\n%s", v)
	}
	edits := s.press("a", "Brief the board on the plan", "tab", "right", "tab", "2027-01-10", "ctrl+s")
	if len(edits) != 1 {
		t.Fatalf("%d edits, want one", len(edits))
	}
	s.apply(edits)
	got := s.sess.Actions[len(s.sess.Actions)-1]
	want := model.ActionItem{ID: 9, Text: "Brief the board on the plan", Owner: s.sess.RACI.Roles[0].ID, Due: "2027-01-10", Source: model.StepReview, Status: model.ActionOpen}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("added %+v, want %+v", got, want)
	}
	if v := s.view(); !strings.Contains(v, "› [ ] Brief the board on the plan") {
		t.Errorf("the new action is not selected:\n%s", v)
	}
}

func TestActionFormRefusesABadDateAndEscLeavesAllAlone(t *testing.T) {
	s := newScreen(t, sample(t), 120, 30)
	before := len(s.sess.Actions)
	if edits := s.press("tab", "a", "Something", "tab", "tab", "next week", "ctrl+s"); len(edits) != 0 {
		t.Fatal("an action with a bad date was saved")
	}
	if v := s.view(); !strings.Contains(v, "YYYY-MM-DD") {
		t.Errorf("the form does not say how to write the date:\n%s", v)
	}
	if edits := s.press("esc", "esc"); len(edits) != 0 || len(s.sess.Actions) != before || s.m.Typing() {
		t.Fatal("esc did not close the form without a change")
	}
}

func TestEditAnAction(t *testing.T) {
	s := newScreen(t, sample(t), 120, 30)
	s.press("tab", "down", "e", "tab", "tab")
	// The due field has focus, its cursor after the old date.
	for range len("2027-01-05") {
		s.press("backspace")
	}
	s.apply(s.press("2027-02-01", "ctrl+s"))
	if got := s.sess.Actions[1]; got.Due != "2027-02-01" || got.Owner != "marketing" || !strings.HasPrefix(string(got.Text), "Share the promotions calendar") {
		t.Fatalf("edited action is %+v", got)
	}
}

func TestDeleteAsksFirstAndMarksDone(t *testing.T) {
	s := newScreen(t, sample(t), 120, 30)
	s.press("tab", "down")
	second := s.sess.Actions[1].Text
	if edits := s.press("d"); len(edits) != 0 {
		t.Fatal("d deleted without asking")
	}
	if v := s.view(); !strings.Contains(v, "Delete this action item?") {
		t.Fatalf("no confirmation:\n%s", v)
	}
	if edits := s.press("esc"); len(edits) != 0 || len(s.sess.Actions) != 8 {
		t.Fatal("esc deleted the action")
	}
	s.apply(s.press("d", "y"))
	if len(s.sess.Actions) != 7 || s.sess.Actions[1].Text == second {
		t.Fatalf("the second action was not deleted: %d left", len(s.sess.Actions))
	}
	s.apply(s.press("x"))
	if a := s.sess.Actions[1]; a.Status != model.ActionDone || len(a.History) != 1 || a.History[0].Status != model.ActionDone || a.Reviewed == "" {
		t.Fatal("x did not mark the action done")
	}
	if v := s.view(); !strings.Contains(v, "› [x]") {
		t.Errorf("a done action is not marked:\n%s", v)
	}
}

func TestDeleteOfAChangedListDeletesNothing(t *testing.T) {
	s := newScreen(t, sample(t), 120, 30)
	s.press("tab", "down", "d")
	edits := s.press("y")
	// Someone undid or deleted meanwhile: the action is no longer there.
	s.sess.Actions = s.sess.Actions[:1]
	s.apply(edits)
	if len(s.sess.Actions) != 1 {
		t.Fatal("the delete removed an action the room did not choose")
	}
}

func TestPreviewIsDrawnInTheBackground(t *testing.T) {
	s := newScreen(t, sample(t), 100, 30)
	s.m.Update(screentest.Key("tab"))
	_, cmd := s.m.Update(screentest.Key("tab"))
	if v := s.view(); !strings.Contains(v, "Drawing the plan…") {
		t.Fatalf("the preview pane does not say it is drawing:\n%s", v)
	}
	if cmd == nil {
		t.Fatal("the preview is not drawn in a command")
	}
	s.run(cmd)
	v := s.view()
	if !strings.Contains(v, "Northwind social media plan") || !strings.Contains(v, "Organisation: Northwind Outfitters") {
		t.Fatalf("the preview does not show the plan:\n%s", v)
	}
	// A change makes the preview redraw on the next message.
	s.sess.Meta.Title = "Renamed plan"
	s.m.SetSession(s.sess, 5)
	_, cmd = s.m.Update(screentest.Key("down"))
	if v := s.view(); !strings.Contains(v, "(updating the preview…)") {
		t.Fatalf("a stale preview is not marked:\n%s", v)
	}
	s.run(cmd)
	s.press("g")
	if v := s.view(); !strings.Contains(v, "Renamed plan") {
		t.Fatalf("the preview did not follow the change:\n%s", v)
	}
}

func TestPreviewOfHostileTextStaysOnScreen(t *testing.T) {
	for seed := range uint64(12) {
		sess := modeltest.Random(rand.New(rand.NewPCG(seed, 2)))
		s := newScreen(t, sess, 90, 20)
		s.press("tab", "tab")
		v := s.m.View()
		if s.m.previewErr != nil {
			t.Fatalf("seed %d: %v", seed, s.m.previewErr)
		}
		for _, l := range strings.Split(v, "\n") {
			if ansi.StringWidth(l) > 90 {
				t.Fatalf("seed %d: a preview line is %d wide", seed, ansi.StringWidth(l))
			}
		}
	}
}

func TestExportedPathIsShown(t *testing.T) {
	s := newScreen(t, sample(t), 120, 30)
	s.m.Update(common.ExportedMsg{Path: "/home/claire/northwind-social-media-7f3k-plan.md"})
	if v := s.view(); !strings.Contains(v, "Exported to /home/claire/northwind-social-media-7f3k-plan.md") {
		t.Fatalf("the export path is not shown:\n%s", v)
	}
}

func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		for _, p := range []struct {
			name string
			keys []string
		}{{"summary", nil}, {"actions", []string{"tab"}}, {"form", []string{"tab", "e"}}} {
			s := newScreen(t, sample(t), size[0], size[1])
			s.press(p.keys...)
			screentest.Golden(t, p.name+"-"+strconv.Itoa(size[0])+"x"+strconv.Itoa(size[1]), s.view())
		}
	}
}

func TestAnySizeFits(t *testing.T) {
	s := sample(t)
	for w := 0; w <= 300; w += 23 {
		// The preview depends on the width only: it is drawn once for each
		// width and shown at every height, as the screen itself keeps it.
		var preview tea.Msg
		if w > 0 {
			sc := newScreen(t, s, w, 24)
			sc.m.pane = previewPane
			preview = sc.m.refreshPreview()()
		}
		for h := 0; h <= 80; h += 7 {
			for _, keys := range [][]string{nil, {"tab"}, {"tab", "a"}, {"tab", "d"}, {"tab", "tab"}} {
				sc := newScreen(t, s, w, h)
				if preview != nil {
					sc.m.Update(preview)
				}
				sc.press(keys...)
				v := sc.m.View()
				screentest.Fits(t, fmt.Sprint(keys), v, w, h)
			}
		}
	}
}

// TestPreviewReadsEscapesLikeGitHub: what the room typed reads in the
// preview as typed, as GitHub shows the escaped Markdown of it.
func TestPreviewReadsEscapesLikeGitHub(t *testing.T) {
	const typed = "Write to @TrailWriter about the $40 fee at https://example.com = &amp; or & \\@ *x*"
	s := sample(t)
	s.Meta.Facilitator = typed
	out := Render(plan.Build(s), ctx.Styles, 100)
	if got := strings.Join(strings.Fields(ansi.Strip(out)), " "); !strings.Contains(got, "Facilitator: "+typed+" ") {
		t.Fatalf("the preview does not read %q:\n%s", typed, out)
	}
}

// Weeks later the facilitator follows an action up: its status and note
// change in the form, the history keeps the day of the change, and an
// action past its due date stands out as overdue.
func TestFollowUpSetsStatusAndNoteAndMarksOverdue(t *testing.T) {
	sess := sample(t)
	s := newScreen(t, sess, 120, 30)
	s.press("tab")
	// Status, then note: the fields after the source step.
	s.apply(s.press("e", "tab", "tab", "tab", "tab", "right", "tab", "Asked IT for a date", "ctrl+s"))
	a := sess.Actions[0]
	if a.Status != model.ActionInProgress || a.Note != "Asked IT for a date" || a.Reviewed != "2026-11-24" ||
		len(a.History) != 1 || a.History[0] != (model.StatusChange{On: "2026-11-24", Status: model.ActionInProgress}) {
		t.Fatalf("after the follow-up: %+v", a)
	}
	if v := s.view(); !strings.Contains(v, "› [~]") || !strings.Contains(v, "Last followed up 2026-11-24.") {
		t.Errorf("the action in progress or the last follow-up is not shown:\n%s", v)
	}
	// A change of the text only is no follow-up.
	s.apply(s.press("e", "end", " now", "ctrl+s"))
	if a := sess.Actions[0]; len(a.History) != 1 || !strings.HasSuffix(string(a.Text), " now") {
		t.Fatalf("a change of words counted as a follow-up: %+v", a)
	}
	sess.Actions[1].Due = "2026-11-01"
	s.rev++
	s.m.SetSession(sess, s.rev)
	if v := s.view(); !strings.Contains(v, "! 2026-11-01") || !strings.Contains(v, "overdue") || !strings.Contains(v, "1 action is overdue.") {
		t.Errorf("the overdue action does not stand out:\n%s", v)
	}
	// A due date that is not a date is refused, and nothing is kept.
	if edits := s.press("e", "tab", "tab", "ctrl+u", "next week", "ctrl+s"); len(edits) != 0 {
		t.Fatalf("a due date of %q was kept", sess.Actions[0].Due)
	}
	if v := s.view(); !strings.Contains(v, "write the date as YYYY-MM-DD") {
		t.Errorf("the form does not say what is wrong with the date:\n%s", v)
	}
}

// The findings pane lists what no action answers yet; enter proposes the
// action, owned and dated, and once kept the finding leaves the list.
func TestAFindingWithoutActionBecomesOne(t *testing.T) {
	sess := sample(t)
	s := newScreen(t, sess, 160, 40)
	s.press("tab", "tab", "tab")
	v := s.view()
	if !strings.Contains(v, "[Findings without action (1)]") || !strings.Contains(v, "› Crisis drill · Nobody answered inject 7") {
		t.Fatalf("the findings pane:\n%s", v)
	}
	if f, ok := s.m.Finding(); !ok || f.Key != "drill:unanswered:viral-complaint:7" {
		t.Fatalf("the finding under the cursor: %+v, %v", f, ok)
	}
	s.press("enter")
	if v := s.view(); !strings.Contains(v, "Prepare the company's answer to inject 7") || !strings.Contains(v, "2026-12-24") {
		t.Fatalf("the form is not filled in:\n%s", v)
	}
	s.apply(s.press("ctrl+s"))
	a := sess.Actions[len(sess.Actions)-1]
	if a.Finding != "drill:unanswered:viral-complaint:7" || a.Owner != "pr" || a.Source != model.StepDrill || a.Status != model.ActionOpen || a.ID != 9 {
		t.Fatalf("kept %+v", a)
	}
	s.press("tab", "tab")
	if v := s.view(); !strings.Contains(v, "[Findings without action (0)]") || !strings.Contains(v, "Every open finding has an action.") {
		t.Fatalf("the finding is still listed:\n%s", v)
	}
}
