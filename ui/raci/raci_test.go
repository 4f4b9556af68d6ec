package raci

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/ui/screentest"
)

func TestMain(m *testing.M) { screentest.Main(m) }

// workshop has three roles and three activities in two areas, with the
// seed's suggestion: IT owns plumbing, the business owns content.
func workshop() model.Workshop {
	w := model.Workshop{Name: "test", Title: "Test workshop", Steps: []model.Step{{Kind: model.StepRACI, Title: "RACI", Prompts: []string{"Who answers for each activity?"}}}}
	w.RACI.Roles = []model.RoleTemplate{{ID: "comms", Name: "Head of communications"}, {ID: "social", Name: "Social media lead"}, {ID: "it", Name: "IT lead"}}
	w.RACI.Activities = []model.ActivityTemplate{
		{Name: "Write posts", Area: "content", Suggested: map[string]model.Letter{"comms": "A", "social": "R", "it": "I"}},
		{Name: "Answer complaints", Area: "content", Suggested: map[string]model.Letter{"comms": "A", "social": "R"}},
		{Name: "Run the community platform", Area: "plumbing", Suggested: map[string]model.Letter{"it": "A", "social": "R"}},
	}
	return w
}

func session() *model.Session {
	s := model.New("raci-test", model.Meta{Title: "RACI"}, workshop())
	s.RACI.Roles = []model.Role{
		{ID: "comms", Name: "Head of communications", Person: "Ana Ruiz", Backup: "Ben Okafor"},
		{ID: "social", Name: "Social media lead", Person: "Chris Lee"},
		{ID: "it", Name: "IT lead", Person: "Dee Patel", Backup: "Eli Moss"},
	}
	s.RACI.Activities = []model.Activity{
		{Name: "Write posts", Area: "content"},
		{Name: "Answer complaints", Area: "content"},
		{Name: "Run the community platform", Area: "plumbing"},
	}
	return s
}

// rig is the shared screen rig with the RACI screen's own model at hand.
type rig = screentest.Screen[*Model]

func newRig(t testing.TB, s *model.Session, w, h int) *rig {
	return screentest.Open(t, newModel, s, w, h)
}

func TestLetterKeysSetAndClearTheCellUnderTheCursor(t *testing.T) {
	r := newRig(t, session(), 80, 24)
	r.Keys("a")
	if got := r.Session.RACI.Cell(0, "comms"); got != model.Accountable {
		t.Fatalf("a on the first cell gave %q", got)
	}
	if want := "RACI: A for Head of communications on Write posts"; r.LastStatus() != want {
		t.Errorf("status %q, want %q", r.LastStatus(), want)
	}
	r.Keys("l", "r", "right", "i", "j", "c", "h", "r", "down", "a", "left", "i")
	want := map[[2]string]model.Letter{
		{"0", "comms"}: "A", {"0", "social"}: "R", {"0", "it"}: "I",
		{"1", "it"}: "C", {"1", "social"}: "R", {"2", "social"}: "A", {"2", "comms"}: "I",
	}
	for i := range r.Session.RACI.Activities {
		for _, role := range r.Session.RACI.Roles {
			if got := r.Session.RACI.Cell(i, role.ID); got != want[[2]string{fmt.Sprint(i), role.ID}] {
				t.Errorf("cell %d/%s is %q, want %q", i, role.ID, got, want[[2]string{fmt.Sprint(i), role.ID}])
			}
		}
	}
	r.Keys("space")
	if got := r.Session.RACI.Cell(2, "comms"); got != "" {
		t.Errorf("space left %q", got)
	}
	r.Keys("k", "l", "x")
	if got := r.Session.RACI.Cell(1, "social"); got != "" {
		t.Errorf("x left %q", got)
	}
	if want := "RACI: cleared Social media lead on Answer complaints"; r.LastStatus() != want {
		t.Errorf("status %q, want %q", r.LastStatus(), want)
	}
	r.WantView("[·]", " A ", " I ")
	// Up and k stop at the first row rather than wrapping.
	r.Keys("up", "k", "k", "k", "r")
	if got := r.Session.RACI.Cell(0, "social"); got != "R" {
		t.Errorf("after moving up the top cell is %q", got)
	}
}

func TestTwoAccountableShowFindingExplainedAndClearWhenFixed(t *testing.T) {
	s := session()
	s.RACI.Roles[1].Backup = "Fay Chen"
	r := newRig(t, s, 100, 30)
	r.Keys("S")
	r.WantView("Findings (0)", "✓ No rule broken on this row or column.")
	r.DontWantView("Write posts!")
	r.Keys("l", "l", "a")
	if got := r.LastStatus(); got != "RACI: A for IT lead on Write posts" {
		t.Errorf("status %q", got)
	}
	r.WantView("Write posts!", "IL!", "HC!", "! row 1: \"Write posts\" has 2 accountable roles")
	// The cursor is on the row: the finding is explained under the grid.
	lines := strings.Split(r.View(), "\n")
	explained := false
	for _, l := range lines {
		if strings.HasPrefix(l, "! \"Write posts\" has 2 accountable roles (Head of communications and IT lead)") {
			explained = true
		}
	}
	if !explained {
		t.Errorf("the finding under the cursor should be explained:\n%s", r.View())
	}
	// Elsewhere on a clean row, nothing is explained.
	r.Keys("j")
	r.WantView("✓ No rule broken on this row or column.")
	r.Keys("k", "i")
	r.DontWantView("2 accountable", "Write posts!", "IL!", "HC!")
	r.WantView("Findings (0)", "✓ One A and at least one R on every row.")
}

func TestSuggestFillsOnlyEmptyCellsAsOneEdit(t *testing.T) {
	r := newRig(t, session(), 80, 24)
	r.Keys("c") // the room's own letter on Write posts for comms
	before := len(r.Edits)
	r.Keys("S")
	if len(r.Edits) != before+1 {
		t.Fatalf("S made %d edits, want one undoable edit", len(r.Edits)-before)
	}
	if got := r.Session.RACI.Cell(0, "comms"); got != model.Consulted {
		t.Errorf("S overwrote the room's C with %q", got)
	}
	if got := r.Session.RACI.Cell(0, "social"); got != model.Responsible {
		t.Errorf("S left an empty cell at %q", got)
	}
	if got := r.Session.RACI.Cell(2, "it"); got != model.Accountable {
		t.Errorf("S gave IT %q on plumbing", got)
	}
	if want := "RACI: suggested assignment filled 6 empty cells"; r.LastStatus() != want {
		t.Errorf("status %q, want %q", r.LastStatus(), want)
	}
	r.Keys("S")
	if len(r.Edits) != before+1 || !strings.Contains(r.LastStatus(), "No empty cell") {
		t.Errorf("a second S should change nothing and say so: %q", r.LastStatus())
	}
}

func TestFocusedRoleShowsPersonAndFlagsNoBackup(t *testing.T) {
	r := newRig(t, session(), 100, 30)
	r.WantView("Role 1/3: Head of communications — Ana Ruiz, backup Ben Okafor")
	r.Keys("S", "l")
	r.WantView("HC  SM! IL ")
	r.WantView("Role 2/3: Social media lead — Chris Lee, ! no backup",
		"! Social media lead rests on Chris Lee alone; e on the role names a backup, since people move jobs.")
	r.Keys("e", "r", "tab", "tab", "Fay Chen", "enter")
	if got := r.Session.RACI.Roles[1]; got.Backup != "Fay Chen" || got.ID != "social" {
		t.Fatalf("e r then the backup field gave %+v", got)
	}
	r.WantView("Role 2/3: Social media lead — Chris Lee, backup Fay Chen", "Findings (0)", "HC  SML IL ")
	r.DontWantView("rests on")
}

func TestReorderMovesRowsAndColumnsWithTheCursor(t *testing.T) {
	r := newRig(t, session(), 80, 24)
	r.Keys("a", "J")
	if got := r.Session.RACI.Activities[1]; got.Name != "Write posts" || got.Cells["comms"] != model.Accountable {
		t.Fatalf("J moved %+v to row 2", got)
	}
	if r.M.row != 1 {
		t.Errorf("the cursor should follow the row down, is on row %d", r.M.row)
	}
	r.Keys("K", "K")
	if r.Session.RACI.Activities[0].Name != "Write posts" || r.M.row != 0 {
		t.Errorf("K moved the row to %q, cursor on %d", r.Session.RACI.Activities[0].Name, r.M.row)
	}
	r.Keys("L")
	if ids := []string{r.Session.RACI.Roles[0].ID, r.Session.RACI.Roles[1].ID}; ids[0] != "social" || ids[1] != "comms" || r.M.col != 1 {
		t.Errorf("L gave roles %v, cursor on column %d", ids, r.M.col)
	}
	if r.Session.RACI.Cell(0, "comms") != model.Accountable {
		t.Error("moving a role moved its letter off its own column")
	}
	r.WantView("SM! HC! IL!", "Role 2/3: Head of communications")
	r.Keys("H", "H")
	if r.Session.RACI.Roles[0].ID != "comms" || r.M.col != 0 {
		t.Errorf("H gave first role %q, cursor on %d", r.Session.RACI.Roles[0].ID, r.M.col)
	}
	// At the edge nothing moves and nothing goes on the undo stack.
	before := len(r.Edits)
	r.Keys("K", "H")
	if len(r.Edits) != before {
		t.Errorf("moving past the edge made %d edits", len(r.Edits)-before)
	}
}

func TestARoleFindingIsExplainedOnItsColumn(t *testing.T) {
	s := session()
	s.RACI.Roles = append(s.RACI.Roles, model.Role{ID: "legal", Name: "Legal counsel", Person: "Hal Ng", Backup: "Ida Roe"})
	r := newRig(t, s, 100, 30)
	r.Keys("S", "$")
	r.WantView("LC!", "! Legal counsel has no letter on any activity; assign it somewhere or remove the role.")
	r.Keys("c")
	r.DontWantView("LC!", "no letter on any activity")
}

// largeAt opens modeltest.Large() on its RACI grid.
func largeAt(tb testing.TB, w, h int) *rig {
	return newRig(tb, modeltest.Large(), w, h)
}

func TestScrollingBothWaysKeepsTheHeaders(t *testing.T) {
	r := largeAt(t, 80, 24)
	first := strings.Split(r.View(), "\n")
	r.Keys("G", "$")
	v := r.View()
	lines := strings.Split(v, "\n")
	if !strings.HasPrefix(lines[1], "Role 30/30: ") {
		t.Errorf("the role line should name the last role:\n%s", v)
	}
	if !strings.HasPrefix(lines[2], "Activity 200/200") {
		t.Errorf("the column headers should stay on the second line:\n%s", v)
	}
	if lines[2] == first[2] {
		t.Errorf("the headers should have scrolled to the last roles:\n%s", v)
	}
	last := nameStart(r.Session.RACI.Activities[199].Name)
	if !strings.Contains(v, "› "+last) {
		t.Errorf("the last activity %q should be in view with the cursor:\n%s", last, v)
	}
	if !strings.Contains(v, "[") {
		t.Errorf("the cursor cell should be in view:\n%s", v)
	}
	r.Keys("g", "0")
	if got := strings.Split(r.View(), "\n"); got[2] != first[2] || got[3] != first[3] {
		t.Errorf("g and 0 should scroll back to the start:\n%s", r.View())
	}
	r.Keys("pgdown")
	if r.M.row == 0 || r.M.top == 0 {
		t.Errorf("pgdown should move a page down (row %d, top %d)", r.M.row, r.M.top)
	}
}

// nameStart cuts a name as a 14-cell name column would show its start.
func nameStart(name string) string {
	if len(name) > 8 {
		return name[:8]
	}
	return name
}

func TestAddEditAndDeleteActivitiesAndRoles(t *testing.T) {
	r := newRig(t, session(), 80, 24)
	r.Keys("+", "a", "Moderate the forum", "ctrl+s")
	if n := len(r.Session.RACI.Activities); n != 4 || r.Session.RACI.Activities[3].Name != "Moderate the forum" || r.Session.RACI.Activities[3].Area != "content" {
		t.Fatalf("+ a added %+v", r.Session.RACI.Activities)
	}
	if r.M.row != 3 {
		t.Errorf("the cursor should move to the new activity, is on row %d", r.M.row)
	}
	r.Keys("+", "r", "IT lead", "tab", "Fay Chen", "ctrl+s")
	roles := r.Session.RACI.Roles
	if len(roles) != 4 || roles[3].ID != "it-lead" || roles[3].Person != "Fay Chen" {
		t.Fatalf("+ r added %+v", roles)
	}
	r.Keys("+", "r", "IT lead", "ctrl+s")
	if got := r.Session.RACI.Roles[4].ID; got != "it-lead-2" {
		t.Errorf("a second role of the same name got ID %q", got)
	}
	r.WantView("Role 5/5: IT lead — ! nobody named, ! no backup")

	// e on a role edits its name, person and backup and keeps its ID;
	// Fay Chen joined the participants, so the backup is someone new.
	r.Keys("e", "r", "tab", "tab", "right", "right", "tab", "Gus Hart", "ctrl+s")
	if got := r.Session.RACI.Roles[4]; got.ID != "it-lead-2" || got.Backup != "Gus Hart" {
		t.Errorf("e r edited to %+v", got)
	}
	r.Keys("e", "a", "ctrl+s")
	if r.Session.RACI.Activities[3].Name != "Moderate the forum" {
		t.Errorf("e a with no change renamed to %q", r.Session.RACI.Activities[3].Name)
	}

	// esc closes a form or dialog without changing anything.
	before := len(r.Edits)
	r.Keys("+", "esc", "e", "a", "Something else", "esc", "esc", "d", "esc")
	if len(r.Edits) != before || r.M.Typing() {
		t.Errorf("esc should close without an edit (edits %d → %d, typing %v)", before, len(r.Edits), r.M.Typing())
	}

	// Deleting a role says what it clears and clears it.
	r.Session.Risks = []model.Risk{{Title: "Leak", Owner: "it-lead-2"}}
	r.Session.Actions = []model.ActionItem{{Text: "Train", Owner: "it-lead-2"}}
	r.Keys("a", "d", "r")
	r.WantView("Delete role IT lead?", "1 letter", "1 risk", "1 action")
	r.Keys("y")
	if len(r.Session.RACI.Roles) != 4 || r.Session.Risks[0].Owner != "" || r.Session.Actions[0].Owner != "" || r.Session.RACI.Cell(3, "it-lead-2") != "" {
		t.Errorf("deleting the role left %+v %+v %+v", r.Session.RACI.Roles, r.Session.Risks, r.Session.Actions)
	}
	r.Keys("d", "a", "y")
	if len(r.Session.RACI.Activities) != 3 {
		t.Errorf("deleting the activity left %d", len(r.Session.RACI.Activities))
	}
}

func TestHostileNamesKeepTheGridAligned(t *testing.T) {
	s := session()
	s.RACI.Activities[0].Name = "Line\nbreak\x1b[31m red \u202e flipped 長い名前の活動です"
	s.RACI.Roles[0].Name = "\x00\x07長\tX"
	s.RACI.Roles[0].Person = "a\rb\nc"
	r := newRig(t, s, 80, 24)
	r.Keys("a")
	lines := strings.Split(r.M.View(), "\n")
	if strings.Contains(r.M.View(), "\x1b[31m") {
		t.Error("a name's escape sequence reached the terminal")
	}
	w := -1
	for _, l := range lines[3:6] {
		plain := ansi.Strip(l)
		if w >= 0 && ansi.StringWidth(plain) != w {
			t.Errorf("grid rows differ in width:\n%s", strings.Join(lines, "\n"))
		}
		w = ansi.StringWidth(plain)
	}
}

func TestGoldenViews(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 45}} {
		name := fmt.Sprintf("-%dx%d", sz[0], sz[1])
		r := newRig(t, session(), sz[0], sz[1])
		r.Keys("a", "l", "r", "l", "a", "j")
		screentest.Golden(t, "small"+name, r.View())
		l := largeAt(t, sz[0], sz[1])
		l.Keys("j", "j", "l", "l", "l")
		screentest.Golden(t, "large"+name, l.View())
	}
}

func TestEverySizeFits(t *testing.T) {
	s := session()
	s.RACI.Activities[0].Name = "長い名前の活動です\nand more"
	states := map[string]*rig{
		"small": newRig(t, s, 80, 24),
		"large": largeAt(t, 80, 24),
		"form":  newRig(t, session(), 80, 24),
		"empty": newRig(t, model.New("e", model.Meta{}, model.Workshop{}), 80, 24),
	}
	states["large"].Keys("G", "$")
	states["form"].Keys("+", "r")
	for name, r := range states {
		for w := 0; w <= 300; w += 7 {
			for h := 0; h <= 80; h += 5 {
				r.M.SetSize(w, h)
				v := r.M.View()
				screentest.Fits(t, name, v, w, h)
			}
		}
	}
}

// The column codes are spelt out under the grid, for the columns in view,
// in the words of the plan's own legend.
func TestRoleCodesHaveALegend(t *testing.T) {
	r := newRig(t, session(), 80, 24)
	r.WantView("Roles: HC Head of communications · SML Social media lead · IL IT lead")
	doc := string(plan.Markdown(r.Session))
	if !strings.Contains(doc, "**Roles:** HC = Head of communications; SML = Social media lead; IL = IT lead\n") ||
		!strings.Contains(doc, "| Activity | Area | HC | SML | IL |\n") {
		t.Errorf("the plan's grid does not use the screen's codes with their legend:\n%s", doc)
	}
	l := largeAt(t, 80, 24)
	l.Keys("$")
	codes := model.RoleCodes(l.Session.RACI.Roles)
	last := len(codes) - 1
	l.WantView("Roles: ", codes[last]+" "+l.Session.RACI.Roles[last].Name)
}

// TestRolePeopleArePickedFromTheParticipants: the person and backup of a
// role are chosen from the room; a name typed instead joins the
// participants in the same edit, so one undo takes both back.
func TestRolePeopleArePickedFromTheParticipants(t *testing.T) {
	s := session()
	s.Participants = []model.Participant{{Name: "Ana Ruiz", Department: "Communications"}, {Name: "Hugo Brandt", Department: "IT"}}
	r := newRig(t, s, 80, 24)
	r.Keys("e", "r")
	r.WantView("Person", "‹ Ana Ruiz ›", "Backup", "‹ someone new… ›", "Ben Okafor")

	before := r.Session.Clone()
	// Person: Ana Ruiz → Hugo Brandt; backup: someone new, typed.
	r.Keys("tab", "right", "tab", "tab", "ctrl+u", "Ines Duarte", "ctrl+s")
	if got := r.Session.RACI.Roles[0]; got.Person != "Hugo Brandt" || got.Backup != "Ines Duarte" {
		t.Fatalf("role = %+v", got)
	}
	if n := len(r.Session.Participants); n != 3 || r.Session.Participants[2].Name != "Ines Duarte" {
		t.Fatalf("the new backup did not join the participants: %+v", r.Session.Participants)
	}
	if got := r.LastLabel(); got != "RACI: edited role Head of communications; Ines Duarte joins the participants" {
		t.Errorf("label = %q", got)
	}
	// One edit did both: applied to the session as it was, it gives the same.
	if len(r.Edits) != 1 {
		t.Fatalf("%d edits, want one undoable edit", len(r.Edits))
	}
	r.Edits[0].Apply(before)
	if len(before.Participants) != 3 || before.RACI.Roles[0].Backup != "Ines Duarte" {
		t.Errorf("the edit alone does not add the participant: %+v", before.Participants)
	}

	// The person picked again is offered by name; nobody is a choice too.
	r.Keys("e", "r", "tab", "left", "left", "ctrl+s")
	if got := r.Session.RACI.Roles[0].Person; got != "" {
		t.Errorf("person after choosing nobody = %q", got)
	}
}
