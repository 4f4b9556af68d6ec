package steps

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/theme"
)

// page collects the lines of one step's page.
type page struct {
	st    *theme.Styles
	ink   inks
	width int
	lines []string
}

// inks are the page's styles captured once per page, so painting a row
// costs no lipgloss Render.
type inks struct {
	heading, muted, warn, bad, good, marker, bar, barAlt, text theme.Ink
}

func newPage(st *theme.Styles, width int) *page {
	return &page{st: st, width: width, ink: inks{
		heading: theme.InkOf(st.Heading), muted: theme.InkOf(st.Muted), warn: theme.InkOf(st.Warn),
		bad: theme.InkOf(st.Bad), good: theme.InkOf(st.Good), marker: theme.InkOf(st.Marker),
		bar: theme.InkOf(st.Bar), barAlt: theme.InkOf(st.BarAlt), text: theme.InkOf(st.Text),
	}}
}

func itoa(n int) string { return strconv.Itoa(n) }

func (p *page) blank() { p.lines = append(p.lines, "") }

func (p *page) heading(s string) {
	if len(p.lines) > 0 {
		p.blank()
	}
	p.lines = append(p.lines, p.ink.heading.Paint(display.OneLine(s)))
}

// line adds styled text that is already one line; the viewport cuts it.
func (p *page) line(s string) { p.lines = append(p.lines, s) }

// para wraps user text under an indent.
func (p *page) para(indent, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	for _, l := range display.Wrap(text, max(p.width-display.Width(indent), 10)) {
		p.lines = append(p.lines, indent+l)
	}
}

func (p *page) muted(s string) { p.lines = append(p.lines, p.ink.muted.Paint(s)) }

func (p *page) prompts(prompts []string) {
	if len(prompts) == 0 {
		return
	}
	p.lines = append(p.lines, p.ink.muted.Paint("Ask the room:"))
	for _, q := range prompts {
		wrapped := display.Wrap(q, max(p.width-4, 10))
		for i, l := range wrapped {
			lead := "    "
			if i == 0 {
				lead = "  • "
			}
			p.lines = append(p.lines, p.ink.muted.Paint(lead+l))
		}
	}
}

// render lays out what the session holds for one kind of step.
func render(p *page, s *model.Session, kind model.StepKind) {
	switch kind {
	case model.StepListen:
		renderListen(p, s)
	case model.StepObjectives:
		renderObjectives(p, s)
	case model.StepRACI:
		renderRACI(p, s)
	case model.StepRisks:
		renderRisks(p, s)
	case model.StepDrill:
		renderDrill(p, s)
	case model.StepAssessment:
		renderAssessment(p, s)
	case model.StepReview:
		renderReview(p, s)
	default:
		p.heading("Unknown step")
		p.para("", "This step's kind, "+string(kind)+", is not one Roundtable knows; its template needs fixing.")
	}
}

// bar draws n out of most as a bar of up to width cells; text with the
// number beside it carries the value without colour.
func bar(n, most, width int) string {
	if most <= 0 || n <= 0 || width <= 0 {
		return ""
	}
	cells := max(n*width/most, 1)
	return strings.Repeat("█", min(cells, width))
}

func renderListen(p *page, s *model.Session) {
	l := s.Listen
	p.heading(fmt.Sprintf("Show of hands: who reads, who creates (%d platforms)", len(l.Poll)))
	if len(l.Poll) == 0 {
		p.muted("  No platforms in the poll yet.")
	}
	most, nameW := 0, 8
	for _, r := range l.Poll {
		most = max(most, r.Reads, r.Creates)
		nameW = max(nameW, display.Width(display.OneLine(r.Platform)))
	}
	nameW = min(nameW, max(p.width/4, 8))
	barW := max((p.width-nameW-30)/2, 4)
	for _, r := range l.Poll {
		name := display.Pad(display.OneLine(r.Platform), nameW)
		reads := p.ink.bar.Paint(display.Pad(bar(r.Reads, most, barW), barW))
		creates := p.ink.barAlt.Paint(display.Pad(bar(r.Creates, most, barW), barW))
		p.line(fmt.Sprintf("  %s  read %s %4d   create %s %4d", name, reads, r.Reads, creates, r.Creates))
	}

	p.heading(fmt.Sprintf("Where people talk about us (%d)", len(l.Inventory)))
	if len(l.Inventory) == 0 {
		p.muted("  Nothing listed yet: where do customers, employees, press and critics talk?")
	}
	surprises := 0
	for _, c := range l.Inventory {
		mark := "  • "
		if c.Surprise {
			surprises++
			mark = p.ink.warn.Paint("  ! ")
		}
		line := mark + display.OneLine(c.Place)
		var facts []string
		for _, f := range []string{c.Who, c.Tone, c.Volume} {
			if strings.TrimSpace(f) != "" {
				facts = append(facts, display.OneLine(f))
			}
		}
		if len(facts) > 0 {
			line += p.ink.muted.Paint(" — " + strings.Join(facts, ", "))
		}
		if c.Surprise {
			line += p.ink.warn.Paint("  [surprise: we did not know]")
		}
		p.line(line)
		p.para("      ", string(c.Notes))
	}
	if surprises > 0 {
		p.muted(fmt.Sprintf("  %d of %d came as a surprise.", surprises, len(l.Inventory)))
	}

	p.heading(fmt.Sprintf("Internal experts (%d)", len(l.Experts)))
	if len(l.Experts) == 0 {
		p.muted("  Nobody named yet: who inside already knows this ground?")
	}
	for _, e := range l.Experts {
		line := "  • " + display.OneLine(e.Name)
		if e.Department != "" {
			line += p.ink.muted.Paint(" (" + display.OneLine(e.Department) + ")")
		}
		p.line(line)
		p.para("      ", string(e.Knows))
	}
}

func renderObjectives(p *page, s *model.Session) {
	o := s.Objectives
	p.heading(fmt.Sprintf("Objectives, by votes (%d)", len(o.Items)))
	if o.VotesPerParticipant > 0 {
		p.muted(fmt.Sprintf("  Each participant has %d votes.", o.VotesPerParticipant))
	}
	if len(o.Items) == 0 {
		p.muted("  No objectives yet: pick from the catalogue or write the room's own.")
	}
	for rank, i := range o.Ranked() {
		obj := o.Items[i]
		line := fmt.Sprintf("  %d. %s", rank+1, display.OneLine(obj.Title))
		line += p.ink.muted.Paint(fmt.Sprintf("  (%d votes)", obj.Votes))
		if miss := obj.Missing(); len(miss) > 0 {
			line += p.ink.warn.Paint("  [missing: " + strings.Join(miss, ", ") + "]")
		}
		p.line(line)
		for _, f := range [][2]string{
			{"audience", obj.Audience}, {"technology", obj.Technology}, {"sponsor", obj.Sponsor},
			{"metric", obj.Metric}, {"target", obj.Target}, {"due", obj.Due},
		} {
			if strings.TrimSpace(f[1]) != "" {
				p.line("       " + p.ink.muted.Paint(f[0]+": ") + display.OneLine(f[1]))
			}
		}
		if strings.TrimSpace(string(obj.Strategy)) != "" {
			p.line("       " + p.ink.muted.Paint("strategy:"))
			p.para("         ", string(obj.Strategy))
		}
	}
	p.heading("How we organise")
	chosen := ""
	for _, m := range s.Workshop.Objectives.Models {
		if m.ID == o.Model {
			chosen = m.Name
		}
	}
	switch {
	case chosen != "":
		p.line("  " + display.OneLine(chosen))
	case o.Model != "":
		p.line("  " + display.OneLine(o.Model))
	default:
		p.muted("  Not chosen yet (organic, centralised, hub-and-spoke, …).")
	}
}

// roleCodes gives each role a short, unique column heading.
func roleCodes(roles []model.Role) []string {
	codes := make([]string, len(roles))
	seen := map[string]bool{}
	for i, r := range roles {
		name := display.OneLine(r.Name)
		if name == "" {
			name = display.OneLine(r.ID)
		}
		code := ""
		for _, w := range strings.Fields(name) {
			code += string([]rune(w)[:1])
		}
		code = strings.ToUpper(code)
		if display.Width(code) < 2 {
			code = strings.ToUpper(string([]rune(name + "??")[:2]))
		}
		code = display.Fit(code, 3)
		base := code
		for n := 2; seen[code]; n++ {
			code = display.Fit(base, 2) + strconv.Itoa(n)
		}
		seen[code] = true
		codes[i] = code
	}
	return codes
}

func renderRACI(p *page, s *model.Session) {
	m := s.RACI
	p.heading(fmt.Sprintf("Who does what: %d activities × %d roles", len(m.Activities), len(m.Roles)))
	if len(m.Activities) == 0 || len(m.Roles) == 0 {
		p.muted("  The grid is empty: add activities and roles.")
	}
	codes := roleCodes(m.Roles)
	nameW := 10
	for _, a := range m.Activities {
		nameW = max(nameW, display.Width(display.OneLine(a.Name))+2)
	}
	nameW = min(nameW, max(p.width-4*len(codes)-4, 16), 40)
	if len(m.Activities) > 0 && len(m.Roles) > 0 {
		var head strings.Builder
		head.WriteString("  " + display.Pad("", nameW))
		for _, c := range codes {
			head.WriteString(" " + display.Pad(c, 3))
		}
		p.line(p.ink.muted.Paint(head.String()))
	}
	area := ""
	for _, a := range m.Activities {
		if a.Area != area && a.Area != "" {
			area = a.Area
			p.line(p.ink.muted.Paint("  " + display.OneLine(area)))
		}
		name := display.OneLine(a.Name)
		if a.Key {
			name = "★ " + name
		} else {
			name = "  " + name
		}
		var row strings.Builder
		row.WriteString("  " + display.Pad(name, nameW))
		for _, r := range m.Roles {
			l := a.Cells[r.ID]
			cell := " · "
			if l.Valid() {
				cell = " " + string(l) + " "
				if l == model.Accountable {
					cell = p.ink.marker.Paint(cell)
				}
			}
			row.WriteString(" " + cell)
		}
		p.line(row.String())
	}
	if len(m.Roles) > 0 {
		p.heading("Roles")
		for i, r := range m.Roles {
			line := "  " + display.Pad(codes[i], 4) + display.OneLine(r.Name)
			who := display.OneLine(r.Person)
			if who == "" {
				who = "nobody named"
			}
			if r.Backup != "" {
				who += ", backup " + display.OneLine(r.Backup)
			}
			p.line(line + p.ink.muted.Paint(" — "+who))
		}
	}
	findings := m.Findings()
	p.heading(fmt.Sprintf("Rules the grid breaks (%d)", len(findings)))
	if len(findings) == 0 && len(m.Activities) > 0 {
		p.line(p.ink.good.Paint("  ✓ Every activity has one A and at least one R."))
	}
	for _, f := range findings {
		p.line(p.ink.warn.Paint("  ! ") + display.OneLine(f.Message))
	}
}

func renderRisks(p *page, s *model.Session) {
	risks := s.Risks
	p.heading(fmt.Sprintf("Risk register (%d)", len(risks)))
	// The heat map: likelihood rows from 5 down, impact columns 1 to 5.
	var heat [6][6]int
	for _, r := range risks {
		if r.Score() > 0 {
			heat[r.Likelihood][r.Impact]++
		}
	}
	p.muted("  likelihood ↑   impact →")
	for l := 5; l >= 1; l-- {
		var row strings.Builder
		row.WriteString(fmt.Sprintf("  %d │", l))
		for i := 1; i <= 5; i++ {
			cell := "  · "
			if n := heat[l][i]; n > 0 {
				cell = fmt.Sprintf("%3d ", n)
			}
			row.WriteString(p.band(model.BandOf(l * i)).Paint(cell))
		}
		p.line(row.String())
	}
	p.muted("    └────────────────────")
	p.muted("       1   2   3   4   5")
	p.blank()
	order := make([]int, len(risks))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return risks[b].Score() - risks[a].Score() })
	for _, i := range order {
		r := risks[i]
		band := r.Band()
		tag := p.band(band).Paint(fmt.Sprintf("%2d %-8s", r.Score(), band.String()))
		line := "  " + tag + " " + display.OneLine(r.Title)
		var facts []string
		if r.Category != "" {
			facts = append(facts, display.OneLine(r.Category))
		}
		if owner := s.RoleName(r.Owner); owner != "" {
			facts = append(facts, "owner "+display.OneLine(owner))
		}
		if r.Treatment != "" {
			facts = append(facts, string(r.Treatment))
		}
		if r.Status != "" {
			facts = append(facts, display.OneLine(string(r.Status)))
		}
		if len(facts) > 0 {
			line += p.ink.muted.Paint(" — " + strings.Join(facts, " · "))
		}
		if flags := r.Flags(); len(flags) > 0 {
			line += p.ink.bad.Paint("  [" + strings.Join(flags, ", ") + "]")
		}
		p.line(line)
	}
}

func (p *page) band(b model.Band) theme.Ink {
	switch b {
	case model.BandCritical:
		return p.ink.bad
	case model.BandHigh:
		return p.ink.warn
	case model.BandMedium:
		return p.ink.text
	}
	return p.ink.muted
}

func clock(seconds int) string {
	return fmt.Sprintf("%02d:%02d", seconds/60, seconds%60)
}

func renderDrill(p *page, s *model.Session) {
	runs := s.Drill.Runs
	p.heading(fmt.Sprintf("Crisis drill runs (%d)", len(runs)))
	if len(runs) == 0 {
		p.muted("  No drill run yet. Scenarios in this workshop:")
		for _, sc := range s.Workshop.Drill.Scenarios {
			p.line("  • " + display.OneLine(sc.Title) + p.ink.muted.Paint(fmt.Sprintf(" (%d min, %d injects)", sc.Minutes, len(sc.Injects))))
		}
		return
	}
	for n := len(runs) - 1; n >= 0; n-- {
		run := runs[n]
		var sc model.Scenario
		for _, c := range s.Workshop.Drill.Scenarios {
			if c.ID == run.Scenario {
				sc = c
			}
		}
		title := display.OneLine(sc.Title)
		if title == "" {
			title = display.OneLine(run.Scenario)
		}
		state := "paused at " + clock(run.Clock)
		if run.Ended {
			state = "ended at " + clock(run.Clock)
		}
		p.heading(fmt.Sprintf("Run %d: %s — %s, speed ×%d", n+1, title, state, max(run.Speed, 1)))
		for _, a := range run.Assignments {
			line := "  " + display.OneLine(a.Duty) + ": " + display.OneLine(s.RoleName(a.Role))
			if a.Backup != "" {
				line += p.ink.muted.Paint(", backup " + display.OneLine(s.RoleName(a.Backup)))
			}
			p.line(line)
		}
		for _, in := range run.Injects {
			text := ""
			if in.Index >= 0 && in.Index < len(sc.Injects) {
				text = display.OneLine(string(sc.Injects[in.Index].Text))
			}
			p.line(fmt.Sprintf("  %s inject %d %-8s %s", clock(in.At), in.Index+1, string(in.Status), text))
		}
		if len(run.Log) > 0 {
			p.line(p.ink.muted.Paint("  Log:"))
		}
		for _, e := range run.Log {
			p.line(fmt.Sprintf("  %s %-8s %s", clock(e.At), string(e.Kind), display.OneLine(string(e.Text))))
		}
		if len(run.Messages) > 0 {
			p.line(p.ink.muted.Paint("  Messages:"))
		}
		for _, msg := range run.Messages {
			p.line(fmt.Sprintf("  %s to %s (%s), from %s:", clock(msg.At), display.OneLine(msg.Audience), display.OneLine(msg.Phase), display.OneLine(s.RoleName(msg.Sender))))
			p.para("      ", string(msg.Text))
		}
		if len(s.Workshop.Drill.Checklist) > 0 {
			met := 0
			for _, c := range s.Workshop.Drill.Checklist {
				if run.Checklist[c.ID].Met {
					met++
				}
			}
			p.line(p.ink.muted.Paint(fmt.Sprintf("  Fire-drill checklist: %d of %d met", met, len(s.Workshop.Drill.Checklist))))
			for _, c := range s.Workshop.Drill.Checklist {
				mark := "[ ]"
				if run.Checklist[c.ID].Met {
					mark = "[x]"
				}
				p.line("   " + mark + " " + display.OneLine(c.Title))
			}
		}
		if run.Review.WentWell != "" || run.Review.Failed != "" {
			p.line(p.ink.muted.Paint("  Went well:"))
			p.para("      ", string(run.Review.WentWell))
			p.line(p.ink.muted.Paint("  Failed:"))
			p.para("      ", string(run.Review.Failed))
		}
	}
}

func renderAssessment(p *page, s *model.Session) {
	p.heading(fmt.Sprintf("Self-assessment (%d practices)", len(s.Assessment)))
	titles := map[string]string{}
	for _, pr := range s.Workshop.Assessment.Practices {
		titles[pr.ID] = pr.Title
	}
	nameW := min(max(p.width-34, 12), 50)
	p.muted("  " + display.Pad("practice", nameW) + "   IT     business  gap")
	for _, r := range s.Assessment {
		name := titles[r.Practice]
		if name == "" {
			name = r.Practice
		}
		gap := ""
		if g := r.Gap(); g >= 2 {
			gap = p.ink.warn.Paint(fmt.Sprintf("%d  apart", g))
		} else if r.IT > 0 && r.Business > 0 {
			gap = fmt.Sprint(g)
		}
		p.line(fmt.Sprintf("  %s   %-6s %-9s %s", display.Pad(display.OneLine(name), nameW), rating(r.IT), rating(r.Business), gap))
	}
}

func rating(n int) string {
	if n <= 0 {
		return "–"
	}
	return fmt.Sprintf("%d/5", n)
}

func renderReview(p *page, s *model.Session) {
	done, total := s.Progress()
	p.heading(fmt.Sprintf("Where we stand: %d of %d steps complete", done, total))
	for i, st := range s.Workshop.Steps {
		if st.Kind == model.StepReview {
			continue
		}
		miss := s.Missing(st.Kind)
		mark := p.ink.good.Paint("✓")
		if len(miss) > 0 {
			mark = p.ink.warn.Paint("!")
		}
		p.line(fmt.Sprintf("  %s %d %s", mark, i+1, display.OneLine(st.Title)))
		for _, m := range miss {
			p.line(p.ink.muted.Paint("      – " + display.OneLine(m)))
		}
	}
	p.heading(fmt.Sprintf("Action items (%d)", len(s.Actions)))
	if len(s.Actions) == 0 {
		p.muted("  No action items yet.")
	}
	for _, a := range s.Actions {
		mark := "[ ]"
		if a.Done {
			mark = "[x]"
		}
		line := "  " + mark + " " + display.OneLine(string(a.Text))
		var facts []string
		if owner := s.RoleName(a.Owner); owner != "" {
			facts = append(facts, "owner "+display.OneLine(owner))
		}
		if a.Due != "" {
			facts = append(facts, "due "+display.OneLine(a.Due))
		}
		if a.Source != "" {
			facts = append(facts, "from "+string(a.Source))
		}
		if len(facts) > 0 {
			line += p.ink.muted.Paint(" — " + strings.Join(facts, " · "))
		}
		p.line(line)
	}
}
