package e2e

import (
	"os"
	"strings"
	"testing"
)

// TestRenamedParticipantIsRenamedOnTheRACIStepAndInThePlan starts from a
// session made without the form, gives it its room from the home screen,
// maps a RACI role to a participant picked from the room, renames that
// participant inside the session, and reads the new name on the RACI step
// and in the exported plan, the old one nowhere.
func TestRenamedParticipantIsRenamedOnTheRACIStepAndInThePlan(t *testing.T) {
	home, work := t.TempDir(), t.TempDir()
	env := testEnv(t, home)
	out, _, err := roundtable(t, env, "new", "Board day", "--no-open")
	if err != nil {
		t.Fatalf("roundtable new: %v\n%s", err, out)
	}
	id := lastLine(out)

	s := startScreenIn(t, env, work, 80, 24)
	s.waitFor("Board day")
	// The details from the home screen: organisation and two people.
	s.send("e")
	s.waitFor("Details and participants of Board day")
	s.send(keyTab, "Acme Ltd", keyTab, "Dana Reyes", keyTab, keyTab, keyEnter,
		"Helen Marsh", keyTab, "Executive board", keyTab, "COO", keyTab, keyEnter, "Ivo Tan", keyTab, "IT", keyCtrlS)
	s.waitFor("Board day: Added Helen Marsh and Ivo Tan.", "Acme Ltd")

	// RACI: the first role's person and backup picked from the room.
	s.send(keyEnter)
	s.waitFor("Step 1 of 6")
	s.send("3")
	s.waitFor("Role 1/12: Executive sponsor — ! nobody named")
	s.send("e", "r")
	s.waitFor("Edit role", "(nobody yet)")
	s.send(keyTab, keyRight, keyTab, keyRight, keyRight, keyCtrlS)
	s.waitFor("Executive sponsor — Helen Marsh, backup Ivo Tan")

	// The rename, from inside the session.
	s.send("P")
	s.waitFor("Session details and participants", "Participant 1")
	s.send(keyTab, keyTab, keyTab, keyTab, "\x15", "Helen Marsh-Okoro", keyCtrlS)
	s.waitFor("Executive sponsor — Helen Marsh-Okoro, backup Ivo Tan", "Renamed Helen Marsh to Helen Marsh-Okoro")

	s.send("\x05", "m") // ctrl+e, the Markdown plan
	s.waitFor("Exported the plan to")
	s.send("q")
	if err := s.exit(); err != nil {
		t.Fatalf("quitting: %v\n%s", err, s.text())
	}
	data, err := os.ReadFile(work + "/" + id + "-plan.md")
	if err != nil {
		t.Fatal(err)
	}
	plan := string(data)
	for _, c := range []struct{ section, want string }{
		{"## Participants", "Helen Marsh-Okoro (COO)"},
		{"### Roles and the people who fill them", "| Executive sponsor | Helen Marsh-Okoro | Ivo Tan |"},
	} {
		if got := section(plan, c.section); !strings.Contains(got, c.want) {
			t.Errorf("the plan's section %q lacks %q:\n%s", c.section, c.want, got)
		}
	}
	if strings.Contains(strings.ReplaceAll(plan, "Helen Marsh-Okoro", ""), "Helen Marsh") {
		t.Errorf("the plan still names Helen Marsh by her old name:\n%s", plan)
	}
}
