package workshops

import (
	"strings"
	"sync"
	"unicode"

	"github.com/BurntSushi/toml"

	"github.com/roundtable/roundtable/assets"
	"github.com/roundtable/roundtable/model"
)

// builtInPhrases are the default template's drill phrases.
var builtInPhrases = sync.OnceValue(func() model.DrillPhrases {
	var t struct {
		Drill struct {
			Phrases model.DrillPhrases `toml:"phrases"`
		} `toml:"drill"`
	}
	data, err := assets.Workshops.ReadFile("workshops/" + Default + ".toml")
	if err == nil {
		_, err = toml.Decode(string(data), &t)
	}
	if err != nil {
		// The built-in template is checked by its tests; a build without it
		// grades with the template's own phrases only.
		return model.DrillPhrases{}
	}
	return t.Drill.Phrases
})

// CompletePhrases returns p with the default template's list for each
// list p leaves out, so a template, or the copy of one in a session,
// written before templates carried phrases still has its messages graded.
// A list written empty (source = []) stays empty.
func CompletePhrases(p model.DrillPhrases) model.DrillPhrases {
	def := builtInPhrases()
	for _, l := range []struct{ own, def *[]string }{
		{&p.Acknowledge, &def.Acknowledge}, {&p.Issue, &def.Issue}, {&p.Source, &def.Source},
		{&p.Compassion, &def.Compassion}, {&p.Action, &def.Action}, {&p.Time, &def.Time},
		{&p.Page, &def.Page}, {&p.Coordinate, &def.Coordinate},
	} {
		if *l.own == nil {
			*l.own = append([]string(nil), *l.def...)
		}
	}
	return p
}

// phrases checks the drill's phrase lists: a phrase of only * and marks
// would be found in every message.
func (c *checker) phrases(p model.DrillPhrases) {
	at := c.src.tableOrStep("drill.phrases", model.StepDrill)
	for _, l := range []struct {
		key  string
		list []string
	}{
		{"acknowledge", p.Acknowledge}, {"issue", p.Issue}, {"source", p.Source}, {"compassion", p.Compassion},
		{"action", p.Action}, {"time", p.Time}, {"page", p.Page}, {"coordinate", p.Coordinate},
	} {
		for i, phrase := range l.list {
			switch {
			case strings.TrimSpace(phrase) == "":
				c.problem(c.src.keyIn(l.key, at), "drill.phrases.%s: phrase %d is empty; write the words to look for, or take it out", l.key, i+1)
			case !strings.ContainsFunc(phrase, func(r rune) bool { return r == '#' || unicode.IsLetter(r) || unicode.IsDigit(r) }):
				c.problem(c.src.keyIn(l.key, at), "drill.phrases.%s: phrase %d (%q) has no word, so it would be found in any message; write the words to look for", l.key, i+1, phrase)
			}
		}
	}
}
