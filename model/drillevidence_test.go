package model

import (
	"strings"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"
)

// defaultPhrases are the default workshop's drill phrases, read from its
// template, so the grading tests see the words a room sees.
var defaultPhrases = sync.OnceValue(func() DrillPhrases {
	var t struct {
		Drill struct {
			Phrases DrillPhrases `toml:"phrases"`
		} `toml:"drill"`
	}
	if _, err := toml.DecodeFile("../assets/workshops/default.toml", &t); err != nil {
		panic(err)
	}
	return t.Drill.Phrases
})

// TestEveryEvidenceRule tries each named rule on its own: what it finds
// and what it leaves, with the default workshop's phrases.
func TestEveryEvidenceRule(t *testing.T) {
	cat, roles := fireDrill()
	run := NewDrillRun(cat.Scenarios[0], cat.Duties, roles, 1)
	run.Assignments[0].Backup = "it"
	type tc struct {
		msg  Message
		want string // the reason, or "" where the rule finds nothing
	}
	customers := func(text string) Message { return Message{Audience: "customers", Sender: "comms", Text: Text(text)} }
	cases := map[string][]tc{
		"an acknowledgement, to a public audience": {
			{customers("We are aware some cards were charged twice."), "to customers, says “we are aware”"},
			{customers("We’re looking into it."), "to customers, says “we're looking into”"},
			{Message{Audience: "employees", Text: "We are aware."}, ""},
			{customers("We know you."), ""},
		},
		"the issue named, to a public audience": {
			{customers("The outage is over."), "to customers, names the “outage”"},
			{customers("Checkout is slow for some of you."), "to customers, names the “slow”"},
			{customers("Sit down and relax."), ""},
			{Message{Audience: "employees", Text: "The outage is over."}, ""},
		},
		"sent by the spokesperson's role": {
			{Message{Audience: "press", Sender: "comms"}, "sent by Head of communications, the spokesperson"},
			{Message{Audience: "press", Sender: "it"}, ""},
		},
		"sent by the spokesperson's backup": {
			{Message{Audience: "press", Sender: "it"}, "sent by IT lead, the backup spokesperson"},
			{Message{Audience: "press", Sender: "social"}, ""},
		},
		"a link to the post, article or review": {
			{customers("See https://news.example.com/story/1"), "links “https://news.example.com/story/1”"},
			{customers("Updates at status.northwind.example."), ""},
		},
		"an @handle": {
			{customers("As @shopper99 said"), "names “@shopper99”"},
			{customers("Mail help@northwind.example"), ""},
		},
		"a source named in words": {
			{customers("We have seen your forum thread, Dana."), "names a source: “your forum thread”"},
			{customers("We watched the video."), "names a source: “the video”"},
			{customers("Thank you for the post on X."), "names a source: “the post”"},
			{customers("According to the BBC story …"), "names a source: “according to”"},
			{customers("The problem reported on Trustpilot is real."), "names a source: “reported on”"},
			{customers("We hear you."), ""},
		},
		"words of regret": {
			{customers("We apologise."), "words of regret “apologise”"},
			{customers("Unapologetic."), ""},
		},
		"a next step with a time": {
			{customers("We are refunding and replacing every damaged tent this week."), "a next step “we are refunding” with a time “this week”"},
			{customers("We will call every customer by 5 pm."), "a next step “we will” with a time “5 pm”"},
			{customers("We'll have it fixed by 3pm."), "a next step “we'll” with a time “3pm”"},
			{customers("We will post an update within two hours."), "a next step “we will” with a time “within two hours”"},
			{customers("The next update comes at 15:00."), "a next step “next update” with a time “15:00”"},
			{customers("We will share more soon."), ""},
			{customers("The plan is at 15:00."), ""},
		},
		"a link to a status, help or update page": {
			{customers("Read northwind.example/repair-update."), "links “northwind.example/repair-update”"},
			{customers("More on acme.com/incident."), "links “acme.com/incident”"},
			{customers("See https://news.example.com/story/1"), ""},
		},
		"a response page named in words": {
			{Message{Audience: "employees", Text: "Read the guidance on the intranet."}, "points to “intranet”"},
			{customers("Read this page."), ""},
		},
		"any link or web address": {
			{customers("Everything is at https://northwind.example/r/2 from now on."), "links “https://northwind.example/r/2”"},
			{customers("Everything is at northwind.example."), "links “northwind.example”"},
			{customers("Everything is at www.northwind.co.uk/kettles."), "links “www.northwind.co.uk/kettles”"},
			{customers("Read this page, e.g. the one we sent, 3.5/5 stars."), ""},
		},
		"a team or channel named": {
			{customers("Our PR people know."), "names “pr people”"},
			{customers("Our PR is good."), ""},
			{customers("See our website."), ""},
			{customers("Marketing loves you."), ""},
		},
	}
	for _, rule := range EvidenceRules {
		cs, ok := cases[rule.Name]
		if !ok {
			t.Errorf("the rule %q has no cases", rule.Name)
			continue
		}
		delete(cases, rule.Name)
		hits, misses := 0, 0
		for _, c := range cs {
			got := rule.Find(c.msg, run, cat, roles)
			if got != c.want {
				t.Errorf("%s: %q gives %q, want %q", rule.Name, c.msg.Text, got, c.want)
			}
			if c.want == "" {
				misses++
			} else {
				hits++
			}
		}
		if hits == 0 || misses == 0 {
			t.Errorf("the rule %q needs a case it meets and one it does not", rule.Name)
		}
	}
	for name := range cases {
		t.Errorf("cases for %q, which is no rule", name)
	}
}

func TestPhrasesAreWholeWordsWithWildcards(t *testing.T) {
	cases := []struct {
		phrase, text, want string
	}{
		{"apolog*", "we apologise.", "apologise"},
		{"we are *ing", "we are refunding and replacing", "we are refunding"},
		{"within * hours", "within two hours", "within two hours"},
		{"within * hours", "within 24 hours", "within 24 hours"},
		{"# pm", "by 5 pm today", "5 pm"},
		{"#:#", "at 17:00.", "17:00"},
		{"we're aware", "we’re aware", "we're aware"},
		{"WE ARE AWARE", "we are aware", "we are aware"},
		{"wir wissen", "wir wissen bescheid", "wir wissen"},
		{"entschuldig*", "wir entschuldigen uns", "entschuldigen"},
		{"pr team", "spr teams", ""},
		{"slow", "slowly", ""},
		{"für", "dafür", ""},
		{"#:#", "version 3", ""},
		{"", "anything", ""},
		{"   ", "anything", ""},
		{"a+b (c)", "a+b (c) works", "a+b (c)"},
		// Any bytes a template holds are words to look for, never syntax.
		{"[x", "a [x b", "[x"},
		{`\d`, "5", ""},
		{"\xffab", "ab", ""},
		{"**", "anything", "anything"},
	}
	for _, c := range cases {
		if got := findPhrase(foldText(c.text), []string{c.phrase}); got != c.want {
			t.Errorf("%q in %q: found %q, want %q", c.phrase, c.text, got, c.want)
		}
	}
}

// TestTheRoomsVerdictCarriesItsOwnReason: where the room overrules the
// program, the reason says the room decided; where it agrees, the
// program's reason stays; taking it back brings the program's back.
func TestTheRoomsVerdictCarriesItsOwnReason(t *testing.T) {
	cat, roles := fireDrill()
	run := NewDrillRun(cat.Scenarios[0], cat.Duties, roles, 1)
	m := Message{Audience: "customers", Sender: "comms", Text: "We are aware and sorry."}
	m.Checks = GradeMessage(m, run, cat, roles)
	run.Messages = append(run.Messages, m)
	cat.Checklist = append(cat.Checklist, ChecklistItem{ID: "legal"})

	run.Judge(0, CheckResponsePage, true, cat, roles)
	if c := run.Messages[0].Checks[CheckResponsePage]; !c.Counts() || c.Why != "decided by the room" {
		t.Errorf("met against the program: %+v", c)
	}
	run.Judge(0, CheckResponsePage, false, cat, roles)
	if c := run.Messages[0].Checks[CheckResponsePage]; c.Met || !c.Confirmed || c.Why != "no pointer to a response page" {
		t.Errorf("not met, as the program saw it: %+v", c)
	}
	run.Judge(0, CheckAcknowledge, true, cat, roles)
	if c := run.Messages[0].Checks[CheckAcknowledge]; !c.Counts() || !strings.Contains(c.Why, "“we are aware”") {
		t.Errorf("met, as the program saw it: %+v", c)
	}
	run.Judge(0, CheckCompassion, false, cat, roles)
	if c := run.Messages[0].Checks[CheckCompassion]; c.Met || c.Why != "decided by the room" {
		t.Errorf("not met against the program: %+v", c)
	}
	run.Judge(0, "legal", false, cat, roles)
	if c := run.Messages[0].Checks["legal"]; c.Met || !c.Confirmed || c.Why != "decided by the room" {
		t.Errorf("an item the program cannot see: %+v", c)
	}

	// New words: the program looks again; the room's verdicts stand.
	run.Messages[0].Text = "We are sorry. Updates on northwind.example/repair-update."
	run.Regrade(0, cat, roles)
	got := run.Messages[0].Checks
	if c := got[CheckResponsePage]; c.Met || !c.Confirmed || c.Why != "decided by the room" {
		t.Errorf("the room's not-met stands against the new link: %+v", c)
	}
	if c := got[CheckAcknowledge]; !c.Counts() || c.Why != "decided by the room" {
		t.Errorf("the room's met stands though the words went: %+v", c)
	}
	if c := got[CheckCompassion]; c.Met || c.Why != "decided by the room" {
		t.Errorf("compassion: %+v", c)
	}
	if c := got[CheckSources]; c.Met || c.Confirmed {
		t.Errorf("an item the room never judged is the program's again: %+v", c)
	}
}

func TestAWorkshopWithoutWordsSaysSo(t *testing.T) {
	cat, roles := fireDrill()
	cat.Phrases = DrillPhrases{}
	run := NewDrillRun(cat.Scenarios[0], cat.Duties, roles, 1)
	g := GradeMessage(Message{Audience: "customers", Text: "We are sorry."}, run, cat, roles)
	if c := g[CheckCompassion]; c.Met || c.Why != "the workshop lists no words to look for; the room decides" {
		t.Errorf("compassion without phrases: %+v", c)
	}
}
