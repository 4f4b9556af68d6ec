package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
)

func newActionsCommand(a *app) *cobra.Command {
	var (
		all, overdue bool
		owner        string
	)
	cmd := &cobra.Command{
		Use:   "actions [--all] [--overdue] [--owner ROLE]",
		Short: "List the open action items of every session",
		Long: `List the action items still open in every session, in one table: the
session, the action, its owner role, its due date and its status, the
earliest due first. An action still open past its due date is marked
overdue. Sessions are only read, so this works while another terminal has
one open.

With --all, done and dropped actions are listed too. With --owner ROLE,
only the actions of that role, by its name or its id. With --overdue, only
the overdue actions, and the command exits with status 1 when there is
any, or when a session cannot be read, so it can run from cron or CI.`,
		Example: `  roundtable actions
  roundtable actions --owner Marketing
  roundtable actions --overdue || mail -s "Overdue workshop actions" team@example.com`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			entries, err := a.store().List()
			if err != nil {
				return err
			}
			today := time.Now().Format(time.DateOnly)
			type row struct {
				session, text, owner, due, status string
				late                              bool
			}
			var rows []row
			var broken []string
			late := 0
			for _, e := range entries {
				if e.Err != nil {
					broken = append(broken, oneLine(e.Err.Error()))
					continue
				}
				sess, _, err := store.Load(e.Path)
				if err != nil {
					broken = append(broken, oneLine(err.Error()))
					continue
				}
				for _, act := range sess.Actions {
					isLate := act.Overdue(today)
					switch {
					case act.Closed() && !all, overdue && !isLate, owner != "" && !ownedBy(sess, act.Owner, owner):
						continue
					}
					status := string(act.State())
					if isLate {
						status += ", overdue"
						late++
					}
					name := sess.RoleName(act.Owner)
					if strings.TrimSpace(name) == "" {
						name = "no owner yet"
					}
					due := act.Due
					if strings.TrimSpace(due) == "" {
						due = "no date"
					}
					rows = append(rows, row{session: e.ID, text: string(act.Text), owner: name, due: due, status: status, late: isLate})
				}
			}
			// The earliest due first; a date not written as one after
			// every date, and the sessions' order keeps ties as they were.
			slices.SortStableFunc(rows, func(x, y row) int {
				xd, yd := model.IsDate(x.due), model.IsDate(y.due)
				if xd != yd {
					if xd {
						return -1
					}
					return 1
				}
				return cmp.Compare(x.due, y.due)
			})
			out := cmd.OutOrStdout()
			if len(rows) == 0 {
				what := "open action"
				switch {
				case overdue:
					what = "overdue action"
				case all:
					what = "action"
				}
				if owner != "" {
					what += " of " + oneLine(owner)
				}
				fmt.Fprintf(out, "No %s in any session.\n", what)
			} else {
				table := [][]string{{"SESSION", "ACTION", "OWNER", "DUE", "STATUS"}}
				for _, r := range rows {
					table = append(table, []string{clip(r.session, 32), clip(r.text, 60), clip(r.owner, 28), clip(r.due, 10), r.status})
				}
				if err := writeColumns(out, table); err != nil {
					return err
				}
			}
			if len(broken) > 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "Cannot be read, so its actions are not listed:")
				for _, b := range broken {
					fmt.Fprintln(cmd.ErrOrStderr(), "  "+b)
				}
			}
			switch {
			case overdue && late > 0:
				return fmt.Errorf("%s overdue", count(late, "action is", "actions are"))
			case overdue && len(broken) > 0:
				return fmt.Errorf("%s cannot be read, so whether its actions are overdue is not known", count(len(broken), "session", "sessions"))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "list done and dropped actions too")
	cmd.Flags().BoolVar(&overdue, "overdue", false, "list only the overdue actions, and exit with status 1 when there is any")
	cmd.Flags().StringVar(&owner, "owner", "", "list only the actions of the RACI role `ROLE`, by its name or its id")
	return cmd
}

// ownedBy reports whether the action's owner role is the one named, by
// its id or its name, in any letter case.
func ownedBy(s *model.Session, id, named string) bool {
	named = strings.TrimSpace(named)
	if strings.EqualFold(id, named) {
		return true
	}
	r, ok := s.RACI.RoleByID(id)
	return ok && strings.EqualFold(strings.TrimSpace(r.Name), named)
}

// count writes n with the singular or plural words.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
