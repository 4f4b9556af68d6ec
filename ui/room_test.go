package ui

import (
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/room"
)

// roomHarness is an open session whose live room listens on loopback.
// Pictures of the room reach the program when the test pushes them, as the
// room's waiting command would deliver them.
func roomHarness(t *testing.T) *harness {
	t.Helper()
	h := opened(t, 100, 30)
	h.app.opts.RoomAddr = "127.0.0.1:0"
	h.app.opts.RoomLog = t.TempDir() + "/room.log"
	h.app.roomWait = func(*room.Server, uint64) tea.Cmd { return nil }
	t.Cleanup(h.app.stopRoom)
	h.keys("R")
	h.wantScreen("Open the live room?", "Anyone on the same network can")
	h.keys("o")
	h.wantScreen("Live room", "Join at http://127.0.0.1:", "room code")
	return h
}

// push hands the program the room as it is now.
func (h *harness) push() {
	h.t.Helper()
	s := h.app.room.server
	h.send(room.Pushed{From: s, Update: s.Update()})
}

// phone is a participant's browser.
type phone struct {
	t    *testing.T
	base string
	c    *http.Client
}

func (h *harness) phone(name, dept string) *phone {
	h.t.Helper()
	jar, _ := cookiejar.New(nil)
	p := &phone{t: h.t, base: h.app.room.server.URL(), c: &http.Client{Jar: jar, Timeout: 5 * time.Second}}
	code := regexp.MustCompile(`room code (\d{6})`).FindStringSubmatch(h.screen())
	if code == nil {
		h.t.Fatalf("no room code on the screen:\n%s", h.screen())
	}
	if st, body := p.post("/join", url.Values{"code": {code[1]}, "name": {name}, "department": {dept}}); st != 200 || !strings.Contains(body, "In the room as") {
		h.t.Fatalf("joining: %d %s", st, body)
	}
	return p
}

func (p *phone) post(path string, form url.Values) (int, string) {
	p.t.Helper()
	res, err := p.c.PostForm(p.base+path, form)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// answer sends an answer to the open activity, reading its number from
// the phone's page.
func (p *phone) answer(form url.Values) {
	p.t.Helper()
	res, err := p.c.Get(p.base + "/")
	if err != nil {
		p.t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	seq := regexp.MustCompile(`name="seq" value="(\d+)"`).FindStringSubmatch(string(b))
	if seq == nil {
		p.t.Fatalf("no open activity on the phone:\n%s", b)
	}
	form.Set("seq", seq[1])
	if st, body := p.post(p.path(form), form); st != 200 {
		p.t.Fatalf("answering %v: %d %s", form, st, body)
	}
}

func (p *phone) path(form url.Values) string {
	if form.Has("kind") {
		return "/submit"
	}
	return "/answer"
}

func TestRoomPollCountsLiveAndClosingIsOneUndoableChange(t *testing.T) {
	h := roomHarness(t)
	ana := h.phone("Ana", "other")
	h.push()
	h.wantScreen("People (1)", "Ana · other")
	h.keys("o", "p", "a")
	h.wantScreen("Show-of-hands poll (anonymous): 0 of 1 phone answered")
	ana.answer(url.Values{"reads": {"0"}, "creates": {"0", "1"}})
	h.push()
	h.wantScreen("1 of 1 phone answered", "LinkedIn                reads   1  creates   1")
	if h.sess().Listen.Poll[0].Reads != 0 {
		t.Fatal("an answer changed the session before the poll closed")
	}
	h.keys("c")
	h.wantScreen("Poll closed: the counts of 1 phone are in the poll.")
	p := h.sess().Listen.Poll
	if p[0].Reads != 1 || p[0].Creates != 1 || p[1].Creates != 1 || len(h.sess().Room) != 1 || h.app.open.rev == h.app.open.savedRev {
		t.Fatalf("after closing: poll %+v, record %+v", p[:2], h.sess().Room)
	}
	h.keys("u")
	if h.sess().Listen.Poll[0].Reads != 0 || len(h.sess().Room) != 0 {
		t.Fatal("u did not take the poll's result back")
	}
	h.keys("esc")
	h.wantScreen("Join at http://127.0.0.1:", "1 joined", "R: room", "Listen first")
}

func TestRoomDotVoteStaysHiddenUntilRevealed(t *testing.T) {
	h := roomHarness(t)
	h.send(common.EditMsg{Label: "objectives", Apply: func(s *model.Session) {
		s.Objectives.Items = append(s.Objectives.Items, model.Objective{Title: "Engage customers"}, model.Objective{Title: "Support"})
		s.Objectives.VotesPerParticipant = 3
	}})
	ana := h.phone("Ana", "other")
	h.keys("o", "v", "n")
	ana.answer(url.Values{"dots0": {"1"}, "dots1": {"2"}})
	h.push()
	h.wantScreen("Dot vote (named): 1 of 1 phone answered", "The dots stay hidden until you reveal them: 3 placed so far.")
	h.dontWantScreen("Engage customers    1", "Support")
	h.keys("c")
	h.wantScreen("Closed: Dot vote (named)", "Engage customers    1", "Support             2 ■■", "Answered: Ana")
	items := h.sess().Objectives.Items
	if items[len(items)-2].Votes != 1 || items[len(items)-1].Votes != 2 {
		t.Fatalf("votes %+v", items)
	}
	if b := h.sess().Room[0].Ballots; len(b) != 1 || b[0].Name != "Ana" {
		t.Fatalf("a named vote's record %+v", h.sess().Room)
	}
}

func TestRoomSubmissionsAreAcceptedEditedOrRejected(t *testing.T) {
	h := roomHarness(t)
	ana := h.phone("Ana", "other")
	h.keys("o", "s", "n")
	ana.answer(url.Values{"kind": {"parking"}, "note": {"Who pays for \x1b[31mtools?"}})
	ana.answer(url.Values{"kind": {"conversation"}, "place": {"Trustpilot"}, "tone": {"negative"}})
	ana.answer(url.Values{"kind": {"parking"}, "note": {"spam"}})
	h.push()
	h.keys("tab")
	h.wantScreen("[Inbox (3)]", "› Parking lot: Who pays for [31mtools? — Ana", "Conversation: Trustpilot · negative — Ana")
	h.keys("enter")
	if n := h.sess().Parking; len(n) != 1 || n[0].From != "Ana" || !strings.Contains(string(n[0].Text), "tools?") {
		t.Fatalf("parking %+v", n)
	}
	before := len(h.sess().Listen.Inventory)
	h.keys("e", "ctrl+u", "Reddit", "ctrl+s")
	inv := h.sess().Listen.Inventory
	if len(inv) != before+1 || inv[before].Place != "Reddit" || inv[before].Tone != "negative" {
		t.Fatalf("the edited conversation: %+v", inv[before:])
	}
	// ctrl+c asks once before dropping an edited submission.
	h.keys("e", "ctrl+u", "changed")
	h.keys("ctrl+c")
	h.wantScreen("This form is not saved")
	if h.quit {
		t.Fatal("ctrl+c quit with an edited submission, without asking")
	}
	h.keys("esc")
	h.keys("d")
	h.wantScreen("Reject this submission?")
	h.keys("y")
	h.wantScreen("Rejected; the session is unchanged.", "[Inbox (0)]")
	if len(h.sess().Parking) != 1 {
		t.Fatal("a rejected note reached the session")
	}
	h.keys("u")
	if len(h.sess().Listen.Inventory) != before {
		t.Fatal("u did not take the accepted conversation back")
	}
}

func TestRoomRemoveLockAndNewCode(t *testing.T) {
	h := roomHarness(t)
	h.phone("Ana", "other")
	h.push()
	code := h.app.room.panel.Room().Code
	h.keys("N")
	if h.app.room.panel.Room().Code == code {
		t.Fatal("N kept the code")
	}
	h.wantScreen("New room code " + h.app.room.panel.Room().Code)
	h.keys("L")
	h.wantScreen("Locked: nobody new can join")
	h.keys("x")
	h.wantScreen("Remove Ana from the room?")
	h.keys("y")
	h.wantScreen("Nobody has joined yet.")
}

func TestRoomNeedsASessionOpenForChanges(t *testing.T) {
	h := newHarness(t, 80, 24)
	s := h.create("Look only", "Acme")
	h.send(common.OpenMsg{Ref: s.ID, ReadOnly: true})
	h.keys("R")
	h.wantScreen("the live room needs a session open for changes")
	if h.app.room != nil || h.app.dialog != nil {
		t.Fatal("a read-only session opened a room")
	}
}

func TestLeavingTheSessionClosesTheRoom(t *testing.T) {
	h := roomHarness(t)
	url := h.app.room.server.URL()
	h.keys("esc", "esc")
	h.deliverTicks()
	if h.app.room != nil {
		t.Fatal("the room outlived its session")
	}
	c := &http.Client{Timeout: time.Second}
	if res, err := c.Get(url + "/"); err == nil {
		res.Body.Close()
		t.Fatalf("the room still answers after the session closed: %d", res.StatusCode)
	}
}

func TestRoomPanelFitsEverySize(t *testing.T) {
	h := roomHarness(t)
	h.phone("Ana with a very long name indeed", "other")
	h.keys("o", "r", "a")
	h.push()
	for _, w := range []int{40, 41, 60, 79, 80, 120, 300} {
		for _, hh := range []int{12, 13, 24, 45, 80} {
			h.size(w, hh)
			checkFits(t, h.app.View(), w, hh, fmt.Sprintf("room panel %d×%d", w, hh))
			h.keys("esc")
			checkFits(t, h.app.View(), w, hh, fmt.Sprintf("join line %d×%d", w, hh))
			h.keys("R")
		}
	}
}

func TestRoomRatingsShowEachSidesSpreadAndTheGap(t *testing.T) {
	h := roomHarness(t)
	h.send(common.EditMsg{Label: "people", Apply: func(s *model.Session) {
		s.Participants = []model.Participant{{Name: "Ivo", Department: "IT"}, {Name: "Mia", Department: "Marketing"}}
		s.Workshop.Assessment.Practices = []model.Practice{{ID: "listen", Title: "Listen first"}}
	}})
	h.phone("Ivo", "IT") // in the room, not answering
	ivo, mia := h.phone("Ivo 2", "IT"), h.phone("Mia", "Marketing")
	h.keys("o", "r", "a")
	ivo.answer(url.Values{"rate0": {"4"}})
	mia.answer(url.Values{"rate0": {"2"}})
	h.push()
	h.wantScreen("2 of 3 phones answered", "Listen first  IT 4.0 (4–4, 1) · business 2.0 (2–2, 1) · gap 2.0")
	h.keys("c")
	if r := h.sess().Assessment; len(r) == 0 || r[len(r)-1].IT != 4 || r[len(r)-1].Business != 2 {
		t.Fatalf("ratings %+v", r)
	}
}

// TestARoomStartedForOneSessionIsNeverAnothers: the room open --room
// started belongs to that session; if another one opens instead (the first
// was refused), the room closes rather than serving the wrong session.
func TestARoomStartedForOneSessionIsNeverAnothers(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.create("Other session", "Acme")
	h.reload()
	s, err := room.Start(room.Config{Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	h.app.opts.Room = s
	h.app.roomWait = func(*room.Server, uint64) tea.Cmd { return nil }
	h.keys("enter")
	if h.sess() == nil || h.app.room != nil {
		t.Fatalf("session %v, room %v", h.sess() != nil, h.app.room != nil)
	}
	c := &http.Client{Timeout: time.Second}
	if res, err := c.Get(s.URL() + "/"); err == nil {
		res.Body.Close()
		t.Fatal("the room still serves after another session opened")
	}
}

// TestTheProjectorIsToldHowToJoin: the room's address and code, a new code
// and a lock reach the session for the projector to show, and are not a
// change the room could undo.
func TestTheProjectorIsToldHowToJoin(t *testing.T) {
	h := roomHarness(t)
	j := h.sess().Projector.Join
	if j.URL != h.app.room.server.URL() || j.Code != h.app.room.panel.Room().Code || len(j.Code) != 6 || j.Locked {
		t.Fatalf("joining as written for the projector: %+v", j)
	}
	h.keys("N")
	h.push()
	if got, want := h.sess().Projector.Join.Code, h.app.room.panel.Room().Code; got != want || got == j.Code {
		t.Fatalf("after a new code the projector has %q, the room %q (was %q)", got, want, j.Code)
	}
	h.keys("L")
	h.push()
	if !h.sess().Projector.Join.Locked {
		t.Fatal("the projector still invites phones into a locked room")
	}
	h.keys("u")
	h.wantScreen("Nothing to undo.")
}
