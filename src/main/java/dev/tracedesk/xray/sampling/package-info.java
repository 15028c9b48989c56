/** Sampling-rule semantics shared by the sandbox and the explorer: the SDKs' wildcard matcher. */
package dev.tracedesk.xray.sampling;
