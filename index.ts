// Package entry point: the three target bindings, the Okta client and the emulator launcher.
export * from "./sdk/types";
