package dev.tracedesk.explore.stack;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Whether a function's execution role may send traces: its policies and the decision for each X-Ray write action
 * (spec §7.3). With Active tracing and a role that fails this check, Lambda's own segment still appears but the
 * function's segments are refused.
 */
public record RoleCheck(String roleArn, String roleName, List<RolePolicy> policies, List<ActionDecision> decisions) {
    /** What a function (or the daemon in front of it) needs to send segments. */
    public static final List<String> WRITE_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    public RoleCheck {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(roleName, "roleName");
        policies = List.copyOf(policies);
        decisions = List.copyOf(decisions);
    }

    /** Evaluates {@link #WRITE_ACTIONS} over {@code policies}. */
    public static RoleCheck of(String roleArn, String roleName, List<RolePolicy> policies) {
        return new RoleCheck(roleArn, roleName, policies,
                WRITE_ACTIONS.stream().map(a -> IamPolicyEvaluator.evaluate(a, policies)).toList());
    }

    public boolean canWriteTraces() {
        return decisions.stream().allMatch(ActionDecision::allowed);
    }

    public List<String> missingActions() {
        return decisions.stream().filter(d -> !d.allowed()).map(ActionDecision::action).toList();
    }

    /** Whether AWSXRayDaemonWriteAccess is attached already (attaching it again changes nothing). */
    public boolean hasDaemonWriteAccess() {
        return policies.stream().anyMatch(p -> p.kind() == PolicyKind.AWS_MANAGED
                && p.arn().endsWith(":policy/" + ManagedPolicies.XRAY_DAEMON_WRITE_ACCESS));
    }

    /** Whether attaching AWSXRayDaemonWriteAccess would fix it: not when a Deny blocks the actions. */
    public boolean attachWouldHelp() {
        return !canWriteTraces() && !hasDaemonWriteAccess()
                && decisions.stream().noneMatch(d -> d.decision() == Decision.DENIED);
    }

    public List<RolePolicy> unreadablePolicies() {
        return policies.stream().filter(p -> p.document().isEmpty()).toList();
    }

    /** A short paragraph for the GUI and the command line. */
    public String explanation() {
        StringBuilder text = new StringBuilder();
        if (canWriteTraces()) {
            text.append("Role ").append(roleName).append(" may send traces: ");
        } else {
            text.append("Role ").append(roleName).append(" may not send traces (missing ")
                    .append(String.join(", ", missingActions())).append("). With Active tracing, Lambda still records "
                            + "its own segment, but the function's segments are refused. ");
        }
        text.append(decisions.stream().map(ActionDecision::explanation).collect(Collectors.joining("; "))).append('.');
        if (attachWouldHelp()) {
            text.append(" Attaching the AWS managed policy ").append(ManagedPolicies.XRAY_DAEMON_WRITE_ACCESS)
                    .append(" allows both.");
        }
        if (!unreadablePolicies().isEmpty()) {
            text.append(" Not read: ").append(unreadablePolicies().stream()
                    .map(p -> p.label() + " (" + p.note() + ")").collect(Collectors.joining(", "))).append('.');
        }
        return text.toString();
    }
}
