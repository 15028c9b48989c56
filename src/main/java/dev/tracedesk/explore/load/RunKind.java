package dev.tracedesk.explore.load;

/** A smoke run (a fixed set of valid and invalid requests, pass/fail each) or a performance run (N requests). */
public enum RunKind { SMOKE, PERFORMANCE }
