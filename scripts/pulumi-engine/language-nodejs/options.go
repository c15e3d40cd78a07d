// Reads the `runtime.options` of Pulumi.yaml that a Node.js program honours.
package main

import (
	"errors"
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/nodejs/npm"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// nodeOptions are the runtime options of a Node.js project.
type nodeOptions struct {
	typescript     bool
	tsconfig       string
	nodeargs       string
	packagemanager npm.PackageManagerType
}

// parseOptions validates the options like Pulumi's host does, with the same
// defaults (TypeScript on, package manager chosen from the lock file).
func parseOptions(info *pulumirpc.ProgramInfo) (nodeOptions, error) {
	o := nodeOptions{typescript: true, packagemanager: npm.AutoPackageManager}
	if info == nil || info.GetOptions() == nil {
		return o, nil
	}
	m := info.GetOptions().AsMap()
	if v, ok := m["typescript"]; ok {
		b, ok := v.(bool)
		if !ok {
			return o, errors.New("typescript option must be a boolean")
		}
		o.typescript = b
	}
	if v, ok := m["tsconfig"]; ok {
		s, ok := v.(string)
		if !ok {
			return o, errors.New("tsconfigpath option must be a string")
		}
		o.tsconfig = s
	}
	if v, ok := m["nodeargs"]; ok {
		s, ok := v.(string)
		if !ok {
			return o, errors.New("nodeargs option must be a string")
		}
		o.nodeargs = s
	}
	if v, ok := m["packagemanager"]; ok {
		s, ok := v.(string)
		if !ok {
			return o, errors.New("packagemanager option must be a string")
		}
		switch pm := npm.PackageManagerType(s); pm {
		case npm.AutoPackageManager, npm.NpmPackageManager, npm.YarnPackageManager,
			npm.PnpmPackageManager, npm.BunPackageManager:
			o.packagemanager = pm
		default:
			return o, fmt.Errorf("packagemanager option must be one of auto, npm, yarn, pnpm or bun, got %q", s)
		}
	}
	return o, nil
}
