package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWholeWorkshop runs a workshop from the first screen to the shared
// plan at 80×24, with the keys a facilitator uses, and reads the plan back
// section by section.
func TestWholeWorkshop(t *testing.T) {
	home, work := t.TempDir(), t.TempDir()
	env := testEnv(t, home)
	s := startScreenIn(t, env, work, 80, 24)

	// A new session through the form, with one participant.
	s.waitFor("No sessions yet")
	s.send("n")
	s.waitFor("Title")
	s.send("Board workshop", keyTab, "Acme Ltd", keyTab, "Dana Reyes", keyTab, keyTab, keyTab, keyEnter)
	s.waitFor("Participant 1")
	s.send("Helen Marsh", keyTab, "Executive board", keyTab, "COO", keyCtrlS)
	s.waitFor("Step 1 of 6", "Listen first")

	// Listen: a poll row both ways and one conversation.
	s.send(keyEnter, "1", keyEnter)
	s.waitFor("0 of 1 in the room create")
	s.send(keyRight, keyEnter, "1", keyEnter)
	s.waitFor("1 of 1 in the room create")
	s.send(keyTab, "a", "Reddit thread", keyTab, keyRight, keyTab, "angry", keyTab, "high", keyTab, keyRight, keyCtrlS)
	s.waitFor("Reddit thread — customers, angry, high  [surprise]")

	// Objectives: one from the catalogue, with a sponsor and a metric.
	s.send("2", "a")
	s.waitFor("Write a new objective")
	s.send(keyEnter, keyTab, "Unhappy customers", keyTab, "Read every day.", keyTab, "A listening service",
		keyTab, keyRight, keyTab, "Median reply time", keyTab, "Under 2 hours", keyTab, "2027-03-31", keyCtrlS)
	s.waitFor("Listen", "Helen Marsh", "Median reply time")
	if strings.Contains(s.text(), "[missing: sponsor]") {
		t.Fatalf("the sponsor was not kept:\n%s", s.text())
	}

	// RACI: two accountable roles on the first activity, then fixed.
	s.send("3")
	s.waitFor("Who does what", "Role 1/12: Executive sponsor")
	s.send("a", "l", "a")
	s.waitFor(`"Own the social media strategy" has 2 accountable roles`)
	s.send("r")
	s.waitFor("RACI: R for Marketing on Own the social media strategy")
	if strings.Contains(s.text(), "2 accountable roles") {
		t.Fatalf("the two-A finding stayed after it was fixed:\n%s", s.text())
	}

	// Risks: two of the room's own.
	s.send("4")
	s.waitFor("What could go wrong", "30 risks")
	s.send("a")
	s.waitFor("Add a risk")
	s.send("Influencer campaign backlash", keyTab, keyRight, keyTab, keyRight, keyRight, keyRight, keyRight,
		keyTab, keyRight, keyRight, keyRight, keyRight, keyRight, keyTab, keyRight, keyTab, keyRight,
		keyTab, "Pre-approve a holding statement", keyCtrlS)
	s.waitFor("31 risks", "Influencer campaign backlash")
	s.send("a")
	s.waitFor("Add a risk")
	s.send("Community forum spam wave", keyTab, keyTab, keyRight, keyRight, keyTab, keyRight, keyRight, keyCtrlS)
	s.waitFor("32 risks")

	// The drill: compressed, one message, finished, an action and a hot wash.
	s.send("5")
	s.waitFor("Set up drill run 1", "Clock speed")
	s.send(keyDown, keyRight, keyRight)
	s.waitFor("4×")
	s.send(keyEnter)
	s.waitFor("RUNNING", "NEW INJECT 1/")
	s.send("m")
	s.waitFor("Message *")
	s.send("We are sorry: we are looking into it and will update you by 14:00.", keyCtrlS)
	s.waitFor("first ack")
	s.send("f")
	s.waitFor("Finish the drill?")
	s.send("y")
	s.waitFor("Results of run 1", "First public acknowledgement")
	s.send("a")
	s.waitFor("An action from the drill")
	s.send("Name a backup spokesperson", keyTab, keyTab, "2027-01-15", keyCtrlS)
	s.waitFor("Added action: Name a backup spokesperson")
	s.send("e")
	s.waitFor("What went well")
	s.send("We spoke within minutes.", keyTab, "Nobody pointed to a response page.", keyCtrlS)
	s.waitFor("Saved the hot wash")

	// Review and export.
	s.send("6")
	s.waitFor("Step 6 of 6", "Summary")
	s.send(keyTab)
	s.waitFor("Name a backup spokesperson")
	s.send("\x05", "m") // ctrl+e, the Markdown plan
	s.waitFor("Exported the plan to")
	s.send("q")
	if err := s.exit(); err != nil {
		t.Fatalf("quitting: %v\n%s", err, s.text())
	}

	files, _ := filepath.Glob(filepath.Join(work, "board-workshop-*-plan.md"))
	if len(files) != 1 {
		t.Fatalf("ctrl+e wrote %v into the current folder, want one plan", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	plan := string(data)
	id := strings.TrimSuffix(filepath.Base(files[0]), "-plan.md")
	if out, _, err := roundtable(t, env, "export", id, "--stdout"); err != nil || out != plan {
		t.Errorf("roundtable export gives other bytes than ctrl+e (err %v)", err)
	}
	for _, c := range []struct{ section, want string }{
		{"# Board workshop", "Acme Ltd"},
		{"# Board workshop", "Dana Reyes"},
		{"## Participants", "Helen Marsh (COO)"},
		{"### Decisions", "Listen"},
		{"### Top risks", "Influencer campaign backlash"},
		{"### Show-of-hands poll", "| LinkedIn | 1 | 1 |"},
		{"### Conversation inventory", "Reddit thread"},
		{"### Objectives ranked by votes", "Unhappy customers"},
		{"### Objectives ranked by votes", "Helen Marsh"},
		{"### Objectives ranked by votes", "Median reply time"},
		{"### RACI matrix", "| Own the social media strategy (key) | strategy | A | R |"},
		{"### Risk register", "Influencer campaign backlash"},
		{"### Risk register", "Pre-approve a holding statement"},
		{"### Risk register", "Community forum spam wave"},
		{"### Drill messages", "We are sorry: we are looking into it and will update you by 14:00."},
		{"### Drill figures", "Time to first public acknowledgement"},
		{"### After-action review", "We spoke within minutes."},
		{"### After-action review", "Nobody pointed to a response page."},
		{"### Action items", "Name a backup spokesperson"},
		{"### Action items", "2027-01-15"},
	} {
		if got := section(plan, c.section); !strings.Contains(got, c.want) {
			t.Errorf("the plan's section %q lacks %q:\n%s", c.section, c.want, got)
		}
	}
	if strings.Contains(section(plan, "### RACI findings"), "2 accountable roles") {
		t.Error("the plan still lists the two-A finding that was fixed")
	}
}

// section is the part of a Markdown plan under heading, up to the next
// heading of the same or a higher level; "" when there is no such heading.
func section(plan, heading string) string {
	level := strings.Index(heading, " ")
	lines := strings.Split(plan, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, heading) {
			continue
		}
		end := len(lines)
		for j := i + 1; j < len(lines); j++ {
			if n := strings.Index(lines[j], " "); n > 0 && n <= level && strings.Trim(lines[j][:n], "#") == "" {
				end = j
				break
			}
		}
		return strings.Join(lines[i:end], "\n")
	}
	return ""
}

// TestSelfAssessmentPlanHasOnlyItsSteps exports, with ctrl+e at 80×24, the
// plan of a finished self-assessment: a workshop without objectives or
// risks, whose plan must not speak of either.
func TestSelfAssessmentPlanHasOnlyItsSteps(t *testing.T) {
	home, work := t.TempDir(), t.TempDir()
	env := testEnv(t, home)
	out, _, err := roundtable(t, env, "new", "Team check", "--workshop", "self-assessment", "--sample", "--no-open")
	if err != nil {
		t.Fatal(err)
	}
	id := lastLine(out)
	s := startScreenIn(t, env, work, 80, 24, "open", id)
	s.waitFor("of 4")
	s.send("4")
	s.waitFor("Step 4 of 4")
	s.send("\x05", "m") // ctrl+e, the Markdown plan
	s.waitFor("Exported the plan to")
	s.send("q")
	if err := s.exit(); err != nil {
		t.Fatalf("quitting: %v\n%s", err, s.text())
	}
	data, err := os.ReadFile(filepath.Join(work, id+"-plan.md"))
	if err != nil {
		t.Fatal(err)
	}
	plan := string(data)
	for _, absent := range []string{"Objectives in vote order", "No objectives were set", "### Top risks",
		"### Objectives ranked by votes", "### Risk register", "### Heat map", "## Step 4"} {
		if strings.Contains(plan, absent) {
			t.Errorf("the self-assessment plan has %q, which the workshop does not have", absent)
		}
	}
	for _, c := range []struct{ section, want string }{
		{"### Widest gaps between IT and the business", "IT anticipates business needs"},
		{"## Step 1: Rate the eleven practices", "### Self-assessment ratings"},
		{"### Drill roles", "PR and communications (Tom Lindqvist)"},
		{"### Action items", "| 1 |"},
	} {
		if got := section(plan, c.section); !strings.Contains(got, c.want) {
			t.Errorf("the plan's section %q lacks %q:\n%s", c.section, c.want, got)
		}
	}
}
