// Which binding the provider is working for, carried through every await of one provider call.
import { AsyncLocalStorage } from "node:async_hooks";
import { BindingInputs } from "./binding-types";

const current = new AsyncLocalStorage<BindingInputs>();

/**
 * Runs one provider call for `inputs`, so that events raised deep in the shared
 * Okta client (waits, retries) can be told to the binding they delay.
 */
export function forBinding<T>(inputs: BindingInputs, work: () => Promise<T>): Promise<T> {
  return current.run(inputs, work);
}

/** The binding whose call is running, if any. */
export function currentBinding(): BindingInputs | undefined {
  return current.getStore();
}
