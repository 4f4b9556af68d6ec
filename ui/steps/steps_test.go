package steps

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/screentest"
)

func TestMain(m *testing.M) { screentest.Main(m) }

func testContext() common.Context {
	return screentest.Context(func() time.Time { return time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC) })
}

// allKinds is a session whose workshop has one step of every kind.
func allKinds(s *model.Session) *model.Session {
	s.Workshop.Steps = nil
	for _, k := range model.StepKinds {
		s.Workshop.Steps = append(s.Workshop.Steps, model.Step{Kind: k, Title: string(k), Prompts: []string{"What do we know about " + string(k) + "?"}})
	}
	return s
}

func TestEveryKindOfStepHasItsScreen(t *testing.T) {
	for _, k := range model.StepKinds {
		if screens[k] == nil {
			t.Errorf("the %s step has no screen", k)
		}
	}
}

func TestEveryStepShowsItsScreenAndWhatIsMissing(t *testing.T) {
	s := allKinds(modeltest.Large())
	m := New(testContext(), s, 1)
	m.SetSize(120, 40)
	for i, k := range model.StepKinds {
		s.Step = i
		m.SetSession(s, i+2)
		view := ansi.Strip(m.View())
		if !strings.HasPrefix(view, string(k)+"\n") {
			t.Errorf("%s: the step's title does not come first:\n%s", k, view)
		}
		if miss := s.Missing(k); len(miss) > 0 && !strings.Contains(view, "Still missing: "+miss[0]) {
			t.Errorf("%s: %q is missing but not shown:\n%s", k, miss[0], view)
		}
		if !strings.Contains(view, "What do we know about "+string(k)) {
			t.Errorf("%s: the step's screen does not ask the room its prompt:\n%s", k, view)
		}
		if lines := strings.Count(view, "\n") + 1; lines > 40 {
			t.Errorf("%s: %d lines on a screen of 40", k, lines)
		}
	}
}

func TestAWorkshopWithoutStepsSaysSo(t *testing.T) {
	s := modeltest.Large()
	s.Workshop.Steps = nil
	m := New(testContext(), s, 1)
	m.SetSize(80, 24)
	if view := m.View(); !strings.Contains(view, "needs a [[steps]] table") {
		t.Fatalf("a workshop without steps shows:\n%s", view)
	}
	m.Update(tea.KeyMsg{Type: tea.KeyDown})
}

func TestRandomSessionsNeverBreakTheLayout(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 30; n++ {
		s := allKinds(modeltest.Random(r))
		m := New(testContext(), s, 1)
		for _, size := range [][2]int{{20, 3}, {40, 12}, {80, 24}, {200, 60}} {
			m.SetSize(size[0], size[1])
			for i := range s.Workshop.Steps {
				s.Step = i
				m.SetSession(s, n*100+i+size[0])
				for li, l := range strings.Split(m.View(), "\n") {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Fatalf("session %d step %d at %v: line %d is %d wide", n, i, size, li, w)
					}
				}
			}
		}
	}
}
