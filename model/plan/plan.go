// Package plan writes what a workshop produced as documents people share
// afterwards: the plan as GitHub-flavoured Markdown and the RACI matrix, the
// risk register and the action items as CSV. The same session always gives
// the same bytes, and nothing a participant typed can change the documents'
// structure. It does no IO: callers write the bytes where they belong.
package plan

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/roundtable/roundtable/model"
)

// FileName is the name of the plan file of a session: its id, kept to
// letters, digits, '-' and '_', then "-plan.md".
func FileName(s *model.Session) string {
	return slug(s.ID) + "-plan.md"
}

// slug keeps an id safe as part of a file name in any folder.
func slug(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 80 {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "session"
	}
	return out
}

// Markdown writes the plan of s.
func Markdown(s *model.Session) []byte {
	p := &planner{s: s}
	p.w.b.Grow(64 << 10)
	p.title()
	p.summary()
	p.steps()
	p.actions()
	p.parking()
	p.appendix()
	return p.w.b.Bytes()
}

// planner writes one plan.
type planner struct {
	s *model.Session
	w writer
}

// text escapes user text, giving fallback (the plan's own words) when
// nothing printable is left of it.
func text(s string, fallback md) md {
	if e := esc(s); e != "" {
		return e
	}
	return fallback
}

// headingText escapes user text for a heading and leaves out the
// punctuation a heading should not end with.
func headingText(s string, fallback md) md {
	t := string(esc(s))
	for {
		n := len(t)
		t = strings.TrimRight(t, ".,;:! ")
		for _, p := range []string{"。", "，", "；", "："} {
			t = strings.TrimSuffix(t, p)
		}
		// An escaped mark leaves its backslash behind; a backslash of
		// the user's own is always doubled.
		if trailing := len(t) - len(strings.TrimRight(t, `\`)); trailing%2 == 1 {
			t = t[:len(t)-1]
		}
		if len(t) == n {
			break
		}
	}
	if t == "" {
		return fallback
	}
	return md(t)
}

// label writes "**Label:** value".
func label(name string, value md) md {
	return md("**"+name+":** ") + value
}

// role names a RACI role by its ID, saying so when the role is gone.
func (p *planner) role(id string) md {
	if strings.TrimSpace(id) == "" {
		return ""
	}
	if r, ok := p.s.RACI.RoleByID(id); ok {
		return text(r.Name, esc(id))
	}
	return text(id, "") + " (not in the RACI grid)"
}

// rolePerson names a RACI role and, in brackets, the person who fills it.
func (p *planner) rolePerson(id string) md {
	out := p.role(id)
	if r, ok := p.s.RACI.RoleByID(id); ok {
		if person := esc(r.Person); person != "" {
			out += " (" + person + ")"
		}
	}
	return out
}

// roles are the RACI roles once each, in grid order.
func (p *planner) roles() []model.Role {
	seen := map[string]bool{}
	var out []model.Role
	for _, r := range p.s.RACI.Roles {
		if !seen[r.ID] {
			seen[r.ID] = true
			out = append(out, r)
		}
	}
	return out
}

// stepTitle names the step of kind k as the workshop does.
func (p *planner) stepTitle(k model.StepKind) md {
	for _, st := range p.s.Workshop.Steps {
		if st.Kind == k {
			return text(st.Title, kindLabel(k))
		}
	}
	if k == "" {
		return ""
	}
	return kindLabel(k)
}

// kindLabel names a kind of step; a kind Roundtable does not know is the
// file's own text and is escaped like any other.
func kindLabel(k model.StepKind) md {
	if k.Valid() {
		return md(k.Label())
	}
	return text(string(k), "Step")
}

func (p *planner) title() {
	s := p.s
	p.w.heading(1, headingText(s.Meta.Title, "Workshop plan"))
	p.w.list([]md{
		label("Organisation", text(s.Meta.Organisation, "not given")),
		label("Date", text(s.Meta.Date, "not given")),
		label("Facilitator", text(s.Meta.Facilitator, "not given")),
		label("Workshop", text(s.Workshop.Title, text(s.Meta.Workshop, "not given"))),
	})
	p.w.heading(2, "Participants")
	if len(s.Participants) == 0 {
		p.w.para("No participants were recorded.")
		return
	}
	// Departments in the order the facilitator first named them.
	var order []string
	byDept := map[string][]md{}
	for _, pt := range s.Participants {
		d := strings.TrimSpace(pt.Department)
		if _, ok := byDept[d]; !ok {
			order = append(order, d)
		}
		who := text(pt.Name, "unnamed")
		if title := esc(pt.RoleTitle); title != "" {
			who += " (" + title + ")"
		}
		byDept[d] = append(byDept[d], who)
	}
	items := make([]md, len(order))
	for i, d := range order {
		items[i] = md("**") + text(d, "No department") + md(":** ") + join(byDept[d], ", ")
	}
	p.w.list(items)
}

// summary writes what a busy reader needs of each step the workshop has,
// in the workshop's order, then what is still open.
func (p *planner) summary() {
	p.w.heading(2, "Executive summary")
	seen := map[model.StepKind]bool{}
	for _, st := range p.s.Workshop.Steps {
		if seen[st.Kind] {
			continue
		}
		seen[st.Kind] = true
		switch st.Kind {
		case model.StepObjectives:
			p.objectivesInBrief()
		case model.StepRACI:
			p.keyActivities()
		case model.StepRisks:
			p.topRisksInBrief()
		case model.StepDrill:
			p.drillResult()
		case model.StepAssessment:
			p.widestGaps()
		}
	}
	p.openFindings()
}

func (p *planner) objectivesInBrief() {
	s := p.s
	p.w.heading(3, "Objectives in vote order")
	if len(s.Objectives.Items) == 0 {
		p.w.para("No objectives were set.")
	} else {
		var items []md
		for _, i := range s.Objectives.Ranked() {
			o := s.Objectives.Items[i]
			parts := []md{count(o.Votes, "vote", "votes")}
			if v := esc(o.Sponsor); v != "" {
				parts = append(parts, "sponsor "+v)
			}
			if v := esc(o.Metric); v != "" {
				m := "metric " + v
				if t := esc(o.Target); t != "" {
					m += ", target " + t
				}
				parts = append(parts, m)
			}
			if v := esc(o.Due); v != "" {
				parts = append(parts, "by "+v)
			}
			if miss := o.Missing(); len(miss) > 0 {
				parts = append(parts, md("missing: "+strings.Join(miss, ", ")))
			}
			items = append(items, md("**")+text(o.Title, "Untitled objective")+md("**: ")+join(parts, "; "))
		}
		p.w.numbered(items)
	}
	p.w.para(label("Organisational model", p.modelName()))
}

// modelName names the organisational model the room chose.
func (p *planner) modelName() md {
	id := strings.TrimSpace(p.s.Objectives.Model)
	if id == "" {
		return "not chosen yet"
	}
	for _, m := range p.s.Workshop.Objectives.Models {
		if m.ID == p.s.Objectives.Model {
			return text(m.Name, esc(m.ID))
		}
	}
	return esc(p.s.Objectives.Model)
}

func (p *planner) topRisksInBrief() {
	s := p.s
	p.w.heading(3, "Top risks")
	top := p.topRisks(5)
	if len(top) == 0 {
		p.w.para("No open risk has been scored.")
	} else {
		rows := make([][]md, len(top))
		for i, ri := range top {
			r := s.Risks[ri]
			rows[i] = []md{num(ri + 1), text(r.Title, "Untitled risk"), num(r.Score()), md(r.Band().String()),
				p.role(r.Owner), esc(string(r.Treatment))}
		}
		p.w.table([]md{"#", "Risk", "Score", "Band", "Owner role", "Treatment"}, rows)
	}
}

func (p *planner) keyActivities() {
	s := p.s
	p.w.heading(3, "Accountable roles for key activities")
	var rows [][]md
	for i, a := range s.RACI.Activities {
		if !a.Key {
			continue
		}
		rows = append(rows, []md{text(a.Name, "Unnamed activity"), p.accountable(i)})
	}
	if len(rows) == 0 {
		p.w.para("No activity of the RACI grid is marked as key.")
	} else {
		p.w.table([]md{"Key activity", "Accountable role"}, rows)
	}
}

func (p *planner) drillResult() {
	s := p.s
	p.w.heading(3, "Drill result")
	if i, _, ok := s.Drill.Reported(); !ok {
		p.w.para(p.noDrillResult())
	} else {
		run := s.Drill.Runs[i]
		sc, _ := s.Workshop.Drill.ScenarioByID(run.Scenario)
		items := []md{label("Run reported", p.reportedRun()), label("Scenario", p.scenarioTitle(run.Scenario))}
		p.w.list(append(items, p.figures(run.Figures(sc, s.Workshop.Drill))...))
	}
}

func (p *planner) openFindings() {
	s := p.s
	p.w.heading(3, "Open findings")
	if missing := s.Missing(model.StepReview); len(missing) == 0 {
		p.w.para("Nothing is missing: every step is complete.")
	} else {
		items := make([]md, len(missing))
		for i, m := range missing {
			items[i] = esc(m)
		}
		p.w.list(items)
	}
}

// accountable names the roles with an A on activity i, and flags none or
// several, as RACI's first rule asks for exactly one.
func (p *planner) accountable(i int) md {
	ids := p.s.RACI.Accountable(i)
	if len(ids) == 0 {
		return "nobody (a finding: give one role the A)"
	}
	names := make([]md, len(ids))
	for j, id := range ids {
		names[j] = p.rolePerson(id)
	}
	out := join(names, ", ")
	if len(ids) > 1 {
		out += " (a finding: keep one A)"
	}
	return out
}

// topRisks returns the indices of the n highest-scored open risks, the
// register's order breaking ties.
func (p *planner) topRisks(n int) []int {
	var idx []int
	for i, r := range p.s.Risks {
		if r.Status != model.RiskClosed && r.Score() > 0 {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Compare(p.s.Risks[b].Score(), p.s.Risks[a].Score())
	})
	return idx[:min(n, len(idx))]
}

func (p *planner) scenarioTitle(id string) md {
	if sc, ok := p.s.Workshop.Drill.ScenarioByID(id); ok {
		return text(sc.Title, text(id, "unnamed scenario"))
	}
	return text(id, "no scenario chosen")
}

// noDrillResult says why the plan reports no drill run.
func (p *planner) noDrillResult() md {
	n := len(p.s.Drill.Runs)
	if n == 0 {
		return "No drill was run."
	}
	return md("No drill run has anything to report: ") + count(n, "run was", "runs were") +
		" started, with no message, decision or hot wash recorded."
}

// reportedRun says which run the plan reports, out of how many, and why
// that one.
func (p *planner) reportedRun() md {
	d := p.s.Drill
	i, chosen, _ := d.Reported()
	out := md("run ") + num(i+1) + " of " + num(len(d.Runs))
	switch {
	case chosen:
		return out + ", chosen by the room"
	case d.Runs[i].Ended:
		return out + ", the latest finished run"
	}
	return out + ", the latest run with anything in it; no run has finished"
}

// figures words the measured results of a drill run, one item each.
func (p *planner) figures(f model.DrillFigures) []md {
	ack := md("none: nothing was acknowledged in public")
	if t, ok := f.TimeToAck(); ok {
		ack = md(model.ClockText(t) + " after the first alert (drill clock " + model.ClockText(f.FirstAck) + ")")
	}
	parts := f.ChecklistParts()
	checklist := make([]md, len(parts))
	for i, part := range parts {
		checklist[i] = md(part)
	}
	items := []md{
		label("Time to first public acknowledgement", ack),
		label("Fire-drill checklist", join(checklist, "; ")),
		label("Injects unanswered", num(f.Unanswered)+" of "+num(f.Arrived)+" that reached the room"+
			unansweredList(f)+
			md("; "+string(count(f.Skipped, "skipped", "skipped"))+", "+string(count(f.NotReached, "not reached", "not reached")))),
		label("Decisions logged", num(f.Decisions)),
	}
	var per []md
	for _, a := range f.PerAudience {
		per = append(per, text(a.Audience, "no audience")+" "+num(a.Messages))
	}
	msgs := num(f.Messages)
	if len(per) > 0 {
		msgs += " (" + join(per, ", ") + ")"
	}
	return append(items, label("Messages", msgs))
}

// steps writes a section per step of the workshop, in order.
func (p *planner) steps() {
	shown := map[model.StepKind]int{}
	for i, st := range p.s.Workshop.Steps {
		if st.Kind == model.StepReview {
			// The plan is what the review step makes: its findings open the
			// summary and its agreements are the action items.
			continue
		}
		p.w.heading(2, md("Step "+string(num(i+1))+": ")+headingText(st.Title, kindLabel(st.Kind)))
		if first, ok := shown[st.Kind]; ok && st.Kind.Valid() {
			p.w.para(md("The answers of this step are shown under Step " + string(num(first+1)) + "."))
			continue
		}
		shown[st.Kind] = i
		switch st.Kind {
		case model.StepListen:
			p.listen()
		case model.StepObjectives:
			p.objectives()
		case model.StepRACI:
			p.raci()
		case model.StepRisks:
			p.risks()
		case model.StepDrill:
			p.drill()
		case model.StepAssessment:
			p.assessment()
		default:
			p.w.para("This step is of a kind Roundtable does not know: " + text(string(st.Kind), "no kind") + ".")
		}
	}
}

const nothing = "Nothing was entered at this step."

func (p *planner) listen() {
	l := p.s.Listen
	answered := false
	for _, r := range l.Poll {
		if r.Reads != 0 || r.Creates != 0 {
			answered = true
		}
	}
	if !answered && len(l.Inventory) == 0 && len(l.Experts) == 0 {
		p.w.para(nothing)
		return
	}
	p.w.heading(3, "Show-of-hands poll")
	if !answered {
		p.w.para("Nobody answered the poll.")
	} else {
		rows := make([][]md, len(l.Poll))
		for i, r := range l.Poll {
			rows[i] = []md{text(r.Platform, "unnamed platform"), num(r.Reads), num(r.Creates)}
		}
		p.w.table([]md{"Platform", "Read or use it", "Contribute or create"}, rows)
	}
	p.w.heading(3, "Conversation inventory")
	if len(l.Inventory) == 0 {
		p.w.para("No conversations were listed.")
	} else {
		rows := make([][]md, len(l.Inventory))
		for i, c := range l.Inventory {
			knew := md("yes")
			if c.Surprise {
				knew = "no: a surprise"
			}
			rows[i] = []md{esc(c.Place), esc(c.Who), esc(c.Tone), esc(c.Volume), knew, esc(string(c.Notes))}
		}
		p.w.table([]md{"Where", "Who talks", "Tone", "Volume", "Did we know?", "Notes"}, rows)
	}
	p.w.heading(3, "Internal experts")
	if len(l.Experts) == 0 {
		p.w.para("No internal experts were named.")
	} else {
		rows := make([][]md, len(l.Experts))
		for i, e := range l.Experts {
			rows[i] = []md{esc(e.Name), esc(e.Department), esc(string(e.Knows))}
		}
		p.w.table([]md{"Name", "Department", "Knows about"}, rows)
	}
}

func (p *planner) objectives() {
	o := p.s.Objectives
	if len(o.Items) == 0 && strings.TrimSpace(o.Model) == "" {
		p.w.para(nothing)
		return
	}
	p.w.heading(3, "Objectives ranked by votes")
	if len(o.Items) == 0 {
		p.w.para("No objectives were set.")
	} else {
		if o.VotesPerParticipant > 0 {
			p.w.para(md("Each participant had " + string(count(o.VotesPerParticipant, "vote", "votes")) + "."))
		}
		var rows [][]md
		for rank, i := range o.Ranked() {
			ob := o.Items[i]
			rows = append(rows, []md{num(rank + 1), text(ob.Title, "Untitled objective"), num(ob.Votes),
				esc(ob.Audience), esc(string(ob.Strategy)), esc(ob.Technology), esc(ob.Sponsor), esc(ob.Metric),
				esc(ob.Target), esc(ob.Due), md(strings.Join(ob.Missing(), ", ")), esc(string(ob.Notes))})
		}
		p.w.table([]md{"Rank", "Objective", "Votes", "Audience", "Strategy", "Technology", "Sponsor",
			"Metric", "Target", "Due", "Missing", "Notes"}, rows)
	}
	p.w.heading(3, "Organisational model")
	id := strings.TrimSpace(o.Model)
	switch {
	case id == "":
		p.w.para("The organisational model was not chosen.")
	default:
		for _, m := range p.s.Workshop.Objectives.Models {
			if m.ID == o.Model {
				line := md("The company will use the ") + md("**") + text(m.Name, esc(m.ID)) + md("** model.")
				if d := esc(string(m.Description)); d != "" {
					line += " " + d
				}
				p.w.para(line)
				return
			}
		}
		p.w.para(md("The company will use the ") + md("**") + esc(o.Model) + md("** model."))
	}
}

// legend explains the RACI letters under the matrix.
const legend md = "**Legend:** R = responsible, does the work; A = accountable, answers for the result " +
	"(exactly one per activity); C = consulted before the decision; I = informed after it. " +
	"Key activities are marked (key)."

func (p *planner) raci() {
	m := p.s.RACI
	roles := p.roles()
	lettered := false
	for _, a := range m.Activities {
		for _, l := range a.Cells {
			if l.Valid() {
				lettered = true
			}
		}
	}
	for _, r := range roles {
		if !blank(r.Person) || !blank(r.Backup) {
			lettered = true
		}
	}
	if !lettered {
		p.w.para(nothing)
		return
	}
	p.w.heading(3, "RACI matrix")
	if len(m.Activities) == 0 || len(roles) == 0 {
		p.w.para("The grid has no activities or no roles.")
	} else {
		p.w.para(legend)
		// The columns are headed by the screen's codes, spelt out first,
		// so a wide grid still reads as a table.
		codes := model.RoleCodes(roles)
		head := []md{"Activity", "Area"}
		names := make([]md, len(roles))
		for i, r := range roles {
			head = append(head, esc(codes[i]))
			names[i] = esc(codes[i]) + " = " + text(r.Name, text(r.ID, "unnamed role"))
		}
		p.w.para(label("Roles", join(names, "; ")))
		rows := make([][]md, len(m.Activities))
		for i, a := range m.Activities {
			name := text(a.Name, "Unnamed activity")
			if a.Key {
				name += " (key)"
			}
			row := make([]md, 0, len(head))
			row = append(row, name, esc(a.Area))
			for _, r := range roles {
				l := a.Cells[r.ID]
				if !l.Valid() {
					l = ""
				}
				row = append(row, md(l))
			}
			rows[i] = row
		}
		p.w.table(head, rows)
	}
	p.w.heading(3, "Roles and the people who fill them")
	if len(roles) == 0 {
		p.w.para("No roles were named.")
	} else {
		rows := make([][]md, len(roles))
		for i, r := range roles {
			rows[i] = []md{text(r.Name, text(r.ID, "unnamed role")), esc(r.Person), esc(r.Backup)}
		}
		p.w.table([]md{"Role", "Person", "Backup"}, rows)
	}
	p.w.heading(3, "RACI findings")
	findings := m.Findings()
	if len(findings) == 0 {
		p.w.para("The grid breaks none of RACI's rules.")
		return
	}
	items := make([]md, len(findings))
	for i, f := range findings {
		items[i] = esc(f.Message)
	}
	p.w.list(items)
}

func (p *planner) risks() {
	risks := p.s.Risks
	if len(risks) == 0 {
		p.w.para(nothing)
		return
	}
	p.w.heading(3, "Risk register")
	rows := make([][]md, len(risks))
	for i, r := range risks {
		residual := md("")
		if rs := r.ResidualScore(); rs > 0 {
			residual = num(r.ResidualLikelihood) + " × " + num(r.ResidualImpact) + " = " + num(rs) + " (" + md(r.ResidualBand().String()) + ")"
		}
		flags := r.Flags()
		if !blank(r.Owner) {
			if _, ok := p.s.RACI.RoleByID(r.Owner); !ok {
				flags = append(flags, "owner not in the RACI grid")
			}
		}
		rows[i] = []md{num(i + 1), text(r.Title, "Untitled risk"), esc(r.Category), score(r.Likelihood), score(r.Impact),
			num(r.Score()), md(r.Band().String()), p.role(r.Owner), esc(string(r.Treatment)), esc(string(r.Mitigation)),
			residual, esc(string(r.Status)), esc(r.Review), md(strings.Join(flags, ", ")), esc(string(r.Notes))}
	}
	p.w.table([]md{"#", "Risk", "Category", "Likelihood", "Impact", "Score", "Band", "Owner role", "Treatment",
		"Mitigation", "Residual", "Status", "Review", "Flags", "Notes"}, rows)

	p.w.heading(3, "Heat map")
	var grid [6][6]int
	for _, r := range risks {
		if r.Status != model.RiskClosed && r.Score() > 0 {
			grid[r.Likelihood][r.Impact]++
		}
	}
	// Laid out as on the risks screen: impact up the side, likelihood across.
	p.w.para("Open risks by impact (rows, the highest at the top) and likelihood (columns), as on the risks screen; each cell gives how many risks fall there and the cell's band. Closed and unscored risks are left out.")
	hm := make([][]md, 0, 5)
	for i := 5; i >= 1; i-- {
		row := []md{num(i)}
		for l := 1; l <= 5; l++ {
			row = append(row, num(grid[l][i])+" ("+md(model.BandOf(l*i).String())+")")
		}
		hm = append(hm, row)
	}
	p.w.table([]md{"Impact ↑ likelihood →", "1", "2", "3", "4", "5"}, hm)
}

// score writes a likelihood or impact, or nothing while it is not given.
func score(n int) md {
	if n == 0 {
		return ""
	}
	return num(n)
}

func (p *planner) drill() {
	runs := p.s.Drill.Runs
	if len(runs) == 0 {
		p.w.para(nothing)
		return
	}
	reported, _, ok := p.s.Drill.Reported()
	if !ok {
		p.w.para(p.noDrillResult())
		return
	}
	cat := p.s.Workshop.Drill
	run := runs[reported]
	sc, found := cat.ScenarioByID(run.Scenario)

	p.w.heading(3, "Drill scenario")
	state := md("the drill has not ended")
	if run.Ended {
		state = "the drill ended"
	}
	p.w.para(md("This section reports ") + p.reportedRun() + ".")
	p.w.para(label("Scenario", p.scenarioTitle(run.Scenario)) + md("; speed ×") + num(max(run.Speed, 1)) +
		md("; clock reached ") + md(model.ClockText(run.Clock)) + "; " + state + ".")
	if found {
		if summary := esc(string(sc.Summary)); summary != "" {
			p.w.para(summary)
		}
	}

	p.w.heading(3, "Drill roles")
	if len(run.Assignments) == 0 {
		p.w.para("No drill roles were assigned.")
	} else {
		rows := make([][]md, len(run.Assignments))
		for i, a := range run.Assignments {
			rows[i] = []md{p.dutyName(a.Duty), p.rolePerson(a.Role), p.rolePerson(a.Backup)}
		}
		p.w.table([]md{"Duty", "Role", "Backup role"}, rows)
	}

	p.w.heading(3, "Drill timeline")
	timeline := p.timeline(run, sc)
	if len(timeline) == 0 {
		p.w.para("Nothing reached the room and nothing was logged.")
	} else {
		rows := make([][]md, len(timeline))
		for i, e := range timeline {
			rows[i] = []md{md(model.ClockText(e.at)), e.what, e.detail}
		}
		p.w.table([]md{"Clock", "Event", "Detail"}, rows)
	}

	p.w.heading(3, "Drill messages")
	if len(run.Messages) == 0 {
		p.w.para("No messages were drafted.")
	} else {
		rows := make([][]md, len(run.Messages))
		for i, m := range run.Messages {
			// As in the checklist: only the room's word makes an item met;
			// the program's ticks are proposals.
			met, proposed := m.ItemsMet(cat.Checklist)
			items := num(met) + " of " + num(len(cat.Checklist)) + " met"
			if proposed > 0 {
				items += ", " + num(proposed) + " proposed"
			}
			rows[i] = []md{md(model.ClockText(m.At)), esc(m.Audience), esc(m.Phase), p.role(m.Sender),
				esc(string(m.Text)), items}
		}
		p.w.table([]md{"Clock", "Audience", "Phase", "From", "Message", "Fire-drill items"}, rows)
	}

	p.w.heading(3, "Fire-drill checklist")
	if len(cat.Checklist) == 0 {
		p.w.para("The workshop has no fire-drill checklist.")
	} else {
		verdict := run.ChecklistVerdict(cat.Checklist)
		rows := make([][]md, len(cat.Checklist))
		for i, item := range cat.Checklist {
			c := verdict[item.ID]
			met := md("no")
			switch {
			case c.Counts():
				met = "yes, confirmed by the room"
			case c.Proposed():
				met = "proposed, not confirmed by the room"
			case c.Confirmed:
				met += ", confirmed by the room"
			}
			rows[i] = []md{text(item.Title, text(item.ID, "unnamed item")), met, esc(c.Why)}
		}
		p.w.table([]md{"Item", "Met", "Why"}, rows)
	}

	p.w.heading(3, "Drill figures")
	p.w.list(p.figures(run.Figures(sc, cat)))

	p.w.heading(3, "After-action review")
	p.w.list([]md{
		label("What went well", text(string(run.Review.WentWell), "not recorded")),
		label("What failed", text(string(run.Review.Failed), "not recorded")),
	})

	if len(runs) > 1 {
		p.w.heading(3, "Other drill runs")
		shown := run.Figures(sc, cat)
		items := make([]md, 0, len(runs)-1)
		for i, r := range runs {
			if i == reported {
				continue
			}
			if r.Empty() {
				items = append(items, md("Run ")+num(i+1)+" ("+p.scenarioTitle(r.Scenario)+"): started, with no message, decision or hot wash recorded")
				continue
			}
			other, _ := cat.ScenarioByID(r.Scenario)
			lines := model.Compare(r.Figures(other, cat), shown)
			parts := make([]md, len(lines))
			for j, l := range lines {
				parts[j] = md(l)
			}
			item := md("Against run "+string(num(i+1))+" (") + p.scenarioTitle(r.Scenario) + "), run " + num(reported+1) + ": " + join(parts, "; ")
			if !r.Ended {
				item += " (run " + num(i+1) + " has not ended)"
			}
			// The room's own words about an earlier run outlive it here.
			if r.Review.WentWell != "" || r.Review.Failed != "" {
				item += ". Run " + num(i+1) + "'s after-action review: what went well: " + text(string(r.Review.WentWell), "not recorded") +
					"; what failed: " + text(string(r.Review.Failed), "not recorded")
			}
			items = append(items, item)
		}
		p.w.list(items)
	}
}

func (p *planner) dutyName(id string) md {
	for _, d := range p.s.Workshop.Drill.Duties {
		if d.ID == id {
			return text(d.Name, text(id, "unnamed duty"))
		}
	}
	return text(id, "unnamed duty")
}

// event is one row of the drill timeline.
type event struct {
	at     int
	what   md
	detail md
}

// timeline merges what reached the room with what the team logged, by
// clock; at the same second an inject comes before the answers to it.
func (p *planner) timeline(run model.DrillRun, sc model.Scenario) []event {
	var out []event
	for i, in := range sc.Injects {
		st := run.InjectState(i)
		if st.Status != model.InjectReleased && st.Status != model.InjectSkipped {
			continue
		}
		what := md("Inject")
		if st.Status == model.InjectSkipped {
			what = "Inject skipped"
		}
		var from []md
		for _, f := range []string{in.Channel, in.Speaker} {
			if e := esc(f); e != "" {
				from = append(from, e)
			}
		}
		if len(from) > 0 {
			what += " (" + join(from, ", ") + ")"
		}
		out = append(out, event{at: st.At, what: what, detail: esc(string(in.Text))})
	}
	slices.SortStableFunc(out, func(a, b event) int { return cmp.Compare(a.at, b.at) })
	var log []event
	for _, e := range run.Log {
		if e.Kind == model.LogSkipped {
			// The inject's own row above already says it was skipped.
			continue
		}
		what := md("Note")
		if e.Kind == model.LogDecision {
			what = "Decision"
		}
		log = append(log, event{at: e.At, what: what, detail: esc(string(e.Text))})
	}
	slices.SortStableFunc(log, func(a, b event) int { return cmp.Compare(a.at, b.at) })
	// Merge, injects first at equal clocks.
	merged := make([]event, 0, len(out)+len(log))
	i, j := 0, 0
	for i < len(out) || j < len(log) {
		if j == len(log) || (i < len(out) && out[i].at <= log[j].at) {
			merged = append(merged, out[i])
			i++
		} else {
			merged = append(merged, log[j])
			j++
		}
	}
	return merged
}

// wideGap is how far apart the two sides' ratings of a practice must be
// for the gap to be wide: where the room's conversation should start.
const wideGap = 2

// widestGaps lists the practices IT and the business rate wide apart,
// widest first.
func (p *planner) widestGaps() {
	p.w.heading(3, "Widest gaps between IT and the business")
	var wide []model.Rating
	both := 0
	for _, r := range p.s.Assessment {
		if !rated(r.IT) || !rated(r.Business) {
			continue
		}
		both++
		if r.Gap() >= wideGap {
			wide = append(wide, r)
		}
	}
	switch {
	case both == 0:
		p.w.para("No practice was rated by both IT and the business.")
		return
	case len(wide) == 0:
		p.w.para(md("IT and the business rate every practice within " + string(num(wideGap-1)) + " of each other."))
		return
	}
	slices.SortStableFunc(wide, func(a, b model.Rating) int { return cmp.Compare(b.Gap(), a.Gap()) })
	items := make([]md, len(wide))
	for i, r := range wide {
		items[i] = md("**") + p.practice(r.Practice) + md("**: IT "+string(num(r.IT))+", the business "+string(num(r.Business)))
	}
	p.w.list(items)
}

func (p *planner) assessment() {
	ratings := p.s.Assessment
	entered := false
	for _, r := range ratings {
		if r.IT != 0 || r.Business != 0 || !blank(string(r.Notes)) {
			entered = true
		}
	}
	if !entered {
		p.w.para(nothing)
		return
	}
	p.w.heading(3, "Self-assessment ratings")
	p.w.para(md("Each practice rated from 1 (weak) to 5 (strong) by IT and by the business; a gap of " + string(num(wideGap)) + " or more is marked wide."))
	rows := make([][]md, len(ratings))
	for i, r := range ratings {
		gap := md("")
		if g := r.Gap(); g > 0 && rated(r.IT) && rated(r.Business) {
			gap = num(g)
			if g >= wideGap {
				gap += " (wide)"
			}
		}
		rows[i] = []md{p.practice(r.Practice), rating(r.IT), rating(r.Business), gap, esc(string(r.Notes))}
	}
	p.w.table([]md{"Practice", "IT", "Business", "Gap", "Notes"}, rows)
}

func rated(n int) bool { return n >= 1 && n <= 5 }

func rating(n int) md {
	if !rated(n) {
		return "not rated"
	}
	return num(n)
}

func (p *planner) practice(id string) md {
	for _, pr := range p.s.Workshop.Assessment.Practices {
		if pr.ID == id {
			return text(pr.Title, text(id, "unnamed practice"))
		}
	}
	return text(id, "unnamed practice")
}

func (p *planner) actions() {
	p.w.heading(2, "Action items")
	if len(p.s.Actions) == 0 {
		p.w.para("No action items were agreed.")
		return
	}
	rows := make([][]md, len(p.s.Actions))
	for i, a := range p.s.Actions {
		status := md("open")
		if a.Done {
			status = "done"
		}
		rows[i] = []md{num(i + 1), text(string(a.Text), "no text"), p.role(a.Owner), esc(a.Due), p.stepTitle(a.Source), status}
	}
	p.w.table([]md{"#", "Action", "Owner role", "Due", "Source step", "Status"}, rows)
}

func (p *planner) appendix() {
	w := p.s.Workshop
	p.w.heading(2, "Appendix: the workshop template")
	intro := md("This plan comes from the workshop ") + md("**") + text(w.Title, text(w.Name, "without a name")) + md("**")
	if name := esc(w.Name); name != "" {
		intro += " (template " + name + ")"
	}
	if w.Duration > 0 {
		intro += md(", planned for " + string(count(w.Duration, "minute", "minutes")))
	}
	p.w.para(intro + ".")
	if d := esc(string(w.Description)); d != "" {
		p.w.para(d)
	}

	p.w.heading(3, "Template steps")
	if len(w.Steps) == 0 {
		p.w.para("The template has no steps.")
	} else {
		rows := make([][]md, len(w.Steps))
		for i, st := range w.Steps {
			timebox := md("")
			if st.Timebox > 0 {
				timebox = count(st.Timebox, "minute", "minutes")
			}
			prompts := make([]md, 0, len(st.Prompts))
			for _, pr := range st.Prompts {
				if e := esc(pr); e != "" {
					prompts = append(prompts, e)
				}
			}
			rows[i] = []md{num(i + 1), esc(st.Title), text(string(st.Kind), ""), timebox, join(prompts, " / ")}
		}
		p.w.table([]md{"#", "Step", "Kind", "Timebox", "Prompts"}, rows)
	}

	if l := w.Listen; len(l.Platforms)+len(l.Places)+len(l.Voices) > 0 {
		p.w.heading(3, "Listening catalogue")
		p.w.list([]md{
			label("Platforms", escList(l.Platforms)),
			label("Places", escList(l.Places)),
			label("Voices", escList(l.Voices)),
		})
	}
	if c := w.Objectives.Objectives; len(c) > 0 {
		p.w.heading(3, "Objective catalogue")
		rows := make([][]md, len(c))
		for i, o := range c {
			rows[i] = []md{esc(o.Title), esc(string(o.Description)), esc(o.Source)}
		}
		p.w.table([]md{"Objective", "Description", "Source"}, rows)
	}
	if ms := w.Objectives.Models; len(ms) > 0 {
		p.w.heading(3, "Organisational models offered")
		rows := make([][]md, len(ms))
		for i, m := range ms {
			rows[i] = []md{esc(m.Name), esc(string(m.Description))}
		}
		p.w.table([]md{"Model", "Description"}, rows)
	}
	if rs := w.RACI.Roles; len(rs) > 0 {
		p.w.heading(3, "Suggested roles")
		rows := make([][]md, len(rs))
		for i, r := range rs {
			rows[i] = []md{esc(r.Name), esc(string(r.Description))}
		}
		p.w.table([]md{"Role", "Description"}, rows)
	}
	if as := w.RACI.Activities; len(as) > 0 {
		p.w.heading(3, "Suggested activities")
		rows := make([][]md, len(as))
		for i, a := range as {
			// The template's role order first, then roles it does not
			// list, by ID, so the same template always reads the same.
			var ids []string
			names := map[string]md{}
			for _, r := range w.RACI.Roles {
				if _, ok := a.Suggested[r.ID]; ok && names[r.ID] == "" {
					ids = append(ids, r.ID)
					names[r.ID] = text(r.Name, text(r.ID, "unnamed role"))
				}
			}
			var others []string
			for id := range a.Suggested {
				if _, ok := names[id]; !ok {
					others = append(others, id)
				}
			}
			slices.Sort(others)
			for _, id := range others {
				ids = append(ids, id)
				names[id] = text(id, "unnamed role")
			}
			var sugg []md
			for _, id := range ids {
				if l := a.Suggested[id]; l.Valid() {
					sugg = append(sugg, md(l)+" "+names[id])
				}
			}
			key := md("")
			if a.Key {
				key = "yes"
			}
			rows[i] = []md{esc(a.Name), esc(a.Area), key, join(sugg, ", "), esc(string(a.Description))}
		}
		p.w.table([]md{"Activity", "Area", "Key", "Suggested letters", "Description"}, rows)
	}
	if rs := w.Risks.Catalogue; len(rs) > 0 {
		p.w.heading(3, "Risk catalogue")
		rows := make([][]md, len(rs))
		for i, r := range rs {
			rows[i] = []md{esc(r.Title), esc(r.Category), score(r.Likelihood), score(r.Impact), esc(string(r.Mitigation))}
		}
		p.w.table([]md{"Risk", "Category", "Likelihood", "Impact", "Suggested mitigation"}, rows)
	}
	d := w.Drill
	if len(d.Duties) > 0 {
		p.w.heading(3, "Drill duties")
		rows := make([][]md, len(d.Duties))
		for i, du := range d.Duties {
			rows[i] = []md{esc(du.Name), esc(string(du.Description))}
		}
		p.w.table([]md{"Duty", "Description"}, rows)
	}
	if len(d.Scenarios) > 0 {
		p.w.heading(3, "Crisis scenarios")
		rows := make([][]md, len(d.Scenarios))
		var injects [][]md
		for i, sc := range d.Scenarios {
			title := text(sc.Title, text(sc.ID, "unnamed scenario"))
			minutes := md("")
			if sc.Minutes > 0 {
				minutes = count(sc.Minutes, "minute", "minutes")
			}
			rows[i] = []md{title, minutes, num(len(sc.Injects)), esc(string(sc.Summary))}
			for _, in := range sc.Injects {
				injects = append(injects, []md{title, num(in.Minute), esc(in.Channel), esc(in.Speaker),
					esc(string(in.Text)), esc(string(in.Good))})
			}
		}
		p.w.table([]md{"Scenario", "Length", "Injects", "Summary"}, rows)
		if len(injects) > 0 {
			p.w.heading(3, "Scenario injects")
			p.w.table([]md{"Scenario", "Minute", "Channel", "Speaker", "Inject", "A good response"}, injects)
		}
	}
	if len(d.Checklist) > 0 {
		p.w.heading(3, "Fire-drill checklist items")
		rows := make([][]md, len(d.Checklist))
		for i, c := range d.Checklist {
			rows[i] = []md{esc(c.Title), esc(string(c.Description))}
		}
		p.w.table([]md{"Item", "Description"}, rows)
	}
	if ps := w.Assessment.Practices; len(ps) > 0 {
		p.w.heading(3, "Self-assessment practices")
		rows := make([][]md, len(ps))
		for i, pr := range ps {
			rows[i] = []md{esc(pr.Title), esc(string(pr.Explanation))}
		}
		p.w.table([]md{"Practice", "Explanation"}, rows)
	}
}

// escList escapes each item and joins them with commas.
func escList(items []string) md {
	out := make([]md, 0, len(items))
	for _, it := range items {
		if e := esc(it); e != "" {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return join(out, ", ")
}

func blank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}

// unansweredList names the unanswered injects in brackets, or nothing.
func unansweredList(f model.DrillFigures) md {
	if len(f.UnansweredInjects) == 0 {
		return ""
	}
	return md(" (" + model.InjectList(f.UnansweredInjects) + ")")
}
