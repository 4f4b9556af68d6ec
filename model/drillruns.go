package model

// Empty reports whether the run holds nothing a plan could report: no
// message, no decision or note, no hot wash. A run started by mistake is
// empty, whatever its clock reached.
func (r DrillRun) Empty() bool {
	if len(r.Messages) > 0 || !blank(string(r.Review.WentWell)) || !blank(string(r.Review.Failed)) {
		return false
	}
	for _, e := range r.Log {
		if e.Kind != LogSkipped {
			return false
		}
	}
	return true
}

// Reported is the index of the run the plan reports: the one the room
// chose, or else the latest finished run, or else the latest run in
// progress; never an empty one. chosen says the room chose it; ok is false
// when no run has anything to report.
func (d Drill) Reported() (i int, chosen, ok bool) {
	if n := d.Report; n >= 1 && n <= len(d.Runs) && !d.Runs[n-1].Empty() {
		return n - 1, true, true
	}
	for i := len(d.Runs) - 1; i >= 0; i-- {
		if d.Runs[i].Ended && !d.Runs[i].Empty() {
			return i, false, true
		}
	}
	for i := len(d.Runs) - 1; i >= 0; i-- {
		if !d.Runs[i].Empty() {
			return i, false, true
		}
	}
	return 0, false, false
}

// DeleteRun removes run i; the room's choice of run for the plan follows
// the runs that stay, and goes back to the program's when run i was it.
func (d *Drill) DeleteRun(i int) {
	if i < 0 || i >= len(d.Runs) {
		return
	}
	d.Runs = append(d.Runs[:i:i], d.Runs[i+1:]...)
	switch {
	case d.Report == i+1:
		d.Report = 0
	case d.Report > i+1:
		d.Report--
	}
}
