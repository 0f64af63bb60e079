// Command exit3 prints a line and exits with status 3; the
// scene harness's own test runs it through scene.Program.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("plain program")
	os.Exit(3)
}
