package dev.tracedesk.sandbox.api;

/** A rest-json operation bound to a method and a path pattern. */
@FunctionalInterface
public interface RestOperation {
    Reply handle(Call call);
}
