package dev.tracedesk.ui.stack;

import dev.tracedesk.explore.stack.RestStage;
import dev.tracedesk.explore.stack.RoleCheck;
import dev.tracedesk.explore.stack.StackFunction;
import dev.tracedesk.explore.stack.TracingMode;
import java.util.List;

/**
 * The stack's switches as the Stack screen uses them, for the stack on the current connection (the app implements it
 * over {@code explore.stack.StackActions}). Blocking: called from workers. Failures are exceptions with a message a
 * user can act on.
 */
public interface StackControls {

    /** What the screen calls the stack ("functions and REST APIs named AMIS_…"). */
    String describe();

    List<StackFunction> functions();

    /** The REST API stages (HTTP and WebSocket APIs cannot be traced and are not listed). */
    List<RestStage> stages();

    /** Switches a function's tracing and returns its configuration read back after the update. */
    StackFunction setTracing(String function, TracingMode mode);

    /** Switches a stage's tracing and returns the stage read back. */
    RestStage setStageTracing(RestStage stage, boolean enabled);

    RoleCheck checkRole(String roleArn);

    /** Attaches AWSXRayDaemonWriteAccess to the role and returns the check read again. */
    RoleCheck attachXRayWriteAccess(String roleArn);
}
