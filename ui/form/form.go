// Package form is the small form every Roundtable screen uses to enter or
// change something: tab and shift+tab move between fields, enter confirms a
// line and moves on, esc cancels without changing anything, ctrl+s saves
// from any field. Paragraph fields take line breaks, because model.Text is
// meant for paragraphs.
//
// It is our own rather than an embedded huh form: huh quits the program on
// ctrl+c, cannot be reset after it completes, and owns layout we need to fit
// at 80×24 and on a projector.
package form

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/theme"
)

// Kind is what a field holds.
type Kind int

// The kinds of field.
const (
	// Line is one line of text.
	Line Kind = iota
	// Paragraph is text with line breaks; enter starts a new line.
	Paragraph
	// Choice picks one of Options with ←/→ (or h/l).
	Choice
	// Button does something when enter is pressed on it.
	Button
)

// Field describes one field of a form.
type Field struct {
	Key   string
	Label string
	Kind  Kind
	// Value is the starting value; for a Choice, the chosen option.
	Value string
	// Placeholder is shown greyed in an empty text field.
	Placeholder string
	Required    bool
	// Validate checks the trimmed value; its error is shown under the field.
	Validate func(string) error
	// Options are a Choice's values; Labels, when set, are shown instead.
	Options []string
	Labels  []string
	// Inline puts the field on the same line as the one before it.
	Inline bool
	// Wide gives the field twice the room of the others on its line.
	Wide bool
	// Replace makes the first character typed into the field, as it gets
	// the focus, replace its value, as in a spreadsheet cell: for counts
	// and ratings, where 12 then 1 means 1, not 121.
	Replace bool
}

// EventKind is what a key press in the form amounted to.
type EventKind int

// The events a form reports to the screen that holds it.
const (
	None EventKind = iota
	Submit
	Cancel
	// Press means enter on a Button; Event.Key names the button.
	Press
)

// Event is reported by Update.
type Event struct {
	Kind EventKind
	Key  string
}

// KeyMap is the form's keys, shown in the help line.
type KeyMap struct {
	Next, Prev, Confirm, Save, Cancel, Left, Right key.Binding
}

// Keys are the form's keys.
var Keys = KeyMap{
	Next:    key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab", "next")),
	Prev:    key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "back")),
	Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
	Save:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
	Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	Left:    key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "choose")),
	Right:   key.NewBinding(key.WithKeys("right", "l")),
}

// ShortHelp lists the keys for the help line.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Save, k.Cancel}
}

// FullHelp lists every key of the form.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev, k.Left}, {k.Confirm, k.Save, k.Cancel}}
}

type field struct {
	Field
	input  textinput.Model
	area   textarea.Model
	choice int
	err    string
	// fresh: a Replace field that has just got the focus.
	fresh bool
}

// Form is a list of fields with one in focus.
type Form struct {
	fields []*field
	focus  int
	width  int
	height int
	styles *theme.Styles
	labelW int
	// leadW is the widest label that opens a row of several fields, so
	// that "Participant 9" and "Participant 10" start their fields alike.
	leadW   int
	problem string
	// edited is set once the room changes a field's value by hand.
	edited bool
	// cancelArmed is set by an esc that found words typed: the next esc
	// cancels, any other key disarms it.
	cancelArmed bool
}

// cancelWarning is shown when esc would drop what the room typed.
const cancelWarning = "esc again drops what you typed here; ctrl+s saves it."

// Edited reports whether the room has typed into a field or changed a
// choice since the form opened: words that closing it would drop.
func (f *Form) Edited() bool { return f.edited }

// New makes a form of fields drawn with styles; the first field has focus.
func New(styles *theme.Styles, fields ...Field) *Form {
	f := &Form{styles: styles, width: 60, height: 20}
	f.Insert(0, fields...)
	f.FocusIndex(0)
	return f
}

// Insert adds fields before position at (len to append).
func (f *Form) Insert(at int, fields ...Field) {
	at = min(max(at, 0), len(f.fields))
	made := make([]*field, 0, len(fields))
	for _, d := range fields {
		made = append(made, f.make(d))
	}
	f.fields = append(f.fields[:at], append(made, f.fields[at:]...)...)
	if f.focus >= at && len(f.fields) > len(made) && at <= f.focus {
		f.focus += len(made)
	}
	f.layout()
}

// Remove deletes the fields with the given keys; focus stays near where it was.
func (f *Form) Remove(keys ...string) {
	drop := map[string]bool{}
	for _, k := range keys {
		drop[k] = true
	}
	focused := f.FocusedKey()
	kept := f.fields[:0]
	newFocus := -1
	for i, fl := range f.fields {
		if drop[fl.Key] {
			if newFocus < 0 && i >= f.focus {
				newFocus = len(kept)
			}
			continue
		}
		if fl.Key == focused {
			newFocus = len(kept)
		}
		kept = append(kept, fl)
	}
	f.fields = kept
	if newFocus < 0 {
		newFocus = len(f.fields) - 1
	}
	f.FocusIndex(newFocus)
	f.layout()
}

// Index returns the position of the field with key, or -1.
func (f *Form) Index(key string) int {
	for i, fl := range f.fields {
		if fl.Key == key {
			return i
		}
	}
	return -1
}

// Len is the number of fields.
func (f *Form) Len() int { return len(f.fields) }

// Focus moves the focus to the field with key.
func (f *Form) Focus(key string) tea.Cmd {
	if i := f.Index(key); i >= 0 {
		return f.FocusIndex(i)
	}
	return nil
}

// FocusIndex moves the focus to the field at i.
func (f *Form) FocusIndex(i int) tea.Cmd {
	if len(f.fields) == 0 {
		return nil
	}
	i = min(max(i, 0), len(f.fields)-1)
	for _, fl := range f.fields {
		fl.input.Blur()
		fl.area.Blur()
	}
	f.focus = i
	switch fl := f.fields[i]; fl.Kind {
	case Line:
		fl.fresh = fl.Replace
		return fl.input.Focus()
	case Paragraph:
		return fl.area.Focus()
	}
	return nil
}

// FocusedKey is the key of the field with focus.
func (f *Form) FocusedKey() string {
	if f.focus < len(f.fields) {
		return f.fields[f.focus].Key
	}
	return ""
}

// Value returns the trimmed value of the field with key.
func (f *Form) Value(key string) string {
	if i := f.Index(key); i >= 0 {
		return f.fields[i].value()
	}
	return ""
}

// SetValue replaces the value of the field with key.
func (f *Form) SetValue(key, v string) {
	i := f.Index(key)
	if i < 0 {
		return
	}
	fl := f.fields[i]
	switch fl.Kind {
	case Line:
		fl.input.SetValue(v)
	case Paragraph:
		fl.area.SetValue(v)
	case Choice:
		for j, o := range fl.Options {
			if o == v {
				fl.choice = j
			}
		}
	}
}

// SetError shows msg under the field with key and moves the focus there.
func (f *Form) SetError(key, msg string) {
	if i := f.Index(key); i >= 0 {
		f.fields[i].err = msg
		f.FocusIndex(i)
	}
}

// SetProblem shows a message for the whole form, e.g. why saving failed.
func (f *Form) SetProblem(msg string) { f.problem = msg }

// SetSize gives the form its space on screen.
func (f *Form) SetSize(width, height int) {
	f.width, f.height = max(width, 1), max(height, 1)
	f.layout()
}

// Valid checks every field, shows each problem under its field, focuses the
// first and reports whether there was none.
func (f *Form) Valid() bool {
	first := -1
	for i, fl := range f.fields {
		fl.err = fl.check()
		if fl.err != "" && first < 0 {
			first = i
		}
	}
	if first >= 0 {
		f.FocusIndex(first)
		return false
	}
	return true
}

// Update handles a message for the focused field and reports what happened.
func (f *Form) Update(msg tea.Msg) (Event, tea.Cmd) {
	if len(f.fields) == 0 {
		return Event{}, nil
	}
	fl := f.fields[f.focus]
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return Event{}, f.updateField(fl, msg)
	}
	if f.cancelArmed && !key.Matches(km, Keys.Cancel) {
		f.cancelArmed = false
		if f.problem == cancelWarning {
			f.problem = ""
		}
	}
	switch {
	case key.Matches(km, Keys.Cancel):
		if f.edited && !f.cancelArmed && f.inputs() > 1 {
			// Words typed into a form are the room's: one esc, pressed
			// to step out of a field, must not throw them away. A
			// one-field edit (a count, a name) cancels at once.
			f.cancelArmed = true
			f.problem = cancelWarning
			return Event{}, nil
		}
		return Event{Kind: Cancel}, nil
	case key.Matches(km, Keys.Save):
		if f.Valid() {
			return Event{Kind: Submit}, nil
		}
		return Event{}, nil
	case km.String() == "tab" || km.String() == "shift+tab":
		return Event{}, f.move(fl, km.String() == "tab")
	case fl.Kind != Paragraph && (km.String() == "down" || km.String() == "up"):
		return Event{}, f.move(fl, km.String() == "down")
	case key.Matches(km, Keys.Confirm) && fl.Kind != Paragraph:
		if fl.Kind == Button {
			return Event{Kind: Press, Key: fl.Key}, nil
		}
		fl.err = fl.check()
		if fl.err != "" {
			return Event{}, nil
		}
		if f.focus == len(f.fields)-1 || f.onlyButtonsAfter() {
			if f.Valid() {
				return Event{Kind: Submit}, nil
			}
			return Event{}, nil
		}
		return Event{}, f.FocusIndex(f.focus + 1)
	case fl.Kind == Choice && len(fl.Options) > 0:
		switch {
		case key.Matches(km, Keys.Left):
			fl.choice = (fl.choice + len(fl.Options) - 1) % len(fl.Options)
			f.edited = true
		case key.Matches(km, Keys.Right), km.String() == " ":
			fl.choice = (fl.choice + 1) % len(fl.Options)
			f.edited = true
		}
		return Event{}, nil
	}
	return Event{}, f.updateField(fl, msg)
}

// inputs counts the fields that take a value.
func (f *Form) inputs() int {
	n := 0
	for _, fl := range f.fields {
		if fl.Kind != Button {
			n++
		}
	}
	return n
}

func (f *Form) onlyButtonsAfter() bool {
	for _, fl := range f.fields[f.focus+1:] {
		if fl.Kind != Button {
			return false
		}
	}
	return true
}

func (f *Form) move(fl *field, forward bool) tea.Cmd {
	if fl.Kind == Line || fl.Kind == Paragraph {
		// Say what is wrong as the writer leaves the field, but let them
		// leave: they may fill the fields in any order.
		if fl.value() != "" || fl.err != "" {
			fl.err = fl.check()
		}
	}
	if forward {
		return f.FocusIndex((f.focus + 1) % len(f.fields))
	}
	return f.FocusIndex((f.focus + len(f.fields) - 1) % len(f.fields))
}

func (f *Form) updateField(fl *field, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch fl.Kind {
	case Line:
		before := fl.input.Value()
		if km, ok := msg.(tea.KeyMsg); ok && fl.fresh {
			fl.fresh = false
			switch km.Type {
			case tea.KeyRunes, tea.KeySpace:
				fl.input.SetValue("")
			case tea.KeyBackspace, tea.KeyDelete:
				fl.input.SetValue("")
				if before != "" {
					f.edited = true
				}
				return nil
			}
		}
		fl.input, cmd = fl.input.Update(msg)
		if fl.input.Value() != before {
			f.edited = true
			if fl.err != "" {
				fl.err = fl.check()
			}
		}
	case Paragraph:
		before := fl.area.Value()
		fl.area, cmd = fl.area.Update(msg)
		if fl.area.Value() != before {
			f.edited = true
		}
	}
	return cmd
}

// View draws the fields that fit, keeping the focused one in sight.
func (f *Form) View() string {
	st := f.styles
	type row struct {
		lines   []string
		focused bool
	}
	var rows []row
	for i := 0; i < len(f.fields); {
		j := i + 1
		for j < len(f.fields) && f.fields[j].Inline {
			j++
		}
		group := f.fields[i:j]
		r := row{}
		var cells []string
		var errs []string
		// A row of fields shares the width; a Wide one takes two shares.
		shares := 0
		for _, fl := range group {
			shares += fl.share()
		}
		share := max((f.width-2*(len(group)-1))/shares, 1)
		for k, fl := range group {
			focused := i+k == f.focus
			r.focused = r.focused || focused
			cellW := f.width
			if len(group) > 1 {
				cellW = share * fl.share()
			}
			cell := f.fieldView(fl, focused, cellW, len(group) > 1, k == 0)
			if fl.Kind == Paragraph {
				r.lines = append(r.lines, cell...)
			} else {
				cells = append(cells, display.Pad(cell[0], cellW))
			}
			if fl.err != "" {
				errs = append(errs, st.FieldError.Render("  ! "+display.OneLine(fl.Label)+": "+display.OneLine(fl.err)))
			}
		}
		if len(cells) > 0 {
			r.lines = append(r.lines, strings.TrimRight(strings.Join(cells, "  "), " "))
		}
		r.lines = append(r.lines, errs...)
		rows = append(rows, r)
		i = j
	}
	var all []string
	focusTop, focusBottom := 0, 0
	for _, r := range rows {
		if r.focused {
			focusTop = len(all)
			focusBottom = len(all) + len(r.lines)
		}
		all = append(all, r.lines...)
	}
	// A problem with the whole form stays in sight below the fields.
	height := f.height
	var tail []string
	if f.problem != "" {
		tail = []string{"", st.FieldError.Render(display.OneLine(f.problem))}
		height = max(height-len(tail), 1)
	}
	top := 0
	if focusBottom > height {
		top = min(focusBottom-height, focusTop)
	}
	end := min(len(all), top+height)
	out := append(all[top:end:end], tail...)
	for i, l := range out {
		out[i] = display.Fit(l, f.width)
	}
	return strings.Join(out, "\n")
}

func (f *Form) fieldView(fl *field, focused bool, width int, compact, lead bool) []string {
	st := f.styles
	marker := "  "
	label := st.Label
	if focused {
		marker = st.Marker.Render("› ")
		label = st.LabelFocus
	}
	name := fl.Label
	if fl.Required {
		name += " *"
	}
	labelW := f.labelW
	if compact {
		labelW = display.Width(name) + 1
		if lead {
			labelW = max(labelW, f.leadW+1)
		}
	}
	head := marker + label.Render(display.Pad(display.OneLine(name), labelW)) + " "
	rest := max(width-display.Width(head), 1)
	switch fl.Kind {
	case Line:
		fl.input.Width = max(rest-2, 1)
		if v := fl.input.Value(); !focused && v != "" {
			// Out of focus the field shows how its text begins; the
			// input would show the end it last scrolled to.
			return []string{head + st.Text.Render(display.Fit(display.OneLine(v), rest))}
		}
		return []string{head + fl.input.View()}
	case Paragraph:
		fl.area.SetWidth(max(f.width-4, 1))
		lines := []string{head + st.Muted.Render("(enter starts a new line; tab moves on)")}
		for _, l := range strings.Split(fl.area.View(), "\n") {
			lines = append(lines, "    "+l)
		}
		return lines
	case Choice:
		shown := ""
		if len(fl.Options) > 0 {
			shown = fl.Options[fl.choice]
			if fl.choice < len(fl.Labels) {
				shown = fl.Labels[fl.choice]
			}
		}
		text := "‹ " + display.OneLine(shown) + " ›"
		if focused {
			text = st.Selected.Render(text)
		}
		return []string{head + text}
	default:
		text := "[ " + display.OneLine(fl.Label) + " ]"
		if focused {
			text = st.Selected.Render(text)
		}
		return []string{marker + text}
	}
}

// Typing reports whether a text field has focus, so that keys like q or 1
// go into it instead of to the screen.
func (f *Form) Typing() bool {
	if f.focus >= len(f.fields) {
		return false
	}
	k := f.fields[f.focus].Kind
	return k == Line || k == Paragraph
}

func (f *Form) layout() {
	f.labelW, f.leadW = 0, 0
	for i, fl := range f.fields {
		if fl.Kind != Button && !fl.Inline && i+1 < len(f.fields) && f.fields[i+1].Inline {
			w := display.Width(fl.Label)
			if fl.Required {
				w += 2
			}
			f.leadW = max(f.leadW, w)
		}
		if fl.Kind == Button || (i+1 < len(f.fields) && f.fields[i+1].Inline) || fl.Inline {
			continue
		}
		w := display.Width(fl.Label)
		if fl.Required {
			w += 2
		}
		f.labelW = max(f.labelW, w)
	}
	f.labelW = min(f.labelW, max(f.width/3, 4))
	f.leadW = min(f.leadW, max(f.width/4, 4))
	// Paragraphs take four lines, fewer on a short terminal, so the
	// fields around them (who a message goes to, who sends it) stay in
	// sight with them.
	rows, paragraphs := 0, 0
	for i, fl := range f.fields {
		switch {
		case fl.Kind == Paragraph:
			paragraphs++
			rows++ // its label line
		case !fl.Inline || i == 0:
			rows++
		}
	}
	lines := 4
	if paragraphs > 0 {
		lines = min(max((f.height-rows)/paragraphs, 1), 4)
	}
	for _, fl := range f.fields {
		if fl.Kind == Paragraph {
			fl.area.SetWidth(max(f.width-4, 1))
			fl.area.SetHeight(lines)
		}
	}
}

func (f *Form) make(d Field) *field {
	fl := &field{Field: d}
	switch d.Kind {
	case Line:
		in := textinput.New()
		in.Prompt = ""
		in.Placeholder = d.Placeholder
		in.PlaceholderStyle = f.styles.Muted
		in.TextStyle = f.styles.Text
		in.SetValue(d.Value)
		// A steady cursor: no redraw twice a second on a projector.
		in.Cursor.SetMode(cursor.CursorStatic)
		fl.input = in
	case Paragraph:
		ta := textarea.New()
		ta.ShowLineNumbers = false
		ta.Prompt = "│ "
		ta.Placeholder = d.Placeholder
		ta.MaxHeight = 1000
		ta.SetHeight(4)
		ta.SetValue(d.Value)
		ta.Cursor.SetMode(cursor.CursorStatic)
		fl.area = ta
	case Choice:
		for j, o := range d.Options {
			if o == d.Value {
				fl.choice = j
			}
		}
	}
	return fl
}

func (fl *field) share() int {
	if fl.Wide {
		return 2
	}
	return 1
}

func (fl *field) value() string {
	switch fl.Kind {
	case Line:
		return strings.TrimSpace(fl.input.Value())
	case Paragraph:
		return strings.TrimSpace(fl.area.Value())
	case Choice:
		if fl.choice < len(fl.Options) {
			return fl.Options[fl.choice]
		}
	}
	return ""
}

// errRequired is shown when a required field is left empty.
var errRequired = errors.New("required — please fill it in")

func (fl *field) check() string {
	v := fl.value()
	if fl.Required && v == "" {
		return errRequired.Error()
	}
	if fl.Validate != nil && v != "" {
		if err := fl.Validate(v); err != nil {
			return err.Error()
		}
	}
	return ""
}

// SetLabel renames the field with key.
func (f *Form) SetLabel(key, label string) {
	if i := f.Index(key); i >= 0 {
		f.fields[i].Label = label
		f.layout()
	}
}
