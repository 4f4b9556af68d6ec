package room

import (
	"errors"
	"slices"
	"strings"

	"github.com/roundtable/roundtable/model"
)

// PhoneView is what one phone shows: the open activity and its own answer,
// never anyone else's.
type PhoneView struct {
	Member
	// Seq is the open activity's number, 0 when none is open.
	Seq      int
	Activity Activity
	Answers  []int
	DotsLeft int
	// Waiting is how many of the phone's submissions the facilitator has
	// not read yet.
	Waiting int
	// Rev changes whenever the page would look different from what the
	// phone shows: not for its own ticks, which it shows already.
	Rev [2]int
}

// Phone returns what the phone holding token shows.
func (r *Room) Phone(token string) (PhoneView, bool) {
	m, ok := r.members[token]
	if !ok {
		return PhoneView{}, false
	}
	v := PhoneView{Member: m.Member, Rev: [2]int{r.seq*2 + open(r), m.rev}}
	for _, s := range r.inbox {
		if s.member == token {
			v.Waiting++
		}
	}
	if r.open == nil {
		return v, true
	}
	v.Seq, v.Activity = r.open.seq, r.open.Activity
	v.Answers = make([]int, len(r.open.Options))
	if b, ok := r.open.ballots[token]; ok {
		copy(v.Answers, b.answers)
	}
	if r.open.Kind == Dots {
		v.DotsLeft = r.open.Dots
		for _, n := range v.Answers {
			v.DotsLeft -= n
		}
	}
	return v, true
}

func open(r *Room) int {
	if r.open != nil {
		return 1
	}
	return 0
}

// SubmissionKind is what a phone sends in a submissions activity.
type SubmissionKind string

// The two kinds of submission.
const (
	// Conversation is a place where people talk about the company, for
	// the listening step's inventory.
	Conversation SubmissionKind = "conversation"
	// Parking is a note for the parking lot.
	Parking SubmissionKind = "parking"
)

// Tones a phone picks from for a conversation.
var Tones = []string{"positive", "neutral", "mixed", "negative"}

// Submission is one entry a phone sent, waiting in the facilitator's inbox.
type Submission struct {
	ID   int
	Kind SubmissionKind
	// From and Department say who sent it, blank in an anonymous activity.
	From, Department string
	Conversation     model.Conversation
	Note             string

	member string
}

// Submit puts what the phone sent into the inbox, its text cleaned and
// checked against the limits.
func (r *Room) Submit(token string, seq int, sub Submission) (Submission, error) {
	m, ok := r.members[token]
	if !ok {
		return Submission{}, ErrNotJoined
	}
	if r.open == nil {
		return Submission{}, ErrNothingOpen
	}
	if seq != r.open.seq || r.open.Kind != Submissions {
		return Submission{}, ErrWrongActivity
	}
	sub.From, sub.Department = "", ""
	clean, err := sub.Checked()
	if err != nil {
		return Submission{}, err
	}
	waiting := 0
	for _, s := range r.inbox {
		if s.member == token {
			waiting++
		}
	}
	switch {
	case waiting >= MaxWaiting:
		return Submission{}, ErrTooManyWaits
	case len(r.inbox) >= MaxInbox:
		return Submission{}, ErrInboxFull
	}
	r.nextSub++
	clean.ID, clean.member = r.nextSub, token
	if !r.open.Anonymous {
		clean.From, clean.Department = m.Name, m.Department
	}
	r.inbox = append(r.inbox, clean)
	m.rev++
	r.version++
	return clean, nil
}

// Checked is the submission with its text cleaned and checked against the
// limits, as a phone sent it or the facilitator edited it.
func (s Submission) Checked() (Submission, error) {
	out := Submission{ID: s.ID, Kind: s.Kind, From: s.From, Department: s.Department, member: s.member}
	var err error
	switch s.Kind {
	case Conversation:
		c := s.Conversation
		if out.Conversation.Place, err = Field("where", c.Place, MaxField); err != nil {
			return Submission{}, err
		}
		if out.Conversation.Place == "" {
			return Submission{}, errors.New("say where people talk: a forum, a review site, a group")
		}
		if out.Conversation.Who, err = Field("who talks", c.Who, MaxField); err != nil {
			return Submission{}, err
		}
		if out.Conversation.Tone, err = Field("the tone", c.Tone, MaxField); err != nil {
			return Submission{}, err
		}
		out.Conversation.Surprise = c.Surprise
	case Parking:
		if out.Note, err = Paragraph("the note", s.Note, MaxNote); err != nil {
			return Submission{}, err
		}
		if out.Note == "" {
			return Submission{}, errors.New("the note is empty: write what to come back to")
		}
	default:
		return Submission{}, errors.New("a submission is a conversation or a parking-lot note")
	}
	return out, nil
}

// Inbox lists the submissions waiting, oldest first.
func (r *Room) Inbox() []Submission { return slices.Clone(r.inbox) }

// Take removes the submission with id from the inbox, for the facilitator
// to accept or reject.
func (r *Room) Take(id int) (Submission, bool) {
	i := slices.IndexFunc(r.inbox, func(s Submission) bool { return s.ID == id })
	if i < 0 {
		return Submission{}, false
	}
	s := r.inbox[i]
	r.inbox = slices.Delete(r.inbox, i, i+1)
	if m, ok := r.members[s.member]; ok {
		m.rev++
	}
	r.version++
	return s, true
}

// Apply adds an accepted submission to the session: a conversation to the
// inventory, a note to the parking lot.
func (s Submission) Apply(sess *model.Session) {
	switch s.Kind {
	case Conversation:
		c := s.Conversation
		if s.From != "" {
			c.Notes = model.Text("Sent from a phone by " + s.sender() + ".")
		}
		sess.Listen.Inventory = append(sess.Listen.Inventory, c)
	case Parking:
		sess.Parking = append(sess.Parking, model.ParkingNote{Text: model.Text(s.Note), From: s.sender()})
	}
}

func (s Submission) sender() string {
	if s.From == "" || s.Department == "" || s.Department == Other {
		return s.From
	}
	return s.From + " (" + s.Department + ")"
}

// Summary is the submission on one line, for the inbox.
func (s Submission) Summary() string {
	var b strings.Builder
	switch s.Kind {
	case Conversation:
		c := s.Conversation
		b.WriteString("Conversation: " + c.Place)
		for _, x := range []string{c.Who, c.Tone} {
			if x != "" {
				b.WriteString(" · " + x)
			}
		}
		if c.Surprise {
			b.WriteString(" · a surprise")
		}
	case Parking:
		b.WriteString("Parking lot: " + s.Note)
	}
	if s.From != "" {
		b.WriteString(" — " + s.sender())
	}
	return b.String()
}
