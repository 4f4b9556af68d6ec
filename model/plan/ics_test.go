package plan

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
)

// parseICS reads a calendar with an independent parser.
func parseICS(t *testing.T, data []byte) *ics.Calendar {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the calendar does not parse: %v\n%s", err, data)
	}
	return cal
}

func prop(td *ics.VTodo, name ics.ComponentProperty) string {
	if p := td.GetProperty(name); p != nil {
		return ics.FromText(p.Value)
	}
	return ""
}

// TestTheSampleCalendarHasEveryDatedActionAndReview checks the sample's
// calendar as a calendar program reads it: one to-do per dated action,
// due that day, its owner in the description, and one per review date of
// an open risk.
func TestTheSampleCalendarHasEveryDatedActionAndReview(t *testing.T) {
	s := sample(t)
	s.Actions[1].Review("2027-01-02", model.ActionInProgress, "Calendar shared in December")
	data := ICS(s)
	cal := parseICS(t, data)
	todos := cal.Todos()
	open := 0
	for _, r := range s.Risks {
		if r.Status != model.RiskClosed && model.IsDate(r.Review) {
			open++
		}
	}
	if want := len(s.Actions) + open; len(todos) != want {
		t.Fatalf("%d to-dos, want %d", len(todos), want)
	}
	first := todos[0]
	if got := prop(first, ics.ComponentPropertySummary); got != string(s.Actions[0].Text) {
		t.Errorf("summary %q", got)
	}
	if due, err := first.GetAllDayDueAt(); err != nil || !due.Equal(time.Date(2026, 12, 15, 0, 0, 0, 0, due.Location())) {
		t.Errorf("due %v, %v", due, err)
	}
	if got := prop(first, ics.ComponentPropertyDescription); got != "Owner role: Executive sponsor (Helen Marsh). Source step: Who does what." {
		t.Errorf("description %q", got)
	}
	if got := prop(todos[1], ics.ComponentPropertyStatus); got != "IN-PROCESS" {
		t.Errorf("status %q", got)
	}
	if got := prop(todos[1], ics.ComponentPropertyDescription); !strings.HasSuffix(got, "Note: Calendar shared in December") {
		t.Errorf("the note is not in the description: %q", got)
	}
	if got := prop(todos[len(s.Actions)], ics.ComponentPropertySummary); !strings.HasPrefix(got, "Review the risk: ") {
		t.Errorf("the first risk review: %q", got)
	}
	if !bytes.Equal(data, ICS(s)) {
		t.Error("the same session gives other bytes")
	}
}

// A re-import updates: the UIDs stay when an action is edited, and when
// an action before it is deleted.
func TestAnActionKeepsItsUIDThroughEditsAndDeletes(t *testing.T) {
	s := sample(t)
	uids := func() map[string]string {
		out := map[string]string{}
		for _, td := range parseICS(t, ICS(s)).Todos() {
			out[prop(td, ics.ComponentPropertySummary)] = td.Id()
		}
		return out
	}
	before := uids()
	third := string(s.Actions[2].Text)
	s.Actions[2].Review("2027-01-20", model.ActionDone, "")
	s.Actions = append(s.Actions[:0:0], s.Actions[1:]...)
	after := uids()
	if before[third] == "" || after[third] != before[third] {
		t.Errorf("the UID changed: %q, then %q", before[third], after[third])
	}
	seen := map[string]bool{}
	for _, id := range after {
		if seen[id] {
			t.Errorf("UID %q is given twice", id)
		}
		seen[id] = true
	}
}

// Hostile text stays the text it was, every line is at most 75 octets
// and ends in CRLF, and a fold never splits a character.
func TestHostileTextInTheCalendarStaysText(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	for seed := range 200 {
		s := modeltest.Random(r)
		text := nasty[seed%len(nasty)] + " ; , \\ " + strings.Repeat("é€👨‍👩‍👧", seed%40)
		s.AddAction(model.ActionItem{Text: model.Text(text), Due: "2027-01-15", Note: model.Text(text)})
		data := ICS(s)
		lines := strings.Split(string(data), "\r\n")
		if lines[len(lines)-1] != "" {
			t.Fatalf("seed %d: the calendar does not end with CRLF", seed)
		}
		for _, l := range lines[:len(lines)-1] {
			if len(l) > 75 || strings.ContainsAny(l, "\r\n") || !utf8.ValidString(l) {
				t.Fatalf("seed %d: line of %d octets, or broken: %q", seed, len(l), l)
			}
		}
		todos := parseICS(t, data).Todos()
		last := todos[len(todos)-1]
		want := Span{Text: text, Typed: true}.Plain()
		if got := prop(last, ics.ComponentPropertySummary); got != want {
			t.Fatalf("seed %d: summary %q, want %q", seed, got, want)
		}
	}
}
