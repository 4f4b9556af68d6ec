package room

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/roundtable/roundtable/model"
)

func session() *model.Session {
	s := &model.Session{
		Participants: []model.Participant{{Name: "Ana", Department: "Marketing"}, {Name: "Raj", Department: "IT"},
			{Name: "Li", Department: "marketing"}, {Name: "Sam", Department: " "}},
	}
	s.Listen.Poll = []model.PollRow{{Platform: "LinkedIn", Reads: 9}, {Platform: "Forums"}}
	s.Objectives.Items = []model.Objective{{Title: "Listen"}, {Title: "Support", Votes: 4}}
	s.Objectives.VotesPerParticipant = 3
	s.Workshop.Assessment.Practices = []model.Practice{{ID: "listen-first", Title: "Listen first"}, {ID: "own", Title: "Own it"}}
	s.Workshop.Listen.Voices = []string{"customers", "press"}
	return s
}

// joined is a room with Ana (Marketing) and Raj (IT) in, tokens "a" and "r".
func joined(t *testing.T) *Room {
	t.Helper()
	r := New("123456", Departments(session()))
	for _, p := range [][3]string{{"a", "Ana", "Marketing"}, {"r", "Raj", "IT"}} {
		if _, err := r.Join(p[0], "123456", p[1], p[2]); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func TestDepartmentsComeFromTheParticipantsOnceEach(t *testing.T) {
	r := New("1", Departments(session()))
	if got, want := r.DepartmentChoices(), []string{"Marketing", "IT", Other}; !reflect.DeepEqual(got, want) {
		t.Fatalf("choices %q, want %q", got, want)
	}
}

func TestJoin(t *testing.T) {
	r := joined(t)
	for _, c := range []struct {
		name                   string
		token, code, who, dept string
		want                   error
		wantText               string
	}{
		{name: "wrong code", token: "x", code: "654321", who: "Bo", dept: "IT", want: ErrWrongCode},
		{name: "no code", token: "x", code: "", who: "Bo", dept: "IT", want: ErrWrongCode},
		{name: "no name", token: "x", code: "123456", who: " \x00 ", dept: "IT", wantText: "type your name"},
		{name: "long name", token: "x", code: "123456", who: strings.Repeat("é", MaxName+1), dept: "IT", wantText: "keep it to 40"},
		{name: "department not offered", token: "x", code: "123456", who: "Bo", dept: "Legal", wantText: "pick your department"},
		{name: "a name taken", token: "x", code: "123456", who: " ana ", dept: "IT", wantText: "joined as ana already"},
		{name: "a phone already in needs no code", token: "a", code: "", who: "Other", dept: "x"},
		{name: "other department", token: "y", code: " 123456 ", who: "Bo", dept: "OTHER"},
	} {
		_, err := r.Join(c.token, c.code, c.who, c.dept)
		switch {
		case c.want != nil && !errors.Is(err, c.want):
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		case c.wantText != "" && (err == nil || !strings.Contains(err.Error(), c.wantText)):
			t.Errorf("%s: %v, want an error saying %q", c.name, err, c.wantText)
		case c.want == nil && c.wantText == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		}
	}
	if m, _ := r.Member("a"); m.Name != "Ana" {
		t.Errorf("rejoining changed the member to %+v", m)
	}
	if m, _ := r.Member("y"); m.Department != Other {
		t.Errorf("department %q, want the offered spelling %q", m.Department, Other)
	}
	r.SetLocked(true)
	if _, err := r.Join("z", "123456", "Zed", "IT"); !errors.Is(err, ErrLocked) {
		t.Errorf("joining a locked room: %v", err)
	}
	if _, err := r.Join("a", "", "", ""); err != nil {
		t.Errorf("a phone already in cannot come back to a locked room: %v", err)
	}
	r.SetLocked(false)
	r.SetCode("999999")
	if _, err := r.Join("z", "123456", "Zed", "IT"); !errors.Is(err, ErrWrongCode) {
		t.Errorf("the old code still works: %v", err)
	}
	if _, err := r.Join("z", "999999", "Zed", "IT"); err != nil {
		t.Errorf("the new code: %v", err)
	}
	if got := len(r.Members()); got != 4 {
		t.Errorf("%d members, want 4", got)
	}
}

func TestRoomTakesAtMostMaxMembers(t *testing.T) {
	r := New("1", nil)
	for i := range MaxMembers {
		if _, err := r.Join(fmt.Sprint(i), "1", fmt.Sprint("p", i), Other); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.Join("last", "1", "last", Other); !errors.Is(err, ErrFull) {
		t.Fatalf("one more: %v", err)
	}
}

func TestSideOf(t *testing.T) {
	for dept, want := range map[string]Side{
		"IT": IT, "it": IT, "IT operations": IT, "Information Technology": IT, "Technology": IT, "Group IT": IT,
		"Marketing": Business, "Legal": Business, "Digital": Business, "Community": Business, "Editorial": Business,
		"": Business, "other": Business, "Exit team": Business,
	} {
		if got := SideOf(dept); got != want {
			t.Errorf("SideOf(%q) = %v, want %v", dept, got, want)
		}
	}
}

func TestAnswersAreCheckedAgainstTheActivity(t *testing.T) {
	r := joined(t)
	if err := r.Answer("a", 1, []int{1, 0}); !errors.Is(err, ErrNothingOpen) {
		t.Fatalf("answer with nothing open: %v", err)
	}
	a, err := DotsOf(session(), true)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Open(a); err != nil {
		t.Fatal(err)
	}
	if err := r.Open(a); !errors.Is(err, ErrActivityOpen) {
		t.Fatalf("a second activity opened: %v", err)
	}
	_, seq, _ := r.Current()
	for _, c := range []struct {
		token   string
		seq     int
		answers []int
		want    string
	}{
		{"a", seq, []int{2, 2}, "you have 3 dots and this places 4"},
		{"a", seq, []int{-1, 0}, "not one of the choices"},
		{"a", seq, []int{1}, ErrWrongActivity.Error()},
		{"a", seq + 1, []int{1, 0}, ErrWrongActivity.Error()},
		{"nobody", seq, []int{1, 0}, ErrNotJoined.Error()},
	} {
		if err := r.Answer(c.token, c.seq, c.answers); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %v: %v, want %q", c.token, c.answers, err, c.want)
		}
	}
	if err := r.Answer("a", seq, []int{3, 0}); err != nil {
		t.Fatal(err)
	}
	if v, _ := r.Phone("a"); v.DotsLeft != 0 || !reflect.DeepEqual(v.Answers, []int{3, 0}) {
		t.Errorf("the phone shows %+v", v)
	}
}

func TestEachPhoneCountsOnceAndAChangedAnswerReplacesTheOld(t *testing.T) {
	r := joined(t)
	a, _ := PollOf(session(), false)
	_ = r.Open(a)
	_, seq, _ := r.Current()
	for _, ans := range [][]int{{Reads, 0}, {Reads + Creates, Reads}, {Reads, Reads}} {
		if err := r.Answer("a", seq, ans); err != nil {
			t.Fatal(err)
		}
	}
	_ = r.Answer("r", seq, []int{Creates, 0})
	tally, _ := r.Tally()
	if want := []PollCount{{Reads: 1, Creates: 1}, {Reads: 1}}; !reflect.DeepEqual(tally.Poll, want) {
		t.Fatalf("poll %+v, want %+v", tally.Poll, want)
	}
	if tally.Answered != 2 || tally.Joined != 2 || !reflect.DeepEqual(tally.Who, []string{"Ana", "Raj"}) {
		t.Fatalf("answered %d of %d, who %v", tally.Answered, tally.Joined, tally.Who)
	}
	r.Remove(1)
	if tally, _ = r.Tally(); tally.Answered != 1 || tally.Poll[1].Reads != 0 {
		t.Fatalf("a removed phone's answer still counts: %+v", tally)
	}
}

func TestDotVoteStaysHiddenUntilClosed(t *testing.T) {
	r := joined(t)
	a, _ := DotsOf(session(), true)
	_ = r.Open(a)
	_, seq, _ := r.Current()
	_ = r.Answer("a", seq, []int{1, 2})
	_ = r.Answer("r", seq, []int{0, 3})
	tally, _ := r.Tally()
	if !tally.Hidden || tally.Dots != nil || tally.Answered != 2 {
		t.Fatalf("an open dot vote shows %+v", tally)
	}
	res, ok := r.Close()
	if !ok || res.Hidden || !reflect.DeepEqual(res.Dots, []int{1, 5}) {
		t.Fatalf("the closed vote shows %+v", res.Tally)
	}
	if _, open := r.Tally(); open {
		t.Fatal("the vote is still open after closing")
	}
	if err := r.Answer("a", seq, []int{1, 0}); !errors.Is(err, ErrNothingOpen) {
		t.Fatalf("an answer after closing: %v", err)
	}
	s := session()
	res.Apply(s, time.Date(2026, 3, 14, 10, 0, 0, 5, time.FixedZone("x", 3600)))
	if s.Objectives.Items[0].Votes != 1 || s.Objectives.Items[1].Votes != 5 {
		t.Fatalf("votes %+v", s.Objectives.Items)
	}
	want := model.RoomRecord{Activity: "dots", Anonymous: true, Closed: time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC), Answered: 2}
	if !reflect.DeepEqual(s.Room, []model.RoomRecord{want}) {
		t.Fatalf("record %+v, want %+v", s.Room, want)
	}
}

func TestAnonymousActivitiesNameNobody(t *testing.T) {
	for _, anonymous := range []bool{true, false} {
		r := joined(t)
		a, _ := RatingsOf(session(), anonymous)
		_ = r.Open(a)
		_, seq, _ := r.Current()
		_ = r.Answer("a", seq, []int{4, 0})
		_ = r.Answer("r", seq, []int{2, 5})
		tally, _ := r.Tally()
		res, _ := r.Close()
		s := session()
		res.Apply(s, time.Time{})
		text := fmt.Sprintf("%+v %+v %+v", tally, res, s.Room)
		named := strings.Contains(text, "Ana") || strings.Contains(text, "Marketing")
		if named == anonymous {
			t.Errorf("anonymous %v: the tallies and results %s Ana: %s", anonymous, map[bool]string{true: "name", false: "do not name"}[named], text)
		}
		if !anonymous {
			want := []model.RoomBallot{{Name: "Ana", Department: "Marketing", Answers: []string{"Listen first: 4"}},
				{Name: "Raj", Department: "IT", Answers: []string{"Listen first: 2", "Own it: 5"}}}
			if !reflect.DeepEqual(s.Room[0].Ballots, want) {
				t.Errorf("ballots %+v, want %+v", s.Room[0].Ballots, want)
			}
		}
	}
}

func TestRatingsKeepEachSidesSpreadAndTheGap(t *testing.T) {
	r := New("1", []string{"IT", "Marketing", "Sales"})
	for i, d := range []string{"IT", "IT", "Marketing", "Sales", "Marketing"} {
		_, _ = r.Join(fmt.Sprint(i), "1", fmt.Sprint("p", i), d)
	}
	a, _ := RatingsOf(session(), true)
	_ = r.Open(a)
	_, seq, _ := r.Current()
	for i, ans := range [][]int{{1, 0}, {4, 0}, {5, 0}, {5, 3}, {2, 0}} {
		if err := r.Answer(fmt.Sprint(i), seq, ans); err != nil {
			t.Fatal(err)
		}
	}
	tally, _ := r.Tally()
	sp := tally.Ratings[0]
	if sp.IT != (Spread{1, 0, 0, 1, 0}) || sp.Business != (Spread{0, 1, 0, 0, 2}) {
		t.Fatalf("spread %+v", sp)
	}
	if lo, hi := sp.IT.Range(); lo != 1 || hi != 4 {
		t.Errorf("IT's range %d–%d, want 1–4", lo, hi)
	}
	if gap, ok := sp.Gap(); !ok || fmt.Sprintf("%.2f", gap) != "1.50" {
		t.Errorf("gap %v %v, want 1.50 (IT 2.5, business 4)", gap, ok)
	}
	if _, ok := tally.Ratings[1].Gap(); ok {
		t.Error("a gap for a practice IT did not rate")
	}
	res, _ := r.Close()
	s := session()
	s.Assessment = []model.Rating{{Practice: "own", IT: 2}}
	res.Apply(s, time.Time{})
	want := []model.Rating{{Practice: "own", IT: 2, Business: 3}, {Practice: "listen-first", IT: 3, Business: 4}}
	if !reflect.DeepEqual(s.Assessment, want) {
		t.Fatalf("assessment %+v, want %+v (IT's 2.5 rounds up, an unrated side keeps its rating)", s.Assessment, want)
	}
}

func TestPollResultReplacesTheCountsAndKeepsAPlatformTheSessionLost(t *testing.T) {
	r := joined(t)
	a, _ := PollOf(session(), true)
	_ = r.Open(a)
	_, seq, _ := r.Current()
	_ = r.Answer("a", seq, []int{Reads, Creates})
	res, _ := r.Close()
	if !res.Writes() {
		t.Fatal("an answered poll writes nothing")
	}
	s := session()
	s.Listen.Poll = s.Listen.Poll[:1]
	res.Apply(s, time.Time{})
	want := []model.PollRow{{Platform: "LinkedIn", Reads: 1}, {Platform: "Forums", Creates: 1}}
	if !reflect.DeepEqual(s.Listen.Poll, want) {
		t.Fatalf("poll %+v, want %+v", s.Listen.Poll, want)
	}
	_ = r.Open(a)
	if res, _ := r.Close(); res.Writes() || !strings.Contains(res.Summary(), "nothing was written") {
		t.Fatalf("a poll nobody answered: writes %v, %q", res.Writes(), res.Summary())
	}
}

func TestActivitiesNeedSomethingToAskAbout(t *testing.T) {
	s := &model.Session{}
	if _, err := PollOf(s, true); err == nil {
		t.Error("a poll without platforms")
	}
	if _, err := DotsOf(s, true); err == nil {
		t.Error("a dot vote without objectives")
	}
	s.Objectives.Items = []model.Objective{{Title: "x"}}
	if _, err := DotsOf(s, true); err == nil || !strings.Contains(err.Error(), "votes per participant") {
		t.Errorf("a dot vote without dots: %v", err)
	}
	if _, err := RatingsOf(s, true); err == nil {
		t.Error("ratings without practices")
	}
}

func TestSubmissions(t *testing.T) {
	r := joined(t)
	note := Submission{Kind: Parking, Note: "Budget\x1b[2J for tools?\r\nAsk finance"}
	if _, err := r.Submit("a", 1, note); !errors.Is(err, ErrNothingOpen) {
		t.Fatalf("a submission with nothing open: %v", err)
	}
	_ = r.Open(SubmissionsOf(session(), false))
	_, seq, _ := r.Current()
	for _, c := range []struct {
		sub  Submission
		want string
	}{
		{Submission{Kind: Parking, Note: " \n "}, "the note is empty"},
		{Submission{Kind: Parking, Note: strings.Repeat("x", MaxNote+1)}, "keep it to 500"},
		{Submission{Kind: Conversation}, "say where people talk"},
		{Submission{Kind: Conversation, Conversation: model.Conversation{Place: "x", Who: strings.Repeat("y", MaxField+1)}}, "who talks is 81 characters"},
		{Submission{Kind: "other"}, "a conversation or a parking-lot note"},
	} {
		if _, err := r.Submit("a", seq, c.sub); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.sub, err, c.want)
		}
	}
	got, err := r.Submit("a", seq, note)
	if err != nil {
		t.Fatal(err)
	}
	if got.Note != "Budget[2J for tools?\nAsk finance" || got.From != "Ana" {
		t.Fatalf("submission %+v", got)
	}
	conv := Submission{Kind: Conversation, Conversation: model.Conversation{Place: "Trustpilot", Who: "customers", Tone: "negative", Surprise: true}}
	if _, err := r.Submit("r", seq, conv); err != nil {
		t.Fatal(err)
	}
	if v, _ := r.Phone("a"); v.Waiting != 1 {
		t.Errorf("the phone shows %d waiting", v.Waiting)
	}
	s := session()
	for _, sub := range r.Inbox() {
		taken, ok := r.Take(sub.ID)
		if !ok {
			t.Fatal("the inbox lost a submission")
		}
		taken.Apply(s)
	}
	if want := []model.ParkingNote{{Text: "Budget[2J for tools?\nAsk finance", From: "Ana (Marketing)"}}; !reflect.DeepEqual(s.Parking, want) {
		t.Errorf("parking %+v, want %+v", s.Parking, want)
	}
	if want := []model.Conversation{{Place: "Trustpilot", Who: "customers", Tone: "negative", Surprise: true, Notes: "Sent from a phone by Raj (IT)."}}; !reflect.DeepEqual(s.Listen.Inventory, want) {
		t.Errorf("inventory %+v, want %+v", s.Listen.Inventory, want)
	}
	if len(r.Inbox()) != 0 {
		t.Error("taken submissions are still in the inbox")
	}
	for range MaxWaiting {
		if _, err := r.Submit("a", seq, note); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.Submit("a", seq, note); !errors.Is(err, ErrTooManyWaits) {
		t.Fatalf("one phone flooding the inbox: %v", err)
	}
	r.Remove(1)
	if n := len(r.Inbox()); n != 0 {
		t.Fatalf("a removed phone's submissions stay in the inbox: %d", n)
	}
}

func TestAnonymousSubmissionsSayNothingOfTheSender(t *testing.T) {
	r := joined(t)
	_ = r.Open(SubmissionsOf(session(), true))
	_, seq, _ := r.Current()
	sub, _ := r.Submit("a", seq, Submission{Kind: Parking, Note: "n", From: "forged", Department: "x"})
	s := session()
	sub.Apply(s)
	if sub.From != "" || s.Parking[0].From != "" || strings.Contains(sub.Summary(), "Ana") {
		t.Fatalf("an anonymous note names its sender: %+v", sub)
	}
}

func TestPhoneRevChangesOnlyWhenThePhoneWouldLookDifferent(t *testing.T) {
	r := joined(t)
	rev := func(tok string) [2]int { v, _ := r.Phone(tok); return v.Rev }
	before := rev("a")
	a, _ := PollOf(session(), true)
	_ = r.Open(a)
	opened := rev("a")
	if opened == before {
		t.Fatal("opening an activity leaves the phone as it was")
	}
	_, seq, _ := r.Current()
	_ = r.Answer("r", seq, []int{1, 1})
	if rev("a") != opened {
		t.Fatal("another phone's answer changes this phone's page")
	}
	_ = r.Answer("a", seq, []int{1, 1})
	if rev("a") != opened {
		t.Fatal("a tick sends the phone back the page it shows already")
	}
	r.Close()
	closed := rev("a")
	if closed == opened {
		t.Fatal("closing leaves the phone as it was")
	}
	d, _ := DotsOf(session(), true)
	_ = r.Open(d)
	_, seq, _ = r.Current()
	dots := rev("a")
	_ = r.Answer("a", seq, []int{1, 0})
	if rev("a") == dots {
		t.Fatal("placing a dot leaves the dots left as they were")
	}
}

func TestFieldCleansWhatAPhoneTyped(t *testing.T) {
	for in, want := range map[string]string{
		"  Ana  ":         "Ana",
		"a\tb\nc":         "a b c",
		"\x1b]0;x\x07Bob": "]0;xBob",
		"x\u202ey":        "xy",
		"\xff":            "\uFFFD",
	} {
		if got, err := Field("f", in, 20); err != nil || got != want {
			t.Errorf("Field(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
