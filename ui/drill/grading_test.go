package drill

import (
	"testing"
	"time"
)

// TestOverruledItemsSayTheRoomDecided: the room's met on an item the
// program saw nothing for reads "decided by the room", never the program's
// "no pointer to a response page".
func TestOverruledItemsSayTheRoomDecided(t *testing.T) {
	r := startLeak(t, 80, 24)
	r.advance(time.Second)
	r.Keys("m", "We are aware and sorry.", "ctrl+s")
	r.WantView("[open]     Point to a response page — no pointer to a response page")
	r.Keys("j", "j", "j", "j", "j", "y")
	r.WantView("[met]      Point to a response page — decided by the room")
	r.DontWantView("no pointer")
}

// A workshop's own words grade its messages; the lists it leaves out, and
// every list of a session from before templates carried phrases, are the
// default template's. Grading never writes phrases into the session.
func TestMessagesAreGradedInTheWorkshopsOwnWords(t *testing.T) {
	s := session()
	s.Workshop.Drill.Phrases.Compassion = []string{"désolé*"}
	r := newRig(t, s, 100, 30)
	r.Keys("tab", "right", "right", "enter")
	r.advance(time.Second)
	r.Keys("m", "Nous sommes désolés. We are aware.", "ctrl+s")
	r.WantView("[proposed] Show compassion — words of regret “désolés”", "[proposed] Acknowledge publicly — to customers, says “we are aware”")
	if p := r.Session.Workshop.Drill.Phrases; len(p.Compassion) != 1 || p.Acknowledge != nil {
		t.Errorf("grading changed the session's phrases: %+v", p)
	}
}
