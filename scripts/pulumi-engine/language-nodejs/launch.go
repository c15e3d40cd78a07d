// Builds the command line and environment of `@pulumi/pulumi/cmd/run`.
package main

import (
	"encoding/json"
	"strconv"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// runArguments is the command line after `node [nodeargs]`: the runner, the
// flags it turns into PULUMI_NODEJS_* variables, the entry point (relative to
// --pwd, "." for "package.json decides") and the program's own arguments.
func runArguments(req *pulumirpc.RunRequest, runner, engineAddress, tracing string) []string {
	args := []string{runner}
	add := func(flag, value string) {
		if value != "" {
			args = append(args, "--"+flag, value)
		}
	}
	info := req.GetInfo()
	add("monitor", req.GetMonitorAddress())
	add("engine", engineAddress)
	add("organization", req.GetOrganization())
	add("project", req.GetProject())
	add("root-directory", info.GetRootDirectory())
	add("stack", req.GetStack())
	add("pwd", programDirectory(req))
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	add("parallel", strconv.Itoa(int(req.GetParallel())))
	add("tracing", tracing)
	args = append(args, entryPoint(req))
	return append(args, req.GetArgs()...)
}

// programDirectory is where the program runs: Pulumi.yaml's folder joined
// with `main` when `main` names a folder.
func programDirectory(req *pulumirpc.RunRequest) string {
	if dir := req.GetInfo().GetProgramDirectory(); dir != "" {
		return dir
	}
	return req.GetPwd()
}

func entryPoint(req *pulumirpc.RunRequest) string {
	if e := req.GetInfo().GetEntryPoint(); e != "" {
		return e
	}
	if p := req.GetProgram(); p != "" { //nolint:staticcheck // engines without ProgramInfo
		return p //nolint:staticcheck
	}
	return "."
}

// configJSON is PULUMI_CONFIG: an object (`{}` when the stack has no config)
// keyed `<namespace>:config:<name>`, the form every @pulumi/pulumi version
// reads.
func configJSON(values map[string]string) (string, error) {
	out := make(map[string]string, len(values))
	for k, v := range values {
		key, err := config.ParseKey(k)
		if err != nil {
			return "", err
		}
		out[key.Namespace()+":config:"+key.Name()] = v
	}
	b, err := json.Marshal(out)
	return string(b), err
}

// secretKeysJSON is PULUMI_CONFIG_SECRET_KEYS: an array, `[]` when no key is
// secret.
func secretKeysJSON(keys []string) (string, error) {
	if keys == nil {
		keys = []string{}
	}
	b, err := json.Marshal(keys)
	return string(b), err
}

// runEnvironment is the host's environment plus what the runner reads.
func runEnvironment(base []string, cfg, secretKeys string, opts nodeOptions) []string {
	env := append(append([]string{}, base...),
		"PULUMI_CONFIG="+cfg,
		"PULUMI_CONFIG_SECRET_KEYS="+secretKeys)
	if opts.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if opts.tsconfig != "" {
		// As given: the runner resolves it against --pwd, the program folder.
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+opts.tsconfig)
	}
	return env
}
