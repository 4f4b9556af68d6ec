// Package plan writes what a workshop produced as documents people share
// afterwards: the plan, built once as a Document and written as
// GitHub-flavoured Markdown, and the RACI matrix, the risk register and the
// action items as CSV. The same session always gives the same bytes, and
// nothing a participant typed can change the documents' structure. It does
// no IO: callers write the bytes where they belong.
package plan

import (
	"cmp"
	"slices"
	"strconv"
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
	return Build(s).Markdown()
}

// Build lays out the plan of s as a document.
func Build(s *model.Session) *Document {
	p := &planner{s: s, doc: &Document{Blocks: make([]Block, 0, 256)}}
	p.title()
	p.summary()
	p.steps()
	p.parking()
	p.appendix()
	return p.doc
}

// planner lays out one plan.
type planner struct {
	s   *model.Session
	doc *Document
	// spans and cells hold the text of every block, so that the thousands
	// of cells of a large plan share a few arrays rather than each
	// allocating its own.
	spans []Span
	cells []Text
}

// chunk is how many spans, or cells, are allocated at a time.
const chunk = 4096

// text is a Text of the spans given. It is called from hundreds of
// places, so it stays out of line: inlined, it doubles the binary's share
// of the plan.
//
//go:noinline
func (p *planner) text(spans ...Span) Text {
	if cap(p.spans)-len(p.spans) < len(spans) {
		p.spans = make([]Span, 0, max(chunk, len(spans)))
	}
	start := len(p.spans)
	p.spans = append(p.spans, spans...)
	return p.spans[start:len(p.spans):len(p.spans)]
}

// join is one Text of the parts given.
func (p *planner) join(parts ...Text) Text {
	var buf [16]Span
	t := buf[:0]
	for _, part := range parts {
		t = append(t, part...)
	}
	return p.text(t...)
}

// joinWith puts items together, sep between them.
func (p *planner) joinWith(items []Text, sep string) Text {
	var buf [16]Span
	t := buf[:0]
	for i, it := range items {
		if i > 0 {
			t = append(t, words(sep))
		}
		t = append(t, it...)
	}
	return p.text(t...)
}

// row is a table row of the cells given; out of line, as text is.
//
//go:noinline
func (p *planner) row(cells ...Text) []Text {
	if cap(p.cells)-len(p.cells) < len(cells) {
		p.cells = make([]Text, 0, max(chunk, len(cells)))
	}
	start := len(p.cells)
	p.cells = append(p.cells, cells...)
	return p.cells[start:len(p.cells):len(p.cells)]
}

func (p *planner) add(b Block) { p.doc.Blocks = append(p.doc.Blocks, b) }

func (p *planner) heading(level int, t Text) { p.add(&Heading{Level: level, Text: t}) }

func (p *planner) para(t Text) { p.add(&Paragraph{Text: t}) }

// paraWords is a paragraph of the plan's own words.
func (p *planner) paraWords(s string) { p.para(p.text(words(s))) }

// list adds a bullet list, or nothing when there are no items.
func (p *planner) list(items []Text) {
	if len(items) > 0 {
		p.add(&List{Items: items})
	}
}

// numbered adds a list counted from 1, or nothing when there are no items.
func (p *planner) numbered(items []Text) {
	if len(items) > 0 {
		p.add(&List{Numbered: true, Items: items})
	}
}

// table adds a table whose first lead columns name each row.
func (p *planner) table(lead int, head []string, rows [][]Text) {
	h := make([]Text, len(head))
	for i, c := range head {
		h[i] = p.text(words(c))
	}
	p.add(&Table{Head: h, Rows: rows, Lead: lead})
}

// headingText is typed text for a heading, without the punctuation a
// heading should not end with, or fallback when nothing is left of it.
func headingText(s string, fallback Span) Span {
	if t := headingWords(s); t != "" {
		return typed(t)
	}
	return fallback
}

// label is "**Label:** value".
func (p *planner) label(name string, value ...Span) Text {
	var buf [8]Span
	return p.text(append(append(buf[:0], strong(words(name+":")), words(" ")), value...)...)
}

// role names a RACI role by its ID, saying so when the role is gone.
func (p *planner) role(id string) Text {
	if strings.TrimSpace(id) == "" {
		return nil
	}
	if r, ok := p.s.RACI.RoleByID(id); ok {
		return p.text(typedOr(r.Name, typed(id)))
	}
	return p.text(typed(id), words(" (not in the RACI grid)"))
}

// rolePerson names a RACI role and, in brackets, the person who fills it.
func (p *planner) rolePerson(id string) Text {
	out := p.role(id)
	if r, ok := p.s.RACI.RoleByID(id); ok && visible(r.Person) {
		return p.join(out, Text{words(" ("), typed(r.Person), words(")")})
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
func (p *planner) stepTitle(k model.StepKind) Text {
	for _, st := range p.s.Workshop.Steps {
		if st.Kind == k {
			return p.text(typedOr(st.Title, kindLabel(k)))
		}
	}
	if k == "" {
		return nil
	}
	return p.text(kindLabel(k))
}

// kindLabel names a kind of step; a kind Roundtable does not know is the
// file's own text and is escaped like any other.
func kindLabel(k model.StepKind) Span {
	if k.Valid() {
		return words(k.Label())
	}
	return typedOr(string(k), words("Step"))
}

func (p *planner) title() {
	s := p.s
	p.heading(1, p.text(headingText(s.Meta.Title, words("Workshop plan"))))
	p.list([]Text{
		p.label("Organisation", typedOr(s.Meta.Organisation, words("not given"))),
		p.label("Date", typedOr(s.Meta.Date, words("not given"))),
		p.label("Facilitator", typedOr(s.Meta.Facilitator, words("not given"))),
		p.label("Workshop", typedOr(s.Workshop.Title, typedOr(s.Meta.Workshop, words("not given")))),
	})
	p.heading(2, p.text(words("Participants")))
	if len(s.Participants) == 0 {
		p.paraWords("No participants were recorded.")
		return
	}
	// Departments in the order the facilitator first named them.
	var order []string
	byDept := map[string][]Text{}
	for _, pt := range s.Participants {
		d := strings.TrimSpace(pt.Department)
		if _, ok := byDept[d]; !ok {
			order = append(order, d)
		}
		who := p.text(typedOr(pt.Name, words("unnamed")))
		if visible(pt.RoleTitle) {
			who = p.join(who, Text{words(" ("), typed(pt.RoleTitle), words(")")})
		}
		byDept[d] = append(byDept[d], who)
	}
	items := make([]Text, len(order))
	for i, d := range order {
		items[i] = p.join(p.text(strong(typedOr(d, words("No department"))), strong(words(":")), words(" ")),
			p.joinWith(byDept[d], ", "))
	}
	p.list(items)
}

// modelName names the organisational model the room chose.
func (p *planner) modelName() Span {
	id := strings.TrimSpace(p.s.Objectives.Model)
	if id == "" {
		return words("not chosen yet")
	}
	for _, m := range p.s.Workshop.Objectives.Models {
		if m.ID == p.s.Objectives.Model {
			return typedOr(m.Name, typed(m.ID))
		}
	}
	return typed(p.s.Objectives.Model)
}

func (p *planner) topRisksInBrief() {
	s := p.s
	p.heading(3, p.text(words("Top risks")))
	top := p.topRisks(5)
	if len(top) == 0 {
		p.paraWords("No open risk has been scored.")
	} else {
		rows := make([][]Text, len(top))
		for i, ri := range top {
			r := s.Risks[ri]
			rows[i] = p.row(p.text(number(ri+1)), p.text(typedOr(r.Title, words("Untitled risk"))), p.text(number(r.Score())),
				p.text(words(r.Band().String())), p.role(r.Owner), p.text(typed(string(r.Treatment))))
		}
		p.table(2, []string{"#", "Risk", "Score", "Band", "Owner role", "Treatment"}, rows)
	}
}

func (p *planner) keyActivities() {
	s := p.s
	p.para(p.text(strong(words("Accountable for each key activity:"))))
	var rows [][]Text
	for i, a := range s.RACI.Activities {
		if !a.Key {
			continue
		}
		rows = append(rows, p.row(p.text(typedOr(a.Name, words("Unnamed activity"))), p.accountable(i)))
	}
	if len(rows) == 0 {
		p.paraWords("No activity of the RACI grid is marked as key.")
	} else {
		p.table(1, []string{"Key activity", "Accountable role"}, rows)
	}
}

func (p *planner) drillResult() {
	s := p.s
	p.heading(3, p.text(words("Drill result")))
	if i, _, ok := s.Drill.Reported(); !ok {
		p.para(p.noDrillResult())
	} else {
		run := s.Drill.Runs[i]
		sc, _ := s.Workshop.Drill.ScenarioByID(run.Scenario)
		items := []Text{p.label("Run reported", p.reportedRun()...), p.label("Scenario", p.scenarioTitle(run.Scenario))}
		p.list(append(items, p.figures(run.Figures(sc, s.Workshop.Drill))...))
	}
}

// accountable names the roles with an A on activity i, and flags none or
// several, as RACI's first rule asks for exactly one.
func (p *planner) accountable(i int) Text {
	ids := p.s.RACI.Accountable(i)
	if len(ids) == 0 {
		return p.text(words("nobody (a finding: give one role the A)"))
	}
	names := make([]Text, len(ids))
	for j, id := range ids {
		names[j] = p.rolePerson(id)
	}
	out := p.joinWith(names, ", ")
	if len(ids) > 1 {
		out = p.join(out, Text{words(" (a finding: keep one A)")})
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

func (p *planner) scenarioTitle(id string) Span {
	if sc, ok := p.s.Workshop.Drill.ScenarioByID(id); ok {
		return typedOr(sc.Title, typedOr(id, words("unnamed scenario")))
	}
	return typedOr(id, words("no scenario chosen"))
}

// noDrillResult says why the plan reports no drill run.
func (p *planner) noDrillResult() Text {
	n := len(p.s.Drill.Runs)
	if n == 0 {
		return p.text(words("No drill was run."))
	}
	return p.text(words("No drill run has anything to report: " + count(n, "run was", "runs were") +
		" started, with no message, decision or hot wash recorded."))
}

// reportedRun says which run the plan reports, out of how many, and why
// that one.
func (p *planner) reportedRun() Text {
	d := p.s.Drill
	i, chosen, _ := d.Reported()
	out := "run " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(d.Runs))
	switch {
	case chosen:
		out += ", chosen by the room"
	case d.Runs[i].Ended:
		out += ", the latest finished run"
	default:
		out += ", the latest run with anything in it; no run has finished"
	}
	return p.text(words(out))
}

// figures words the measured results of a drill run, one item each.
func (p *planner) figures(f model.DrillFigures) []Text {
	ack := "none: nothing was acknowledged in public"
	if t, ok := f.TimeToAck(); ok {
		ack = model.ClockText(t) + " after the first alert (drill clock " + model.ClockText(f.FirstAck) + ")"
	}
	items := []Text{
		p.label("Time to first public acknowledgement", words(ack)),
		p.label("Fire-drill checklist", words(strings.Join(f.ChecklistParts(), "; "))),
		p.label("Injects unanswered", words(strconv.Itoa(f.Unanswered)+" of "+strconv.Itoa(f.Arrived)+" that reached the room"+
			unansweredList(f)+"; "+count(f.Skipped, "skipped", "skipped")+", "+count(f.NotReached, "not reached", "not reached"))),
		p.label("Decisions logged", number(f.Decisions)),
	}
	var buf [16]Span
	msgs := append(buf[:0], strong(words("Messages:")), words(" "), number(f.Messages))
	for i, a := range f.PerAudience {
		sep := ", "
		if i == 0 {
			sep = " ("
		}
		msgs = append(msgs, words(sep), typedOr(a.Audience, words("no audience")), words(" "), number(a.Messages))
	}
	if len(f.PerAudience) > 0 {
		msgs = append(msgs, words(")"))
	}
	return append(items, p.text(msgs...))
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
		p.heading(2, p.text(words("Step "+strconv.Itoa(i+1)+": "), headingText(st.Title, kindLabel(st.Kind))))
		if first, ok := shown[st.Kind]; ok && st.Kind.Valid() {
			p.paraWords("The answers of this step are shown under Step " + strconv.Itoa(first+1) + ".")
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
			p.para(p.text(words("This step is of a kind Roundtable does not know: "),
				typedOr(string(st.Kind), words("no kind")), words(".")))
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
		p.paraWords(nothing)
		return
	}
	p.heading(3, p.text(words("Show-of-hands poll")))
	if !answered {
		p.paraWords("Nobody answered the poll.")
	} else {
		poll := &Poll{Rows: make([]PollRow, len(l.Poll)), Room: len(p.s.Participants)}
		for i, r := range l.Poll {
			poll.Rows[i] = PollRow{Platform: p.text(typedOr(r.Platform, words("unnamed platform"))), Reads: r.Reads, Creates: r.Creates}
		}
		p.add(poll)
	}
	p.heading(3, p.text(words("Conversation inventory")))
	if len(l.Inventory) == 0 {
		p.paraWords("No conversations were listed.")
	} else {
		rows := make([][]Text, len(l.Inventory))
		for i, c := range l.Inventory {
			knew := words("yes")
			if c.Surprise {
				knew = words("no: a surprise")
			}
			rows[i] = p.row(p.text(typed(c.Place)), p.text(typed(c.Who)), p.text(typed(c.Tone)), p.text(typed(c.Volume)),
				p.text(knew), p.text(typed(string(c.Notes))))
		}
		p.table(1, []string{"Where", "Who talks", "Tone", "Volume", "Did we know?", "Notes"}, rows)
	}
	p.heading(3, p.text(words("Internal experts")))
	if len(l.Experts) == 0 {
		p.paraWords("No internal experts were named.")
	} else {
		rows := make([][]Text, len(l.Experts))
		for i, e := range l.Experts {
			rows[i] = p.row(p.text(typed(e.Name)), p.text(typed(e.Department)), p.text(typed(string(e.Knows))))
		}
		p.table(1, []string{"Name", "Department", "Knows about"}, rows)
	}
}

func (p *planner) objectives() {
	o := p.s.Objectives
	if len(o.Items) == 0 && strings.TrimSpace(o.Model) == "" {
		p.paraWords(nothing)
		return
	}
	p.heading(3, p.text(words("Objectives ranked by votes")))
	if len(o.Items) == 0 {
		p.paraWords("No objectives were set.")
	} else {
		if o.VotesPerParticipant > 0 {
			p.paraWords("Each participant had " + count(o.VotesPerParticipant, "vote", "votes") + ".")
		}
		var rows [][]Text
		for rank, i := range o.Ranked() {
			ob := o.Items[i]
			rows = append(rows, p.row(p.text(number(rank+1)), p.text(typedOr(ob.Title, words("Untitled objective"))), p.text(number(ob.Votes)),
				p.text(typed(ob.Audience)), p.text(typed(string(ob.Strategy))), p.text(typed(ob.Technology)), p.text(typed(ob.Sponsor)),
				p.text(typed(ob.Metric)), p.text(typed(ob.Target)), p.text(typed(ob.Due)), p.text(words(strings.Join(ob.Missing(), ", "))),
				p.text(typed(string(ob.Notes)))))
		}
		p.table(2, []string{"Rank", "Objective", "Votes", "Audience", "Strategy", "Technology", "Sponsor",
			"Metric", "Target", "Due", "Missing", "Notes"}, rows)
	}
	p.heading(3, p.text(words("Organisational model")))
	id := strings.TrimSpace(o.Model)
	switch {
	case id == "":
		p.paraWords("The organisational model was not chosen.")
	default:
		for _, m := range p.s.Workshop.Objectives.Models {
			if m.ID == o.Model {
				line := p.text(words("The company will use the "), strong(typedOr(m.Name, typed(m.ID))), words(" model."))
				if visible(string(m.Description)) {
					line = p.join(line, Text{words(" "), typed(string(m.Description))})
				}
				p.para(line)
				return
			}
		}
		p.para(p.text(words("The company will use the "), strong(typed(o.Model)), words(" model.")))
	}
}

// legend explains the RACI letters above the matrix.
const legend = "R = responsible, does the work; A = accountable, answers for the result " +
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
		p.paraWords(nothing)
		return
	}
	p.heading(3, p.text(words("RACI matrix")))
	if len(m.Activities) == 0 || len(roles) == 0 {
		p.paraWords("The grid has no activities or no roles.")
	} else {
		p.para(p.label("Legend", words(legend)))
		// The columns are headed by the screen's codes.
		codes := model.RoleCodes(roles)
		grid := &RACIGrid{Roles: make([]RACIRole, len(roles)), Activities: make([]RACIActivity, len(m.Activities))}
		for i, r := range roles {
			grid.Roles[i] = RACIRole{Code: p.text(typed(codes[i])), Name: p.text(typedOr(r.Name, typedOr(r.ID, words("unnamed role"))))}
		}
		letters := make([]model.Letter, len(m.Activities)*len(roles))
		for i, a := range m.Activities {
			row := letters[i*len(roles) : (i+1)*len(roles) : (i+1)*len(roles)]
			for j, r := range roles {
				if l := a.Cells[r.ID]; l.Valid() {
					row[j] = l
				}
			}
			grid.Activities[i] = RACIActivity{Name: p.text(typedOr(a.Name, words("Unnamed activity"))), Area: p.text(typed(a.Area)),
				Key: a.Key, Letters: row}
		}
		p.add(grid)
	}
	p.heading(3, p.text(words("Roles and the people who fill them")))
	if len(roles) == 0 {
		p.paraWords("No roles were named.")
	} else {
		rows := make([][]Text, len(roles))
		for i, r := range roles {
			rows[i] = p.row(p.text(typedOr(r.Name, typedOr(r.ID, words("unnamed role")))), p.text(typed(r.Person)), p.text(typed(r.Backup)))
		}
		p.table(1, []string{"Role", "Person", "Backup"}, rows)
	}
	p.heading(3, p.text(words("RACI findings")))
	findings := m.Findings()
	if len(findings) == 0 {
		p.paraWords("The grid breaks none of RACI's rules.")
		return
	}
	items := make([]Text, len(findings))
	for i, f := range findings {
		items[i] = p.text(typed(f.Message))
	}
	p.list(items)
}

func (p *planner) risks() {
	risks := p.s.Risks
	if len(risks) == 0 {
		p.paraWords(nothing)
		return
	}
	p.heading(3, p.text(words("Risk register")))
	rows := make([][]Text, len(risks))
	for i, r := range risks {
		var residual Text
		if rs := r.ResidualScore(); rs > 0 {
			residual = p.text(number(r.ResidualLikelihood), words(" × "), number(r.ResidualImpact), words(" = "), number(rs),
				words(" ("), words(r.ResidualBand().String()), words(")"))
		}
		flags := r.Flags()
		if !blank(r.Owner) {
			if _, ok := p.s.RACI.RoleByID(r.Owner); !ok {
				flags = append(flags, "owner not in the RACI grid")
			}
		}
		rows[i] = p.row(p.text(number(i+1)), p.text(typedOr(r.Title, words("Untitled risk"))), p.text(typed(r.Category)),
			p.score(r.Likelihood), p.score(r.Impact), p.text(number(r.Score())), p.text(words(r.Band().String())),
			p.role(r.Owner), p.text(typed(string(r.Treatment))), p.text(typed(string(r.Mitigation))), residual,
			p.text(typed(string(r.Status))), p.text(typed(r.Review)), p.text(words(strings.Join(flags, ", "))), p.text(typed(string(r.Notes))))
	}
	p.table(2, []string{"#", "Risk", "Category", "Likelihood", "Impact", "Score", "Band", "Owner role", "Treatment",
		"Mitigation", "Residual", "Status", "Review", "Flags", "Notes"}, rows)

	p.heading(3, p.text(words("Heat map")))
	p.paraWords("Open risks by impact (rows, the highest at the top) and likelihood (columns), as on the risks screen; each cell gives how many risks fall there and the cell's band. Closed and unscored risks are left out.")
	p.add(heatMap(risks))
}

// heatMap places the open, scored risks on the 5×5 map; one array holds
// the numbers of every cell.
func heatMap(risks []model.Risk) *HeatMap {
	var h HeatMap
	var n [5][5]int
	placed := func(r model.Risk) bool { return r.Status != model.RiskClosed && r.Score() > 0 }
	total := 0
	for _, r := range risks {
		if placed(r) {
			n[r.Likelihood-1][r.Impact-1]++
			total++
		}
	}
	all := make([]int, 0, total)
	for l := range 5 {
		for i := range 5 {
			h.Cells[l][i] = HeatCell{Band: model.BandOf((l + 1) * (i + 1)), Risks: all[len(all) : len(all) : len(all)+n[l][i]]}
			all = all[:len(all)+n[l][i]]
		}
	}
	for i, r := range risks {
		if placed(r) {
			c := &h.Cells[r.Likelihood-1][r.Impact-1]
			c.Risks = append(c.Risks, i+1)
		}
	}
	return &h
}

// score writes a likelihood or impact, or nothing while it is not given.
func (p *planner) score(n int) Text {
	if n == 0 {
		return nil
	}
	return p.text(number(n))
}

func (p *planner) drill() {
	runs := p.s.Drill.Runs
	if len(runs) == 0 {
		p.paraWords(nothing)
		return
	}
	reported, _, ok := p.s.Drill.Reported()
	if !ok {
		p.para(p.noDrillResult())
		return
	}
	cat := p.s.Workshop.Drill
	run := runs[reported]
	sc, found := cat.ScenarioByID(run.Scenario)

	p.heading(3, p.text(words("Drill scenario")))
	state := "the drill has not ended"
	if run.Ended {
		state = "the drill ended"
	}
	p.para(p.join(Text{words("This section reports ")}, p.reportedRun(), Text{words(".")}))
	p.para(p.join(p.label("Scenario", p.scenarioTitle(run.Scenario)), Text{words("; speed ×"), number(max(run.Speed, 1)),
		words("; clock reached " + model.ClockText(run.Clock) + "; " + state + ".")}))
	if found && visible(string(sc.Summary)) {
		p.para(p.text(typed(string(sc.Summary))))
	}

	p.heading(3, p.text(words("Drill roles")))
	if len(run.Assignments) == 0 {
		p.paraWords("No drill roles were assigned.")
	} else {
		rows := make([][]Text, len(run.Assignments))
		for i, a := range run.Assignments {
			rows[i] = p.row(p.text(p.dutyName(a.Duty)), p.rolePerson(a.Role), p.rolePerson(a.Backup))
		}
		p.table(1, []string{"Duty", "Role", "Backup role"}, rows)
	}

	p.heading(3, p.text(words("Drill timeline")))
	timeline := p.timeline(run, sc)
	if len(timeline.Events) == 0 {
		p.paraWords("Nothing reached the room and nothing was logged.")
	} else {
		p.add(timeline)
	}

	p.heading(3, p.text(words("Drill messages")))
	if len(run.Messages) == 0 {
		p.paraWords("No messages were drafted.")
	} else {
		rows := make([][]Text, len(run.Messages))
		for i, m := range run.Messages {
			// As in the checklist: only the room's word makes an item met;
			// the program's ticks are proposals.
			met, proposed := m.ItemsMet(cat.Checklist)
			items := p.text(number(met), words(" of "), number(len(cat.Checklist)), words(" met"))
			if proposed > 0 {
				items = p.join(items, Text{words(", "), number(proposed), words(" proposed")})
			}
			rows[i] = p.row(p.text(words(model.ClockText(m.At))), p.text(typed(m.Audience)), p.text(typed(m.Phase)), p.role(m.Sender),
				p.text(typed(string(m.Text))), items)
		}
		p.table(1, []string{"Clock", "Audience", "Phase", "From", "Message", "Fire-drill items"}, rows)
	}

	p.heading(3, p.text(words("Fire-drill checklist")))
	if len(cat.Checklist) == 0 {
		p.paraWords("The workshop has no fire-drill checklist.")
	} else {
		verdict := run.ChecklistVerdict(cat.Checklist)
		rows := make([][]Text, len(cat.Checklist))
		for i, item := range cat.Checklist {
			c := verdict[item.ID]
			met := "no"
			switch {
			case c.Counts():
				met = "yes, confirmed by the room"
			case c.Proposed():
				met = "proposed, not confirmed by the room"
			case c.Confirmed:
				met = "no, confirmed by the room"
			}
			rows[i] = p.row(p.text(typedOr(item.Title, typedOr(item.ID, words("unnamed item")))), p.text(words(met)), p.text(typed(c.Why)))
		}
		p.table(1, []string{"Item", "Met", "Why"}, rows)
	}

	p.heading(3, p.text(words("Drill figures")))
	p.list(p.figures(run.Figures(sc, cat)))

	p.heading(3, p.text(words("After-action review")))
	p.list([]Text{
		p.label("What went well", typedOr(string(run.Review.WentWell), words("not recorded"))),
		p.label("What failed", typedOr(string(run.Review.Failed), words("not recorded"))),
	})

	if len(runs) > 1 {
		p.heading(3, p.text(words("Other drill runs")))
		shown := run.Figures(sc, cat)
		items := make([]Text, 0, len(runs)-1)
		for i, r := range runs {
			if i == reported {
				continue
			}
			n := strconv.Itoa(i + 1)
			if r.Empty() {
				items = append(items, p.text(words("Run "+n+" ("), p.scenarioTitle(r.Scenario),
					words("): started, with no message, decision or hot wash recorded")))
				continue
			}
			other, _ := cat.ScenarioByID(r.Scenario)
			item := p.text(words("Against run "+n+" ("), p.scenarioTitle(r.Scenario), words("), run "+strconv.Itoa(reported+1)+": "+
				strings.Join(model.Compare(r.Figures(other, cat), shown), "; ")))
			if !r.Ended {
				item = p.join(item, Text{words(" (run " + n + " has not ended)")})
			}
			// The room's own words about an earlier run outlive it here.
			if r.Review.WentWell != "" || r.Review.Failed != "" {
				item = p.join(item, Text{words(". Run " + n + "'s after-action review: what went well: "),
					typedOr(string(r.Review.WentWell), words("not recorded")), words("; what failed: "),
					typedOr(string(r.Review.Failed), words("not recorded"))})
			}
			items = append(items, item)
		}
		p.list(items)
	}
}

func (p *planner) dutyName(id string) Span {
	for _, d := range p.s.Workshop.Drill.Duties {
		if d.ID == id {
			return typedOr(d.Name, typedOr(id, words("unnamed duty")))
		}
	}
	return typedOr(id, words("unnamed duty"))
}

// timeline merges what reached the room with what the team logged, by
// clock; at the same second an inject comes before the answers to it.
func (p *planner) timeline(run model.DrillRun, sc model.Scenario) *Timeline {
	var out []Event
	for i, in := range sc.Injects {
		st := run.InjectState(i)
		if st.Status != model.InjectReleased && st.Status != model.InjectSkipped {
			continue
		}
		e := Event{At: st.At, Kind: InjectReleased, Detail: p.text(typed(string(in.Text)))}
		var buf [6]Span
		what := append(buf[:0], words("Inject"))
		if st.Status == model.InjectSkipped {
			e.Kind = InjectSkipped
			what[0] = words("Inject skipped")
		}
		sep := " ("
		for _, f := range [...]string{in.Channel, in.Speaker} {
			if visible(f) {
				what = append(what, words(sep), typed(f))
				sep = ", "
			}
		}
		if sep != " (" {
			what = append(what, words(")"))
		}
		e.What = p.text(what...)
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b Event) int { return cmp.Compare(a.At, b.At) })
	var log []Event
	for _, e := range run.Log {
		if e.Kind == model.LogSkipped {
			// The inject's own row above already says it was skipped.
			continue
		}
		ev := Event{At: e.At, Kind: Note, What: p.text(words("Note")), Detail: p.text(typed(string(e.Text)))}
		if e.Kind == model.LogDecision {
			ev.Kind, ev.What = Decision, p.text(words("Decision"))
		}
		log = append(log, ev)
	}
	slices.SortStableFunc(log, func(a, b Event) int { return cmp.Compare(a.At, b.At) })
	// Merge, injects first at equal clocks.
	t := &Timeline{Events: make([]Event, 0, len(out)+len(log)), End: run.Clock}
	i, j := 0, 0
	for i < len(out) || j < len(log) {
		if j == len(log) || (i < len(out) && out[i].At <= log[j].At) {
			t.Events = append(t.Events, out[i])
			i++
		} else {
			t.Events = append(t.Events, log[j])
			j++
		}
	}
	for _, m := range run.Messages {
		t.Messages = append(t.Messages, MessageMark{At: m.At, Audience: p.text(typed(m.Audience))})
	}
	slices.SortStableFunc(t.Messages, func(a, b MessageMark) int { return cmp.Compare(a.At, b.At) })
	return t
}

// wideGap is how far apart the two sides' ratings of a practice must be
// for the gap to be wide: where the room's conversation should start.
const wideGap = 2

// widestGaps lists the practices IT and the business rate wide apart,
// widest first.
func (p *planner) widestGaps() {
	p.heading(3, p.text(words("Widest gaps between IT and the business")))
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
		p.paraWords("No practice was rated by both IT and the business.")
		return
	case len(wide) == 0:
		p.paraWords("IT and the business rate every practice within " + strconv.Itoa(wideGap-1) + " of each other.")
		return
	}
	slices.SortStableFunc(wide, func(a, b model.Rating) int { return cmp.Compare(b.Gap(), a.Gap()) })
	items := make([]Text, len(wide))
	for i, r := range wide {
		items[i] = p.text(strong(p.practice(r.Practice)), words(": IT "+strconv.Itoa(r.IT)+", the business "+strconv.Itoa(r.Business)))
	}
	p.list(items)
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
		p.paraWords(nothing)
		return
	}
	p.heading(3, p.text(words("Self-assessment ratings")))
	p.paraWords("Each practice rated from 1 (weak) to 5 (strong) by IT and by the business; a gap of " + strconv.Itoa(wideGap) + " or more is marked wide.")
	rows := make([][]Text, len(ratings))
	for i, r := range ratings {
		var gap Text
		if g := r.Gap(); g > 0 && rated(r.IT) && rated(r.Business) {
			gap = p.text(number(g))
			if g >= wideGap {
				gap = p.text(number(g), words(" (wide)"))
			}
		}
		rows[i] = p.row(p.text(p.practice(r.Practice)), p.text(rating(r.IT)), p.text(rating(r.Business)), gap, p.text(typed(string(r.Notes))))
	}
	p.table(1, []string{"Practice", "IT", "Business", "Gap", "Notes"}, rows)
}

func rated(n int) bool { return n >= 1 && n <= 5 }

func rating(n int) Span {
	if !rated(n) {
		return words("not rated")
	}
	return number(n)
}

func (p *planner) practice(id string) Span {
	for _, pr := range p.s.Workshop.Assessment.Practices {
		if pr.ID == id {
			return typedOr(pr.Title, typedOr(id, words("unnamed practice")))
		}
	}
	return typedOr(id, words("unnamed practice"))
}

func blank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}

// unansweredList names the unanswered injects in brackets, or nothing.
func unansweredList(f model.DrillFigures) string {
	if len(f.UnansweredInjects) == 0 {
		return ""
	}
	return " (" + model.InjectList(f.UnansweredInjects) + ")"
}

// count writes n with the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
