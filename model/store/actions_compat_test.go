package store

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/roundtable/roundtable/model"
)

// A file of format 1 marked an action only done or not: it loads with
// each action's status, and saves as format 2 without the old key.
func TestAnActionFileFromBeforeStatusesLoadsWithThem(t *testing.T) {
	s := session("old-actions-aaaa", "Old actions", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	s.Actions = []model.ActionItem{{Text: "Name a backup", Owner: "cio", Due: "2026-02-01"}, {Text: "Publish the policy"}}
	data, err := Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(data), "schema_version = 2\n", "schema_version = 1\n", 1)
	doc = strings.Replace(doc, "status = \"\"\n", "done = false\n", 1)
	doc = strings.Replace(doc, "status = \"\"\n", "done = true\n", 1)
	for _, key := range []string{"id = 0\n", "note = \"\"\n", "finding = \"\"\n", "reviewed = \"\"\n"} {
		doc = strings.ReplaceAll(doc, key, "")
	}
	if strings.Count(doc, "done = ") != 2 || strings.Contains(doc, "status = \"\"") || strings.Contains(doc, "reviewed") {
		t.Fatalf("the test did not write a format 1 file:\n%s", doc)
	}
	got, rep, err := Decode([]byte(doc))
	if err != nil || len(rep.Unknown) > 0 || !rep.Migrated || rep.MigratedFrom != 1 {
		t.Fatalf("Decode: %v, report %+v", err, rep)
	}
	if st := []model.ActionStatus{got.Actions[0].Status, got.Actions[1].Status}; !reflect.DeepEqual(st, []model.ActionStatus{model.ActionOpen, model.ActionDone}) {
		t.Errorf("statuses %q, want open then done", st)
	}
	if got.Actions[0].ID != 1 || got.Actions[1].ID != 2 {
		t.Errorf("the actions were not numbered: %d, %d", got.Actions[0].ID, got.Actions[1].ID)
	}
	again, err := Encode(got)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(again), "done = ") || !strings.Contains(string(again), "status = \"done\"") {
		t.Errorf("the saved file keeps the old key or lost the status:\n%s", again)
	}
}

// A format 1 file whose done is not true or false says so, rather than
// guessing.
func TestAnActionDoneThatIsNotTrueOrFalseIsRefused(t *testing.T) {
	_, _, err := Decode([]byte("schema_version = 1\n[[actions]]\ntext = \"x\"\ndone = \"yes\"\n"))
	if err == nil || !strings.Contains(err.Error(), "done is yes; it is true or false") {
		t.Fatalf("got %v", err)
	}
}
