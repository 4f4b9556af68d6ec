package present

import (
	"strconv"
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
)

// review lists what the room decided and the action items agreed, each
// with the role that owns it and when it is due.
func (r room) review() []string {
	s := r.s
	var decisions []string
	if strings.TrimSpace(s.Objectives.Model) != "" {
		decisions = append(decisions, "Organisational model: "+r.orgModel())
	}
	ranked := s.Objectives.Ranked()
	for n, i := range ranked {
		if n == 3 {
			break
		}
		decisions = append(decisions, "Objective "+strconv.Itoa(n+1)+": "+display.OneLine(s.Objectives.Items[i].Title))
	}
	if n := len(s.Drill.Runs); n > 0 {
		for _, e := range s.Drill.Runs[n-1].Log {
			if e.Kind == model.LogDecision {
				decisions = append(decisions, "Drill, "+model.ClockText(e.At)+": "+display.OneLine(string(e.Text)))
			}
		}
	}
	var actions []model.ActionItem
	for _, a := range s.Actions {
		if strings.TrimSpace(string(a.Text)) != "" {
			actions = append(actions, a)
		}
	}
	actH := min(len(actions)+1, max(r.h/2, 2))
	if len(decisions) == 0 {
		actH = r.h
	}
	decH := max(r.h-actH-1, 0)
	var out []string
	if decH > 0 {
		out = append(out, r.ink.heading.Paint(display.Fit("Decisions", r.w)))
		if len(decisions) == 0 {
			out = append(out, r.ink.muted.Paint(display.Fit("  None recorded yet.", r.w)))
		}
		for n, d := range decisions {
			if len(out) == decH-1 && n < len(decisions)-1 {
				out = append(out, r.more(len(decisions)-n, "decision", "decisions"))
				break
			}
			out = append(out, display.Fit("  ● "+d, r.w))
		}
		out = append(out, "")
	}
	out = append(out, r.ink.heading.Paint(display.Fit("Action items", r.w)))
	if len(actions) == 0 {
		return append(out, r.ink.muted.Paint(display.Fit("  None agreed yet.", r.w)))
	}
	for n, a := range actions {
		if len(out) >= r.h-1 && n < len(actions)-1 {
			return append(out, r.more(len(actions)-n, "action item", "action items"))
		}
		mark := "○ "
		if a.Closed() {
			mark = "✓ "
		}
		owner := display.OneLine(s.RoleName(a.Owner))
		if strings.TrimSpace(owner) == "" {
			owner = "no owner yet"
		}
		due := display.OneLine(a.Due)
		if strings.TrimSpace(due) == "" {
			due = "no date yet"
		}
		out = append(out, display.Fit("  "+mark+display.OneLine(string(a.Text))+r.ink.muted.Paint(" — "+owner+", "+due), r.w))
	}
	return out
}

// assessment shows each practice's two ratings side by side as bars, IT's
// and the business's, so the gaps between them stand out.
func (r room) assessment() []string {
	practices := r.s.Workshop.Assessment.Practices
	if len(practices) == 0 {
		return []string{r.ink.muted.Paint(display.Fit("This workshop has no practices to rate.", r.w))}
	}
	ratings := map[string]model.Rating{}
	for _, rt := range r.s.Assessment {
		ratings[rt.Practice] = rt
	}
	labelW := 0
	for _, p := range practices {
		labelW = max(labelW, display.Width(display.OneLine(p.Title)))
	}
	labelW = min(labelW, max(r.w/3, 8))
	barW := max((r.w-labelW-2-16)/2, 1)
	legend := r.ink.bar.Paint(readCell) + r.ink.muted.Paint(" IT's view   ") + r.ink.barAlt.Paint(createCell) + r.ink.muted.Paint(" the business's view, 1 to 5")
	out := []string{display.Fit(legend, r.w)}
	for n, p := range practices {
		if len(out) >= r.h-1 && n < len(practices)-1 {
			return append(out, r.more(len(practices)-n, "practice", "practices"))
		}
		rt := ratings[p.ID]
		side := func(v int, cell string, ink func(string) string) string {
			if v < 1 || v > 5 {
				return display.Pad(r.ink.muted.Paint("not rated"), barW+3)
			}
			return display.Pad(ink(bar(v, 5, barW, cell))+" "+strconv.Itoa(v), barW+3)
		}
		title := p.Title
		if strings.TrimSpace(title) == "" {
			title = p.ID
		}
		line := r.ink.heading.Paint(display.Pad(display.OneLine(title), labelW)) + "  " +
			side(rt.IT, readCell, r.ink.bar.Paint) + "  " + side(rt.Business, createCell, r.ink.barAlt.Paint)
		if rt.IT >= 1 && rt.IT <= 5 && rt.Business >= 1 && rt.Business <= 5 && (rt.IT-rt.Business >= 2 || rt.Business-rt.IT >= 2) {
			line += r.ink.warn.Paint(" ! gap")
		}
		out = append(out, display.Fit(line, r.w))
	}
	return out
}
