package present

import (
	"strconv"
	"strings"

	"github.com/roundtable/roundtable/ui/display"
)

// dotCell draws a dot tally.
const dotCell = "█"

// objectives ranks the objectives by the room's dots, each with its tally
// as a bar, its sponsor and its metric, and names the organisational
// model chosen.
func (r room) objectives() []string {
	o := r.s.Objectives
	modelLine := r.ink.heading.Paint("Organisational model: ") + r.ink.text.Paint(r.orgModel())
	if len(o.Items) == 0 {
		return []string{r.ink.muted.Paint(display.Fit("No objectives yet.", r.w)), "", display.Fit(modelLine, r.w)}
	}
	most := 1
	for _, it := range o.Items {
		most = max(most, it.Votes)
	}
	rankW := len(strconv.Itoa(len(o.Items))) + 2
	countW := len(strconv.Itoa(most)) + 6
	barW := max(r.w-rankW-countW, 1)
	per := 3
	if r.h >= 4*len(o.Items)+3 {
		per = 4
	}
	room := max(r.h-2, 1)
	var out []string
	ranked := o.Ranked()
	for n, i := range ranked {
		if len(out)+3 > room {
			out = append(out, r.more(len(ranked)-n, "objective", "objectives"))
			break
		}
		it := o.Items[i]
		indent := strings.Repeat(" ", rankW)
		out = append(out, display.Fit(r.ink.heading.Paint(display.Pad(strconv.Itoa(n+1)+".", rankW)+display.OneLine(it.Title)), r.w))
		dots := r.ink.bar.Paint(bar(it.Votes, most, barW, dotCell)) + " " + r.ink.heading.Paint(display.Count(it.Votes, "dot", "dots"))
		out = append(out, display.Fit(indent+dots, r.w))
		var facts []string
		if s := display.OneLine(it.Sponsor); strings.TrimSpace(s) != "" {
			facts = append(facts, r.ink.muted.Paint("sponsor ")+s)
		} else {
			facts = append(facts, r.ink.warn.Paint("! no sponsor yet"))
		}
		metric := display.OneLine(it.Metric)
		if t := display.OneLine(it.Target); strings.TrimSpace(t) != "" {
			metric += " → " + t
		}
		if strings.TrimSpace(it.Metric) != "" {
			facts = append(facts, r.ink.muted.Paint("metric ")+metric)
		} else {
			facts = append(facts, r.ink.warn.Paint("! no metric yet"))
		}
		out = append(out, display.Fit(indent+strings.Join(facts, r.ink.muted.Paint(" · ")), r.w))
		if per == 4 {
			out = append(out, "")
		}
	}
	return append(out, "", display.Fit(modelLine, r.w))
}

// orgModel names the organisational model chosen.
func (r room) orgModel() string {
	id := strings.TrimSpace(r.s.Objectives.Model)
	if id == "" {
		return "not chosen yet"
	}
	for _, c := range r.s.Workshop.Objectives.Models {
		if c.ID == id {
			return display.OneLine(c.Name)
		}
	}
	return display.OneLine(id)
}
