// Package actionform is the form of an action item, shared by the review
// step, where the room writes and follows up its actions, and by the key
// that turns any finding into a proposed action.
package actionform

import (
	"slices"
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/theme"
)

// New is the form of action a: what, the owner role, the due date (refused
// when it is not a day of the calendar) and the source step; followUp adds
// its status and note, for the review weeks later.
func New(st *theme.Styles, sess *model.Session, a model.ActionItem, followUp bool) *form.Form {
	text := form.Field{Key: "text", Label: "Action", Kind: form.Line, Required: true, Value: string(a.Text),
		Placeholder: "what will be done, in one sentence"}
	if strings.ContainsAny(string(a.Text), "\r\n") {
		text.Kind = form.Paragraph
	}
	owner := form.Field{Key: "owner", Label: "Owner role", Kind: form.Choice, Value: a.Owner,
		Options: []string{""}, Labels: []string{"no owner yet"}}
	known := false
	for _, r := range sess.RACI.Roles {
		owner.Options = append(owner.Options, r.ID)
		owner.Labels = append(owner.Labels, display.OneLine(sess.RoleName(r.ID)))
		known = known || r.ID == a.Owner
	}
	if !known && a.Owner != "" {
		owner.Options = append(owner.Options, a.Owner)
		owner.Labels = append(owner.Labels, display.OneLine(a.Owner)+" (not in the RACI grid)")
	}
	source := form.Field{Key: "source", Label: "Source step", Kind: form.Choice, Value: string(a.Source),
		Options: []string{""}, Labels: []string{"no step"}}
	seen := map[model.StepKind]bool{}
	for _, st := range sess.Workshop.Steps {
		if seen[st.Kind] {
			continue
		}
		seen[st.Kind] = true
		source.Options = append(source.Options, string(st.Kind))
		source.Labels = append(source.Labels, display.OneLine(StepName(st)))
	}
	if !seen[a.Source] && a.Source != "" {
		source.Options = append(source.Options, string(a.Source))
		source.Labels = append(source.Labels, display.OneLine(string(a.Source)))
	}
	fields := []form.Field{text, owner,
		{Key: "due", Label: "Due", Kind: form.Line, Value: a.Due, Placeholder: "YYYY-MM-DD", Validate: form.Date},
		source}
	if followUp {
		status := form.Field{Key: "status", Label: "Status", Kind: form.Choice, Value: string(a.State())}
		for _, s := range model.ActionStatuses {
			status.Options = append(status.Options, string(s))
		}
		if !slices.Contains(model.ActionStatuses, a.State()) {
			status.Options = append(status.Options, string(a.State()))
		}
		fields = append(fields, status, form.Field{Key: "note", Label: "Note", Kind: form.Paragraph, Value: string(a.Note),
			Placeholder: "what the follow-up found"})
	}
	return form.New(st, fields...)
}

// Read is a with what the form says of it; the status and note only when
// the form follows the action up.
func Read(f *form.Form, a model.ActionItem) model.ActionItem {
	a.Text = model.Text(model.Clean(f.Value("text")))
	a.Owner, a.Due, a.Source = f.Value("owner"), model.Clean(f.Value("due")), model.StepKind(f.Value("source"))
	return a
}

// FollowUp is the status and note the follow-up form holds.
func FollowUp(f *form.Form) (model.ActionStatus, model.Text) {
	return model.ActionStatus(f.Value("status")), model.Text(model.Clean(f.Value("note")))
}

// StepName is a step's title, or the name of its kind without one.
func StepName(st model.Step) string {
	if t := strings.TrimSpace(st.Title); t != "" {
		return t
	}
	return st.Kind.Label()
}
