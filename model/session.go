package model

import (
	"time"
)

// SchemaVersion is the version of the session file format this build writes.
// Files of a lower version are migrated when they are loaded.
const SchemaVersion = 2

// Session is everything one workshop produced. Its field order is the key
// order of the session file, so people reading the file meet the metadata
// first and the copied workshop template last.
type Session struct {
	SchemaVersion int    `toml:"schema_version"`
	ID            string `toml:"id"`
	// Step is the index into Workshop.Steps of the step the group is on.
	Step int `toml:"step"`

	Meta         Meta          `toml:"meta"`
	Participants []Participant `toml:"participants"`
	Listen       Listen        `toml:"listen"`
	Objectives   Objectives    `toml:"objectives"`
	RACI         RACIMatrix    `toml:"raci"`
	Risks        []Risk        `toml:"risks"`
	Drill        Drill         `toml:"drill"`
	Assessment   []Rating      `toml:"assessment"`
	Actions      []ActionItem  `toml:"actions"`
	// Parking is the parking lot: what the room set aside for later.
	Parking []ParkingNote `toml:"parking"`
	// Room lists the activities the room answered from its phones.
	Room []RoomRecord `toml:"room"`
	// Projector is what the room's view follows besides the step.
	Projector Projector `toml:"projector"`

	// Workshop is a copy of the template the session was created from, so a
	// later change to the template never changes this session or its plan.
	Workshop Workshop `toml:"workshop"`
}

// Meta describes the workshop itself.
type Meta struct {
	Title        string `toml:"title"`
	Organisation string `toml:"organisation"`
	Facilitator  string `toml:"facilitator"`
	// Date is the day of the workshop as YYYY-MM-DD.
	Date string `toml:"date"`
	// Workshop is the name of the template the session was created from.
	Workshop string    `toml:"workshop"`
	Created  time.Time `toml:"created"`
	Updated  time.Time `toml:"updated"`
}

// Participant is one person in the room.
type Participant struct {
	Name       string `toml:"name"`
	Department string `toml:"department"`
	RoleTitle  string `toml:"role_title"`
}

// New returns an empty session for the workshop w, with the poll and the
// RACI grid laid out from the workshop's catalogues so the room starts from
// the template rather than from a blank page.
func New(id string, meta Meta, w Workshop) *Session {
	s := &Session{
		SchemaVersion: SchemaVersion,
		ID:            id,
		Meta:          meta,
		Workshop:      w,
	}
	s.Meta.Workshop = w.Name
	for _, p := range w.Listen.Platforms {
		s.Listen.Poll = append(s.Listen.Poll, PollRow{Platform: p})
	}
	s.Objectives.VotesPerParticipant = w.Objectives.VotesPerParticipant
	for _, r := range w.RACI.Roles {
		s.RACI.Roles = append(s.RACI.Roles, Role{ID: r.ID, Name: r.Name})
	}
	for _, a := range w.RACI.Activities {
		s.RACI.Activities = append(s.RACI.Activities, Activity{Name: a.Name, Area: a.Area, Key: a.Key})
	}
	for _, r := range w.Risks.Catalogue {
		s.Risks = append(s.Risks, Risk{
			Title:      r.Title,
			Category:   r.Category,
			Likelihood: r.Likelihood,
			Impact:     r.Impact,
			Mitigation: r.Mitigation,
			Status:     RiskOpen,
		})
	}
	for _, p := range w.Assessment.Practices {
		s.Assessment = append(s.Assessment, Rating{Practice: p.ID})
	}
	return s
}

// CurrentStep returns the step the group is on, clamped to the workshop.
func (s *Session) CurrentStep() (Step, bool) {
	if len(s.Workshop.Steps) == 0 {
		return Step{}, false
	}
	i := min(max(s.Step, 0), len(s.Workshop.Steps)-1)
	return s.Workshop.Steps[i], true
}
