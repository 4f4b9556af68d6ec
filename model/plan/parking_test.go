package plan

import (
	"strings"
	"testing"

	"github.com/roundtable/roundtable/model"
)

func TestParkingLotListsEachNoteWithWhoRaisedIt(t *testing.T) {
	s := sample(t)
	if strings.Contains(string(Markdown(s)), "## Parking lot") {
		t.Fatal("a session without parked notes has a parking-lot section")
	}
	s.Parking = []model.ParkingNote{
		{Text: "Who pays for the\nsocial listening tool?", From: "Ana Ruiz"},
		{Text: "# not a heading"},
	}
	doc := string(Markdown(s))
	at := strings.Index(doc, "## Parking lot")
	if at < 0 || at > strings.Index(doc, "## Appendix") || at < strings.Index(doc, "## Action items") {
		t.Fatalf("no parking lot between the action items and the appendix:\n%s", doc)
	}
	lot := doc[at:strings.Index(doc, "## Appendix")]
	for _, want := range []string{"- Who pays for the", "social listening tool? (Ana Ruiz)", `- \# not a heading`} {
		if !strings.Contains(lot, want) {
			t.Errorf("the parking lot lacks %q:\n%s", want, lot)
		}
	}
	if probs := checkPlan([]byte(doc), s.Workshop); len(probs) > 0 {
		t.Fatal(strings.Join(probs, "\n"))
	}
}
