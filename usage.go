package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// usageError is a command typed the wrong way: Roundtable says what is
// wrong in one line of its own words, then the command's usage line.
type usageError struct {
	cmd *cobra.Command
	msg string
}

func (e *usageError) Error() string { return e.msg }

func usage(cmd *cobra.Command, format string, args ...any) error {
	return &usageError{cmd: cmd, msg: fmt.Sprintf(format, args...)}
}

// report writes err to stderr the way every command does, and gives the
// exit status: 2 for a command typed the wrong way, 1 for anything else.
func report(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, "roundtable:", oneLine(err.Error()))
	var u *usageError
	if !errors.As(err, &u) {
		return 1
	}
	line := u.cmd.UseLine()
	if !u.cmd.HasParent() {
		line += " [command]"
	}
	fmt.Fprintln(stderr, "usage:", line)
	return 2
}

// noArgs refuses words after a command that takes none; after the program
// itself, a word is a command that does not exist.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if !cmd.HasParent() {
		cmd.SuggestionsMinimumDistance = 2
		msg := fmt.Sprintf("there is no command %q", args[0])
		if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
			msg += "; did you mean " + strings.Join(s, " or ") + "?"
		} else {
			msg += "; roundtable --help lists the commands"
		}
		return usage(cmd, "%s", msg)
	}
	return usage(cmd, "%s takes no arguments, but was given %q", name(cmd), strings.Join(args, " "))
}

// name is how a message names the command: "new", "completion bash", or
// "roundtable" for the program itself.
func name(cmd *cobra.Command) string {
	if !cmd.HasParent() {
		return cmd.Name()
	}
	_, rest, _ := strings.Cut(cmd.CommandPath(), " ")
	return rest
}

// oneArg asks for exactly one argument, named what as in the usage line,
// and shows an example of it when it is missing.
func oneArg(what, example string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) == 0:
			return usage(cmd, "%s needs a %s, e.g. %s", name(cmd), what, example)
		case len(args) > 1 && what == "TITLE":
			return usage(cmd, "%s takes one TITLE; put a title of several words in quotes, e.g. %s", name(cmd), example)
		case len(args) > 1:
			return usage(cmd, "%s takes one %s, but was given %d: %s", name(cmd), what, len(args), strings.Join(args, " "))
		}
		return nil
	}
}

// flagError words what the flag parser found wrong.
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "unknown flag: "):
		msg = noOption(cmd, strings.TrimPrefix(msg, "unknown flag: "))
	case strings.HasPrefix(msg, "unknown shorthand flag: "):
		// pflag says "unknown shorthand flag: 'x' in -xyz".
		letter := strings.Trim(strings.Fields(strings.TrimPrefix(msg, "unknown shorthand flag: "))[0], "'")
		msg = noOption(cmd, "-"+letter)
	case strings.HasPrefix(msg, "flag needs an argument: "):
		name := strings.TrimPrefix(msg, "flag needs an argument: ")
		if strings.HasPrefix(name, "'") {
			name = "-" + strings.Trim(strings.Fields(name)[0], "'")
		}
		msg = fmt.Sprintf("the option %s needs a value after it", name)
	}
	return usage(cmd, "%s", msg)
}

func noOption(cmd *cobra.Command, option string) string {
	of := ""
	if cmd.HasParent() {
		of = " for " + name(cmd)
	}
	return fmt.Sprintf("there is no option %s%s; %s --help lists the options", option, of, cmd.CommandPath())
}

// shells are the shells the completion command writes scripts for.
var shells = []string{"bash", "zsh", "fish", "powershell"}

const shellList = "bash, zsh, fish or powershell"

// guardCompletion makes the completion command refuse a shell it has no
// script for, instead of printing its help and exiting as if it had
// worked.
func guardCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Use = "completion " + strings.Join(shells, "|")
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			// A shell it knows is its own subcommand and never gets here.
			if len(args) == 0 {
				return usage(cmd, "completion needs the name of a shell: %s", shellList)
			}
			return usage(cmd, "there is no completion script for %q, only for %s", args[0], shellList)
		}
		for _, sh := range c.Commands() {
			sh.Args = noArgs
		}
	}
}

// newHelpCommand is "roundtable help COMMAND", which names a command that
// does not exist instead of printing the general help as if it did.
func newHelpCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			var names []string
			if len(args) == 0 {
				for _, c := range root.Commands() {
					if c.IsAvailableCommand() {
						names = append(names, c.Name()+"\t"+c.Short)
					}
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			c, _, err := root.Find(args)
			if err != nil || (c == root && len(args) > 0) {
				return noArgs(root, args)
			}
			return c.Help()
		},
	}
}
