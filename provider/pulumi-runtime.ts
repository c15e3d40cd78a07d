// The one place the provider reaches into @pulumi/pulumi's runtime internals.
import * as rpcModule from "@pulumi/pulumi/runtime/rpc";

/** Pulumi's RPC helpers; `rpc.unknownValue` marks a value not known until apply. */
export const rpc: { readonly unknownValue: string } = rpcModule;
