package workshops

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/roundtable/roundtable/assets"
	"github.com/roundtable/roundtable/model"
)

// sampleAnswers is what the sample organisation said at each step. It has
// the session's own keys, without the workshop copy, so the sample reads
// like a session file.
type sampleAnswers struct {
	Meta         model.Meta          `toml:"meta"`
	Participants []model.Participant `toml:"participants"`
	Listen       model.Listen        `toml:"listen"`
	Objectives   model.Objectives    `toml:"objectives"`
	RACI         model.RACIMatrix    `toml:"raci"`
	Risks        []model.Risk        `toml:"risks"`
	Drill        model.Drill         `toml:"drill"`
	Assessment   []model.Rating      `toml:"assessment"`
	Actions      []model.ActionItem  `toml:"actions"`
}

// Sample fills a session made by model.New with the sample organisation's
// answers for its workshop, so a newcomer has a finished workshop to
// explore. The session keeps its id, title and dates. The answers were
// written for the built-in template of that name, so the session takes a
// copy of the built-in one even when a user template replaces it: its
// roles, activities and scenarios are the ones the answers point at.
func Sample(s *model.Session) error {
	name := s.Workshop.Name
	data, err := assets.Samples.ReadFile("samples/" + name + ".toml")
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("the workshop %q has no sample answers; samples exist for %s", name, strings.Join(sampleNames(), ", "))
	}
	if err != nil {
		return err
	}
	src, err := assets.Workshops.ReadFile("workshops/" + name + ".toml")
	if err != nil {
		return fmt.Errorf("the sample answers of %q have no built-in workshop: %w", name, err)
	}
	w, err := Parse(name+".toml", src)
	if err != nil {
		return err
	}
	var a sampleAnswers
	md, err := toml.Decode(string(data), &a)
	if err != nil {
		return fmt.Errorf("the sample answers of %q: %w", name, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return fmt.Errorf("the sample answers of %q have unknown keys: %v", name, u)
	}
	s.Meta.Organisation = a.Meta.Organisation
	s.Meta.Facilitator = a.Meta.Facilitator
	if a.Meta.Date != "" {
		s.Meta.Date = a.Meta.Date
	}
	s.Participants = a.Participants
	s.Listen = a.Listen
	s.Objectives = a.Objectives
	s.RACI = a.RACI
	s.Risks = a.Risks
	s.Drill = a.Drill
	s.Assessment = a.Assessment
	s.Actions = nil
	for _, act := range a.Actions {
		s.AddAction(act)
	}
	s.Workshop = w
	s.Meta.Workshop = w.Name
	return nil
}

func sampleNames() []string {
	files, _ := fs.Glob(assets.Samples, "samples/*.toml")
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(strings.TrimPrefix(f, "samples/"), ".toml")
	}
	return names
}
