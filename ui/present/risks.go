package present

import (
	"slices"
	"strconv"
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/theme"
)

// shades fill a heat map cell where the terminal has no colours, so the
// bands still tell apart: the darker, the worse.
var shades = map[model.Band]string{
	model.BandLow:      "░",
	model.BandMedium:   "▒",
	model.BandHigh:     "▓",
	model.BandCritical: "█",
}

func (r room) bandInk(b model.Band) theme.Ink {
	switch b {
	case model.BandLow:
		return r.ink.good
	case model.BandMedium:
		return r.ink.warn
	}
	return r.ink.bad
}

// risks draws the 5×5 heat map as filled blocks, each with the number of
// open risks in it, and beside it the risk in focus (focus ≥ 0) or the
// top risks.
func (r room) risks(focus int) []string {
	var counts [6][6]int
	for _, k := range r.s.Risks {
		if k.Status != model.RiskClosed && k.Score() > 0 {
			counts[k.Likelihood][k.Impact]++
		}
	}
	// Cells grow with the screen: the map takes two fifths of its width,
	// each cell about a third as high as wide.
	cellW := min(max((r.w*2/5-4)/5, 4), 16)
	cellH := min(max((r.h-3)/5, 1), max(cellW/3, 1))
	mapW := 4 + 5*cellW
	if r.w < mapW+20 {
		cellW = max((r.w-4)/5, 3)
		mapW = 4 + 5*cellW
	}
	var heat []string
	heat = append(heat, r.ink.heading.Paint(display.Fit("Impact ↑  likelihood →", mapW)))
	for imp := 5; imp >= 1; imp-- {
		for y := range cellH {
			var b strings.Builder
			if y == cellH/2 {
				b.WriteString(" " + strconv.Itoa(imp) + "  ")
			} else {
				b.WriteString("    ")
			}
			for lik := 1; lik <= 5; lik++ {
				b.WriteString(r.heatCell(lik, imp, counts[lik][imp], cellW, y == cellH/2, r.focusHere(focus, lik, imp)))
			}
			heat = append(heat, b.String())
		}
	}
	var axis strings.Builder
	axis.WriteString("    ")
	for lik := 1; lik <= 5; lik++ {
		axis.WriteString(center(strconv.Itoa(lik), cellW))
	}
	heat = append(heat, r.ink.muted.Paint(axis.String()))
	if !r.colour {
		legend := "░ low ▒ medium ▓ high █ critical"
		if display.Width(legend) > mapW {
			legend = "░ low ▒ med ▓ high █ crit"
		}
		heat = append(heat, r.ink.muted.Paint(display.Fit(legend, mapW)))
	}

	sideW := r.w - mapW - 4
	side := r
	side.w = sideW
	var right []string
	if focus >= 0 {
		right = side.riskDetail(r.s.Risks[focus])
	} else {
		right = side.topRisks(max(r.h, len(heat)))
	}
	if sideW < 20 {
		// Too narrow for both: the map, then the list below it.
		side.w = r.w
		if focus >= 0 {
			right = side.riskDetail(r.s.Risks[focus])
		} else {
			right = side.topRisks(r.h - len(heat) - 1)
		}
		return append(append(heat, ""), right...)
	}
	return columns(heat, right, mapW, 4)
}

func (r room) focusHere(focus, lik, imp int) bool {
	if focus < 0 {
		return false
	}
	k := r.s.Risks[focus]
	return k.Likelihood == lik && k.Impact == imp
}

// heatCell is one line of one cell: filled with its band's colour, or its
// shade without colours, the count on its middle line; the cell of the
// risk in focus is bracketed.
func (r room) heatCell(lik, imp, n, w int, middle, here bool) string {
	band := model.BandOf(lik * imp)
	label := ""
	if middle && n > 0 {
		label = strconv.Itoa(n)
	}
	inner := w - 1
	var body string
	if r.colour {
		body = center(label, inner)
		return r.fillInk(band).Paint(r.mark(body, here)) + " "
	}
	fill := shades[band]
	if label == "" {
		body = strings.Repeat(fill, inner)
	} else {
		pad := inner - display.Width(label) - 2
		body = strings.Repeat(fill, max(pad/2, 0)) + " " + label + " " + strings.Repeat(fill, max(pad-pad/2, 0))
	}
	return r.bandInk(band).Paint(r.mark(body, here)) + " "
}

// mark brackets the cell of the risk in focus.
func (r room) mark(body string, here bool) string {
	if !here || display.Width(body) < 3 {
		return body
	}
	rs := []rune(body)
	return "[" + string(rs[1:len(rs)-1]) + "]"
}

// fillInk paints a filled block in the band's colour.
func (r room) fillInk(b model.Band) theme.Ink {
	switch b {
	case model.BandLow:
		return theme.InkOf(r.st.Good.Reverse(true).Bold(true))
	case model.BandMedium:
		return theme.InkOf(r.st.Warn.Reverse(true).Bold(true))
	}
	return theme.InkOf(r.st.Bad.Reverse(true))
}

// topRisks lists the open risks by score, worst first.
func (r room) topRisks(h int) []string {
	var idx []int
	for i, k := range r.s.Risks {
		if k.Status != model.RiskClosed && k.Score() > 0 {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return r.s.Risks[b].Score() - r.s.Risks[a].Score() })
	if len(idx) == 0 {
		return []string{r.ink.muted.Paint(display.Fit("No scored open risks yet.", r.w))}
	}
	out := []string{r.ink.heading.Paint(display.Fit("Top risks", r.w))}
	per := 2
	for n, i := range idx {
		if len(out)+per > h {
			out = append(out, r.more(len(idx)-n, "risk", "risks"))
			break
		}
		k := r.s.Risks[i]
		band := k.Band()
		score := r.bandInk(band).Paint(display.Pad(strconv.Itoa(k.Score())+" "+strings.ToUpper(band.String()), 12))
		out = append(out, display.Fit(score+" "+r.ink.heading.Paint(display.OneLine(k.Title)), r.w))
		owner := display.OneLine(r.s.RoleName(k.Owner))
		facts := "owner " + owner
		if strings.TrimSpace(owner) == "" {
			facts = "no owner yet"
		}
		if f := k.Flags(); len(f) > 0 {
			facts += " · ! " + strings.Join(f, ", ")
		}
		out = append(out, display.Fit(strings.Repeat(" ", 13)+r.ink.muted.Paint(facts), r.w))
	}
	return out
}

// riskDetail is the risk in focus, large: its score, owner, treatment and
// mitigation.
func (r room) riskDetail(k model.Risk) []string {
	band := k.Band()
	out := []string{}
	for _, l := range wrapped(display.OneLine(k.Title), r.w, 3) {
		out = append(out, r.ink.title.Paint(l))
	}
	score := "not scored"
	if k.Score() > 0 {
		score = strconv.Itoa(k.Likelihood) + " × " + strconv.Itoa(k.Impact) + " = " + strconv.Itoa(k.Score()) + " " + strings.ToUpper(band.String())
	}
	out = append(out, "", r.bandInk(band).Paint(display.Fit("Score "+score, r.w)))
	owner := display.OneLine(r.s.RoleName(k.Owner))
	if strings.TrimSpace(owner) == "" {
		owner = "nobody yet"
	}
	out = append(out, display.Fit("Owner: "+owner, r.w))
	if t := strings.TrimSpace(string(k.Treatment)); t != "" {
		out = append(out, display.Fit("Treatment: "+display.OneLine(t), r.w))
	}
	if f := k.Flags(); len(f) > 0 {
		out = append(out, r.ink.warn.Paint(display.Fit("! "+strings.Join(f, ", "), r.w)))
	}
	if m := strings.TrimSpace(string(k.Mitigation)); m != "" {
		out = append(out, "", r.ink.heading.Paint("Mitigation"))
		out = append(out, wrapped(m, r.w, max(r.h-len(out), 1))...)
	}
	return out
}
