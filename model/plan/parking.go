package plan

// parking writes the parking lot: what the room set aside for later, each
// with who raised it. A session without one gets no section.
func (p *planner) parking() {
	if len(p.s.Parking) == 0 {
		return
	}
	p.w.heading(2, "Parking lot")
	p.w.para("Set aside during the workshop, to be taken up later:")
	items := make([]md, 0, len(p.s.Parking))
	for _, n := range p.s.Parking {
		item := text(string(n.Text), "no text")
		if !blank(n.From) {
			item += md(" (") + esc(n.From) + md(")")
		}
		items = append(items, item)
	}
	p.w.list(items)
}
