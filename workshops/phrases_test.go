package workshops

import (
	"slices"
	"strings"
	"testing"

	"github.com/roundtable/roundtable/model"
)

// A template written before templates carried drill phrases, and the copy
// of one in an old session, grade messages with the default's words; a
// template's own list replaces the default's, and an empty one stays empty.
func TestATemplateTakesTheDefaultPhrasesItLeavesOut(t *testing.T) {
	def := builtIn(t, Default).Drill.Phrases
	if len(def.Compassion) == 0 || len(def.Time) == 0 {
		t.Fatalf("the default template has no phrases: %+v", def)
	}
	w, err := Parse("valid.toml", []byte(readFixture(t)))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(w.Drill.Phrases.Compassion, def.Compassion) || !slices.Equal(w.Drill.Phrases.Time, def.Time) {
		t.Errorf("a template without phrases: %+v", w.Drill.Phrases)
	}
	own := strings.Replace(readFixture(t), "[[drill.scenario]]", "[drill.phrases]\ncompassion = [\"désolé*\", \"pardon\"]\nsource = []\n\n[[drill.scenario]]", 1)
	w, err = Parse("own.toml", []byte(own))
	if err != nil {
		t.Fatal(err)
	}
	p := w.Drill.Phrases
	if !slices.Equal(p.Compassion, []string{"désolé*", "pardon"}) || len(p.Source) != 0 || !slices.Equal(p.Action, def.Action) {
		t.Errorf("a template with its own phrases: %+v", p)
	}
	cat := w.Drill
	cat.Checklist = []model.ChecklistItem{{ID: model.CheckCompassion}, {ID: model.CheckSources}}
	g := model.GradeMessage(model.Message{Audience: "customers", Text: "Nous sommes désolés : voyez la vidéo."}, model.DrillRun{}, cat, nil)
	if c := g[model.CheckCompassion]; !c.Met || !strings.Contains(c.Why, "désolés") {
		t.Errorf("the template's own language: %+v", c)
	}

	old := CompletePhrases(model.DrillPhrases{})
	if !slices.Equal(old.Source, def.Source) {
		t.Errorf("an old session's copy of a template: %+v", old)
	}
	old.Source[0] = "changed"
	if builtIn(t, Default).Drill.Phrases.Source[0] == "changed" {
		t.Error("a completed copy shares its lists with the built-in phrases")
	}
}

// The built-in templates' own words find what a room writes: a web
// address, a thread, a concrete step with a time.
func TestBuiltInPhrasesGradeWhatARoomWrites(t *testing.T) {
	text := "We have seen your forum thread, and we are sorry. We are refunding and replacing every damaged tent this week: northwind.example/repair-update"
	for _, name := range []string{Default, SelfAssessment} {
		w := builtIn(t, name)
		cat := w.Drill
		run := model.NewDrillRun(cat.Scenarios[0], cat.Duties, nil, 1)
		g := model.GradeMessage(model.Message{Audience: "customers", Text: model.Text(text)}, run, cat, nil)
		for id, want := range map[string]string{
			model.CheckSources:      "names a source: “your forum thread”",
			model.CheckPlan:         "a next step “we are refunding” with a time “this week”",
			model.CheckResponsePage: "links “northwind.example/repair-update”",
			model.CheckCompassion:   "words of regret “sorry”",
			model.CheckAcknowledge:  "to customers, says “we have seen”",
		} {
			if c := g[id]; !c.Met || c.Why != want {
				t.Errorf("%s: %s = %+v, want met with %q", name, id, c, want)
			}
		}
	}
}
