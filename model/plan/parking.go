package plan

// parking writes the parking lot: what the room set aside for later, each
// with who raised it. A session without one gets no section.
func (p *planner) parking() {
	if len(p.s.Parking) == 0 {
		return
	}
	p.heading(2, p.text(words("Parking lot")))
	p.paraWords("Set aside during the workshop, to be taken up later:")
	items := make([]Text, 0, len(p.s.Parking))
	for _, n := range p.s.Parking {
		item := p.text(typedOr(string(n.Text), words("no text")))
		if visible(n.From) {
			item = p.join(item, Text{words(" ("), typed(n.From), words(")")})
		}
		items = append(items, item)
	}
	p.list(items)
}
