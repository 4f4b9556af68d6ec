package plan

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/roundtable/roundtable/model"
)

// summary writes what a busy reader acts on, in the order they act: what
// the room decided, the actions it agreed with owners and dates, then the
// top risks, the widest gaps and the drill's figures, and what is open.
func (p *planner) summary() {
	p.heading(2, p.text(words("Executive summary")))
	has := map[model.StepKind]bool{}
	for _, st := range p.s.Workshop.Steps {
		has[st.Kind] = true
	}
	p.decisions(has)
	p.actionItems()
	if has[model.StepRisks] {
		p.topRisksInBrief()
	}
	if has[model.StepAssessment] {
		p.widestGaps()
	}
	if has[model.StepDrill] {
		p.drillResult()
	}
	p.openFindings()
}

// decisions lists what the room settled: the organisational model, who
// speaks in a crisis, who is accountable for each key activity and the
// objectives with their sponsors and metrics.
func (p *planner) decisions(has map[model.StepKind]bool) {
	p.heading(3, p.text(words("Decisions")))
	var settled []Text
	if has[model.StepObjectives] {
		settled = append(settled, p.label("Organisational model", p.modelName()))
	}
	if has[model.StepDrill] {
		settled = append(settled, p.spokesperson())
	}
	if len(settled) == 0 && !has[model.StepRACI] {
		p.paraWords("This workshop settles no roles, objectives or spokesperson.")
	}
	p.list(settled)
	if has[model.StepRACI] {
		p.keyActivities()
	}
	if has[model.StepObjectives] {
		p.objectivesInBrief()
	}
}

// spokesperson names who speaks for the company in a crisis, and who
// stands in, as the drill assigned them.
func (p *planner) spokesperson() Text {
	d := p.s.Drill
	duty, ok := p.s.Workshop.Drill.Spokesperson()
	name := "Crisis spokesperson"
	if !ok {
		return p.label(name, words("the workshop names no drill duties"))
	}
	run, found := -1, false
	if i, _, ok := d.Reported(); ok {
		run, found = i, true
	} else if len(d.Runs) > 0 {
		run, found = len(d.Runs)-1, true
	}
	if !found {
		return p.label(name, words("not named: no drill was run"))
	}
	for _, a := range d.Runs[run].Assignments {
		if a.Duty != duty.ID || blank(a.Role) {
			continue
		}
		out := p.join(p.label(name, p.rolePerson(a.Role)...), Text{words("; backup ")})
		if blank(a.Backup) {
			return p.join(out, Text{words("nobody yet (a finding)")})
		}
		return p.join(out, p.rolePerson(a.Backup))
	}
	return p.label(name, words("not named in the drill"))
}

func (p *planner) objectivesInBrief() {
	s := p.s
	p.para(p.text(strong(words("Objectives in vote order, with sponsor and metric:"))))
	if len(s.Objectives.Items) == 0 {
		p.paraWords("No objectives were set.")
		return
	}
	var items []Text
	for _, i := range s.Objectives.Ranked() {
		o := s.Objectives.Items[i]
		var buf [12]Span
		t := append(buf[:0], strong(typedOr(o.Title, words("Untitled objective"))), words(": "),
			words(count(o.Votes, "vote", "votes")))
		if visible(o.Sponsor) {
			t = append(t, words("; sponsor "), typed(o.Sponsor))
		}
		if visible(o.Metric) {
			t = append(t, words("; metric "), typed(o.Metric))
			if visible(o.Target) {
				t = append(t, words(", target "), typed(o.Target))
			}
		}
		if visible(o.Due) {
			t = append(t, words("; by "), typed(o.Due))
		}
		if miss := o.Missing(); len(miss) > 0 {
			t = append(t, words("; missing: "+strings.Join(miss, ", ")))
		}
		items = append(items, p.text(t...))
	}
	p.numbered(items)
}

// actionItems is the table of what was agreed, with where each action
// came from and where it stood at the last follow-up.
func (p *planner) actionItems() {
	s := p.s
	p.heading(3, p.text(words("Action items")))
	if len(s.Actions) == 0 {
		p.paraWords("No action items were agreed.")
		return
	}
	last := s.LastReviewed()
	notes := false
	for _, a := range s.Actions {
		notes = notes || visible(string(a.Note))
	}
	rows := make([][]Text, len(s.Actions))
	for i, a := range s.Actions {
		status := p.text(typedOr(string(a.State()), words("open")))
		if n := len(a.History); n > 0 && visible(a.History[n-1].On) {
			status = p.join(status, Text{words(" since "), typed(a.History[n-1].On)})
		}
		if last != "" && a.Overdue(last) {
			status = p.join(status, Text{strong(words(", overdue"))})
		}
		source := p.stepTitle(a.Source)
		if a.Finding != "" {
			source = p.join(source, Text{words(" (a finding)")})
		}
		cells := []Text{p.text(number(i + 1)), p.text(typedOr(string(a.Text), words("no text"))), p.role(a.Owner), p.text(typed(a.Due)),
			status, source}
		if notes {
			cells = append(cells, p.text(typed(string(a.Note))))
		}
		rows[i] = p.row(cells...)
	}
	head := []string{"#", "Action", "Owner role", "Due", "Status", "Source step"}
	if notes {
		head = append(head, "Note")
	}
	p.table(2, head, rows)
	if last == "" {
		p.paraWords("The actions have not been followed up since the workshop.")
	} else {
		p.para(p.text(words("The actions were last followed up on "), typed(last), words("; an action still open past its due date then is marked overdue.")))
	}
}

func (p *planner) openFindings() {
	s := p.s
	p.heading(3, p.text(words("Open findings")))
	missing := s.Missing(model.StepReview)
	if len(missing) == 0 {
		p.paraWords("Nothing is missing: every step is complete.")
	} else {
		items := make([]Text, len(missing))
		for i, m := range missing {
			items[i] = p.text(typed(m))
		}
		p.list(items)
	}
	if open := s.Unfollowed(); len(open) > 0 {
		p.para(p.text(words("No action answers " + count(len(open), "finding", "findings") + " yet:")))
		items := make([]Text, len(open))
		for i, f := range open {
			items[i] = p.text(typed(f.Message))
		}
		p.list(items)
	}
}

// appendix names the template the session was made from, so a reader can
// tell which edition it was, and what the session used of it; the
// template's full catalogues are in the template itself.
func (p *planner) appendix() {
	w := p.s.Workshop
	p.heading(2, p.text(words("Appendix: the workshop template")))
	intro := p.text(words("This plan comes from the workshop "), strong(typedOr(w.Title, typedOr(w.Name, words("without a name")))))
	var about []Span
	if visible(w.Name) {
		about = append(about, words("template "), typed(w.Name))
	}
	if visible(w.Version) {
		if len(about) > 0 {
			about = append(about, words(", "))
		}
		about = append(about, words("version "), typed(w.Version))
	}
	if len(about) > 0 {
		about = append(about, words(", "))
	}
	about = append(about, words("fingerprint "+fingerprint(w)))
	intro = p.join(intro, Text{words(" (")}, p.text(about...), Text{words(")")})
	if w.Duration > 0 {
		intro = p.join(intro, Text{words(", planned for " + count(w.Duration, "minute", "minutes"))})
	}
	p.para(p.join(intro, Text{words(". The fingerprint is the same for every session made from the same template.")}))

	p.heading(3, p.text(words("Template steps")))
	if len(w.Steps) == 0 {
		p.paraWords("The template has no steps.")
	} else {
		rows := make([][]Text, len(w.Steps))
		for i, st := range w.Steps {
			var timebox Text
			if st.Timebox > 0 {
				timebox = p.text(words(count(st.Timebox, "minute", "minutes")))
			}
			rows[i] = p.row(p.text(number(i+1)), p.text(typed(st.Title)), p.text(typed(string(st.Kind))), timebox)
		}
		p.table(2, []string{"#", "Step", "Kind", "Timebox"}, rows)
	}
	p.heading(3, p.text(words("What the session used from it")))
	p.list(p.used())
}

// used lists, per catalogue of the template, what the session took from
// it.
func (p *planner) used() []Text {
	s, w := p.s, p.s.Workshop
	var items []Text
	if c := w.Objectives.Objectives; len(c) > 0 {
		var picked []Text
		for _, o := range s.Objectives.Items {
			for _, co := range c {
				if o.Catalogue != "" && co.ID == o.Catalogue {
					picked = append(picked, p.text(typedOr(co.Title, typed(co.ID))))
					break
				}
			}
		}
		list := p.text(words("none"))
		if len(picked) > 0 {
			list = p.joinWith(picked, ", ")
		}
		items = append(items, p.join(p.label("Objectives", words(strconv.Itoa(len(picked))+" of its "+strconv.Itoa(len(c))+": ")), list))
	}
	if len(w.Objectives.Models) > 0 {
		items = append(items, p.label("Organisational model", p.modelName(), words(", of "+count(len(w.Objectives.Models), "model", "models")+" offered")))
	}
	if rs, as := w.RACI.Roles, w.RACI.Activities; len(rs)+len(as) > 0 {
		roles, acts := 0, 0
		for _, r := range rs {
			if _, ok := s.RACI.RoleByID(r.ID); ok {
				roles++
			}
		}
		for _, a := range as {
			for _, b := range s.RACI.Activities {
				if b.Name == a.Name {
					acts++
					break
				}
			}
		}
		items = append(items, p.label("RACI grid", words(count(len(s.RACI.Roles), "role", "roles")+" and "+
			count(len(s.RACI.Activities), "activity", "activities")+"; from its catalogue "+strconv.Itoa(roles)+" of "+
			count(len(rs), "role", "roles")+" and "+strconv.Itoa(acts)+" of "+count(len(as), "activity", "activities"))))
	}
	if c := w.Risks.Catalogue; len(c) > 0 {
		n := 0
		for _, r := range s.Risks {
			for _, cr := range c {
				if cr.Title == r.Title {
					n++
					break
				}
			}
		}
		items = append(items, p.label("Risks", words(strconv.Itoa(n)+" of the "+count(len(s.Risks), "risk", "risks")+
			" in the register come from its catalogue of "+strconv.Itoa(len(c)))))
	}
	if d := w.Drill; len(d.Scenarios) > 0 {
		var run []Text
		seen := map[string]bool{}
		for _, r := range s.Drill.Runs {
			if seen[r.Scenario] {
				continue
			}
			seen[r.Scenario] = true
			sc, _ := d.ScenarioByID(r.Scenario)
			run = append(run, p.text(p.scenarioTitle(r.Scenario), words(" ("+count(len(sc.Injects), "inject", "injects")+")")))
		}
		list := p.text(words("none was run"))
		if len(run) > 0 {
			list = p.joinWith(run, ", ")
		}
		items = append(items, p.join(p.label("Crisis scenarios", words(count(len(d.Scenarios), "offered", "offered")+"; rehearsed: ")), list),
			p.label("Drill duties and checklist", words(count(len(d.Duties), "duty", "duties")+", "+
				count(len(d.Checklist), "fire-drill item", "fire-drill items"))))
	}
	if ps := w.Assessment.Practices; len(ps) > 0 {
		items = append(items, p.label("Self-assessment", words(count(len(ps), "practice", "practices")+" to rate")))
	}
	if len(items) == 0 {
		items = append(items, p.text(words("The template has no catalogues.")))
	}
	return items
}

// fingerprint is a short digest of the template as the session keeps it:
// two plans whose fingerprints differ came from different templates.
func fingerprint(w model.Workshop) string {
	data, err := json.Marshal(w)
	if err != nil {
		return "unknown"
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:6])
}
