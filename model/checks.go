package model

// Checks is what the rules find in a session as it is: the RACI findings
// and what each step still lacks, each worked out once, when first asked
// for, however many screens show it. A session that changes needs new
// Checks; what they return is shared and must not be changed.
type Checks struct {
	s        *Session
	raci     []Finding
	raciDone bool
	missing  map[StepKind][]string
}

// Check returns the checks of the session as it is now.
func (s *Session) Check() *Checks { return &Checks{s: s} }

// RACI is the RACI grid's findings (RACIMatrix.Findings).
func (c *Checks) RACI() []Finding {
	if !c.raciDone {
		c.raci, c.raciDone = c.s.RACI.Findings(), true
	}
	return c.raci
}

// Missing lists what the step of kind k still lacks (Session.Missing).
func (c *Checks) Missing(k StepKind) []string {
	if m, ok := c.missing[k]; ok {
		return m
	}
	if c.missing == nil {
		c.missing = map[StepKind][]string{}
	}
	m := c.s.missing(k, c)
	c.missing[k] = m
	return m
}

// Complete reports whether the step of kind k lacks nothing.
func (c *Checks) Complete(k StepKind) bool { return len(c.Missing(k)) == 0 }

// Progress counts the workshop's steps that are complete (Session.Progress).
func (c *Checks) Progress() (done, total int) {
	for _, st := range c.s.Workshop.Steps {
		if c.Complete(st.Kind) {
			done++
		}
	}
	return done, len(c.s.Workshop.Steps)
}
