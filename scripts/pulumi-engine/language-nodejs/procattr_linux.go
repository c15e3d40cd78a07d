// Ties a program's life to this host's on Linux.
package main

import "syscall"

// dieWithParent makes the kernel send SIGKILL to the program if this host
// dies without stopping it first (for example when it is killed with -9).
func dieWithParent() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
