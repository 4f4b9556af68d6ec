package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const keyCtrlS = "\x13"

// TestListenAndObjectivesSurviveARestart fills one poll row, one
// conversation and one objective the way a facilitator would, quits, and
// finds every answer again after starting over.
func TestListenAndObjectivesSurviveARestart(t *testing.T) {
	home := t.TempDir()
	env := testEnv(t, home)
	out, _, err := roundtable(t, env, "new", "Listening session", "--no-open")
	if err != nil {
		t.Fatal(err)
	}
	id := lastLine(out)

	s := startScreen(t, env, 80, 24, "open", id)
	s.waitFor("Step 1 of", "Poll (10 platforms)", "LinkedIn")
	// The first platform's readers: twelve hands.
	s.send(keyEnter, "12", keyEnter)
	s.waitFor("0 of 12 in the room create")
	// One conversation, with a surprise.
	s.send(keyTab, "a", "Reddit thread", keyTab, keyRight, keyTab, "angry", keyTab, "high", keyTab, keyRight, keyCtrlS)
	s.waitFor("Reddit thread — customers, angry, high  [surprise]", "Inventory (1, 1 !)")
	// One objective from the catalogue, with a metric but no sponsor yet.
	s.send("2", "a")
	s.waitFor("Write a new objective")
	s.send(keyEnter, keyTab, "Unhappy customers", keyTab, "Read every day.", keyTab, "A listening service",
		keyTab, keyTab, "Median reply time", keyTab, "Under 2 hours", keyTab, "2027-03-31", keyCtrlS)
	s.waitFor("Listen  [missing: sponsor]", "Median reply time", "1 objective without a sponsor")
	s.send("q")
	if err := s.exit(); err != nil {
		t.Fatalf("quitting: %v\n%s", err, s.text())
	}

	data, err := os.ReadFile(filepath.Join(sessionsDir(home), id+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Reddit thread", "Unhappy customers", "Median reply time", "2027-03-31"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the session file lacks %q", want)
		}
	}

	// Starting again from the home screen lands on the step left open.
	s = startScreen(t, env, 80, 24)
	s.waitFor("Listening session")
	s.send(keyEnter)
	s.waitFor("Step 2 of", "Listen  [missing: sponsor]", "Unhappy customers", "Under 2 hours")
	s.send("1")
	s.waitFor("Step 1 of", "[12]", "0 of 12 in the room create", "Inventory (1, 1 !)")
	s.send(keyTab)
	s.waitFor("Reddit thread — customers, angry, high  [surprise]")
	s.send(keyCtrlC)
	_ = s.exit()
}

// TestTwoAccountableRolesShowAFindingUntilFixed gives a second role the A
// on the sample's first activity, sees the broken rule named, and fixes it.
func TestTwoAccountableRolesShowAFindingUntilFixed(t *testing.T) {
	home := t.TempDir()
	env := testEnv(t, home)
	out, _, err := roundtable(t, env, "new", "Who owns what", "--sample", "--no-open")
	if err != nil {
		t.Fatal(err)
	}
	id := lastLine(out)

	s := startScreen(t, env, 80, 24, "open", id)
	s.waitFor("Step 1 of")
	s.send("3")
	s.waitFor("Who does what", "Findings (1)", "Role 1/12: Executive sponsor")
	s.send("l", "a")
	s.waitFor("Findings (2)", `"Own the social media strategy" has 2 accountable roles`, "ES!", "MA!")
	s.send("r")
	s.waitFor("Findings (1)", "Role 2/12: Marketing")
	if strings.Contains(s.text(), "2 accountable roles") {
		t.Fatalf("the finding stayed after the second A became an R:\n%s", s.text())
	}
	s.send("q")
	if err := s.exit(); err != nil {
		t.Fatalf("quitting: %v\n%s", err, s.text())
	}
}
