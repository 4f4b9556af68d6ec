package model

import (
	"maps"
	"slices"
)

// Clone returns a deep copy of the session that shares no slice or map with
// it, so a copy can be saved in the background while the screen keeps
// editing the original. Nil stays nil and empty stays empty, so the copy
// encodes to the same bytes.
func (s *Session) Clone() *Session {
	if s == nil {
		return nil
	}
	c := *s
	c.Participants = slices.Clone(s.Participants)
	c.Listen = s.Listen.Clone()
	c.Objectives.Items = slices.Clone(s.Objectives.Items)
	c.RACI = s.RACI.Clone()
	c.Risks = slices.Clone(s.Risks)
	c.Drill = s.Drill.Clone()
	c.Assessment = slices.Clone(s.Assessment)
	c.Actions = slices.Clone(s.Actions)
	for i := range c.Actions {
		c.Actions[i].History = slices.Clone(c.Actions[i].History)
	}
	c.Parking = slices.Clone(s.Parking)
	c.Room = slices.Clone(s.Room)
	for i := range c.Room {
		c.Room[i] = s.Room[i].Clone()
	}
	c.Workshop = s.Workshop.Clone()
	return &c
}

// Clone returns a deep copy of the listening step's answers.
func (l Listen) Clone() Listen {
	c := l
	c.Poll = slices.Clone(l.Poll)
	c.Inventory = slices.Clone(l.Inventory)
	c.Experts = slices.Clone(l.Experts)
	return c
}

// Clone returns a deep copy of the grid, cells included.
func (m RACIMatrix) Clone() RACIMatrix {
	c := m
	c.Roles = slices.Clone(m.Roles)
	c.Activities = slices.Clone(m.Activities)
	for i := range c.Activities {
		c.Activities[i].Cells = maps.Clone(m.Activities[i].Cells)
	}
	return c
}

// Clone returns a deep copy of every drill run.
func (d Drill) Clone() Drill {
	c := d
	c.Runs = slices.Clone(d.Runs)
	for i := range c.Runs {
		c.Runs[i] = d.Runs[i].Clone()
	}
	return c
}

// Clone returns a deep copy of the run, each message's checks included.
func (r DrillRun) Clone() DrillRun {
	c := r
	c.Assignments = slices.Clone(r.Assignments)
	c.Injects = slices.Clone(r.Injects)
	c.Log = slices.Clone(r.Log)
	c.Messages = slices.Clone(r.Messages)
	for i := range c.Messages {
		c.Messages[i].Checks = maps.Clone(r.Messages[i].Checks)
	}
	c.Checklist = maps.Clone(r.Checklist)
	return c
}

// Clone returns a deep copy of the phrase lists.
func (p DrillPhrases) Clone() DrillPhrases {
	return DrillPhrases{
		Acknowledge: slices.Clone(p.Acknowledge),
		Issue:       slices.Clone(p.Issue),
		Source:      slices.Clone(p.Source),
		Compassion:  slices.Clone(p.Compassion),
		Action:      slices.Clone(p.Action),
		Time:        slices.Clone(p.Time),
		Page:        slices.Clone(p.Page),
		Coordinate:  slices.Clone(p.Coordinate),
	}
}

// Clone returns a deep copy of the workshop template.
func (w Workshop) Clone() Workshop {
	c := w
	c.Steps = slices.Clone(w.Steps)
	for i := range c.Steps {
		c.Steps[i].Prompts = slices.Clone(w.Steps[i].Prompts)
	}
	c.Listen.Platforms = slices.Clone(w.Listen.Platforms)
	c.Listen.Places = slices.Clone(w.Listen.Places)
	c.Listen.Voices = slices.Clone(w.Listen.Voices)
	c.Objectives.Objectives = slices.Clone(w.Objectives.Objectives)
	c.Objectives.Models = slices.Clone(w.Objectives.Models)
	c.RACI.Roles = slices.Clone(w.RACI.Roles)
	c.RACI.Activities = slices.Clone(w.RACI.Activities)
	for i := range c.RACI.Activities {
		c.RACI.Activities[i].Suggested = maps.Clone(w.RACI.Activities[i].Suggested)
	}
	c.Risks.Categories = slices.Clone(w.Risks.Categories)
	c.Risks.Catalogue = slices.Clone(w.Risks.Catalogue)
	c.Drill.Duties = slices.Clone(w.Drill.Duties)
	c.Drill.Scenarios = slices.Clone(w.Drill.Scenarios)
	for i := range c.Drill.Scenarios {
		c.Drill.Scenarios[i].Injects = slices.Clone(w.Drill.Scenarios[i].Injects)
	}
	c.Drill.Checklist = slices.Clone(w.Drill.Checklist)
	c.Drill.Audiences = slices.Clone(w.Drill.Audiences)
	c.Drill.Phases = slices.Clone(w.Drill.Phases)
	c.Drill.Phrases = w.Drill.Phrases.Clone()
	c.Assessment.Practices = slices.Clone(w.Assessment.Practices)
	return c
}
