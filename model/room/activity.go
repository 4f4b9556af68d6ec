package room

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/roundtable/roundtable/model"
)

// Activity is what the facilitator opened for the phones: one at a time.
type Activity struct {
	Kind Kind
	// Anonymous keeps only tallies: neither the facilitator's screen nor
	// the session ever learns who chose what.
	Anonymous bool
	// Options are what each answer is about, as the phones show them: the
	// poll's platforms, the objectives, the practices.
	Options []string
	// Keys find each option in the session when the results are written:
	// the platform, the objective's title, the practice's ID.
	Keys []string
	// Dots is how many dots each phone may place in a dot vote.
	Dots int
	// Voices are who may be talking, offered on the conversation form.
	Voices []string
}

// Poll answers: each platform's answer is a sum of these.
const (
	Reads   = 1
	Creates = 2
)

// PollOf is the show-of-hands poll on the session's platforms.
func PollOf(s *model.Session, anonymous bool) (Activity, error) {
	a := Activity{Kind: Poll, Anonymous: anonymous}
	for _, p := range s.Listen.Poll {
		a.Options = append(a.Options, strings.TrimSpace(p.Platform))
		a.Keys = append(a.Keys, p.Platform)
	}
	if len(a.Options) == 0 {
		return Activity{}, errors.New("the poll has no platforms: add them on the listening step first")
	}
	return a, nil
}

// DotsOf is a dot vote on the session's objectives, with the dots per
// participant the facilitator set.
func DotsOf(s *model.Session, anonymous bool) (Activity, error) {
	a := Activity{Kind: Dots, Anonymous: anonymous, Dots: s.Objectives.VotesPerParticipant}
	for _, o := range s.Objectives.Items {
		a.Options = append(a.Options, strings.TrimSpace(o.Title))
		a.Keys = append(a.Keys, o.Title)
	}
	switch {
	case len(a.Options) == 0:
		return Activity{}, errors.New("there are no objectives to vote on: add them on the objectives step first")
	case a.Dots <= 0:
		return Activity{}, errors.New("each participant has no dots: set the votes per participant on the objectives step first")
	}
	return a, nil
}

// RatingsOf is the self-assessment: every practice of the workshop, rated
// 1 to 5.
func RatingsOf(s *model.Session, anonymous bool) (Activity, error) {
	a := Activity{Kind: Ratings, Anonymous: anonymous}
	for _, p := range s.Workshop.Assessment.Practices {
		a.Options = append(a.Options, strings.TrimSpace(p.Title))
		a.Keys = append(a.Keys, p.ID)
	}
	if len(a.Options) == 0 {
		return Activity{}, errors.New("this workshop has no self-assessment practices to rate")
	}
	return a, nil
}

// SubmissionsOf takes conversations for the inventory and notes for the
// parking lot.
func SubmissionsOf(s *model.Session, anonymous bool) Activity {
	return Activity{Kind: Submissions, Anonymous: anonymous, Voices: slices.Clone(s.Workshop.Listen.Voices)}
}

// Open opens a for the phones.
func (r *Room) Open(a Activity) error {
	if r.open != nil {
		return ErrActivityOpen
	}
	r.seq++
	r.open = &openActivity{Activity: a, seq: r.seq, ballots: map[string]*ballot{}}
	r.version++
	return nil
}

// Current returns the open activity and its number.
func (r *Room) Current() (Activity, int, bool) {
	if r.open == nil {
		return Activity{}, 0, false
	}
	return r.open.Activity, r.open.seq, true
}

// Answer records the phone's whole answer to activity number seq,
// replacing any it gave before, so each phone counts once.
func (r *Room) Answer(token string, seq int, answers []int) error {
	m, ok := r.members[token]
	if !ok {
		return ErrNotJoined
	}
	if r.open == nil {
		return ErrNothingOpen
	}
	if seq != r.open.seq || r.open.Kind == Submissions {
		return ErrWrongActivity
	}
	if err := r.open.check(answers); err != nil {
		return err
	}
	b := &ballot{answers: slices.Clone(answers), side: SideOf(m.Department)}
	if !r.open.Anonymous {
		b.name, b.department = m.Name, m.Department
	}
	r.open.ballots[token] = b
	if r.open.Kind == Dots {
		// Only the dots left change on the page: the rest of a phone's
		// answer is already on it as the participant ticked it, and a
		// page sent back for every vote would cost the laptop dearly.
		m.rev++
	}
	r.version++
	return nil
}

// check tells whether answers fit the activity.
func (a *openActivity) check(answers []int) error {
	if len(answers) != len(a.Options) {
		return ErrWrongActivity
	}
	top := map[Kind]int{Poll: Reads + Creates, Dots: a.Dots, Ratings: 5}[a.Kind]
	used := 0
	for _, n := range answers {
		if n < 0 || n > top {
			return fmt.Errorf("an answer of %d is not one of the choices", n)
		}
		used += n
	}
	if a.Kind == Dots && used > a.Dots {
		return fmt.Errorf("you have %d dots and this places %d: take some back", a.Dots, used)
	}
	return nil
}

// Spread counts the ratings of one side of one practice, by value 1 to 5.
type Spread [5]int

// N is how many rated.
func (s Spread) N() int {
	n := 0
	for _, c := range s {
		n += c
	}
	return n
}

// Mean is the average rating, 0 when nobody rated.
func (s Spread) Mean() float64 {
	n, sum := 0, 0
	for i, c := range s {
		n += c
		sum += c * (i + 1)
	}
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n)
}

// Range is the lowest and highest rating given, 0 and 0 when none was.
func (s Spread) Range() (low, high int) {
	for i, c := range s {
		if c > 0 {
			if low == 0 {
				low = i + 1
			}
			high = i + 1
		}
	}
	return low, high
}

// Rounded is the mean as the session keeps a rating: a whole number 1 to
// 5, halves rounded up; 0 when nobody rated.
func (s Spread) Rounded() int {
	if s.N() == 0 {
		return 0
	}
	return int(math.Floor(s.Mean() + 0.5))
}

// RatingSpread is one practice's ratings, IT's and the business's apart.
type RatingSpread struct {
	IT, Business Spread
}

// Gap is how far apart the two sides' means are, and false while either
// side has not rated.
func (r RatingSpread) Gap() (float64, bool) {
	if r.IT.N() == 0 || r.Business.N() == 0 {
		return 0, false
	}
	return math.Abs(r.IT.Mean() - r.Business.Mean()), true
}

// PollCount is one platform's hands.
type PollCount struct {
	Reads, Creates int
}

// Tally is what the facilitator sees of the open activity.
type Tally struct {
	Activity
	Seq int
	// Joined is how many phones are in the room; Answered how many of
	// them answered.
	Joined, Answered int
	// Who lists who answered, in a named activity only.
	Who []string
	// Hidden is set while a dot vote is open: its tallies stay out of
	// sight until the facilitator reveals them, so nobody follows the
	// crowd.
	Hidden  bool
	Poll    []PollCount
	Dots    []int
	Placed  int
	Ratings []RatingSpread
}

// Tally counts the open activity's answers.
func (r *Room) Tally() (Tally, bool) {
	if r.open == nil {
		return Tally{}, false
	}
	t := r.open.tally(r.order, true)
	t.Joined = len(r.order)
	return t, true
}

// tally counts the ballots, in the order the phones joined so that names
// come out in a stable order.
func (a *openActivity) tally(order []*member, hide bool) Tally {
	t := Tally{Activity: a.Activity, Seq: a.seq, Hidden: hide && a.Kind == Dots}
	n := len(a.Options)
	switch a.Kind {
	case Poll:
		t.Poll = make([]PollCount, n)
	case Dots:
		t.Dots = make([]int, n)
	case Ratings:
		t.Ratings = make([]RatingSpread, n)
	}
	for _, m := range order {
		b, ok := a.ballots[m.token]
		if !ok {
			continue
		}
		t.Answered++
		if b.name != "" {
			t.Who = append(t.Who, b.name)
		}
		for i, v := range b.answers {
			switch a.Kind {
			case Poll:
				if v&Reads != 0 {
					t.Poll[i].Reads++
				}
				if v&Creates != 0 {
					t.Poll[i].Creates++
				}
			case Dots:
				t.Dots[i] += v
				t.Placed += v
			case Ratings:
				if v == 0 {
					continue
				}
				if b.side == IT {
					t.Ratings[i].IT[v-1]++
				} else {
					t.Ratings[i].Business[v-1]++
				}
			}
		}
	}
	if t.Hidden {
		t.Dots = nil
	}
	return t
}

// Result is a closed activity: its tallies, revealed, and in a named
// activity each person's answers in words.
type Result struct {
	Tally
	Ballots []model.RoomBallot
}

// Close closes the open activity and returns its result. A dot vote's
// tallies are revealed here. Waiting submissions stay in the inbox.
func (r *Room) Close() (Result, bool) {
	if r.open == nil {
		return Result{}, false
	}
	a := r.open
	res := Result{Tally: a.tally(r.order, false)}
	res.Joined = len(r.order)
	if !a.Anonymous && a.Kind != Submissions {
		for _, m := range r.order {
			if b, ok := a.ballots[m.token]; ok {
				res.Ballots = append(res.Ballots, model.RoomBallot{Name: b.name, Department: b.department, Answers: a.words(b.answers)})
			}
		}
	}
	for _, m := range r.order {
		if _, ok := a.ballots[m.token]; ok {
			m.rev++
		}
	}
	r.open = nil
	r.version++
	return res, true
}

// words says a ballot's answers the way a reader of the session file
// would: "LinkedIn: reads, creates", "Engage customers: 2 dots".
func (a *openActivity) words(answers []int) []string {
	var out []string
	for i, v := range answers {
		if v == 0 {
			continue
		}
		var w string
		switch a.Kind {
		case Poll:
			var parts []string
			if v&Reads != 0 {
				parts = append(parts, "reads")
			}
			if v&Creates != 0 {
				parts = append(parts, "creates")
			}
			w = strings.Join(parts, ", ")
		case Dots:
			w = strconv.Itoa(v) + " " + plural(v, "dot", "dots")
		case Ratings:
			w = strconv.Itoa(v)
		}
		out = append(out, a.Options[i]+": "+w)
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Apply writes the result into the session: the poll's hands, the
// objectives' votes or the practices' ratings become the room's answers,
// and the activity is recorded. Options no longer in the session (an
// objective deleted meanwhile) are left out; a platform or practice the
// session lost is added back, since the room answered it.
func (res Result) Apply(s *model.Session, closed time.Time) {
	same := func(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }
	for i, key := range res.Keys {
		switch res.Kind {
		case Poll:
			j := slices.IndexFunc(s.Listen.Poll, func(p model.PollRow) bool { return same(p.Platform, key) })
			if j < 0 {
				s.Listen.Poll = append(s.Listen.Poll, model.PollRow{Platform: key})
				j = len(s.Listen.Poll) - 1
			}
			s.Listen.Poll[j].Reads, s.Listen.Poll[j].Creates = res.Poll[i].Reads, res.Poll[i].Creates
		case Dots:
			if j := slices.IndexFunc(s.Objectives.Items, func(o model.Objective) bool { return same(o.Title, key) }); j >= 0 {
				s.Objectives.Items[j].Votes = res.Dots[i]
			}
		case Ratings:
			j := slices.IndexFunc(s.Assessment, func(r model.Rating) bool { return r.Practice == key })
			if j < 0 {
				s.Assessment = append(s.Assessment, model.Rating{Practice: key})
				j = len(s.Assessment) - 1
			}
			if sp := res.Ratings[i]; sp.IT.N() > 0 {
				s.Assessment[j].IT = sp.IT.Rounded()
			}
			if sp := res.Ratings[i]; sp.Business.N() > 0 {
				s.Assessment[j].Business = sp.Business.Rounded()
			}
		}
	}
	rec := model.RoomRecord{Activity: string(res.Kind), Anonymous: res.Anonymous, Closed: closed.UTC().Truncate(time.Second), Answered: res.Answered}
	for _, b := range res.Ballots {
		rec.Ballots = append(rec.Ballots, model.RoomBallot{Name: b.Name, Department: b.Department, Answers: slices.Clone(b.Answers)})
	}
	s.Room = append(s.Room, rec)
}

// Writes reports whether closing wrote anything worth a change of the
// session: nobody's answers would only wipe the counts the room had.
func (res Result) Writes() bool {
	return res.Kind != Submissions && res.Answered > 0
}

// Summary says what closing did, for the status line.
func (res Result) Summary() string {
	if res.Kind == Submissions {
		return "Submissions closed; what is in the inbox can still be accepted."
	}
	if res.Answered == 0 {
		return "The " + res.Kind.Label() + " closed; nobody answered, so nothing was written."
	}
	who := strconv.Itoa(res.Answered) + " " + plural(res.Answered, "phone", "phones")
	switch res.Kind {
	case Poll:
		return "Poll closed: the counts of " + who + " are in the poll."
	case Dots:
		return "Dot vote revealed: the dots of " + who + " are the objectives' votes."
	}
	return "Ratings closed: the ratings of " + who + " are in the self-assessment."
}
