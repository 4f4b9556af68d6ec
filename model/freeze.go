package model

import (
	"maps"
	"reflect"
	"slices"
	"unsafe"
)

// Freeze returns a copy of the session that shares no slice or map with
// it, like Clone, but that shares with prev, an earlier frozen copy (or
// nil), every part that is the same in both: the workshop copy, each list
// of the session, each RACI row's letters and each drill run's pieces. A
// history of frozen copies then holds what changed from one to the next,
// not a whole session each. A frozen copy must never be changed, since
// others share its parts; Clone it to edit. Freeze also returns about how
// many bytes the copy holds that it does not share with prev.
func (s *Session) Freeze(prev *Session) (*Session, int) {
	if prev == nil {
		prev = &Session{}
	}
	f := freezer{}
	c := *s
	c.Participants = freezeList(&f, s.Participants, prev.Participants)
	c.Listen.Poll = freezeList(&f, s.Listen.Poll, prev.Listen.Poll)
	c.Listen.Inventory = freezeList(&f, s.Listen.Inventory, prev.Listen.Inventory)
	c.Listen.Experts = freezeList(&f, s.Listen.Experts, prev.Listen.Experts)
	c.Objectives.Items = freezeList(&f, s.Objectives.Items, prev.Objectives.Items)
	c.RACI.Roles = freezeList(&f, s.RACI.Roles, prev.RACI.Roles)
	c.RACI.Activities = freezeActivities(&f, s.RACI.Activities, prev.RACI.Activities)
	c.Risks = freezeList(&f, s.Risks, prev.Risks)
	c.Drill.Runs = freezeRuns(&f, s.Drill.Runs, prev.Drill.Runs)
	c.Assessment = freezeList(&f, s.Assessment, prev.Assessment)
	c.Actions = freezeActions(&f, s.Actions, prev.Actions)
	c.Parking = freezeList(&f, s.Parking, prev.Parking)
	if slices.EqualFunc(s.Room, prev.Room, RoomRecord.equal) && sameNil(s.Room, prev.Room) {
		c.Room = prev.Room
	} else {
		c.Room = slices.Clone(s.Room)
		for i := range c.Room {
			c.Room[i] = s.Room[i].Clone()
		}
		f.bytes += sizeOf(reflect.ValueOf(c.Room))
	}
	if s.Workshop.equal(&prev.Workshop) {
		c.Workshop = prev.Workshop
	} else {
		c.Workshop = s.Workshop.Clone()
		f.bytes += sizeOf(reflect.ValueOf(c.Workshop))
	}
	return &c, f.bytes + int(unsafe.Sizeof(c))
}

// freezer counts the bytes a frozen copy does not share.
type freezer struct{ bytes int }

// sizeOf is about how many bytes the slices, maps and strings under v
// take, for the parts that rarely change and are not worth counting by
// hand.
func sizeOf(v reflect.Value) int {
	switch v.Kind() {
	case reflect.String:
		return v.Len()
	case reflect.Struct:
		n := 0
		for i := range v.NumField() {
			n += sizeOf(v.Field(i))
		}
		return n
	case reflect.Slice:
		n := v.Len() * int(v.Type().Elem().Size())
		for i := range v.Len() {
			n += sizeOf(v.Index(i))
		}
		return n
	case reflect.Map:
		n := mapBytes(v.Len(), v.Type().Key().Size()+v.Type().Elem().Size())
		for it := v.MapRange(); it.Next(); {
			n += sizeOf(it.Key()) + sizeOf(it.Value())
		}
		return n
	}
	return 0
}

// mapBytes is about what a small map of n entries of size each takes.
func mapBytes(n int, size uintptr) int { return 48 + 2*n*int(size) }

// sameNil keeps nil and empty apart, so a frozen copy encodes to the same
// bytes as the session.
func sameNil[E any](a, b []E) bool { return (a == nil) == (b == nil) }

// freezeList is cur itself when it equals prev's, else a copy of cur.
func freezeList[E comparable](f *freezer, cur, prev []E) []E {
	if equalList(cur, prev) {
		return prev
	}
	var e E
	f.bytes += len(cur) * int(unsafe.Sizeof(e))
	return slices.Clone(cur)
}

// freezeActivities shares each row's letters with prev where they are the
// same: setting one letter copies the rows, not every row's letters.
func freezeActivities(f *freezer, cur, prev []Activity) []Activity {
	if slices.EqualFunc(cur, prev, Activity.equal) && sameNil(cur, prev) {
		return prev
	}
	out := slices.Clone(cur)
	f.bytes += len(out) * int(unsafe.Sizeof(Activity{}))
	for i := range out {
		if i < len(prev) && equalMap(cur[i].Cells, prev[i].Cells) {
			out[i].Cells = prev[i].Cells
			continue
		}
		out[i].Cells = maps.Clone(cur[i].Cells)
		f.bytes += mapBytes(len(cur[i].Cells), unsafe.Sizeof("")+unsafe.Sizeof(Letter("")))
	}
	return out
}

// freezeActions is cur itself when it equals prev's, else a copy of cur
// with each action's history of its own.
func freezeActions(f *freezer, cur, prev []ActionItem) []ActionItem {
	if slices.EqualFunc(cur, prev, ActionItem.equal) && sameNil(cur, prev) {
		return prev
	}
	out := slices.Clone(cur)
	f.bytes += len(out) * int(unsafe.Sizeof(ActionItem{}))
	for i := range out {
		out[i].History = slices.Clone(cur[i].History)
		f.bytes += len(cur[i].History) * int(unsafe.Sizeof(StatusChange{}))
	}
	return out
}

func (a ActionItem) equal(b ActionItem) bool {
	return a.ID == b.ID && a.Text == b.Text && a.Owner == b.Owner && a.Due == b.Due && a.Source == b.Source &&
		a.Status == b.Status && a.Note == b.Note && a.Finding == b.Finding && a.Reviewed == b.Reviewed &&
		slices.Equal(a.History, b.History) && sameNil(a.History, b.History)
}

func (a Activity) equal(b Activity) bool {
	return a.Name == b.Name && a.Area == b.Area && a.Key == b.Key && equalMap(a.Cells, b.Cells)
}

// freezeRuns shares each run's log, messages and checklist with prev where
// they are the same: a drill's clock moving on copies one run's numbers,
// not its log.
func freezeRuns(f *freezer, cur, prev []DrillRun) []DrillRun {
	if slices.EqualFunc(cur, prev, DrillRun.equal) && sameNil(cur, prev) {
		return prev
	}
	out := slices.Clone(cur)
	f.bytes += len(out) * int(unsafe.Sizeof(DrillRun{}))
	for i := range out {
		var p DrillRun
		if i < len(prev) {
			p = prev[i]
		}
		r := &out[i]
		r.Assignments = freezeList(f, cur[i].Assignments, p.Assignments)
		r.Injects = freezeList(f, cur[i].Injects, p.Injects)
		r.Log = freezeList(f, cur[i].Log, p.Log)
		if slices.EqualFunc(cur[i].Messages, p.Messages, Message.equal) && sameNil(cur[i].Messages, p.Messages) {
			r.Messages = p.Messages
		} else {
			r.Messages = slices.Clone(cur[i].Messages)
			f.bytes += len(r.Messages) * int(unsafe.Sizeof(Message{}))
			for j := range r.Messages {
				r.Messages[j].Checks = maps.Clone(cur[i].Messages[j].Checks)
				f.bytes += mapBytes(len(r.Messages[j].Checks), unsafe.Sizeof("")+unsafe.Sizeof(Check{}))
			}
		}
		if equalMap(cur[i].Checklist, p.Checklist) {
			r.Checklist = p.Checklist
		} else {
			r.Checklist = maps.Clone(cur[i].Checklist)
			f.bytes += mapBytes(len(r.Checklist), unsafe.Sizeof("")+unsafe.Sizeof(Check{}))
		}
	}
	return out
}

// equalMap tells nil from empty, as the encoder does.
func equalMap[K, V comparable](a, b map[K]V) bool {
	return maps.Equal(a, b) && (a == nil) == (b == nil)
}

// equalList tells nil from empty, as the encoder does.
func equalList[E comparable](a, b []E) bool { return slices.Equal(a, b) && sameNil(a, b) }

func (r DrillRun) equal(o DrillRun) bool {
	return r.Scenario == o.Scenario && r.Speed == o.Speed && r.Clock == o.Clock &&
		r.RunningSince == o.RunningSince && r.RunningFrom == o.RunningFrom && r.Ended == o.Ended && r.Review == o.Review &&
		equalList(r.Assignments, o.Assignments) && equalList(r.Injects, o.Injects) && equalList(r.Log, o.Log) &&
		slices.EqualFunc(r.Messages, o.Messages, Message.equal) && sameNil(r.Messages, o.Messages) &&
		equalMap(r.Checklist, o.Checklist)
}

func (m Message) equal(o Message) bool {
	return m.At == o.At && m.Audience == o.Audience && m.Phase == o.Phase && m.Sender == o.Sender &&
		m.Text == o.Text && m.Inject == o.Inject && equalMap(m.Checks, o.Checks)
}

func (r RoomRecord) equal(o RoomRecord) bool {
	return r.Activity == o.Activity && r.Anonymous == o.Anonymous && r.Closed == o.Closed && r.Answered == o.Answered &&
		slices.EqualFunc(r.Ballots, o.Ballots, RoomBallot.equal) && sameNil(r.Ballots, o.Ballots)
}

func (b RoomBallot) equal(o RoomBallot) bool {
	return b.Name == o.Name && b.Department == o.Department && equalList(b.Answers, o.Answers)
}

// equal reports whether two workshop copies are the same, field by field:
// the copy is the largest part of a session and almost never changes.
func (w *Workshop) equal(o *Workshop) bool {
	return w.Name == o.Name && w.Version == o.Version && w.Title == o.Title && w.Description == o.Description && w.Duration == o.Duration &&
		slices.EqualFunc(w.Steps, o.Steps, Step.equal) && sameNil(w.Steps, o.Steps) &&
		equalList(w.Listen.Platforms, o.Listen.Platforms) && equalList(w.Listen.Places, o.Listen.Places) &&
		equalList(w.Listen.Voices, o.Listen.Voices) &&
		equalList(w.Objectives.Objectives, o.Objectives.Objectives) && equalList(w.Objectives.Models, o.Objectives.Models) &&
		w.Objectives.VotesPerParticipant == o.Objectives.VotesPerParticipant &&
		equalList(w.RACI.Roles, o.RACI.Roles) &&
		slices.EqualFunc(w.RACI.Activities, o.RACI.Activities, ActivityTemplate.equal) && sameNil(w.RACI.Activities, o.RACI.Activities) &&
		equalList(w.Risks.Categories, o.Risks.Categories) && equalList(w.Risks.Catalogue, o.Risks.Catalogue) &&
		equalList(w.Drill.Duties, o.Drill.Duties) &&
		slices.EqualFunc(w.Drill.Scenarios, o.Drill.Scenarios, Scenario.equal) && sameNil(w.Drill.Scenarios, o.Drill.Scenarios) &&
		equalList(w.Drill.Checklist, o.Drill.Checklist) && equalList(w.Drill.Audiences, o.Drill.Audiences) &&
		equalList(w.Drill.Phases, o.Drill.Phases) && w.Drill.Phrases.equal(&o.Drill.Phrases) &&
		equalList(w.Assessment.Practices, o.Assessment.Practices)
}

func (s Step) equal(o Step) bool {
	return s.Kind == o.Kind && s.Title == o.Title && s.Timebox == o.Timebox && equalList(s.Prompts, o.Prompts)
}

func (a ActivityTemplate) equal(o ActivityTemplate) bool {
	return a.Name == o.Name && a.Area == o.Area && a.Key == o.Key && a.Description == o.Description &&
		equalMap(a.Suggested, o.Suggested)
}

func (s Scenario) equal(o Scenario) bool {
	return s.ID == o.ID && s.Title == o.Title && s.Summary == o.Summary && s.Minutes == o.Minutes &&
		equalList(s.Injects, o.Injects)
}

func (p *DrillPhrases) equal(o *DrillPhrases) bool {
	return equalList(p.Acknowledge, o.Acknowledge) && equalList(p.Issue, o.Issue) && equalList(p.Source, o.Source) &&
		equalList(p.Compassion, o.Compassion) && equalList(p.Action, o.Action) && equalList(p.Time, o.Time) &&
		equalList(p.Page, o.Page) && equalList(p.Coordinate, o.Coordinate)
}
