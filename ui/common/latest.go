package common

import "github.com/roundtable/roundtable/model"

// Latest is what is worked out from the open session once per revision
// and read by every screen that shows it: the rules' findings and what
// each step still lacks (model.Checks), and a copy of the session that
// later changes leave as it is, for work done in the background. The root
// keeps one and hands it to every screen in their Context; screens made
// without one, as in their own tests, work each out when they ask.
type Latest struct {
	sess   *model.Session
	rev    int
	checks *model.Checks
	// Frozen is the root's copy of the session it has open, when sess at
	// rev is that session as it is now.
	Frozen func(sess *model.Session, rev int) (*model.Session, bool)
}

// Checks returns the checks of sess at revision rev, worked out once for
// every screen that asks about that revision.
func (l *Latest) Checks(sess *model.Session, rev int) *model.Checks {
	if l == nil {
		return sess.Check()
	}
	if l.checks == nil || l.sess != sess || l.rev != rev {
		l.sess, l.rev, l.checks = sess, rev, sess.Check()
	}
	return l.checks
}

// Copy returns sess at revision rev in a copy that the room's next
// changes leave as it is, for work done in the background: the root's
// own frozen copy when it has one, else a copy made now.
func (l *Latest) Copy(sess *model.Session, rev int) *model.Session {
	if l != nil && l.Frozen != nil {
		if f, ok := l.Frozen(sess, rev); ok {
			return f
		}
	}
	return sess.Clone()
}
