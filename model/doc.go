// Package model holds a Roundtable session as plain Go types: who is in the
// room, what they said at each step, and the workshop template the session
// was created from. It also holds the rules that need no screen: RACI
// findings, risk scores and bands, objective completeness and what each step
// still misses. It does no IO.
package model
