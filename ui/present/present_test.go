package present

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/ui/screentest"
	"github.com/roundtable/roundtable/workshops"
)

func TestMain(m *testing.M) { screentest.Main(m) }

var t0 = time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)

// view is the room's view under test, on a clock the test moves.
type view struct {
	t   testing.TB
	m   *Model
	now time.Time
}

func newView(t testing.TB, s *model.Session, w, h int) *view {
	v := &view{t: t, now: t0}
	v.m = New(screentest.Context(func() time.Time { return v.now }), "/nowhere/sessions/"+s.ID+".toml")
	v.m.schedule = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	v.m.width, v.m.height = w, h
	v.m.show(s)
	return v
}

func (v *view) text() string { return ansi.Strip(v.m.View()) }

func (v *view) want(parts ...string) {
	v.t.Helper()
	got := v.text()
	for _, p := range parts {
		if !strings.Contains(got, p) {
			v.t.Errorf("the room's view should show %q:\n%s", p, got)
		}
	}
}

func (v *view) dontWant(parts ...string) {
	v.t.Helper()
	got := v.text()
	for _, p := range parts {
		if strings.Contains(got, p) {
			v.t.Errorf("the room's view should not show %q:\n%s", p, got)
		}
	}
}

// sample is the sample organisation's session of the named workshop.
func sample(t testing.TB, workshop string) *model.Session {
	t.Helper()
	w, err := workshops.Load(t.TempDir()).Get(workshop)
	if err != nil {
		t.Fatal(err)
	}
	s := model.New("northwind-7f3k", model.Meta{Title: "Northwind social media plan", Organisation: "Northwind Outfitters"}, w)
	if err := workshops.Sample(s); err != nil {
		t.Fatal(err)
	}
	return s
}

// runningDrill is the sample with a second drill run going at ×4 for two
// scenario minutes: its first inject in the room, the second held.
func runningDrill(t testing.TB) *model.Session {
	s := sample(t, workshops.Default)
	sc := s.Workshop.Drill.Scenarios[0]
	run := model.NewDrillRun(sc, s.Workshop.Drill.Duties, s.RACI.Roles, 4)
	run.Deliver(sc, 0)
	run.ToggleHold(sc, 0)
	run.Messages = []model.Message{{At: 60, Audience: "customers", Phase: "first hour", Text: "We know, we are sorry, and we are on it.", Inject: 0}}
	run.StartClock(t0.Add(-30*time.Second), 0)
	s.Drill.Runs = append(s.Drill.Runs, run)
	s.Step = stepOf(t, s, model.StepDrill)
	return s
}

func stepOf(t testing.TB, s *model.Session, k model.StepKind) int {
	for i, st := range s.Workshop.Steps {
		if st.Kind == k {
			return i
		}
	}
	t.Fatalf("the workshop has no %s step", k)
	return 0
}

// TestGoldenRoomViews keeps every step's room view of the sample session,
// a running drill and the items in focus as the room sees them at 80×24,
// 160×45 and 240×60; run with -update after an intended change.
func TestGoldenRoomViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}, {240, 60}} {
		w, h := size[0], size[1]
		for _, ws := range []string{workshops.Default, workshops.SelfAssessment} {
			s := sample(t, ws)
			for i, st := range s.Workshop.Steps {
				s.Step = i
				v := newView(t, s, w, h)
				screentest.Golden(t, fmt.Sprintf("%s-%d-%s-%dx%d", ws, i+1, st.Kind, w, h), v.text())
			}
		}
		screentest.Golden(t, fmt.Sprintf("drill-running-%dx%d", w, h), newView(t, runningDrill(t), w, h).text())
		s := sample(t, workshops.Default)
		for _, f := range []struct {
			kind model.FocusKind
			step model.StepKind
		}{{model.FocusRisk, model.StepRisks}, {model.FocusObjective, model.StepObjectives}, {model.FocusMessage, model.StepDrill}} {
			s.Step = stepOf(t, s, f.step)
			s.Projector.Focus = s.FocusOn(f.kind, 1)
			screentest.Golden(t, fmt.Sprintf("focus-%s-%dx%d", f.kind, w, h), newView(t, s, w, h).text())
		}
	}
}

// TestEveryRoomViewFitsEverySize draws every step of the sample, the
// self-assessment and the benchmark-sized session, a running drill and
// each item in focus from 20×5 to 300×80.
func TestEveryRoomViewFitsEverySize(t *testing.T) {
	var sessions []*model.Session
	for _, ws := range []string{workshops.Default, workshops.SelfAssessment} {
		sessions = append(sessions, sample(t, ws))
	}
	large := modeltest.Large()
	sessions = append(sessions, large, runningDrill(t), modeltest.Random(randFor(1)), modeltest.Random(randFor(2)))
	focused := sample(t, workshops.Default)
	focused.Projector.Focus = focused.FocusOn(model.FocusRisk, 0)
	sessions = append(sessions, focused)
	for _, w := range []int{20, 25, 39, 40, 60, 79, 80, 81, 120, 160, 200, 240, 300} {
		for _, h := range []int{5, 6, 8, 11, 12, 16, 20, 24, 30, 45, 60, 80} {
			for si, s := range sessions {
				for i := range max(len(s.Workshop.Steps), 1) {
					s.Step = i
					v := newView(t, s, w, h)
					screentest.Fits(t, fmt.Sprintf("session %d, step %d", si, i+1), v.m.View(), w, h)
				}
			}
		}
	}
}

func randFor(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }
