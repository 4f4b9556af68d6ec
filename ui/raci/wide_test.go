package raci

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestAWideScreenNamesTheRoles over their columns, where 80 columns have
// room only for codes and a legend.
func TestAWideScreenNamesTheRoles(t *testing.T) {
	r := newRig(t, session(), 80, 24)
	r.WantView("HC! SM! IL!", "Roles: HC Head of communications")
	r = newRig(t, session(), 160, 45)
	r.WantView("Head of", "communications!", "Social media", "lead!", "IT lead!")
	r.DontWantView("Roles: HC")
	// Every row's letter sits under its role's name.
	lines := strings.Split(r.View(), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Activity 1/") {
			at := utf8.RuneCountInString(l[:max(strings.Index(l, "IT lead"), 0)])
			row := []rune(lines[i+1])
			if at < 0 || at+12 > len(row) || !strings.Contains(string(row[at:at+12]), "·") {
				t.Errorf("no letter under IT lead:\n%s", r.View())
			}
			return
		}
	}
	t.Errorf("no header line:\n%s", r.View())
}

// TestTheAskLineStopsShortOfTheFindings beside the grid, however long the
// question.
func TestTheAskLineStopsShortOfTheFindings(t *testing.T) {
	s := session()
	for i := range s.Workshop.Steps {
		s.Workshop.Steps[i].Prompts = []string{strings.Repeat("Who answers for each activity, and who only hears of it? ", 4)}
	}
	for _, w := range []int{120, 160, 200} {
		r := newRig(t, s, w, 40)
		first := strings.Split(r.View(), "\n")[0]
		i := strings.Index(first, "Findings (")
		if i < 0 {
			t.Fatalf("at %d columns the findings are not beside the grid:\n%s", w, r.View())
		}
		if !strings.HasSuffix(first[:i], "  ") {
			t.Errorf("at %d columns the question runs into the findings' title: %q", w, first)
		}
	}
}
