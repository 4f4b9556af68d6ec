package main

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/present"
)

func newPresentCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "present SESSION",
		Short: "Show a session to the room, following the facilitator",
		Long: `Show the room, typically on a projector, the session another Roundtable has
open: the step the facilitator is on, the question for the room and the
step's content drawn large, with no keys to read and nothing to edit.

It follows every change the facilitator's Roundtable saves, and never
writes, creates or locks a file. q or ctrl+c closes it.`,
		Example:           `  roundtable present acme`,
		Args:              oneArg("SESSION", "roundtable present acme"),
		ValidArgsFunction: a.completeSessions,
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := a.store().Resolve(args[0])
			if err != nil {
				return err
			}
			// A file that cannot be read is said here, on the command line.
			f, err := store.Follow(path)
			if err != nil {
				return err
			}
			f.Close()
			if !a.interactive() {
				return errors.New("presenting a session needs a terminal")
			}
			return present.Run(path)
		},
	}
}
