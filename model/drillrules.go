package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The fire-drill checklist items the program knows how to pre-tick. A
// workshop may carry other items; the room decides those alone.
const (
	CheckAcknowledge  = "acknowledge"
	CheckSpokesperson = "spokesperson"
	CheckSources      = "sources"
	CheckCompassion   = "compassion"
	CheckPlan         = "plan"
	CheckResponsePage = "response-page"
	CheckCoordinate   = "coordinate"
)

// SpokespersonDuty is the ID of the duty of the respected person who first
// acknowledges the issue in public.
const SpokespersonDuty = "spokesperson"

// ScenarioByID returns the scenario with the given ID.
func (c DrillCatalogue) ScenarioByID(id string) (Scenario, bool) {
	for _, sc := range c.Scenarios {
		if sc.ID == id {
			return sc, true
		}
	}
	return Scenario{}, false
}

// Spokesperson returns the duty of the person who speaks first in public:
// the duty with ID "spokesperson", or else the first duty, as templates
// list the spokesperson first.
func (c DrillCatalogue) Spokesperson() (Duty, bool) {
	for _, d := range c.Duties {
		if d.ID == SpokespersonDuty {
			return d, true
		}
	}
	if len(c.Duties) > 0 {
		return c.Duties[0], true
	}
	return Duty{}, false
}

// NewDrillRun starts a rehearsal of sc at the given speed, every inject
// pending and every duty filled with the role the workshop suggests when
// that role is in the RACI grid.
func NewDrillRun(sc Scenario, duties []Duty, roles []Role, speed int) DrillRun {
	run := DrillRun{Scenario: sc.ID, Speed: max(speed, 1), Checklist: map[string]Check{}}
	known := map[string]bool{}
	for _, r := range roles {
		known[r.ID] = true
	}
	for _, d := range duties {
		a := DutyAssignment{Duty: d.ID}
		if known[d.Role] {
			a.Role = d.Role
		}
		run.Assignments = append(run.Assignments, a)
	}
	for i := range sc.Injects {
		run.Injects = append(run.Injects, InjectState{Index: i, Status: InjectPending})
	}
	return run
}

// Assignment returns the role and backup filling the duty with the given ID.
func (r DrillRun) Assignment(duty string) (DutyAssignment, bool) {
	for _, a := range r.Assignments {
		if a.Duty == duty {
			return a, true
		}
	}
	return DutyAssignment{}, false
}

// DrillClock is the scenario time, in whole seconds, reached when elapsed
// real time has passed at speed since the clock showed start. Time is
// measured, never counted in ticks, so a late tick cannot slow the drill.
func DrillClock(start int, elapsed time.Duration, speed int) int {
	if elapsed < 0 {
		elapsed = 0
	}
	return max(start, 0) + int(elapsed*time.Duration(max(speed, 1))/time.Second)
}

// ClockText writes a drill clock as mm:ss; minutes go past 59 rather than
// turning into hours, as scenarios are counted in minutes.
func ClockText(seconds int) string {
	sign := ""
	if seconds < 0 {
		sign, seconds = "-", -seconds
	}
	return fmt.Sprintf("%s%02d:%02d", sign, seconds/60, seconds%60)
}

// InjectState returns what happened to inject i; an inject the run holds
// no record of is pending.
func (r DrillRun) InjectState(i int) InjectState {
	for _, st := range r.Injects {
		if st.Index == i {
			return st
		}
	}
	return InjectState{Index: i, Status: InjectPending}
}

// SetInject records st, replacing the record of the same inject.
func (r *DrillRun) SetInject(st InjectState) {
	for i := range r.Injects {
		if r.Injects[i].Index == st.Index {
			r.Injects[i] = st
			return
		}
	}
	r.Injects = append(r.Injects, st)
}

// injectOrder lists the scenario's injects in the order they reach the
// room: by minute, and in list order within a minute.
func injectOrder(sc Scenario) []int {
	order := make([]int, len(sc.Injects))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return sc.Injects[a].Minute - sc.Injects[b].Minute })
	return order
}

// Arrived reports whether inject i has reached the room.
func (st InjectState) Arrived() bool { return st.Status == InjectReleased }

// NextInject is the index of the next inject to reach the room: the first
// one, in schedule order, that is pending or held.
func (r DrillRun) NextInject(sc Scenario) (int, bool) {
	for _, i := range injectOrder(sc) {
		switch r.InjectState(i).Status {
		case InjectReleased, InjectSkipped:
			continue
		}
		return i, true
	}
	return 0, false
}

// NextDue is the clock at which the next inject reaches the room, and
// whether the facilitator holds it. An inject never arrives before one
// that reached the room or was skipped ahead of it.
func (r DrillRun) NextDue(sc Scenario) (at int, held, ok bool) {
	i, ok := r.NextInject(sc)
	if !ok {
		return 0, false, false
	}
	return max(sc.Injects[i].Minute*60, r.lastSettled(sc, i)), r.InjectState(i).Status == InjectHeld, true
}

// lastSettled is the latest clock at which an inject before i in the
// schedule reached the room or was skipped.
func (r DrillRun) lastSettled(sc Scenario, i int) int {
	last := 0
	for _, j := range injectOrder(sc) {
		if j == i {
			break
		}
		if st := r.InjectState(j); st.Status == InjectReleased || st.Status == InjectSkipped {
			last = max(last, st.At)
		}
	}
	return last
}

// Arrivals are the injects that reach the room by the given clock, in
// order, each stamped with the clock it arrived at. A held inject holds
// every inject after it, as the scenario's events follow one another.
func (r DrillRun) Arrivals(sc Scenario, clock int) []InjectState {
	var out []InjectState
	last := 0
	for _, i := range injectOrder(sc) {
		st := r.InjectState(i)
		switch st.Status {
		case InjectReleased, InjectSkipped:
			last = max(last, st.At)
			continue
		case InjectHeld:
			return out
		}
		at := max(sc.Injects[i].Minute*60, last)
		if at > clock {
			return out
		}
		out = append(out, InjectState{Index: i, Status: InjectReleased, At: at})
		last = at
	}
	return out
}

// Deliver records every inject that reaches the room by clock and returns
// them.
func (r *DrillRun) Deliver(sc Scenario, clock int) []InjectState {
	due := r.Arrivals(sc, clock)
	for _, st := range due {
		r.SetInject(st)
	}
	return due
}

// ToggleHold holds the next inject, or lets a held one go: one whose time
// has come reaches the room at once.
func (r *DrillRun) ToggleHold(sc Scenario, clock int) (InjectState, bool) {
	i, ok := r.NextInject(sc)
	if !ok {
		return InjectState{}, false
	}
	st := InjectState{Index: i, Status: InjectHeld}
	if r.InjectState(i).Status == InjectHeld {
		st.Status = InjectPending
		if max(sc.Injects[i].Minute*60, r.lastSettled(sc, i)) <= clock {
			st = InjectState{Index: i, Status: InjectReleased, At: clock}
		}
	}
	r.SetInject(st)
	return st, true
}

// ReleaseNext sends the next inject to the room now, early or held.
func (r *DrillRun) ReleaseNext(sc Scenario, clock int) (InjectState, bool) {
	return r.settleNext(sc, clock, InjectReleased)
}

// SkipNext drops the next inject from this run and logs it, clock-stamped,
// so the results and the plan show it skipped.
func (r *DrillRun) SkipNext(sc Scenario, clock int) (InjectState, bool) {
	st, ok := r.settleNext(sc, clock, InjectSkipped)
	if ok {
		r.Log = append(r.Log, LogEntry{At: clock, Kind: LogSkipped, Text: Text(InjectSummary(sc, st.Index)), Inject: st.Index})
	}
	return st, ok
}

// InjectSummary names inject i in one short line: its number, channel and
// speaker, then the start of its text.
func InjectSummary(sc Scenario, i int) string {
	if i < 0 || i >= len(sc.Injects) {
		return fmt.Sprintf("inject %d", i+1)
	}
	in := sc.Injects[i]
	s := fmt.Sprintf("inject %d", i+1)
	var from []string
	for _, f := range []string{in.Channel, in.Speaker} {
		if f = strings.Join(strings.Fields(f), " "); f != "" {
			from = append(from, f)
		}
	}
	if len(from) > 0 {
		s += " (" + strings.Join(from, ", ") + ")"
	}
	if t := []rune(strings.Join(strings.Fields(string(in.Text)), " ")); len(t) > 0 {
		if len(t) > 60 {
			t = append(t[:59], '…')
		}
		s += ": " + string(t)
	}
	return s
}

func (r *DrillRun) settleNext(sc Scenario, clock int, status InjectStatus) (InjectState, bool) {
	i, ok := r.NextInject(sc)
	if !ok {
		return InjectState{}, false
	}
	st := InjectState{Index: i, Status: status, At: clock}
	r.SetInject(st)
	return st, true
}

// Latest is the inject that reached the room last, the one the team is
// most likely answering.
func (r DrillRun) Latest() (InjectState, bool) {
	var best InjectState
	found := false
	for _, st := range r.Injects {
		if st.Arrived() && (!found || st.At > best.At || (st.At == best.At && st.Index > best.Index)) {
			best, found = st, true
		}
	}
	return best, found
}

// PublicAudience reports whether a message to audience is seen outside
// the company; messages to employees are internal.
func PublicAudience(audience string) bool {
	a := strings.ToLower(audience)
	for _, w := range []string{"employee", "staff", "internal", "colleague"} {
		if strings.Contains(a, w) {
			return false
		}
	}
	return strings.TrimSpace(a) != ""
}

// Counts reports whether the room confirmed the item met: only the room's
// word counts in results, never the program's guess.
func (c Check) Counts() bool { return c.Met && c.Confirmed }

// Proposed reports whether the program ticked the item and the room has
// not yet confirmed or corrected it.
func (c Check) Proposed() bool { return c.Met && !c.Confirmed }

// ChecklistVerdict is the run's fire-drill checklist: what the room decided
// for an item stands; otherwise an item is met when the room confirmed it
// on a message, and proposed (Met, not Confirmed) when only the program
// ticked it on a message.
func (r DrillRun) ChecklistVerdict(items []ChecklistItem) map[string]Check {
	out := make(map[string]Check, len(items))
	for _, item := range items {
		if c, ok := r.Checklist[item.ID]; ok && c.Confirmed {
			out[item.ID] = c
			continue
		}
		c := Check{Why: "no message meets it yet"}
		for _, m := range r.Messages {
			if mc := m.Checks[item.ID]; mc.Counts() {
				c = Check{Met: true, Confirmed: true, Why: "the room confirmed the message at " + ClockText(m.At) + " to " + orNone(m.Audience)}
				break
			}
		}
		if !c.Met {
			for _, m := range r.Messages {
				if mc := m.Checks[item.ID]; mc.Proposed() {
					why := "proposed: the message at " + ClockText(m.At) + " to " + orNone(m.Audience)
					if mc.Why != "" {
						why += " — " + mc.Why
					}
					c = Check{Met: true, Why: why}
					break
				}
			}
		}
		out[item.ID] = c
	}
	return out
}

// Acknowledges reports whether m is a public acknowledgement: a message to
// a public audience whose acknowledge item is met. Where the workshop has
// no such item, any public message counts.
func Acknowledges(m Message, cat DrillCatalogue) bool {
	if !PublicAudience(m.Audience) {
		return false
	}
	for _, item := range cat.Checklist {
		if item.ID == CheckAcknowledge {
			return m.Checks[CheckAcknowledge].Met
		}
	}
	return true
}

// AudienceCount is how many messages went to one audience.
type AudienceCount struct {
	Audience string
	Messages int
}

// DrillFigures are the measured results of one run.
type DrillFigures struct {
	// FirstAlert is the clock when the first inject reached the room.
	FirstAlert int
	// FirstAck is the clock of the first public acknowledgement; Acked is
	// false when there was none.
	FirstAck int
	Acked    bool
	// ChecklistMet of ChecklistTotal fire-drill items are met as the room
	// confirmed, each by at least one message or by the room's word on the
	// drill; ChecklistProposed more are only ticked by the program.
	ChecklistMet, ChecklistProposed, ChecklistTotal int
	// PublicMessages went to a public audience; WholeChecklist of them met
	// every item, as the room confirmed, on their own.
	PublicMessages, WholeChecklist int
	// FirstPublic is set when there was a public message: the first one, at
	// FirstPublicAt, met FirstPublicMet items as the room confirmed and
	// FirstPublicProposed more only as the program ticked them.
	FirstPublic                                        bool
	FirstPublicAt, FirstPublicMet, FirstPublicProposed int
	// Injects reached the room, Unanswered of them with no log entry or
	// message answering them; Skipped and NotReached never came up.
	Arrived, Unanswered, Skipped, NotReached int
	// UnansweredInjects numbers the unanswered injects from 1, in order.
	UnansweredInjects   []int
	Decisions, Messages int
	PerAudience         []AudienceCount
	Clock               int
	// Scenario is the ID of the scenario the run rehearsed.
	Scenario string
}

// ItemsMet counts the fire-drill items the message meets as the room
// confirmed, and those only the program ticked.
func (m Message) ItemsMet(items []ChecklistItem) (met, proposed int) {
	for _, item := range items {
		switch c := m.Checks[item.ID]; {
		case c.Counts():
			met++
		case c.Proposed():
			proposed++
		}
	}
	return met, proposed
}

// ChecklistParts words the checklist results so the total never hides a
// weak message: the items met across the drill, how many public messages
// met the whole checklist on their own, and what the first one met.
func (f DrillFigures) ChecklistParts() []string {
	parts := []string{fmt.Sprintf("%d of %d items met across the drill", f.ChecklistMet, f.ChecklistTotal)}
	if !f.FirstPublic {
		return append(parts, "no public message was drafted")
	}
	return append(parts,
		fmt.Sprintf("%d of %s met the whole checklist", f.WholeChecklist, count(f.PublicMessages, "public message", "public messages")),
		fmt.Sprintf("the first public message (drill clock %s) met %d of %d", ClockText(f.FirstPublicAt), f.FirstPublicMet, f.ChecklistTotal))
}

// TimeToAck is how long after the first alert the company acknowledged
// the issue in public.
func (f DrillFigures) TimeToAck() (int, bool) {
	if !f.Acked {
		return 0, false
	}
	return max(f.FirstAck-f.FirstAlert, 0), true
}

// Figures measures the run against its scenario and the workshop's
// checklist and audiences.
func (r DrillRun) Figures(sc Scenario, cat DrillCatalogue) DrillFigures {
	f := DrillFigures{Clock: r.Clock, ChecklistTotal: len(cat.Checklist), Scenario: r.Scenario}
	for _, c := range r.ChecklistVerdict(cat.Checklist) {
		switch {
		case c.Counts():
			f.ChecklistMet++
		case c.Proposed():
			f.ChecklistProposed++
		}
	}
	answered := map[int]bool{}
	for _, e := range r.Log {
		switch e.Kind {
		case LogSkipped:
			continue
		case LogDecision:
			f.Decisions++
		}
		answered[e.Inject] = true
	}
	counts := map[string]int{}
	for _, m := range r.Messages {
		answered[m.Inject] = true
		counts[m.Audience]++
		if Acknowledges(m, cat) && (!f.Acked || m.At < f.FirstAck) {
			f.FirstAck, f.Acked = m.At, true
		}
		if !PublicAudience(m.Audience) {
			continue
		}
		f.PublicMessages++
		met, proposed := m.ItemsMet(cat.Checklist)
		if met == len(cat.Checklist) && met > 0 {
			f.WholeChecklist++
		}
		if !f.FirstPublic || m.At < f.FirstPublicAt {
			f.FirstPublic, f.FirstPublicAt, f.FirstPublicMet, f.FirstPublicProposed = true, m.At, met, proposed
		}
	}
	f.Messages = len(r.Messages)
	first := -1
	for i := range sc.Injects {
		switch st := r.InjectState(i); st.Status {
		case InjectReleased:
			f.Arrived++
			if !answered[i] {
				f.Unanswered++
				f.UnansweredInjects = append(f.UnansweredInjects, i+1)
			}
			if first < 0 || st.At < first {
				first = st.At
			}
		case InjectSkipped:
			f.Skipped++
		default:
			f.NotReached++
		}
	}
	f.FirstAlert = max(first, 0)
	for _, a := range cat.Audiences {
		f.PerAudience = append(f.PerAudience, AudienceCount{Audience: a, Messages: counts[a]})
		delete(counts, a)
	}
	others := make([]string, 0, len(counts))
	for a := range counts {
		others = append(others, a)
	}
	slices.Sort(others)
	for _, a := range others {
		f.PerAudience = append(f.PerAudience, AudienceCount{Audience: a, Messages: counts[a]})
	}
	return f
}

// Compare says, one short line each, how a later run did against an
// earlier one: sooner or later to acknowledge, more or fewer items met,
// more or fewer injects left unanswered. Runs of different scenarios face
// different injects, so they are not compared: the one line says so.
func Compare(earlier, later DrillFigures) []string {
	if earlier.Scenario != later.Scenario {
		return []string{"not comparable: the runs rehearse different scenarios"}
	}
	var out []string
	e, eok := earlier.TimeToAck()
	l, lok := later.TimeToAck()
	switch {
	case eok && lok && l < e:
		out = append(out, "acknowledged "+ClockText(e-l)+" sooner")
	case eok && lok && l > e:
		out = append(out, "acknowledged "+ClockText(l-e)+" later")
	case eok && lok:
		out = append(out, "acknowledged as fast")
	case lok:
		out = append(out, "acknowledged in public, which the earlier run never did")
	case eok:
		out = append(out, "never acknowledged in public, which the earlier run did")
	}
	out = append(out, moreOrFewer(later.ChecklistMet-earlier.ChecklistMet, "checklist item met", "checklist items met"))
	out = append(out, moreOrFewer(later.Unanswered-earlier.Unanswered, "inject unanswered", "injects unanswered"))
	return out
}

func moreOrFewer(d int, one, many string) string {
	switch {
	case d == 0:
		return "as many " + many
	case d > 0:
		return count(d, one, many) + " more"
	}
	return strings.Replace(count(-d, one, many), " ", " fewer ", 1)
}

// SyncChecklist writes the run's checklist from its messages, keeping every
// verdict the room confirmed, so the file and the plan show what the
// screen shows.
func (r *DrillRun) SyncChecklist(items []ChecklistItem) {
	if r.Checklist == nil {
		r.Checklist = map[string]Check{}
	}
	for id, c := range r.ChecklistVerdict(items) {
		r.Checklist[id] = c
	}
}

// InjectList names injects by number for a sentence: "inject 3",
// "injects 3, 5 and 7".
func InjectList(numbers []int) string {
	if len(numbers) == 0 {
		return ""
	}
	parts := make([]string, len(numbers))
	for i, n := range numbers {
		parts[i] = strconv.Itoa(n)
	}
	if len(parts) == 1 {
		return "inject " + parts[0]
	}
	return "injects " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
