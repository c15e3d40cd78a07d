// Command pulumi-language-nodejs is a small Node.js language host for the
// Pulumi engine.
//
// Pulumi's own language host lives in a Go module that the module proxy does
// not serve, so the engine bootstrap builds this one instead. It implements the
// LanguageRuntime gRPC service from github.com/pulumi/pulumi/sdk/v3 and runs
// programs the way the official host does: it starts
// `node <program's @pulumi/pulumi>/cmd/run` with the engine and monitor
// addresses and the stack config, reports the program's plugins and
// dependencies, and exits (stopping the program) once the engine that started
// it stops answering. Everything past that launch (resource registration,
// dynamic providers, state) is the real engine and the real Node.js SDK.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

func main() {
	// The engine passes its logging flags (-v, --logtostderr, ...), which the
	// logging package registers on flag.CommandLine, then the engine address.
	tracing := flag.String("tracing", "", "Emit tracing to a Zipkin-compatible tracing endpoint")
	runtimeName := flag.String("runtime", "nodejs", "The JavaScript runtime; only `nodejs` is supported")
	showVersion := flag.Bool("version", false, "Print the plugin version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Println(version.Version)
		return
	}
	logging.InitLogging(false, 0, false)
	if *runtimeName != "nodejs" {
		fail(fmt.Errorf("unsupported runtime %q: this host runs Node.js programs only; remove `runtime.options.runtime` from Pulumi.yaml", *runtimeName))
	}

	engineAddress := ""
	if args := flag.Args(); len(args) > 0 {
		engineAddress = args[0]
	}

	// A closed stdout (the engine died) must turn into write errors, not kill
	// this process before it has stopped the program it started.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)

	h := newHost(engineAddress, *tracing)
	stop := make(chan bool)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: stop,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, h)
			return nil
		},
	})
	if err != nil {
		fail(fmt.Errorf("could not start the language host RPC server: %w", err))
	}

	// Ctrl-C (the whole terminal process group gets it) and losing the engine
	// both end the programs this host started, then the host itself.
	interrupted, cancelSignals := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancelSignals()
	go func() {
		select {
		case <-interrupted.Done():
		case <-h.engineGone:
		}
		h.shutdown(stop)
	}()
	if engineAddress != "" {
		h.watchEngine(engineAddress)
	}

	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fail(fmt.Errorf("the language host RPC server stopped: %w", err))
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
	os.Exit(1)
}
