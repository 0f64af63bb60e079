// Without process groups there are no members to find.

//go:build !unix

package cpython

// groupMembers knows of no process groups here.
func groupMembers(int) []int { return nil }
