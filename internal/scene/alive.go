package scene

import (
	"os"
	"strconv"
	"strings"
)

// Alive reports whether a process with this pid exists and is not a zombie
// waiting to be reaped. Tests use it to prove that no child was left behind.
func Alive(pid int) bool {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return aliveBySignal(pid)
	}
	// The state is the field after the parenthesised command name.
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	if i < 0 || i+2 >= len(s) {
		return true
	}
	state := s[i+2]
	return state != 'Z' && state != 'X'
}
