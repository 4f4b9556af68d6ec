package model

import (
	"regexp"
	"strings"
	"sync"
)

// EvidenceRule is one kind of evidence, seen in a drill message, that the
// message meets an item of the fire drill. The program proposes an item met
// on the first of its rules that finds evidence, and its reason quotes what
// the rule found; the room confirms or corrects every proposal.
type EvidenceRule struct {
	// Name says what the rule looks for, in the room's words.
	Name string
	// Item is the ID of the fire-drill item the evidence counts for.
	Item string
	// find returns the reason the message meets the item, or "".
	find func(g *grading) string
}

// Find returns the reason m meets the rule's item, or "" when the rule sees
// no evidence in it. run gives the drill roles, cat the workshop's phrases
// and roles the roles' names.
func (e EvidenceRule) Find(m Message, run DrillRun, cat DrillCatalogue, roles []Role) string {
	return e.find(newGrading(m, run, cat, roles))
}

// EvidenceRules are every rule, each item's in the order they are tried.
var EvidenceRules = []EvidenceRule{
	{Name: "an acknowledgement, to a public audience", Item: CheckAcknowledge, find: func(g *grading) string {
		if w := g.public(g.phrase(g.phrases.Acknowledge)); w != "" {
			return "to " + g.audience + ", says " + quoteShort(w)
		}
		return ""
	}},
	{Name: "the issue named, to a public audience", Item: CheckAcknowledge, find: func(g *grading) string {
		if w := g.public(g.phrase(g.phrases.Issue)); w != "" {
			return "to " + g.audience + ", names the " + quoteShort(w)
		}
		return ""
	}},
	{Name: "sent by the spokesperson's role", Item: CheckSpokesperson, find: func(g *grading) string {
		if a, duty, ok := g.spokesperson(); ok && a.Role != "" && g.msg.Sender == a.Role {
			return "sent by " + g.name(a.Role) + ", the " + strings.ToLower(duty)
		}
		return ""
	}},
	{Name: "sent by the spokesperson's backup", Item: CheckSpokesperson, find: func(g *grading) string {
		if a, duty, ok := g.spokesperson(); ok && a.Role != "" && a.Backup != "" && g.msg.Sender == a.Backup {
			return "sent by " + g.name(a.Backup) + ", the backup " + strings.ToLower(duty)
		}
		return ""
	}},
	{Name: "a link to the post, article or review", Item: CheckSources, find: func(g *grading) string {
		if l := sourceLink(g.raw); l != "" {
			return "links " + quoteShort(l)
		}
		return ""
	}},
	{Name: "an @handle", Item: CheckSources, find: func(g *grading) string {
		if h := handle.FindString(g.raw); h != "" {
			return "names " + quoteShort(strings.TrimLeft(h, " \t\n(\"'"))
		}
		return ""
	}},
	{Name: "a source named in words", Item: CheckSources, find: func(g *grading) string {
		if w := g.phrase(g.phrases.Source); w != "" {
			return "names a source: " + quoteShort(w)
		}
		return ""
	}},
	{Name: "words of regret", Item: CheckCompassion, find: func(g *grading) string {
		if w := g.phrase(g.phrases.Compassion); w != "" {
			return "words of regret " + quoteShort(w)
		}
		return ""
	}},
	{Name: "a next step with a time", Item: CheckPlan, find: func(g *grading) string {
		step, when := g.phrase(g.phrases.Action), g.phrase(g.phrases.Time)
		if step != "" && when != "" {
			return "a next step " + quoteShort(step) + " with a time " + quoteShort(when)
		}
		return ""
	}},
	{Name: "a link to a status, help or update page", Item: CheckResponsePage, find: func(g *grading) string {
		if l := responsePageLink(g.raw); l != "" {
			return "links " + quoteShort(l)
		}
		return ""
	}},
	{Name: "a response page named in words", Item: CheckResponsePage, find: func(g *grading) string {
		if w := g.phrase(g.phrases.Page); w != "" {
			return "points to " + quoteShort(w)
		}
		return ""
	}},
	{Name: "any link or web address", Item: CheckResponsePage, find: func(g *grading) string {
		if l := links(g.raw); len(l) > 0 {
			return "links " + quoteShort(l[0])
		}
		return ""
	}},
	{Name: "a team or channel named", Item: CheckCoordinate, find: func(g *grading) string {
		if w := g.phrase(g.phrases.Coordinate); w != "" {
			return "names " + quoteShort(w)
		}
		return ""
	}},
}

// missing says why a message misses an item no rule found evidence for.
var missing = map[string]func(g *grading) string{
	CheckAcknowledge: func(g *grading) string {
		if !PublicAudience(g.audience) {
			return "to " + orNone(g.audience) + ": not a public audience"
		}
		return g.noWords("to "+g.audience+", but does not say the company knows of the issue", g.phrases.Acknowledge, g.phrases.Issue)
	},
	CheckSpokesperson: func(g *grading) string {
		a, duty, ok := g.spokesperson()
		switch {
		case !ok:
			return "the workshop names no spokesperson duty"
		case a.Role == "":
			return "no role is assigned as " + strings.ToLower(duty)
		case g.msg.Sender == "":
			return "no sender given"
		}
		return "sent by " + g.name(g.msg.Sender) + ", not by " + g.name(a.Role)
	},
	CheckSources: func(g *grading) string { return "names no source or link" },
	CheckCompassion: func(g *grading) string {
		return g.noWords("no apology or words of regret", g.phrases.Compassion)
	},
	CheckPlan: func(g *grading) string {
		step, when := g.phrase(g.phrases.Action), g.phrase(g.phrases.Time)
		switch {
		case step != "":
			return "a next step " + quoteShort(step) + " but no time"
		case when != "":
			return "a time " + quoteShort(when) + " but no next step"
		}
		return g.noWords("no next step with a time", g.phrases.Action, g.phrases.Time)
	},
	CheckResponsePage: func(g *grading) string { return "no pointer to a response page" },
	CheckCoordinate: func(g *grading) string {
		return g.noWords("names no call centre, website, PR or marketing team", g.phrases.Coordinate)
	},
}

// grading is what the rules look at in one message.
type grading struct {
	msg      Message
	run      DrillRun
	cat      DrillCatalogue
	phrases  DrillPhrases
	roles    []Role
	audience string
	// raw is the text as written; text is in lower case with straight
	// apostrophes, as phrases are matched.
	raw, text string
}

func newGrading(m Message, run DrillRun, cat DrillCatalogue, roles []Role) *grading {
	return &grading{msg: m, run: run, cat: cat, phrases: cat.Phrases, roles: roles,
		audience: strings.TrimSpace(m.Audience), raw: string(m.Text), text: foldText(string(m.Text))}
}

// foldText is text as phrases are matched: lower case, with the curly
// apostrophe of pasted text made straight.
func foldText(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

// public passes found on for a message to a public audience only.
func (g *grading) public(found string) string {
	if !PublicAudience(g.audience) {
		return ""
	}
	return found
}

func (g *grading) phrase(list []string) string { return findPhrase(g.text, list) }

// noWords is reason, unless the workshop gives none of the lists a phrase:
// then the program had nothing to look for, and says so.
func (g *grading) noWords(reason string, lists ...[]string) string {
	for _, l := range lists {
		for _, p := range l {
			if strings.TrimSpace(p) != "" {
				return reason
			}
		}
	}
	return "the workshop lists no words to look for; the room decides"
}

func (g *grading) name(id string) string {
	for _, r := range g.roles {
		if r.ID == id && strings.TrimSpace(r.Name) != "" {
			return strings.TrimSpace(r.Name)
		}
	}
	return id
}

// spokesperson is the run's assignment of the spokesperson duty and the
// duty's name; ok is false when the workshop has no such duty.
func (g *grading) spokesperson() (DutyAssignment, string, bool) {
	duty, ok := g.cat.Spokesperson()
	if !ok {
		return DutyAssignment{}, "", false
	}
	a, _ := g.run.Assignment(duty.ID)
	name := strings.TrimSpace(duty.Name)
	if name == "" {
		name = duty.ID
	}
	return a, name, true
}

// GradeMessage proposes a verdict on each item of the fire drill for a
// message, saying why, from the evidence rules. None is confirmed: the
// room confirms or corrects each one. roles gives the roles' names.
func GradeMessage(m Message, run DrillRun, cat DrillCatalogue, roles []Role) map[string]Check {
	g := newGrading(m, run, cat, roles)
	out := make(map[string]Check, len(cat.Checklist))
	for _, item := range cat.Checklist {
		out[item.ID] = g.grade(item.ID)
	}
	return out
}

func (g *grading) grade(item string) Check {
	miss, known := missing[item]
	if !known {
		return Check{Why: "the room decides: the program cannot see this one"}
	}
	for _, rule := range EvidenceRules {
		if rule.Item != item {
			continue
		}
		if why := rule.find(g); why != "" {
			return Check{Met: true, Why: why}
		}
	}
	return Check{Why: miss(g)}
}

// decidedByRoom is the reason of a verdict the room gave against the
// program's, or on an item the program cannot see.
const decidedByRoom = "decided by the room"

// Judge records the room's verdict on item of message i and grades the
// message again. A verdict keeps the program's reason where the room
// agrees with it and says the room decided where it does not, so a met
// item never reads "no pointer to a response page".
func (r *DrillRun) Judge(i int, item string, met bool, cat DrillCatalogue, roles []Role) {
	if i < 0 || i >= len(r.Messages) {
		return
	}
	m := &r.Messages[i]
	if m.Checks == nil {
		m.Checks = map[string]Check{}
	}
	m.Checks[item] = Check{Met: met, Confirmed: true}
	r.Regrade(i, cat, roles)
}

// Regrade proposes verdicts for message i again, after its words or its
// sender changed. The room's verdicts stand, each with the reason that
// goes with it.
func (r *DrillRun) Regrade(i int, cat DrillCatalogue, roles []Role) {
	if i < 0 || i >= len(r.Messages) {
		return
	}
	m := &r.Messages[i]
	g := newGrading(*m, *r, cat, roles)
	checks := make(map[string]Check, len(cat.Checklist))
	for _, item := range cat.Checklist {
		c := g.grade(item.ID)
		if old, ok := m.Checks[item.ID]; ok && old.Confirmed {
			_, known := missing[item.ID]
			if c.Met != old.Met || !known {
				c.Why = decidedByRoom
			}
			c.Met, c.Confirmed = old.Met, true
		}
		checks[item.ID] = c
	}
	// Verdicts on items the workshop no longer lists are the room's too.
	for id, c := range m.Checks {
		if _, ok := checks[id]; !ok {
			checks[id] = c
		}
	}
	m.Checks = checks
}

// findPhrase returns the first match in text (folded) of a phrase of list,
// as whole words, or "".
func findPhrase(text string, list []string) string {
	re := phrasePattern(list)
	if re == nil {
		return ""
	}
	if loc := re.FindStringSubmatchIndex(text); loc != nil {
		return text[loc[2]:loc[3]]
	}
	return ""
}

// wordChar is a character that belongs to a word; anything else ends one.
const wordChar = `\p{L}\p{M}\p{N}_`

// patterns keeps each phrase list compiled: the room's verdict on one item
// grades the message again, and a key must not wait for a compile.
var patterns struct {
	sync.Mutex
	byList map[string]*regexp.Regexp
}

// phrasePattern is list as one expression of whole-word phrases, or nil
// when the list has none. See DrillPhrases for * and #.
func phrasePattern(list []string) *regexp.Regexp {
	key := strings.Join(list, "\x00")
	patterns.Lock()
	defer patterns.Unlock()
	if re, ok := patterns.byList[key]; ok {
		return re
	}
	// A few workshops' lists are all a program meets; a flood of others
	// (hand-edited files) starts the cache again rather than growing it.
	if len(patterns.byList) >= 64 || patterns.byList == nil {
		patterns.byList = map[string]*regexp.Regexp{}
	}
	re := compilePhrases(list)
	patterns.byList[key] = re
	return re
}

func compilePhrases(list []string) *regexp.Regexp {
	var alts []string
	for _, p := range list {
		words := strings.Fields(foldText(p))
		if len(words) == 0 {
			continue
		}
		parts := make([]string, len(words))
		for i, w := range words {
			parts[i] = wordPattern(w)
		}
		alts = append(alts, strings.Join(parts, `\s+`))
	}
	if len(alts) == 0 {
		return nil
	}
	// Every phrase is quoted, so only a list too large for the regexp
	// package fails; it then finds nothing rather than stopping the drill.
	re, err := regexp.Compile(`(?:^|[^` + wordChar + `])(` + strings.Join(alts, "|") + `)(?:[^` + wordChar + `]|$)`)
	if err != nil {
		return nil
	}
	return re
}

func wordPattern(w string) string {
	if w == "*" {
		return `[` + wordChar + `']+`
	}
	var b strings.Builder
	for _, r := range w {
		switch r {
		case '*':
			b.WriteString(`[` + wordChar + `']*`)
		case '#':
			b.WriteString(`\p{Nd}+`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return b.String()
}

var (
	// linkPattern finds web addresses: with a scheme, starting www., a
	// host and a path (northwind.example/repair-update), or a host alone
	// under a common top-level domain.
	linkPattern = regexp.MustCompile(`(?i)(?:\bhttps?://[^\s<>"]+|\bwww\.[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/[^\s<>"]*|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|uk|de|fr|eu|news|info|biz|app|dev|page|site|shop|help|example)\b)`)
	pagePath    = regexp.MustCompile(`(?i)(/|\b)(status|incident|faq|help|support|updates?|response)\b`)
	handle      = regexp.MustCompile(`(^|[^\w@])@[A-Za-z0-9_]{2,}`)
)

// links returns the links in text, without the full stop or bracket of
// the sentence around them: "see acme.com/incident." links acme.com/incident.
func links(text string) []string {
	found := linkPattern.FindAllString(text, -1)
	for i, l := range found {
		found[i] = strings.TrimRight(l, ".,;:!?)]}'")
	}
	return found
}

func pageLike(link string) bool {
	return pagePath.MatchString(link) || strings.HasPrefix(strings.ToLower(link), "status.")
}

// responsePageLink returns a link in text that points to a status, help or
// response page.
func responsePageLink(text string) string {
	for _, l := range links(text) {
		if pageLike(l) {
			return l
		}
	}
	return ""
}

// sourceLink returns a link in text that is not a response page: the
// post, article or review the message answers.
func sourceLink(text string) string {
	for _, l := range links(text) {
		if !pageLike(l) {
			return l
		}
	}
	return ""
}

// quoteShort quotes a found phrase for a reason shown on screen.
func quoteShort(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return "“" + s + "”"
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "no audience"
	}
	return s
}
