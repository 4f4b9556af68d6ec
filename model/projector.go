package model

import "strings"

// Projector is what the facilitator's program tells the room's view
// (`roundtable present`) besides the step the group is on: whether the
// view is frozen while the facilitator looks something up, and which item
// it shows in focus, and how to join the live room while it is open.
type Projector struct {
	// Frozen keeps the room's view as it was when the facilitator froze
	// it; FrozenStep is the step it showed then.
	Frozen     bool `toml:"frozen"`
	FrozenStep int  `toml:"frozen_step"`
	// Focus is the one item the room's view shows large, if any.
	Focus Focus `toml:"focus"`
	// Join is how phones join the live room, empty while it is closed.
	Join RoomJoin `toml:"join"`
}

// RoomJoin is what the room needs to join the live room from its phones:
// the page's address and the room code, or that the room takes nobody new.
// The code is on the facilitator's screen too, and the session file is
// private to the facilitator.
type RoomJoin struct {
	URL    string `toml:"url"`
	Code   string `toml:"code"`
	Locked bool   `toml:"locked"`
}

// FocusKind says what kind of item is in focus on the projector.
type FocusKind string

// The items a facilitator can put in focus.
const (
	FocusNone      FocusKind = ""
	FocusRisk      FocusKind = "risk"
	FocusObjective FocusKind = "objective"
	FocusMessage   FocusKind = "message"
)

// Step is the kind of step whose screen holds items of kind k.
func (k FocusKind) Step() StepKind {
	switch k {
	case FocusRisk:
		return StepRisks
	case FocusObjective:
		return StepObjectives
	case FocusMessage:
		return StepDrill
	}
	return ""
}

// Focus names one risk, objective, or message of the current drill run.
// Items have no ids, so it holds the item's index and its title (a
// message's text) to find it again after the list changed.
type Focus struct {
	Kind  FocusKind `toml:"kind"`
	Index int       `toml:"index"`
	Title string    `toml:"title"`
}

// FocusOn is the focus on item i of kind k in s, or no focus when there is
// no such item.
func (s *Session) FocusOn(k FocusKind, i int) Focus {
	titles := s.focusTitles(k)
	if i < 0 || i >= len(titles) {
		return Focus{}
	}
	return Focus{Kind: k, Index: i, Title: titles[i]}
}

// Find returns the index of the focused item in s: the item at the index
// kept if it still has the title kept, else the first item with that
// title, else false.
func (f Focus) Find(s *Session) (int, bool) {
	titles := s.focusTitles(f.Kind)
	if f.Index >= 0 && f.Index < len(titles) && titles[f.Index] == f.Title {
		return f.Index, true
	}
	for i, t := range titles {
		if t == f.Title {
			return i, true
		}
	}
	return 0, false
}

// focusTitles are the titles of the items of kind k, by index.
func (s *Session) focusTitles(k FocusKind) []string {
	var out []string
	switch k {
	case FocusRisk:
		for _, r := range s.Risks {
			out = append(out, strings.TrimSpace(r.Title))
		}
	case FocusObjective:
		for _, o := range s.Objectives.Items {
			out = append(out, strings.TrimSpace(o.Title))
		}
	case FocusMessage:
		if n := len(s.Drill.Runs); n > 0 {
			for _, m := range s.Drill.Runs[n-1].Messages {
				out = append(out, strings.TrimSpace(string(m.Text)))
			}
		}
	}
	return out
}

// Reopened puts the session as a program that has just opened it shows
// it: a drill clock left running by a program that stopped without saying
// so comes back paused where it was written down, and the projector
// follows again, unfrozen, nothing in focus. It reports whether anything
// changed.
func (s *Session) Reopened() bool {
	changed := s.Projector != Projector{}
	s.Projector = Projector{}
	for i := range s.Drill.Runs {
		if r := &s.Drill.Runs[i]; !r.RunningSince.IsZero() {
			r.StopClock(r.Clock)
			changed = true
		}
	}
	return changed
}
