//go:build linux

// Claim: multiprocessing.Value, multiprocessing.Array and
// shared_memory.SharedMemory are, in Go on Linux, one memory file (memfd)
// mapped by parent and child: the child gets it as fd 3 and maps it too,
// and both see the same bytes. Stores that another process may make at
// the same time must be atomic, as between threads. ROSETTA.md at the
// module root lists the rows these Examples prove.
//
//	go test -run 'Example_multiprocessing(Value|Array)|Example_sharedMemory' -v ./multiprocessing/
//
// You will see each Example pass, what it printed checked line by line
// against its Output comment.

package multiprocessing_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/sys/unix"

	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func init() {
	// rosetta/squares fills the shared array of n uint32s with squares.
	pool.Register("rosetta/squares", func(arg []byte) ([]byte, error) {
		n, err := strconv.Atoi(string(arg))
		if err != nil {
			return nil, err
		}
		f := os.NewFile(3, "array")
		defer f.Close()
		mem, err := mapShared(f, 4*n)
		if err != nil {
			return nil, err
		}
		defer unix.Munmap(mem)
		for i := range n {
			binary.NativeEndian.PutUint32(mem[4*i:], uint32(i*i))
		}
		return nil, nil
	})
	// rosetta/shout reads the text the parent left in the block and
	// writes it back in capitals, in place.
	pool.Register("rosetta/shout", func(arg []byte) ([]byte, error) {
		size, err := strconv.Atoi(string(arg))
		if err != nil {
			return nil, err
		}
		f := os.NewFile(3, "block")
		defer f.Close()
		mem, err := mapShared(f, size)
		if err != nil {
			return nil, err
		}
		defer unix.Munmap(mem)
		copy(mem, bytes.ToUpper(mem))
		return nil, nil
	})
}

// sharedBlock makes a memory file of size bytes and maps it.
func sharedBlock(name string, size int) (*os.File, []byte, error) {
	fd, err := unix.MemfdCreate(name, unix.MFD_CLOEXEC)
	if err != nil {
		return nil, nil, err
	}
	f := os.NewFile(uintptr(fd), name)
	if err := f.Truncate(int64(size)); err != nil {
		f.Close()
		return nil, nil, err
	}
	mem, err := mapShared(f, size)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, mem, nil
}

func mapShared(f *os.File, size int) ([]byte, error) {
	return unix.Mmap(int(f.Fd()), 0, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
}

// runWith starts the registered function name with arg and the file f as
// fd 3, and joins it.
func runWith(name, arg string, f *os.File) error {
	p, err := multiprocessing.Start(context.Background(), name, []byte(arg), f)
	if err != nil {
		return err
	}
	res, err := p.Join()
	if err == nil && res.ExitCode != 0 {
		err = fmt.Errorf("%s: %s: %s", name, res.Exit, res.Stderr)
	}
	return err
}

// multiprocessing.Value('i', 0) with its lock: a SharedCounter, one
// 64-bit word in a shared page that every process adds to atomically, so
// it needs no lock at all.
func Example_multiprocessingValue() {
	c, err := multiprocessing.NewSharedCounter()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	err = c.AddFromProcesses(context.Background(), 3, 1000)
	fmt.Println(c.Load(), err)
	// Output: 3000 <nil>
}

// multiprocessing.Array('I', 5): a shared block read as fixed-size
// numbers. The child writes, and the parent reads what it wrote after
// Join, which orders the two.
func Example_multiprocessingArray() {
	const n = 5
	f, mem, err := sharedBlock("rosetta-array", 4*n)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	defer unix.Munmap(mem)
	if err := runWith("rosetta/squares", strconv.Itoa(n), f); err != nil {
		fmt.Println(err)
		return
	}
	for i := range n {
		fmt.Print(binary.NativeEndian.Uint32(mem[4*i:]), " ")
	}
	fmt.Println()
	// Output: 0 1 4 9 16
}

// shared_memory.SharedMemory(create=True, size=n): a memory file with no
// name in the file system. Python hands over the block's name; here the
// descriptor itself is passed, and the block disappears when the last
// process closes it, with no unlink() to forget.
func Example_sharedMemory() {
	text := []byte("hello from the parent")
	f, mem, err := sharedBlock("rosetta-block", len(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	defer unix.Munmap(mem)
	copy(mem, text)
	if err := runWith("rosetta/shout", strconv.Itoa(len(text)), f); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(mem))
	// Output: HELLO FROM THE PARENT
}
