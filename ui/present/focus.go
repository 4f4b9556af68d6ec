package present

import (
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
)

// focus draws the one item the facilitator put in focus, large.
func (r room) focus(k model.FocusKind, i int) []string {
	switch k {
	case model.FocusRisk:
		return r.risks(i)
	case model.FocusObjective:
		return r.objective(r.s.Objectives.Items[i])
	case model.FocusMessage:
		run := r.s.Drill.Runs[len(r.s.Drill.Runs)-1]
		return r.message(run.Messages[i])
	}
	return nil
}

// objective is one objective with everything the room agreed about it.
func (r room) objective(o model.Objective) []string {
	var out []string
	for _, l := range wrapped(display.OneLine(o.Title), r.w, 3) {
		out = append(out, r.ink.title.Paint(l))
	}
	out = append(out, "")
	most := max(o.Votes, 1)
	out = append(out, display.Fit(r.ink.bar.Paint(bar(o.Votes, most, max(r.w/2, 1), dotCell))+" "+r.ink.heading.Paint(display.Count(o.Votes, "dot", "dots")), r.w), "")
	for _, f := range []struct{ label, value string }{
		{"Sponsor", o.Sponsor}, {"Metric", o.Metric}, {"Target", o.Target}, {"By", o.Due},
		{"Audience", o.Audience}, {"Strategy", string(o.Strategy)}, {"Technology", o.Technology},
	} {
		v := strings.TrimSpace(f.value)
		if v == "" {
			if f.label == "Sponsor" || f.label == "Metric" {
				out = append(out, r.ink.warn.Paint(display.Fit("! no "+strings.ToLower(f.label)+" yet", r.w)))
			}
			continue
		}
		lines := wrapped(v, max(r.w-12, 1), max(r.h-len(out)-1, 1))
		for n, l := range lines {
			label := "            "
			if n == 0 {
				label = display.Pad(f.label, 12)
			}
			out = append(out, display.Fit(r.ink.heading.Paint(label)+l, r.w))
		}
	}
	return out
}

// message is one drafted message, large enough to read from the back.
func (r room) message(msg model.Message) []string {
	sender := display.OneLine(r.s.RoleName(msg.Sender))
	if strings.TrimSpace(sender) == "" {
		sender = "no role"
	}
	head := "Message to " + display.OneLine(msg.Audience) + " · " + display.OneLine(msg.Phase) + " · at " + model.ClockText(msg.At) + " · from " + sender
	out := []string{r.ink.heading.Paint(display.Fit(head, r.w)), ""}
	for _, l := range wrapped(string(msg.Text), max(r.w-4, 1), max(r.h-len(out), 1)) {
		out = append(out, "  "+r.ink.title.Paint(l))
	}
	return out
}
