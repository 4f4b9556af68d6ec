package model

import "strings"

// The session names people by the name the room gave them: a role's person
// and backup, an objective's sponsor, an internal expert. The participants
// are the list those names are chosen from, so renaming a participant
// renames every place that names them, and the file stays readable.

// SamePerson reports whether two names are the same person's as the room
// typed them: letter case and surrounding spaces do not count.
func SamePerson(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a != "" && strings.EqualFold(a, b)
}

// ParticipantNamed returns the index of the participant called name, or -1.
func (s *Session) ParticipantNamed(name string) int {
	for i, p := range s.Participants {
		if SamePerson(p.Name, name) {
			return i
		}
	}
	return -1
}

// JoinParticipant adds a participant called name, from department, unless
// the name is blank or already a participant's. A person chosen for a role,
// a sponsorship or as an expert joins the participants this way, so the
// next choice offers them.
func (s *Session) JoinParticipant(name, department string) {
	name = strings.TrimSpace(name)
	if name == "" || s.ParticipantNamed(name) >= 0 {
		return
	}
	s.Participants = append(s.Participants, Participant{Name: name, Department: strings.TrimSpace(department)})
}

// PersonUses says where the session names the person called name, one
// phrase each: "person for the role Community manager", "sponsor of the
// objective Engage customers", "an internal expert".
func (s *Session) PersonUses(name string) []string {
	var out []string
	for _, r := range s.RACI.Roles {
		role := strings.TrimSpace(r.Name)
		if role == "" {
			role = r.ID
		}
		if SamePerson(r.Person, name) {
			out = append(out, "person for the role "+role)
		}
		if SamePerson(r.Backup, name) {
			out = append(out, "backup for the role "+role)
		}
	}
	for _, o := range s.Objectives.Items {
		if SamePerson(o.Sponsor, name) {
			out = append(out, "sponsor of the objective "+strings.TrimSpace(o.Title))
		}
	}
	for _, e := range s.Listen.Experts {
		if SamePerson(e.Name, name) {
			out = append(out, "an internal expert")
			break
		}
	}
	return out
}

// ParticipantChange is one row of the participants as the room left it:
// the participant now, and the name they had before (blank for someone
// added).
type ParticipantChange struct {
	Was string
	Participant
}

// SetParticipants makes the list the session's participants, in its order.
// A participant renamed is renamed wherever the session names them, and an
// expert who moved department with them moves too; someone left out of the
// list is no longer a participant, but the places that name them keep the
// name, since it is still who the room chose.
func (s *Session) SetParticipants(list []ParticipantChange) {
	type move struct{ name, fromDept, toDept string }
	moves := map[string]move{}
	kept := map[string]bool{}
	for _, c := range list {
		was := strings.ToLower(strings.TrimSpace(c.Was))
		if was == "" {
			continue
		}
		if SamePerson(c.Was, c.Name) {
			kept[was] = true
		}
		from := ""
		if i := s.ParticipantNamed(c.Was); i >= 0 {
			from = s.Participants[i].Department
		}
		moves[was] = move{name: strings.TrimSpace(c.Name), fromDept: from, toDept: c.Department}
	}
	// A name still carried by a row that kept it (two participants had one
	// name, one was renamed) cannot tell whom a place meant: it stays.
	for was := range kept {
		if m := moves[was]; !SamePerson(m.name, was) {
			delete(moves, was)
		}
	}
	renamed := func(name string) (move, bool) {
		m, ok := moves[strings.ToLower(strings.TrimSpace(name))]
		return m, ok && m.name != ""
	}
	rename := func(name *string) {
		if m, ok := renamed(*name); ok {
			*name = m.name
		}
	}
	for i := range s.RACI.Roles {
		rename(&s.RACI.Roles[i].Person)
		rename(&s.RACI.Roles[i].Backup)
	}
	for i := range s.Objectives.Items {
		rename(&s.Objectives.Items[i].Sponsor)
	}
	for i := range s.Listen.Experts {
		e := &s.Listen.Experts[i]
		m, ok := renamed(e.Name)
		if !ok {
			continue
		}
		e.Name = m.name
		if strings.EqualFold(strings.TrimSpace(e.Department), strings.TrimSpace(m.fromDept)) {
			e.Department = m.toDept
		}
	}
	people := make([]Participant, 0, len(list))
	for _, c := range list {
		people = append(people, c.Participant)
	}
	s.Participants = people
}
