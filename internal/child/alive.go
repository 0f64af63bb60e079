package child

import (
	"os"
	"strconv"
	"strings"
)

// Alive reports whether a process with this pid exists and is not a zombie
// waiting to be reaped. Tests use it to prove that no child was left behind.
func Alive(pid int) bool {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		return aliveBySignal(pid)
	}
	_, state, ok := procGroup(pid)
	return ok && state != 'Z' && state != 'X'
}

// procGroup reads a process's group and state from /proc/<pid>/stat.
func procGroup(pid int) (pgid int, state byte, ok bool) {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0, false
	}
	// After the parenthesised command name come the state, the parent's
	// pid and the process group.
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	if i < 0 || i+2 >= len(s) {
		return 0, 0, false
	}
	f := strings.Fields(s[i+2:])
	if len(f) < 3 {
		return 0, 0, false
	}
	pgid, err = strconv.Atoi(f[2])
	return pgid, f[0][0], err == nil
}
