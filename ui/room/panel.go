package room

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	live "github.com/roundtable/roundtable/model/room"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/keys"
)

// Msg is a message of the room's panel; the root hands every one to it.
type Msg interface{ roomMsg() }

type (
	chooseMsg struct{ kind live.Kind }
	openMsg   struct {
		kind      live.Kind
		anonymous bool
	}
	removeMsg struct{ id int }
	rejectMsg struct{ id int }
)

func (chooseMsg) roomMsg() {}
func (openMsg) roomMsg()   {}
func (removeMsg) roomMsg() {}
func (rejectMsg) roomMsg() {}

// Keys are the panel's keys. None is a step screen's concern: the panel
// has the keys while it is shown.
var Keys = struct {
	Open, Close, Lock, Code, Pane, Remove, Accept, Edit, Reject, Hide key.Binding
}{
	Open:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open an activity")),
	Close:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "close it (a dot vote: reveal)")),
	Lock:   key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "lock/unlock the room")),
	Code:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "new room code")),
	Pane:   key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "people/inbox")),
	Remove: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "remove from the room")),
	Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "accept")),
	Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit, then accept")),
	Reject: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "reject")),
	Hide:   key.NewBinding(key.WithKeys("esc", "R"), key.WithHelp("esc", "back to the step")),
}

type pane int

const (
	peoplePane pane = iota
	inboxPane
)

// Panel is the facilitator's side of the room: who is in, the open
// activity's tallies as they come, the inbox of submissions, and the join
// address, code and QR code. What the phones sent becomes a change of the
// session only here, as a common.EditMsg.
type Panel struct {
	ctx    common.Context
	server *Server
	sess   *model.Session
	dark   bool
	// departments are those the room was last given.
	departments []string

	width, height int

	room Update
	// last is the result of the activity closed last, shown until the
	// next one opens.
	last *live.Result
	qr   []string

	pane           pane
	person, letter int

	dialog  *dialog.Dialog
	form    *form.Form
	editing live.Submission
}

// NewPanel is the panel of the room s, drawing its QR code for a dark or
// light terminal.
func NewPanel(ctx common.Context, s *Server, dark bool) *Panel {
	p := &Panel{ctx: ctx, server: s, dark: dark}
	p.qr = QR(s.URL(), dark)
	p.room = s.Update()
	return p
}

// SetSession is the session the activities ask about; its participants'
// departments are what joining phones pick from.
func (p *Panel) SetSession(sess *model.Session) {
	p.sess = sess
	if sess == nil {
		return
	}
	// Only a change goes to the room: its lock is busy while phones vote,
	// and a key must not wait for it.
	if d := live.Departments(sess); !slices.Equal(d, p.departments) || p.departments == nil {
		p.departments = d
		p.server.SetDepartments(d)
	}
}

// SetUpdate shows a newer picture of the room; an older one is dropped.
func (p *Panel) SetUpdate(u Update) {
	if u.Version < p.room.Version {
		return
	}
	p.room = u
	p.person = min(p.person, max(len(u.Members)-1, 0))
	p.letter = min(p.letter, max(len(u.Inbox)-1, 0))
}

// Room is the picture shown now.
func (p *Panel) Room() Update { return p.room }

// refresh takes a picture at once after the facilitator's own action, so
// the screen never waits for the room to catch up with a key.
func (p *Panel) refresh() { p.SetUpdate(p.server.Update()) }

// SetSize gives the panel its space.
func (p *Panel) SetSize(w, h int) {
	p.width, p.height = w, h
	if p.form != nil {
		p.form.SetSize(w, max(h-2, 1))
	}
}

// Typing reports whether a dialog or form has the keys.
func (p *Panel) Typing() bool { return p.dialog != nil || p.form != nil }

// Drafting reports whether an edited submission is not accepted yet.
func (p *Panel) Drafting() bool { return p.form != nil && p.form.Edited() }

// Update handles a key or one of the panel's messages.
func (p *Panel) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return p.key(msg)
	case chooseMsg:
		p.dialog = dialog.New(p.ctx.Styles, "Open the "+msg.kind.Label(),
			"Anonymous keeps only the totals: nobody, you included, sees who chose what, and the session names nobody. Named shows you who answered what and keeps it in the session.",
			dialog.Choice{Key: "a", Label: "Anonymous", Msg: openMsg{msg.kind, true}},
			dialog.Choice{Key: "n", Label: "Named", Msg: openMsg{msg.kind, false}})
	case openMsg:
		return p.open(msg.kind, msg.anonymous)
	case removeMsg:
		if p.server.Remove(msg.id) {
			p.refresh()
			return common.Status("Removed from the room; their answer to the open activity went with them.")
		}
	case rejectMsg:
		if _, ok := p.server.Take(msg.id); ok {
			p.refresh()
			return common.Status("Rejected; the session is unchanged.")
		}
	}
	return nil
}

func (p *Panel) key(msg tea.KeyMsg) tea.Cmd {
	if p.dialog != nil {
		done, cmd := p.dialog.Update(msg)
		if done {
			p.dialog = nil
		}
		if cmd == nil {
			return nil
		}
		// The choice acts at once, before the next key: "o", "v", "a"
		// typed quickly opens an anonymous dot vote, not a dialog that
		// missed its "a".
		chosen := cmd()
		if m, ok := chosen.(Msg); ok {
			return p.Update(m)
		}
		return func() tea.Msg { return chosen }
	}
	if p.form != nil {
		return p.formKey(msg)
	}
	switch {
	case key.Matches(msg, Keys.Open):
		if _, open := p.current(); open {
			return common.Fail(live.ErrActivityOpen)
		}
		p.dialog = dialog.New(p.ctx.Styles, "Open an activity for the phones", "One activity is open at a time. Which one?",
			dialog.Choice{Key: "p", Label: "Poll", Msg: chooseMsg{live.Poll}},
			dialog.Choice{Key: "v", Label: "Dot vote", Msg: chooseMsg{live.Dots}},
			dialog.Choice{Key: "r", Label: "Ratings", Msg: chooseMsg{live.Ratings}},
			dialog.Choice{Key: "s", Label: "Submissions", Msg: chooseMsg{live.Submissions}})
	case key.Matches(msg, Keys.Close):
		return p.close()
	case key.Matches(msg, Keys.Lock):
		p.server.SetLocked(!p.room.Locked)
		p.refresh()
		if p.room.Locked {
			return common.Status("The room is locked: nobody new can join; phones already in stay.")
		}
		return common.Status("The room is open to new phones again.")
	case key.Matches(msg, Keys.Code):
		if err := p.server.NewCode(); err != nil {
			return common.Fail(err)
		}
		p.refresh()
		return common.Status("New room code " + p.room.Code + "; phones already in stay in.")
	case key.Matches(msg, Keys.Pane):
		p.pane = 1 - p.pane
	case key.Matches(msg, keys.Move.Down):
		p.move(1)
	case key.Matches(msg, keys.Move.Up):
		p.move(-1)
	case p.pane == peoplePane && key.Matches(msg, Keys.Remove):
		if p.person < len(p.room.Members) {
			m := p.room.Members[p.person]
			p.dialog = dialog.New(p.ctx.Styles, "Remove "+display.OneLine(m.Name)+" from the room?",
				"Their phone leaves the room, and their answer to the open activity and their waiting submissions go with them. They can join again with the room code unless the room is locked.",
				dialog.Choice{Key: "y", Label: "Remove", Msg: removeMsg{m.ID}})
		}
	case p.pane == inboxPane && p.letter < len(p.room.Inbox):
		sub := p.room.Inbox[p.letter]
		switch {
		case key.Matches(msg, Keys.Accept):
			return p.accept(sub)
		case key.Matches(msg, Keys.Edit):
			p.edit(sub)
		case key.Matches(msg, Keys.Reject):
			p.dialog = dialog.New(p.ctx.Styles, "Reject this submission?", display.OneLine(sub.Summary())+"\n\nIt is dropped and never enters the session.",
				dialog.Choice{Key: "y", Label: "Reject", Msg: rejectMsg{sub.ID}})
		}
	}
	return nil
}

func (p *Panel) move(d int) {
	if p.pane == peoplePane {
		p.person = min(max(p.person+d, 0), max(len(p.room.Members)-1, 0))
		return
	}
	p.letter = min(max(p.letter+d, 0), max(len(p.room.Inbox)-1, 0))
}

func (p *Panel) current() (live.Tally, bool) { return p.room.Tally, p.room.Open }

// open opens an activity built from the session as it is now.
func (p *Panel) open(kind live.Kind, anonymous bool) tea.Cmd {
	var (
		a   live.Activity
		err error
	)
	switch kind {
	case live.Poll:
		a, err = live.PollOf(p.sess, anonymous)
	case live.Dots:
		a, err = live.DotsOf(p.sess, anonymous)
	case live.Ratings:
		a, err = live.RatingsOf(p.sess, anonymous)
	default:
		a = live.SubmissionsOf(p.sess, anonymous)
	}
	if err == nil {
		err = p.server.Open(a)
	}
	if err != nil {
		return common.Fail(err)
	}
	p.last = nil
	p.refresh()
	how := "named"
	if anonymous {
		how = "anonymous"
	}
	return common.Status("The " + kind.Label() + " is open on the phones (" + how + "); c closes it.")
}

// close closes the open activity; its result is one change of the session,
// undone with u.
func (p *Panel) close() tea.Cmd {
	res, ok := p.server.Close()
	if !ok {
		return common.Status("No activity is open: o opens one.")
	}
	p.last = &res
	p.refresh()
	if !res.Writes() {
		return common.Status(res.Summary())
	}
	closed := p.ctx.Now()
	return func() tea.Msg {
		return common.EditMsg{Label: res.Summary(), Apply: func(s *model.Session) { res.Apply(s, closed) }}
	}
}

// accept takes a submission out of the inbox into the session.
func (p *Panel) accept(sub live.Submission) tea.Cmd {
	if _, ok := p.server.Take(sub.ID); !ok {
		return common.Status("That submission is no longer in the inbox.")
	}
	p.refresh()
	label := "Accepted a conversation from a phone into the inventory"
	if sub.Kind == live.Parking {
		label = "Accepted a note from a phone into the parking lot"
	}
	return func() tea.Msg { return common.EditMsg{Label: label, Apply: sub.Apply} }
}

// edit opens a submission in a form, to be accepted as edited.
func (p *Panel) edit(sub live.Submission) {
	p.editing = sub
	if sub.Kind == live.Parking {
		p.form = form.New(p.ctx.Styles, form.Field{Key: "note", Label: "Note for the parking lot", Kind: form.Paragraph, Value: sub.Note, Required: true})
	} else {
		c := sub.Conversation
		surprise := "no"
		if c.Surprise {
			surprise = "yes"
		}
		p.form = form.New(p.ctx.Styles,
			form.Field{Key: "place", Label: "Where", Kind: form.Line, Value: c.Place, Required: true},
			form.Field{Key: "who", Label: "Who talks", Kind: form.Line, Value: c.Who},
			form.Field{Key: "tone", Label: "Tone", Kind: form.Line, Value: c.Tone},
			form.Field{Key: "surprise", Label: "Did we know?", Kind: form.Choice, Value: surprise,
				Options: []string{"no", "yes"}, Labels: []string{"we knew about it", "no — a surprise"}})
	}
	p.form.SetSize(p.width, max(p.height-2, 1))
	p.form.FocusIndex(0)
}

func (p *Panel) formKey(msg tea.KeyMsg) tea.Cmd {
	ev, cmd := p.form.Update(msg)
	switch ev.Kind {
	case form.Cancel:
		p.form = nil
	case form.Submit:
		sub := p.editing
		if sub.Kind == live.Parking {
			sub.Note = p.form.Value("note")
		} else {
			sub.Conversation.Place, sub.Conversation.Who, sub.Conversation.Tone = p.form.Value("place"), p.form.Value("who"), p.form.Value("tone")
			sub.Conversation.Surprise = p.form.Value("surprise") == "yes"
		}
		checked, err := sub.Checked()
		if err != nil {
			p.form.SetProblem(err.Error())
			return nil
		}
		p.form = nil
		return p.accept(checked)
	}
	return cmd
}

// JoinLine is the line the room reads to join, with how many are in and
// how the open activity goes.
func (p *Panel) JoinLine(width int) string {
	st := p.ctx.Styles
	u := p.room
	line := "Join at " + u.URL + " · room code " + u.Code
	if u.Locked {
		line = "Room locked · " + u.URL
	}
	facts := fmt.Sprintf(" · %d joined", len(u.Members))
	if t, open := p.current(); open {
		facts += " · " + t.Kind.Label()
		if t.Kind != live.Submissions {
			facts += fmt.Sprintf(": %d answered", t.Answered)
		}
	}
	if n := len(u.Inbox); n > 0 {
		facts += fmt.Sprintf(" · %d in the inbox", n)
	}
	return display.Fit(st.Heading.Render(line)+st.Muted.Render(facts)+st.Muted.Render(" · R: room"), width)
}

// View draws the panel: the activity and its tallies, the people or the
// inbox, and the QR code beside them when there is room.
func (p *Panel) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	st := p.ctx.Styles
	if p.dialog != nil {
		return display.FitBlock(p.dialog.View(p.width), p.width, p.height)
	}
	if p.form != nil {
		head := st.Title.Render("Edit, then accept") + "\n" + st.Muted.Render("ctrl+s accepts it into the session as edited; esc goes back to the inbox.")
		return display.FitBlock(display.Fit(head, p.width)+"\n"+p.form.View(), p.width, p.height)
	}
	qrWidth := 0
	if len(p.qr) > 0 {
		qrWidth = display.Width(p.qr[0])
	}
	showQR := qrWidth > 0 && p.width >= qrWidth+42 && p.height >= len(p.qr)
	left := p.width
	if showQR {
		left = p.width - qrWidth - 2
	}
	lines := []string{
		st.Title.Render("Live room"),
		st.Heading.Render("Join at "+p.room.URL) + st.Muted.Render(" · room code ") + st.Heading.Render(p.room.Code),
	}
	if p.room.Locked {
		lines = append(lines, st.Warn.Render("Locked: nobody new can join (L opens it again)."))
	}
	lines = append(lines, "")
	lines = append(lines, p.activityLines(left)...)
	lines = append(lines, "")
	lines = append(lines, p.listLines(left, p.height-len(lines))...)
	if !showQR && p.height-len(lines) > 0 && qrWidth > 0 {
		lines = append(lines, st.Muted.Render(fmt.Sprintf("(A terminal of %d×%d shows the QR code of the address.)", qrWidth+42, len(p.qr)+3)))
	}
	for i := range lines {
		lines[i] = display.Pad(display.Fit(lines[i], left), left)
	}
	if showQR {
		for i, q := range p.qr {
			if i >= len(lines) {
				lines = append(lines, strings.Repeat(" ", left))
			}
			lines[i] += "  " + q
		}
	}
	return display.FitBlock(strings.Join(lines, "\n"), p.width, p.height)
}

// activityLines is the open activity, or the last one closed, with its
// tallies.
func (p *Panel) activityLines(width int) []string {
	st := p.ctx.Styles
	t, open := p.current()
	switch {
	case open:
	case p.last != nil:
		t = p.last.Tally
	default:
		return []string{st.Muted.Render("No activity open. o opens one: a poll, a dot vote, ratings or submissions.")}
	}
	how := "named"
	if t.Anonymous {
		how = "anonymous"
	}
	head := fmt.Sprintf("%s (%s): %d of %s answered", cap1(t.Kind.Label()), how, t.Answered, display.Count(t.Joined, "phone", "phones"))
	if !open {
		head = "Closed: " + head
	} else {
		head += " · c closes it"
		if t.Kind == live.Dots {
			head = strings.Replace(head, "c closes it", "c reveals and closes", 1)
		}
	}
	if t.Kind == live.Submissions {
		head = fmt.Sprintf("Submissions (%s) · %d in the inbox", how, len(p.room.Inbox))
		if open {
			head += " · c closes it"
		}
	}
	lines := []string{st.Heading.Render(head)}
	name := 0
	for _, o := range t.Options {
		name = max(name, display.Width(display.OneLine(o)))
	}
	name = min(name, max(width/3, 8))
	label := func(i int) string { return display.Pad(display.Fit(display.OneLine(t.Options[i]), name), name) }
	switch t.Kind {
	case live.Poll:
		for i, c := range t.Poll {
			lines = append(lines, fmt.Sprintf("  %s  reads %3d  creates %3d", label(i), c.Reads, c.Creates))
		}
	case live.Dots:
		if t.Hidden {
			lines = append(lines, st.Muted.Render(fmt.Sprintf("  The dots stay hidden until you reveal them: %d placed so far.", t.Placed)))
			break
		}
		for i, n := range t.Dots {
			lines = append(lines, fmt.Sprintf("  %s  %3d %s", label(i), n, strings.Repeat("■", min(n, max(width-name-10, 0)))))
		}
	case live.Ratings:
		for i, r := range t.Ratings {
			lines = append(lines, "  "+label(i)+"  "+side("IT", r.IT)+" · "+side("business", r.Business)+gap(r))
		}
	}
	if len(t.Who) > 0 {
		lines = append(lines, st.Muted.Render("  Answered: "+display.OneLine(strings.Join(t.Who, ", "))))
	}
	return lines
}

// side is one side's ratings: the mean, the range and how many rated.
func side(name string, s live.Spread) string {
	if s.N() == 0 {
		return name + " —"
	}
	lo, hi := s.Range()
	return fmt.Sprintf("%s %.1f (%d–%d, %d)", name, s.Mean(), lo, hi, s.N())
}

func gap(r live.RatingSpread) string {
	if g, ok := r.Gap(); ok {
		return fmt.Sprintf(" · gap %.1f", g)
	}
	return ""
}

func cap1(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// listLines is the people in the room or the inbox, whichever has focus,
// in at most h lines.
func (p *Panel) listLines(width, h int) []string {
	st := p.ctx.Styles
	people := fmt.Sprintf("People (%d)", len(p.room.Members))
	inbox := fmt.Sprintf("Inbox (%d)", len(p.room.Inbox))
	if p.pane == peoplePane {
		people, inbox = st.StepNow.Render("["+people+"]"), st.Muted.Render(" "+inbox+" ")
	} else {
		people, inbox = st.Muted.Render(" "+people+" "), st.StepNow.Render("["+inbox+"]")
	}
	lines := []string{people + " " + inbox + st.Muted.Render("  tab switches")}
	var rows []string
	cur := p.person
	if p.pane == peoplePane {
		for _, m := range p.room.Members {
			rows = append(rows, display.OneLine(m.Name)+st.Muted.Render(" · "+display.OneLine(m.Department)))
		}
		if len(rows) == 0 {
			rows = append(rows, st.Muted.Render("Nobody has joined yet."))
		}
	} else {
		cur = p.letter
		for _, s := range p.room.Inbox {
			rows = append(rows, display.OneLine(s.Summary()))
		}
		if len(rows) == 0 {
			rows = append(rows, st.Muted.Render("Nothing waiting. Open submissions (o, then s) for phones to send conversations and parking-lot notes."))
		}
	}
	room := max(h-1, 1)
	top := max(0, min(cur-room/2, len(rows)-room))
	for i := top; i < len(rows) && i < top+room; i++ {
		mark := "  "
		if i == cur && (p.pane == peoplePane && len(p.room.Members) > 0 || p.pane == inboxPane && len(p.room.Inbox) > 0) {
			mark = st.Key.Render("› ")
		}
		lines = append(lines, display.Fit(mark+rows[i], width))
	}
	return lines
}

// ShortHelp lists the panel's main keys.
func (p *Panel) ShortHelp() []key.Binding {
	switch {
	case p.dialog != nil:
		return p.dialog.ShortHelp()
	case p.form != nil:
		return []key.Binding{form.Keys.Save, form.Keys.Next, form.Keys.Cancel}
	case p.pane == inboxPane:
		return []key.Binding{Keys.Accept, Keys.Edit, Keys.Reject, Keys.Open, Keys.Close, Keys.Pane, Keys.Hide}
	}
	return []key.Binding{Keys.Open, Keys.Close, Keys.Remove, Keys.Lock, Keys.Code, Keys.Pane, Keys.Hide}
}

// FullHelp lists every key of the panel.
func (p *Panel) FullHelp() [][]key.Binding {
	if p.dialog != nil || p.form != nil {
		return [][]key.Binding{p.ShortHelp()}
	}
	return [][]key.Binding{
		{Keys.Open, Keys.Close, Keys.Lock, Keys.Code, Keys.Hide},
		{Keys.Pane, keys.Move.Up, keys.Move.Down, Keys.Remove, Keys.Accept, Keys.Edit, Keys.Reject},
	}
}
