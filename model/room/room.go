// Package room holds the rules of the live room, where participants answer
// from their own phones: who has joined, the one activity the facilitator
// has open, each phone's answer, the tallies the facilitator sees, and what
// a closed activity or an accepted submission writes into the session. It
// knows nothing of the network or the screen; the facilitator's program
// applies what it returns to the session as an edit of its own.
package room

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/roundtable/roundtable/model"
)

// Limits on what a phone may send, so one phone cannot flood the
// facilitator's screen or the session file.
const (
	MaxName    = 40
	MaxField   = 80
	MaxNote    = 500
	MaxMembers = 500
	// MaxInbox is how many submissions may wait for the facilitator.
	MaxInbox = 200
	// MaxWaiting is how many of one phone's submissions may wait.
	MaxWaiting = 10
)

// Other is the department a phone picks when its own is not listed.
const Other = "other"

// Errors a phone is told about, in its participant's words.
var (
	ErrWrongCode     = errors.New("that is not the room code: check the code on the facilitator's screen")
	ErrLocked        = errors.New("the room is locked: the facilitator lets nobody new in just now")
	ErrFull          = fmt.Errorf("the room is full: it takes %d phones", MaxMembers)
	ErrNotJoined     = errors.New("this phone is not in the room: join again with the room code")
	ErrNothingOpen   = errors.New("no activity is open: wait for the facilitator to open one")
	ErrActivityOpen  = errors.New("an activity is open already: close it first")
	ErrWrongActivity = errors.New("that answer is for another activity: the page has been updated, try again")
	ErrInboxFull     = errors.New("the facilitator has many submissions to read: try again in a minute")
	ErrTooManyWaits  = fmt.Errorf("you have %d submissions waiting for the facilitator: wait until they are read", MaxWaiting)
)

// Kind is what an activity asks of the phones.
type Kind string

// The activities the facilitator can open.
const (
	Poll        Kind = "poll"
	Dots        Kind = "dots"
	Ratings     Kind = "ratings"
	Submissions Kind = "submissions"
)

// Label names the kind as the facilitator and the phones read it.
func (k Kind) Label() string {
	switch k {
	case Poll:
		return "show-of-hands poll"
	case Dots:
		return "dot vote"
	case Ratings:
		return "self-assessment ratings"
	case Submissions:
		return "submissions"
	}
	return string(k)
}

// Side is which view of the self-assessment a rating counts for.
type Side int

// The two sides of the self-assessment.
const (
	Business Side = iota
	IT
)

func (s Side) String() string {
	if s == IT {
		return "IT"
	}
	return "the business"
}

// SideOf decides from a department whether its ratings count as IT's or
// the business's: a department named IT, with IT as one of its words, or
// about technology counts for IT; every other one for the business.
func SideOf(department string) Side {
	d := strings.TrimSpace(department)
	if strings.EqualFold(d, "it") || strings.Contains(strings.ToLower(d), "technology") {
		return IT
	}
	for _, w := range strings.FieldsFunc(d, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w == "IT" {
			return IT
		}
	}
	return Business
}

// Member is a phone in the room, as the facilitator sees it. ID is a small
// number for the facilitator's keys; the phone's secret token never leaves
// the room.
type Member struct {
	ID         int
	Name       string
	Department string
}

type member struct {
	Member
	token string
	// rev counts changes of what this phone shows: its own answer, its
	// submissions waiting.
	rev int
}

// Room is one live room. It is not safe for concurrent use: the server
// holds a lock around every call.
type Room struct {
	code        string
	locked      bool
	departments []string

	members map[string]*member
	order   []*member
	nextID  int

	open *openActivity
	// seq counts the activities opened, so a phone's answer to an earlier
	// one is refused.
	seq int

	inbox   []Submission
	nextSub int

	version uint64
}

type openActivity struct {
	Activity
	seq     int
	ballots map[string]*ballot
}

type ballot struct {
	answers []int
	side    Side
	// who answered, kept only in a named activity.
	name, department string
}

// New makes a room entered with code, whose phones pick their department
// from departments (and Other).
func New(code string, departments []string) *Room {
	r := &Room{code: code, members: map[string]*member{}}
	r.SetDepartments(departments)
	return r
}

// Departments returns the departments a phone picks from, Other last.
func Departments(s *model.Session) []string {
	var out []string
	for _, p := range s.Participants {
		d := strings.TrimSpace(p.Department)
		if d == "" || strings.EqualFold(d, Other) || slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, d) }) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// SetDepartments changes the departments offered to phones joining later.
func (r *Room) SetDepartments(departments []string) {
	want := append(slices.Clone(departments), Other)
	if slices.Equal(want, r.departments) {
		return
	}
	r.departments = want
	r.version++
}

// DepartmentChoices are the departments a joining phone picks from.
func (r *Room) DepartmentChoices() []string { return slices.Clone(r.departments) }

// Version changes whenever anything in the room does, so an older picture
// of it can be told from a newer one.
func (r *Room) Version() uint64 { return r.version }

// Code is what a phone types to join.
func (r *Room) Code() string { return r.code }

// SetCode changes the code; phones already in stay in.
func (r *Room) SetCode(code string) {
	r.code = code
	r.version++
}

// Locked reports whether new phones are kept out.
func (r *Room) Locked() bool { return r.locked }

// SetLocked keeps new phones out, or lets them in again.
func (r *Room) SetLocked(locked bool) {
	r.locked = locked
	r.version++
}

// CheckCode tells whether code opens the room.
func (r *Room) CheckCode(code string) bool {
	return code != "" && strings.TrimSpace(code) == r.code
}

// Join lets the phone holding token in, under name and department, when
// code is the room's. A phone already in keeps its place.
func (r *Room) Join(token, code, name, department string) (Member, error) {
	if m, ok := r.members[token]; ok {
		return m.Member, nil
	}
	if !r.CheckCode(code) {
		return Member{}, ErrWrongCode
	}
	if r.locked {
		return Member{}, ErrLocked
	}
	name, err := Field("your name", name, MaxName)
	if err != nil {
		return Member{}, err
	}
	if name == "" {
		return Member{}, errors.New("type your name, so the facilitator knows who is in")
	}
	department = strings.TrimSpace(department)
	i := slices.IndexFunc(r.departments, func(d string) bool { return strings.EqualFold(d, department) })
	if i < 0 {
		return Member{}, errors.New("pick your department from the list")
	}
	department = r.departments[i]
	for _, m := range r.order {
		if model.SamePerson(m.Name, name) {
			return Member{}, fmt.Errorf("someone has joined as %s already: add an initial to tell you apart", name)
		}
	}
	if len(r.order) >= MaxMembers {
		return Member{}, ErrFull
	}
	r.nextID++
	m := &member{Member: Member{ID: r.nextID, Name: name, Department: department}, token: token}
	r.members[token] = m
	r.order = append(r.order, m)
	r.version++
	return m.Member, nil
}

// Member returns the phone holding token.
func (r *Room) Member(token string) (Member, bool) {
	m, ok := r.members[token]
	if !ok {
		return Member{}, false
	}
	return m.Member, true
}

// Members lists the phones in the order they joined.
func (r *Room) Members() []Member {
	out := make([]Member, len(r.order))
	for i, m := range r.order {
		out[i] = m.Member
	}
	return out
}

// Remove sends the phone with id out of the room; its answer to the open
// activity and its waiting submissions go with it.
func (r *Room) Remove(id int) bool {
	i := slices.IndexFunc(r.order, func(m *member) bool { return m.ID == id })
	if i < 0 {
		return false
	}
	m := r.order[i]
	r.order = slices.Delete(r.order, i, i+1)
	delete(r.members, m.token)
	if r.open != nil {
		delete(r.open.ballots, m.token)
	}
	r.inbox = slices.DeleteFunc(r.inbox, func(s Submission) bool { return s.member == m.token })
	r.version++
	return true
}

// Field cleans what a phone typed into a one-line field: invalid bytes and
// control characters go, spaces are trimmed, and more than max characters
// is refused with a message naming the field.
func Field(name, s string, max int) (string, error) {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, model.Clean(s)))
	if n := utf8.RuneCountInString(s); n > max {
		return "", fmt.Errorf("%s is %d characters long; keep it to %d", name, n, max)
	}
	return s, nil
}

// Paragraph is Field for text that may take several lines.
func Paragraph(name, s string, max int) (string, error) {
	lines := strings.Split(strings.ReplaceAll(model.Clean(s), "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i], _ = Field(name, l, len(l)+1)
	}
	s = strings.TrimSpace(strings.Join(lines, "\n"))
	if n := utf8.RuneCountInString(s); n > max {
		return "", fmt.Errorf("%s is %d characters long; keep it to %d", name, n, max)
	}
	return s, nil
}
