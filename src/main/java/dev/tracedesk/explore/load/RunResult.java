package dev.tracedesk.explore.load;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A finished (or stopped) run: its plan, when it ran, the smoke cases (smoke runs) or the client's latency
 * (performance runs), and per function the statistics of the REPORT lines written while it ran.
 */
public record RunResult(RunPlan plan, Instant started, Instant ended, boolean stopped, List<SmokeCase> cases,
        Optional<ClientLatency> latency, List<FunctionStatistics> functions) {

    public RunResult {
        cases = List.copyOf(cases);
        functions = List.copyOf(functions);
    }

    public String label() {
        return plan.label();
    }

    public RunResult withLabel(String label) {
        return new RunResult(plan.withLabel(label), started, ended, stopped, cases, latency, functions);
    }

    public long passedCount() {
        return cases.stream().filter(SmokeCase::passed).count();
    }

    public Optional<FunctionStatistics> function(String name) {
        return functions.stream().filter(f -> f.function().equals(name)).findFirst();
    }
}
