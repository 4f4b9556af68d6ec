package store

import (
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/roundtable/roundtable/model"
)

// A session file written before the drill kept the room's choice of run
// for the plan and the workshop's drill phrases has neither key: it loads
// as it is, through the fast decoder, with the program's choice of run.
func TestADrillFileFromBeforeRunChoicesAndPhrasesLoads(t *testing.T) {
	s := session("old-drill-aaaa", "Old drill", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	s.Drill.Runs = []model.DrillRun{
		{Scenario: "leak", Ended: true, Messages: []model.Message{{Audience: "customers", Text: "We are aware."}}},
		{Scenario: "leak"},
	}
	s.Workshop.Drill.Phrases.Compassion = []string{"sorry"}
	data, err := Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	old := regexp.MustCompile(`(?m)^report = 0\n`).ReplaceAll(data, nil)
	old = regexp.MustCompile(`(?s)\n\[workshop\.drill\.phrases\]\n.*?\n\n`).ReplaceAll(old, []byte("\n"))
	if len(old) >= len(data)-len("report = 0\n") {
		t.Fatalf("the test did not take the new keys out:\n%s", old)
	}
	var fast model.Session
	if _, err := decodeFast(old, reflect.ValueOf(&fast).Elem()); err != nil {
		t.Fatalf("the fast decoder refused an older drill file: %v", err)
	}
	got, rep, err := Decode(old)
	if err != nil || len(rep.Unknown) > 0 || rep.Migrated {
		t.Fatalf("Decode: %v, report %+v", err, rep)
	}
	if i, chosen, ok := got.Drill.Reported(); got.Drill.Report != 0 || i != 0 || chosen || !ok {
		t.Errorf("the plan should report the finished run 1: report %d, Reported() = %d %v %v", got.Drill.Report, i, chosen, ok)
	}
	if got.Workshop.Drill.Phrases.Compassion != nil {
		t.Errorf("phrases came from nowhere: %q", got.Workshop.Drill.Phrases.Compassion)
	}
}
