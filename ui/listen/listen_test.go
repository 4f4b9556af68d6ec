package listen

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/screentest"
)

func TestMain(m *testing.M) { screentest.Main(m) }

func workshop() model.Workshop {
	w := model.Workshop{Name: "test", Title: "Test workshop", Steps: []model.Step{
		{Kind: model.StepListen, Title: "Listen", Prompts: []string{"Who reads, who writes?", "Where do people talk about us?"}},
	}}
	w.Listen = model.ListenCatalogue{
		Platforms: []string{"LinkedIn", "Facebook", "X (Twitter)", "YouTube"},
		Places:    []string{"review sites", "forums", "hashtags"},
		Voices:    []string{"customers", "employees", "press", "critics"},
	}
	return w
}

// session is a room of eleven with an empty poll of four platforms.
func session() *model.Session {
	s := model.New("listen-test", model.Meta{Title: "Listen"}, workshop())
	for i := range 11 {
		s.Participants = append(s.Participants, model.Participant{Name: "Person " + strconv.Itoa(i+1)})
	}
	return s
}

// rig is the shared screen rig with the listening screen's own model at hand.
type rig = screentest.Screen[*Model]

func newRig(t testing.TB, s *model.Session, w, h int) *rig {
	return screentest.Open(t, newModel, s, w, h)
}

func TestPollStepsCountsAndNeverGoesBelowZero(t *testing.T) {
	r := newRig(t, session(), 160, 22)
	r.Keys("+", "+", "+")
	if got := r.Session.Listen.Poll[0].Reads; got != 3 {
		t.Fatalf("LinkedIn reads = %d after three +, want 3", got)
	}
	if r.LastLabel() != "poll: LinkedIn reads 3" {
		t.Errorf("label = %q", r.LastLabel())
	}
	r.Keys("l", "+", "j", "+", "+", "-")
	if p := r.Session.Listen.Poll; p[0].Creates != 1 || p[1].Creates != 1 || p[1].Reads != 0 {
		t.Fatalf("poll = %+v, want LinkedIn creates 1 and Facebook creates 1", p)
	}
	r.Keys("-", "-", "-")
	if got := r.Session.Listen.Poll[1].Creates; got != 0 {
		t.Fatalf("Facebook creates = %d, want 0: counts never go below zero", got)
	}
	r.Keys("h", "k", "-")
	if got := r.Session.Listen.Poll[0].Reads; got != 2 {
		t.Fatalf("LinkedIn reads = %d, want 2", got)
	}
	r.WantView("LinkedIn", "[2]", "1 of 11 in the room create on at least one platform; 1 only read; 9 neither — an estimate from the show of hands.", "Social Technographics")
}

func TestPollTypedCount(t *testing.T) {
	r := newRig(t, session(), 80, 22)
	r.Keys("j", "right", "enter")
	if !r.M.Typing() {
		t.Fatal("enter should open a field to type the count")
	}
	r.WantView("Facebook — How many contribute or create on it?")
	r.Keys("backspace", "x7", "enter")
	r.WantView("type a whole number")
	r.Keys("backspace", "backspace", "-3", "enter")
	r.WantView("counts start at 0")
	if len(r.Edits) != 0 {
		t.Fatalf("an invalid count changed the session: %v", r.LastLabel())
	}
	r.Keys("backspace", "backspace", "7", "enter")
	if r.M.Typing() {
		t.Fatal("a valid count should close the field")
	}
	if got := r.Session.Listen.Poll[1].Creates; got != 7 {
		t.Fatalf("Facebook creates = %d, want 7", got)
	}
	if r.LastLabel() != "poll: Facebook creates 7" {
		t.Errorf("label = %q", r.LastLabel())
	}
	r.WantView("[7]", "7 of 11 in the room create")

	// A number typed as the field opens replaces the count, as in a
	// spreadsheet cell: 7, then 1, is 1, not 71.
	r.Keys("enter", "1", "enter")
	if got := r.Session.Listen.Poll[1].Creates; got != 1 {
		t.Fatalf("typing 1 over 7 gave %d", got)
	}
	// Moving the cursor first edits the number in place.
	r.Keys("enter", "left", "1", "enter")
	if got := r.Session.Listen.Poll[1].Creates; got != 11 {
		t.Fatalf("left, 1 on 1 gave %d", got)
	}
	r.Keys("enter", "7", "enter")

	r.Keys("enter", "backspace", "9", "esc")
	if got := r.Session.Listen.Poll[1].Creates; got != 7 || r.M.Typing() {
		t.Fatalf("esc should close the field and keep 7, got %d", got)
	}
}

func TestLadderWithoutParticipantsUsesTheLargestCount(t *testing.T) {
	s := session()
	s.Participants = nil
	s.Listen.Poll[0] = model.PollRow{Platform: "LinkedIn", Reads: 9, Creates: 2}
	s.Listen.Poll[2] = model.PollRow{Platform: "X", Reads: 4, Creates: 3}
	got := Ladder(s)
	if !strings.Contains(got, "3 of 9 in the room create on at least one platform; 6 only read — an estimate") {
		t.Errorf("ladder = %q", got)
	}
	if got := Ladder(session()); !strings.Contains(got, "no hands counted yet") {
		t.Errorf("an empty poll should say so: %q", got)
	}
}

func addConversation(r *rig, place, who string, surprise bool) {
	r.Keys("a", place, "tab")
	chooseVoice(r, who)
	r.Keys("tab", "negative", "tab", "high", "tab")
	if surprise {
		r.Keys("right")
	}
	r.Keys("tab", "They complain about waiting times.", "ctrl+s")
}

// chooseVoice picks who talks from the workshop's voices, or types it.
func chooseVoice(r *rig, who string) {
	if i := slices.Index(r.Session.Workshop.Listen.Voices, who); i >= 0 {
		for range i + 1 {
			r.Keys("right")
		}
		return
	}
	r.Keys("left", "tab", who)
}

func TestWhoTalksIsPickedOrTyped(t *testing.T) {
	r := newRig(t, session(), 100, 30)
	r.Keys("tab", "a", "Trade press", "tab")
	r.WantView("Who talks    ‹ (not known yet) ›")
	r.Keys("right", "right", "right")
	r.WantView("‹ press ›")
	r.Keys("right", "right")
	r.WantView("‹ type another… ›", "typed")
	r.Keys("tab", "bloggers", "ctrl+s")
	if got := r.Session.Listen.Inventory[0].Who; got != "bloggers" {
		t.Fatalf("who = %q, want the typed voice", got)
	}
	r.WantView("Trade press — bloggers")
	r.Keys("e")
	r.WantView("‹ type another… ›", "bloggers")
	r.Keys("esc")
}

func TestRowFlagsAppearAndClear(t *testing.T) {
	r := newRig(t, session(), 120, 30)
	r.Keys("l", "+")
	r.WantView("! creates > reads")
	r.Keys("h", "+")
	if strings.Contains(r.View(), "creates > reads") {
		t.Errorf("the flag should clear once reads catch up:\n%s", r.View())
	}
	r.Keys("enter", "ctrl+u", "12", "enter")
	r.WantView("[12]!", "! marks more hands than the 11 in the room")
	r.Keys("-")
	if strings.Contains(r.View(), "more hands") || strings.Contains(r.View(), "]!") {
		t.Errorf("the flag should clear at 11:\n%s", r.View())
	}

	r.Keys("tab", "a", "Forum", "tab", "right", "ctrl+s")
	r.WantView("Forum — customers  [missing: tone, volume]")
	r.Keys("e", "tab", "tab", "calm", "tab", "low", "ctrl+s")
	if strings.Contains(r.View(), "[missing") {
		t.Errorf("the flag should clear:\n%s", r.View())
	}
	r.Keys("tab", "a", "Ana", "ctrl+s")
	r.WantView("Ana  [missing: what they know]")
	r.Keys("e", "tab", "tab", "The forum regulars", "ctrl+s")
	if strings.Contains(r.View(), "[missing") {
		t.Errorf("the flag should clear:\n%s", r.View())
	}
}

func TestInventoryAddEditDeleteAndReorder(t *testing.T) {
	r := newRig(t, session(), 100, 30)
	r.Keys("tab")
	r.WantView("[ Inventory (0) ]", "Nothing listed yet")
	addConversation(r, "Review site", "customers", true)
	addConversation(r, "Staff forum", "employees", false)
	inv := r.Session.Listen.Inventory
	if len(inv) != 2 || inv[0].Place != "Review site" || !inv[0].Surprise || inv[1].Surprise || inv[1].Who != "employees" || inv[0].Notes != "They complain about waiting times." {
		t.Fatalf("inventory = %+v", inv)
	}
	if r.LastLabel() != "added conversation: Staff forum" {
		t.Errorf("label = %q", r.LastLabel())
	}
	r.WantView("! Review site — customers, negative, high  [surprise]", "• Staff forum", "1 came as a surprise")

	// The new entry is selected; edit it.
	r.Keys("e", "end", "ctrl+u", "Intranet", "ctrl+s")
	if got := r.Session.Listen.Inventory[1].Place; got != "Intranet" {
		t.Fatalf("edited place = %q, want Intranet", got)
	}
	if r.LastLabel() != "edited conversation: Intranet" {
		t.Errorf("label = %q", r.LastLabel())
	}

	// A cancelled edit changes nothing.
	n := len(r.Edits)
	r.Keys("enter", "more", "esc", "esc")
	if len(r.Edits) != n || r.Session.Listen.Inventory[1].Place != "Intranet" || r.M.Typing() {
		t.Fatalf("esc should leave the entry as it was: %+v", r.Session.Listen.Inventory[1])
	}

	// The required place is enforced.
	r.Keys("a", "ctrl+s")
	r.WantView("required")
	r.Keys("esc")
	if len(r.Session.Listen.Inventory) != 2 {
		t.Fatalf("an empty place was added")
	}

	// Move the intranet up, then down again.
	r.Keys("K")
	if r.Session.Listen.Inventory[0].Place != "Intranet" || r.LastLabel() != "moved conversation up: Intranet" {
		t.Fatalf("after K: %+v (%q)", r.Session.Listen.Inventory, r.LastLabel())
	}
	r.Keys("K")
	if r.Session.Listen.Inventory[0].Place != "Intranet" {
		t.Fatal("K on the first entry should leave it first")
	}
	r.Keys("J")
	if r.Session.Listen.Inventory[1].Place != "Intranet" {
		t.Fatalf("after J: %+v", r.Session.Listen.Inventory)
	}

	// Delete asks first; n keeps, esc keeps, y deletes the selected entry.
	r.Keys("d")
	r.WantView("Delete this conversation?", "Intranet")
	r.Keys("n")
	r.Keys("d", "esc")
	if len(r.Session.Listen.Inventory) != 2 || r.M.Typing() {
		t.Fatal("n and esc should keep the entry")
	}
	r.Keys("d", "y")
	if inv := r.Session.Listen.Inventory; len(inv) != 1 || inv[0].Place != "Review site" {
		t.Fatalf("after delete: %+v", inv)
	}
	if r.LastLabel() != "deleted conversation: Intranet" {
		t.Errorf("label = %q", r.LastLabel())
	}
	r.WantView("Inventory (1, 1 !)", "Review site")
}

func TestSurpriseMarkerAppearsAndClears(t *testing.T) {
	r := newRig(t, session(), 80, 22)
	r.Keys("tab")
	addConversation(r, "Hashtag #slowbank", "critics", true)
	r.WantView("! Hashtag #slowbank", "[surprise]")
	r.Keys("e", "tab", "tab", "tab", "tab", "left", "ctrl+s")
	if r.Session.Listen.Inventory[0].Surprise {
		t.Fatal("the surprise should be cleared")
	}
	if v := r.View(); strings.Contains(v, "[surprise]") || strings.Contains(v, "! Hashtag") {
		t.Errorf("the surprise marker should be gone:\n%s", v)
	}
}

func TestApplyIsSafeWhenTheListChanged(t *testing.T) {
	r := newRig(t, session(), 80, 22)
	r.Keys("tab")
	addConversation(r, "Forum", "customers", false)
	_, cmd := r.M.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("d")})
	if cmd != nil {
		t.Fatal("d should only ask")
	}
	_, cmd = r.M.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
	edit := cmd().(common.EditMsg)
	r.Session.Listen.Inventory = nil
	edit.Apply(r.Session) // must not panic on a list that shrank meanwhile
	_, cmd = r.M.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("+")})
	if cmd != nil {
		t.Fatal("+ on the inventory pane should do nothing")
	}
	s := session()
	r2 := newRig(t, s, 80, 22)
	_, cmd = r2.M.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("+")})
	s.Listen.Poll = nil
	cmd().(common.EditMsg).Apply(s)
}

func TestExpertsAddAndEdit(t *testing.T) {
	r := newRig(t, session(), 80, 22)
	r.Keys("shift+tab")
	r.WantView("[ Experts (0) ]", "Nobody named yet")
	r.Keys("a", "tab", "IT", "ctrl+s")
	r.WantView("required")
	r.Keys("esc", "esc")
	if len(r.Session.Listen.Experts) != 0 {
		t.Fatal("an expert without a name was added")
	}
	r.Keys("a", "Ana Ruiz", "tab", "Customer support", "tab", "Runs the support forum.\nKnows the regulars.", "ctrl+s")
	ex := r.Session.Listen.Experts
	if len(ex) != 1 || ex[0].Name != "Ana Ruiz" || ex[0].Department != "Customer support" || ex[0].Knows != "Runs the support forum.\nKnows the regulars." {
		t.Fatalf("experts = %+v", ex)
	}
	if r.LastLabel() != "added expert: Ana Ruiz, now a participant too" {
		t.Errorf("label = %q", r.LastLabel())
	}
	r.WantView("› • Ana Ruiz (Customer support) — Runs the support forum.", "What Ana Ruiz knows:", "Knows the regulars.")
}

func TestEscLeavesDataUnchanged(t *testing.T) {
	r := newRig(t, session(), 80, 22)
	for _, ks := range [][]string{
		{"enter", "backspace", "5", "esc"},
		{"tab", "a", "Somewhere", "tab", "someone", "esc", "esc"},
		{"tab", "a", "Ana", "esc", "esc"},
	} {
		r.Keys(ks...)
		if r.M.Typing() {
			t.Fatalf("%v: esc should close the form", ks)
		}
	}
	if len(r.Edits) != 0 || r.Session.Listen.Poll[0].Reads != 0 || len(r.Session.Listen.Inventory) != 0 || len(r.Session.Listen.Experts) != 0 {
		t.Fatalf("esc changed the session: %v", r.Edits)
	}
	// With nothing open, esc is the root's.
	_, cmd := r.M.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if cmd != nil || r.M.Typing() {
		t.Fatal("esc with nothing open should be left to the root")
	}
}

func TestUserTextIsCleanedAndDrawnSafely(t *testing.T) {
	r := newRig(t, session(), 80, 22)
	r.Keys("tab", "a", "Forum\x1b[31m \xff", "ctrl+s")
	if got := r.Session.Listen.Inventory[0].Place; !utf8.ValidString(got) || strings.Contains(got, "\x1b") || !strings.HasPrefix(got, "Forum") {
		t.Fatalf("place not cleaned: %q", got)
	}
	if strings.Contains(r.M.View(), "\x1b[31m") {
		t.Error("an escape sequence typed by a user reached the screen")
	}
}

// filled is the sample room: a counted poll, three conversations (one a
// surprise) and two experts.
func filled() *model.Session {
	s := session()
	counts := [][2]int{{9, 3}, {7, 1}, {4, 2}, {8, 0}}
	for i, c := range counts {
		s.Listen.Poll[i].Reads, s.Listen.Poll[i].Creates = c[0], c[1]
	}
	s.Listen.Inventory = []model.Conversation{
		{Place: "Review sites", Who: "customers", Tone: "mixed", Volume: "high", Notes: "Slow refunds come up every week."},
		{Place: "Hashtag #slowbank", Who: "critics", Tone: "negative", Volume: "medium", Surprise: true, Notes: "Nobody in the room had seen it."},
		{Place: "Staff forum", Who: "employees", Tone: "positive", Volume: "low"},
	}
	s.Listen.Experts = []model.Expert{
		{Name: "Ana Ruiz", Department: "Customer support", Knows: "Runs the support forum and knows its regulars."},
		{Name: "Tom Berg", Department: "IT", Knows: "Set up the company's first blog."},
	}
	return s
}

func TestGoldenViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		w, h := size[0], size[1]
		sz := "-" + strconv.Itoa(w) + "x" + strconv.Itoa(h)
		r := newRig(t, filled(), w, h)
		r.Keys("j", "l")
		screentest.Golden(t, "poll"+sz, r.View())
		r.Keys("enter")
		screentest.Golden(t, "poll-count"+sz, r.View())
		r.Keys("esc", "tab", "j")
		screentest.Golden(t, "inventory"+sz, r.View())
		r.Keys("e")
		screentest.Golden(t, "inventory-form"+sz, r.View())
		r.Keys("esc", "d")
		screentest.Golden(t, "inventory-delete"+sz, r.View())
		r.Keys("esc", "tab")
		screentest.Golden(t, "experts"+sz, r.View())
	}
}

func TestEverySizeFits(t *testing.T) {
	s := modeltest.Large()
	s.Listen.Inventory[0].Place = "A very long place name\twith a tab and a line\nbreak " + strings.Repeat("wide 漢字 ", 30)
	r := newRig(t, s, 80, 24)
	states := []struct {
		name string
		keys []string
	}{
		{"poll", nil},
		{"poll-count", []string{"enter"}},
		{"inventory", []string{"esc", "tab"}},
		{"inventory-form", []string{"e"}},
		{"inventory-delete", []string{"esc", "d"}},
		{"experts", []string{"esc", "tab", "G"}},
		{"experts-form", []string{"a"}},
	}
	for _, st := range states {
		r.Keys(st.keys...)
		for w := 0; w <= 300; w += 7 {
			for h := 0; h <= 80; h += 5 {
				r.M.SetSize(w, h)
				v := r.M.View()
				screentest.Fits(t, st.name, v, w, h)
			}
		}
	}
}

func TestLongListsScrollToTheSelection(t *testing.T) {
	s := modeltest.Large()
	s.Listen.Inventory[29].Place = "The last place"
	r := newRig(t, s, 80, 16)
	r.Keys("tab")
	if strings.Contains(r.View(), "The last place") {
		t.Fatal("the last of 30 conversations should be off a 16-line screen")
	}
	r.Keys("G")
	r.WantView("› ", "The last place")
	if n := strings.Count(r.View(), "\n") + 1; n > 16 {
		t.Fatalf("%d lines on a 16-line screen", n)
	}
	r.Keys("g", "pgdown")
	if r.M.inv == 0 {
		t.Fatal("page down should move the selection")
	}
}

// TestExpertsArePickedFromTheParticipants: an expert is a participant,
// picked with the department they are in; a name typed instead joins the
// participants with the department given, in the same edit.
func TestExpertsArePickedFromTheParticipants(t *testing.T) {
	s := session()
	s.Participants[1].Department = "Customer support"
	r := newRig(t, s, 80, 22)
	r.Keys("shift+tab", "a")
	r.WantView("‹ (pick a participant) ›")
	r.Keys("right", "right")
	r.WantView("‹ Person 2 ›", "Customer support")
	r.Keys("tab", "tab", "Runs the forum.", "ctrl+s")
	if ex := r.Session.Listen.Experts; len(ex) != 1 || ex[0].Name != "Person 2" || ex[0].Department != "Customer support" {
		t.Fatalf("experts = %+v", ex)
	}
	if n := len(r.Session.Participants); n != 11 {
		t.Fatalf("picking a participant added one: %d participants", n)
	}

	// Typing on the choice starts someone new.
	r.Keys("a", "Zoe Quinn", "tab", "Legal", "ctrl+s")
	p := r.Session.Participants
	if len(p) != 12 || p[11] != (model.Participant{Name: "Zoe Quinn", Department: "Legal"}) || len(r.Edits) != 2 {
		t.Fatalf("the new expert should join the participants in one edit: %d edits, %+v", len(r.Edits), p[len(p)-1])
	}
	// A participant's name typed in another case is that participant.
	r.Keys("a", "person 3", "ctrl+s")
	if ex := r.Session.Listen.Experts; ex[2].Name != "Person 3" || len(r.Session.Participants) != 12 {
		t.Fatalf("expert %+v, %d participants", ex[2], len(r.Session.Participants))
	}
}

// A count too high for the room marks its own cell; the bars of every
// platform stay, and a platform creating more than it reads says so in
// full even beside it, at 80 columns.
func TestPollFlagsKeepTheBars(t *testing.T) {
	s := session()
	s.Listen.Poll[0].Reads, s.Listen.Poll[0].Creates = 10, 12
	s.Listen.Poll[1].Reads, s.Listen.Poll[1].Creates = 14, 3
	s.Listen.Poll[2].Reads, s.Listen.Poll[2].Creates = 4, 2
	r := newRig(t, s, 80, 24)
	r.WantView("! marks more hands than the 11 in the room")
	rows := map[string]string{}
	for _, l := range strings.Split(r.View(), "\n") {
		for _, p := range s.Listen.Poll[:3] {
			if strings.HasPrefix(strings.TrimLeft(l, "› "), p.Platform+" ") {
				rows[p.Platform] = l
			}
		}
	}
	want := map[string][]string{
		s.Listen.Poll[0].Platform: {"12 !", "! creates > reads"},
		s.Listen.Poll[1].Platform: {"14 !"},
		s.Listen.Poll[2].Platform: {" 4 ", " 2 "},
	}
	for name, parts := range want {
		row := rows[name]
		if strings.Count(row, "█") < 2 {
			t.Errorf("%s lost its bars: %q", name, row)
		}
		for _, p := range parts {
			if !strings.Contains(row, p) {
				t.Errorf("%s: %q lacks %q", name, row, p)
			}
		}
	}
	if strings.Contains(rows[s.Listen.Poll[2].Platform], "!") {
		t.Errorf("a platform whose counts add up is flagged: %q", rows[s.Listen.Poll[2].Platform])
	}
	r.WantView("[ Poll (" + strconv.Itoa(len(s.Listen.Poll)) + " platforms) ]")
}
