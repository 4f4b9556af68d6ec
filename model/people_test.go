package model

import (
	"slices"
	"testing"
)

func peopleSession() *Session {
	return &Session{
		Participants: []Participant{
			{Name: "Ana Silva", Department: "Marketing", RoleTitle: "CMO"},
			{Name: "Ben Okafor", Department: "IT"},
		},
		RACI: RACIMatrix{Roles: []Role{
			{ID: "marketing", Name: "Marketing lead", Person: "Ana Silva", Backup: "ben okafor"},
			{ID: "it", Name: "IT operations", Person: "Ben Okafor", Backup: "Ana Silva "},
		}},
		Objectives: Objectives{Items: []Objective{{Title: "Engage customers", Sponsor: "Ana Silva"}}},
		Listen: Listen{Experts: []Expert{
			{Name: "Ana Silva", Department: "Marketing", Knows: "the forums"},
			{Name: "Cleo Park", Department: "Support"},
		}},
	}
}

func TestRenamingAParticipantRenamesEveryPlaceThatNamesThem(t *testing.T) {
	s := peopleSession()
	s.SetParticipants([]ParticipantChange{
		{Was: "Ana Silva", Participant: Participant{Name: "Ana Silva-Reyes", Department: "Communications", RoleTitle: "CMO"}},
		{Was: "Ben Okafor", Participant: Participant{Name: "Ben Okafor", Department: "IT"}},
	})
	r := s.RACI.Roles
	if r[0].Person != "Ana Silva-Reyes" || r[1].Backup != "Ana Silva-Reyes" {
		t.Errorf("the roles still name the old name: %+v", r)
	}
	if r[0].Backup != "Ben Okafor" {
		t.Errorf("a name kept as it was, typed in another case, is written as the participant's: %q", r[0].Backup)
	}
	if got := s.Objectives.Items[0].Sponsor; got != "Ana Silva-Reyes" {
		t.Errorf("sponsor = %q", got)
	}
	if e := s.Listen.Experts[0]; e.Name != "Ana Silva-Reyes" || e.Department != "Communications" || e.Knows != "the forums" {
		t.Errorf("the expert did not follow the participant: %+v", e)
	}
	if e := s.Listen.Experts[1]; e.Name != "Cleo Park" || e.Department != "Support" {
		t.Errorf("another expert changed: %+v", e)
	}
	if s.Participants[0].Name != "Ana Silva-Reyes" || s.Participants[0].Department != "Communications" {
		t.Errorf("participants = %+v", s.Participants)
	}
}

func TestSwappedNamesAreSwappedEverywhere(t *testing.T) {
	s := peopleSession()
	s.SetParticipants([]ParticipantChange{
		{Was: "Ana Silva", Participant: Participant{Name: "Ben Okafor"}},
		{Was: "Ben Okafor", Participant: Participant{Name: "Ana Silva"}},
	})
	if r := s.RACI.Roles[0]; r.Person != "Ben Okafor" || r.Backup != "Ana Silva" {
		t.Errorf("role = %+v", r)
	}
}

func TestAnAmbiguousNameIsLeftAsItIs(t *testing.T) {
	s := peopleSession()
	s.Participants = append(s.Participants, Participant{Name: "Ana Silva", Department: "Legal"})
	s.SetParticipants([]ParticipantChange{
		{Was: "Ana Silva", Participant: Participant{Name: "Ana Silva"}},
		{Was: "Ben Okafor", Participant: Participant{Name: "Ben Okafor"}},
		{Was: "Ana Silva", Participant: Participant{Name: "Ana Lima"}},
	})
	if got := s.RACI.Roles[0].Person; got != "Ana Silva" {
		t.Errorf("two participants were called Ana Silva and one was renamed; the role now names %q", got)
	}
}

func TestRemovingAParticipantKeepsWhereTheyAreNamed(t *testing.T) {
	s := peopleSession()
	uses := s.PersonUses("ana silva")
	want := []string{"person for the role Marketing lead", "backup for the role IT operations",
		"sponsor of the objective Engage customers", "an internal expert"}
	if !slices.Equal(uses, want) {
		t.Errorf("PersonUses = %q, want %q", uses, want)
	}
	s.SetParticipants([]ParticipantChange{{Was: "Ben Okafor", Participant: Participant{Name: "Ben Okafor"}}})
	if len(s.Participants) != 1 || s.RACI.Roles[0].Person != "Ana Silva" {
		t.Errorf("after the removal: participants %+v, roles %+v", s.Participants, s.RACI.Roles)
	}
	if got := s.PersonUses("Dan Nobody"); len(got) != 0 {
		t.Errorf("nobody's uses: %q", got)
	}
}

func TestJoinParticipantAddsOnlySomeoneNew(t *testing.T) {
	s := peopleSession()
	s.JoinParticipant(" ana SILVA ", "")
	s.JoinParticipant("   ", "IT")
	s.JoinParticipant("Dan Reyes", " Legal ")
	if len(s.Participants) != 3 || s.Participants[2] != (Participant{Name: "Dan Reyes", Department: "Legal"}) {
		t.Errorf("participants = %+v", s.Participants)
	}
}
