package model

import (
	"strings"
	"time"
)

// ActionItem is a piece of follow-up work agreed in the workshop, and what
// became of it when the facilitator reviewed it weeks later.
type ActionItem struct {
	// ID numbers the action from 1 within its session and is never given
	// to another, so a calendar that imported it updates it rather than
	// adding it again; 0 is an action from before actions were numbered.
	ID   int  `toml:"id"`
	Text Text `toml:"text"`
	// Owner is the ID of a RACI role: actions are owned by roles, not people.
	Owner string `toml:"owner"`
	// Due is a date as YYYY-MM-DD.
	Due string `toml:"due"`
	// Source is the kind of step the action came from.
	Source StepKind     `toml:"source"`
	Status ActionStatus `toml:"status"`
	// Note is what the follow-up found: why it is late, what is left.
	Note Text `toml:"note"`
	// Finding is the key of the open finding the action answers (see
	// OpenFinding), or "" for an action the room wrote itself.
	Finding string `toml:"finding"`
	// Reviewed is the day, as YYYY-MM-DD, the facilitator last went over
	// the action after the workshop.
	Reviewed string `toml:"reviewed"`
	// History lists each change of status, oldest first.
	History []StatusChange `toml:"history"`
}

// StatusChange is one change of an action's status, on the day it was made.
type StatusChange struct {
	// On is a date as YYYY-MM-DD.
	On     string       `toml:"on"`
	Status ActionStatus `toml:"status"`
}

// ActionStatus is where an action stands.
type ActionStatus string

// The statuses of an action, in the order follow-up moves through them.
const (
	ActionOpen       ActionStatus = "open"
	ActionInProgress ActionStatus = "in progress"
	ActionDone       ActionStatus = "done"
	ActionDropped    ActionStatus = "dropped"
)

// ActionStatuses lists every status in order.
var ActionStatuses = []ActionStatus{ActionOpen, ActionInProgress, ActionDone, ActionDropped}

// Closed reports whether nothing more is expected of the action: done or
// dropped. Any other status, a hand-edited one included, keeps it open.
func (a ActionItem) Closed() bool {
	return a.Status == ActionDone || a.Status == ActionDropped
}

// State is the action's status as people read it; a status left blank
// by hand is open.
func (a ActionItem) State() ActionStatus {
	if strings.TrimSpace(string(a.Status)) == "" {
		return ActionOpen
	}
	return a.Status
}

// Overdue reports whether the action is still open on today (YYYY-MM-DD)
// although its due date has passed.
func (a ActionItem) Overdue(today string) bool {
	return !a.Closed() && IsDate(a.Due) && a.Due < today
}

// Review records the follow-up of the action on today: its status, which
// joins the history when it changed, and its note.
func (a *ActionItem) Review(today string, st ActionStatus, note Text) {
	if st != a.State() {
		a.History = append(a.History, StatusChange{On: today, Status: st})
	}
	a.Status, a.Note, a.Reviewed = st, note, today
}

// AddAction appends a to the session's actions, numbered after every
// action it has.
func (s *Session) AddAction(a ActionItem) {
	a.ID = 1
	for _, b := range s.Actions {
		a.ID = max(a.ID, b.ID+1)
	}
	s.Actions = append(s.Actions, a)
}

// LastReviewed is the latest day any action was reviewed after the
// workshop, or "" when none was.
func (s *Session) LastReviewed() string {
	last := ""
	for _, a := range s.Actions {
		if IsDate(a.Reviewed) && a.Reviewed > last {
			last = a.Reviewed
		}
	}
	return last
}

// IsDate reports whether v is a day of the calendar written YYYY-MM-DD, as
// sessions store dates.
func IsDate(v string) bool {
	_, err := time.Parse(time.DateOnly, v)
	return err == nil
}
